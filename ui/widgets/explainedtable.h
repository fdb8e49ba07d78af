// SPDX-License-Identifier: GPL-3.0-or-later
// What the Orders and Ward stocks tabs share: a sortable table of computed
// lines, filtered by a search field, above the explanation of the selected
// line. The model gives raw values under sortRole and folded search text
// (ProductTableModel::foldForSearch) under searchRole; the owner places the
// search field and says how a line explains itself.
#pragma once

#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace reappro {

class ExplainedTable : public QWidget
{
    Q_OBJECT
public:
    ExplainedTable(QAbstractItemModel *model, int sortRole, int searchRole, int stretchColumn, QWidget *parent = nullptr);

    // HTML for a row of the model (not of the filtered view).
    void setExplainer(std::function<QString(int row)> explainer) { m_explainer = std::move(explainer); }
    // A filter besides the search text, on rows of the model; call
    // refilter() when what it reads changes.
    void setRowFilter(std::function<bool(int row)> accepts);
    void refilter();

    QTableView *view() const { return m_view; }
    QTextBrowser *explanation() const { return m_explanation; }
    QLineEdit *searchField() const { return m_search; }
    QSortFilterProxyModel *proxy() const;
    // Rows shown after the filter.
    int shownRows() const;

Q_SIGNALS:
    void filterChanged();

private:
    void showExplanation();

    class Proxy;
    Proxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QTextBrowser *m_explanation = nullptr;
    QLineEdit *m_search = nullptr;
    std::function<QString(int)> m_explainer;
};

// Asks where to save a CSV (suggesting `name`), writes it with `write`
// (false and a message on failure) and says when it failed.
void exportCsvInteractively(QWidget *parent, const QString &title, const QString &name,
                            const std::function<bool(const QString &path, QString *error)> &write);

} // namespace reappro
