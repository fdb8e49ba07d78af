// SPDX-License-Identifier: GPL-3.0-or-later
// The lines an import rejected, as a table: file, line, column, value and
// the reason in the UI language (the core's own text, which says how to fix
// the line).
#pragma once

#include "core/import/importer.h"
#include "core/common/messages.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <vector>

namespace reappro {

class RejectedLineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FileColumn, LineColumn, ColumnColumn, ValueColumn, ReasonColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit RejectedLineModel(Language lang, QObject *parent = nullptr);

    void setLines(std::vector<RejectedLine> lines);
    const RejectedLine &lineAt(int row) const { return m_lines[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString reasonText(const RejectedLine &r) const;

    Language m_lang;
    QLocale m_locale;
    std::vector<RejectedLine> m_lines;
};

} // namespace reappro
