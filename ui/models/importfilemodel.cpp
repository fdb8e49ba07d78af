// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/importfilemodel.h"
#include "ui/formatting.h"
#include "ui/uilanguage.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

namespace reappro {

ImportFileModel::ImportFileModel(Language lang, QObject *parent) : QAbstractTableModel(parent), m_lang(lang), m_locale(uiLocale(lang)) {}

void ImportFileModel::setFiles(std::vector<ImportFileReport> files)
{
    beginResetModel();
    m_files = std::move(files);
    endResetModel();
}

int ImportFileModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_files.size()); }

int ImportFileModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ImportFileModel::formatText(const ImportFileReport &f) const
{
    if (f.format.isEmpty())
        return {};
    QStringList parts{f.format};
    if (!f.encoding.isEmpty())
        parts << f.encoding;
    if (f.format == QLatin1String("CSV") && !f.delimiter.isEmpty())
        parts << tr("delimiter %1").arg(f.delimiter);
    return parts.join(QStringLiteral(", "));
}

QVariant ImportFileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_files.size()))
        return {};
    const ImportFileReport &f = m_files[size_t(index.row())];
    const int column = index.column();
    const bool known = !f.format.isEmpty();   // empty: the file could not be read or recognised
    if (role == Qt::DisplayRole) {
        switch (column) {
        case FileColumn: return QFileInfo(f.file).fileName();
        case KindColumn: return known ? fileKindLabel(f.kind, m_lang == Language::French) : tr("not recognised");
        case FormatColumn: return formatText(f);
        case LinesColumn: return formatCount(f.lines, m_locale);
        case InsertedColumn: return formatCount(f.inserted, m_locale);
        case UpdatedColumn: return formatCount(f.updated, m_locale);
        case UnchangedColumn: return formatCount(f.unchanged, m_locale);
        case RejectedColumn: return formatCount(f.rejected, m_locale);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && column == FileColumn)
        return f.file;
    if (role == Qt::TextAlignmentRole && column >= LinesColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column == RejectedColumn && f.rejected > 0)
        return QBrush(QColor(0xb7, 0x1c, 0x1c));
    return {};
}

QVariant ImportFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return int((section >= LinesColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && section == UnchangedColumn)
        return tr("Lines already in the database with the same values (a file imported twice changes nothing).");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn: return tr("File");
    case KindColumn: return tr("Contents");
    case FormatColumn: return tr("Format");
    case LinesColumn: return tr("Lines read");
    case InsertedColumn: return tr("Added");
    case UpdatedColumn: return tr("Updated");
    case UnchangedColumn: return tr("Unchanged");
    case RejectedColumn: return tr("Rejected");
    default: return {};
    }
}

} // namespace reappro
