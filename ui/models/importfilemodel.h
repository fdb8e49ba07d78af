// SPDX-License-Identifier: GPL-3.0-or-later
// One row per file of an import: what the file was recognised as, how it was
// read, and what happened to its lines.
#pragma once

#include "core/import/importer.h"
#include "core/common/messages.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <vector>

namespace reappro {

class ImportFileModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        FileColumn,
        KindColumn,
        FormatColumn,
        LinesColumn,
        InsertedColumn,
        UpdatedColumn,
        UnchangedColumn,
        RejectedColumn,
        ColumnCount
    };

    explicit ImportFileModel(Language lang, QObject *parent = nullptr);

    void setFiles(std::vector<ImportFileReport> files);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString formatText(const ImportFileReport &f) const;

    Language m_lang;
    QLocale m_locale;
    std::vector<ImportFileReport> m_files;
};

} // namespace reappro
