// SPDX-License-Identifier: GPL-3.0-or-later
// What the tables of computed lines (order lines, par levels) share: the
// lines in their given order, each line's folded search text
// (ProductTableModel::foldForSearch) and the UI's locale. A subclass says
// which text a line is found by, and how it shows.
#pragma once

#include "core/common/messages.h"
#include "ui/models/producttablemodel.h"
#include "ui/uilanguage.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <vector>

namespace reappro {

template <class Line> class LineTableModel : public QAbstractTableModel
{
public:
    enum Role { SortRole = Qt::UserRole, SearchTextRole };

    LineTableModel(Language lang, int columns, QObject *parent)
        : QAbstractTableModel(parent), m_lang(lang), m_locale(uiLocale(lang)), m_columns(columns)
    {
    }

    void setLines(std::vector<Line> lines)
    {
        beginResetModel();
        m_lines = std::move(lines);
        m_searchText.clear();
        m_searchText.reserve(m_lines.size());
        for (const Line &l : m_lines)
            m_searchText.push_back(ProductTableModel::foldForSearch(searchText(l)));
        endResetModel();
    }
    const Line &lineAt(int row) const { return m_lines[size_t(row)]; }
    const std::vector<Line> &lines() const { return m_lines; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_lines.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_columns; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!index.isValid() || index.row() >= rowCount())
            return {};
        if (role == SearchTextRole)
            return m_searchText[size_t(index.row())];
        return lineData(m_lines[size_t(index.row())], index.column(), role);
    }

protected:
    // The cell of `line` in `column` for `role` (all but SearchTextRole).
    virtual QVariant lineData(const Line &line, int column, int role) const = 0;
    // The words the filter field finds a line by (codes, labels).
    virtual QString searchText(const Line &line) const = 0;

    Language m_lang;
    QLocale m_locale;

private:
    int m_columns;
    std::vector<Line> m_lines;
    std::vector<QString> m_searchText;
};

} // namespace reappro
