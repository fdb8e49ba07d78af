// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: the open database's summary strip and product list, with
// a search field and a category filter, and the menus to open a database and
// import exports. It reads through the Store's query functions only.
#pragma once

#include "core/common/messages.h"

#include "ui/models/producttablemodel.h"

#include <QMainWindow>
#include <array>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace reappro {

class ImportDialog;
class OrdersView;
class ReplayView;
class ParLevelsView;
class ProductFilterProxyModel;
class Store;
class SummaryStrip;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Language lang, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) a database and shows its products; remembers it for
    // the next start. On failure the current database stays open.
    bool openDatabase(const QString &path, QString *error = nullptr);
    QString databasePath() const;
    bool hasDatabase() const { return m_store != nullptr; }

    // An import dialog on the open database, wired to reload this window
    // when the import commits. The caller starts it.
    ImportDialog *createImportDialog();
    // Shows an import dialog and starts importing these files.
    ImportDialog *importFiles(const QStringList &paths);

    ProductTableModel *productModel() const { return m_model; }
    ProductFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *productView() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *categoryFilter() const { return m_category; }
    SummaryStrip *summaryStrip() const { return m_summary; }
    QLabel *countLabel() const { return m_countLabel; }
    QTabWidget *tabs() const { return m_tabs; }
    OrdersView *ordersView() const { return m_orders; }
    ParLevelsView *parLevelsView() const { return m_parLevels; }
    ReplayView *replayView() const { return m_replay; }

public Q_SLOTS:
    void reload();
    void openDatabaseInteractively();
    void importInteractively();
    void showAbout();
    // Status bar note when the database used last time has gone.
    void showMissingDatabase(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    QWidget *createWelcomePage();
    QWidget *createProductPage();
    void measureColumns();
    void fitColumns();
    void updateCount();
    void updateTitle();
    bool ensureDatabaseForImport();

    Language m_lang;
    std::unique_ptr<Store> m_store;

    QStackedWidget *m_pages = nullptr;
    QWidget *m_welcomePage = nullptr;
    QWidget *m_productPage = nullptr;
    SummaryStrip *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    OrdersView *m_orders = nullptr;
    ParLevelsView *m_parLevels = nullptr;
    ReplayView *m_replay = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_category = nullptr;
    QLabel *m_countLabel = nullptr;
    QTableView *m_view = nullptr;
    ProductTableModel *m_model = nullptr;
    ProductFilterProxyModel *m_proxy = nullptr;
    QLabel *m_pathLabel = nullptr;
    std::array<int, ProductTableModel::ColumnCount> m_contentWidth{};
    bool m_autoFitColumns = false;   // false once the user has sized a column
    bool m_fitting = false;          // our own resizes are not the user's

    QAction *m_openAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace reappro
