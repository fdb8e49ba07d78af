// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/rejectedlinemodel.h"
#include "ui/uilanguage.h"

#include <QFileInfo>
#include <algorithm>
#include <map>
#include <tuple>

namespace reappro {

RejectedLineModel::RejectedLineModel(Language lang, QObject *parent) : QAbstractTableModel(parent), m_lang(lang), m_locale(uiLocale(lang))
{
}

void RejectedLineModel::setLines(std::vector<RejectedLine> lines)
{
    // Read like the files: file by file (in the order they were met), then
    // line by line, whatever order the importer found them in.
    std::map<QString, int> fileRank;
    for (const RejectedLine &r : lines)
        fileRank.emplace(r.file, int(fileRank.size()));
    std::stable_sort(lines.begin(), lines.end(), [&fileRank](const RejectedLine &a, const RejectedLine &b) {
        return std::tuple(fileRank[a.file], a.line, a.column) < std::tuple(fileRank[b.file], b.line, b.column);
    });
    beginResetModel();
    m_lines = std::move(lines);
    endResetModel();
}

int RejectedLineModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_lines.size()); }

int RejectedLineModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString RejectedLineModel::reasonText(const RejectedLine &r) const { return rejectReasonText(r.reason, m_lang, r.detail); }

QVariant RejectedLineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_lines.size()))
        return {};
    const RejectedLine &r = m_lines[size_t(index.row())];
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        // The file name is enough to tell the files of one import apart;
        // the tooltip has the full path.
        case FileColumn: return QFileInfo(r.file).fileName();
        // Line 0 means the whole file (a missing column, an unreadable file).
        case LineColumn: return r.line > 0 ? m_locale.toString(r.line) : tr("whole file");
        case ColumnColumn:
            if (r.column <= 0)
                return r.line > 0 ? tr("whole line") : QString();
            return r.columnName.isEmpty() ? m_locale.toString(r.column) : QStringLiteral("%1 (%2)").arg(r.columnName).arg(r.column);
        case ValueColumn: return r.value;
        case ReasonColumn: return reasonText(r);
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (column) {
        case LineColumn: return r.line;
        case ColumnColumn: return r.column;
        case ReasonColumn: return static_cast<int>(r.reason);
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case FileColumn: return r.file;
        case ValueColumn: return r.value;
        // Rich text so that the long reason wraps in the tooltip.
        case ReasonColumn: return QStringLiteral("<p>%1</p>").arg(reasonText(r).toHtmlEscaped());
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && column == LineColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RejectedLineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn: return tr("File");
    case LineColumn: return tr("Line");
    case ColumnColumn: return tr("Column");
    case ValueColumn: return tr("Value");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

} // namespace reappro
