// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"
#include "ui/widgets/criticalitydelegate.h"
#include "ui/formatting.h"
#include "ui/icons.h"
#include "ui/dialogs/importdialog.h"
#include "ui/models/productfilterproxymodel.h"
#include "ui/models/producttablemodel.h"
#include "ui/views/ordersview.h"
#include "ui/views/replayview.h"
#include "ui/views/parlevelsview.h"
#include "ui/widgets/summarystrip.h"
#include "ui/uilanguage.h"

#include "core/replenishment/replenishmentdata.h"
#include "core/store/store.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace reappro {

namespace {

const char *const kLastDatabaseKey = "database/last";
const char *const kGeometryKey = "window/geometry";

QString databaseFilters()
{
    return MainWindow::tr("Reappro databases (*.sqlite *.db)") + QStringLiteral(";;") + MainWindow::tr("All files (*)");
}

} // namespace

MainWindow::MainWindow(Language lang, QWidget *parent) : QMainWindow(parent), m_lang(lang)
{
    m_model = new ProductTableModel(lang, this);
    m_proxy = new ProductFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);

    setWindowIcon(applicationIcon());
    createMenus();
    m_pages = new QStackedWidget(this);
    m_welcomePage = createWelcomePage();
    m_productPage = createProductPage();
    m_pages->addWidget(m_welcomePage);
    m_pages->addWidget(m_productPage);
    setCentralWidget(m_pages);

    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("databasePathLabel"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_pathLabel);
    m_pathLabel->setText(tr("No database open"));

    setAcceptDrops(true);
    updateTitle();

    const QByteArray geometry = QSettings().value(QLatin1String(kGeometryKey)).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1440, 900);
        resize(std::min(1440, available.width() * 9 / 10), std::min(860, available.height() * 9 / 10));
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_openAction = file->addAction(tr("&Open a database…"), this, &MainWindow::openDatabaseInteractively);
    m_openAction->setShortcut(QKeySequence::Open);
    m_importAction = file->addAction(tr("&Import exports…"), this, &MainWindow::importInteractively);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setIcon(actionIcon("import"));
    m_importAction->setStatusTip(tr("Import CSV or XLSX exports of the pharmacy software into the open database"));
    file->addSeparator();
    m_quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setIcon(actionIcon("quit"));
    m_quitAction->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_aboutAction = help->addAction(tr("&About Reappro"), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutAction->setIcon(actionIcon("about"));
}

QWidget *MainWindow::createWelcomePage()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);
    outer->addStretch(2);
    auto *title = new QLabel(tr("No database open"), page);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    title->setFont(f);
    title->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(tr("Open an existing Reappro database, or import the exports of your pharmacy software "
                               "(products, stock movements, stock by lot, open orders) to create one. "
                               "You can also drop the export files on this window."),
                            page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    // A word-wrapped label placed with an alignment gets no height for its
    // width from the layout: give it both.
    text->setFixedWidth(560);
    text->setMinimumHeight(text->heightForWidth(560));
    auto *buttons = new QHBoxLayout;
    auto *open = new QPushButton(tr("Open a database…"), page);
    auto *import = new QPushButton(tr("Import exports…"), page);
    import->setDefault(true);
    connect(open, &QPushButton::clicked, this, &MainWindow::openDatabaseInteractively);
    connect(import, &QPushButton::clicked, this, &MainWindow::importInteractively);
    buttons->addStretch(1);
    buttons->addWidget(open);
    buttons->addWidget(import);
    buttons->addStretch(1);
    outer->addWidget(title);
    outer->addSpacing(8);
    outer->addWidget(text, 0, Qt::AlignHCenter);
    outer->addSpacing(16);
    outer->addLayout(buttons);
    outer->addStretch(3);
    return page;
}

QWidget *MainWindow::createProductPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(10, 10, 10, 4);
    layout->setSpacing(8);

    m_summary = new SummaryStrip(m_lang, page);
    layout->addWidget(m_summary);

    // Tabs under the summary: the product list, the orders, the ward stocks,
    // the policies replayed over the history.
    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    auto *productsTab = new QWidget(m_tabs);
    auto *productsLayout = new QVBoxLayout(productsTab);
    productsLayout->setContentsMargins(0, 8, 0, 0);
    productsLayout->setSpacing(8);

    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(productsTab);
    m_search->setObjectName(QStringLiteral("productSearch"));
    m_search->setPlaceholderText(tr("Search a product (code, label, INN)…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) + 48);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
    });
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, this, [this] {
        // The search field of the tab shown.
        QLineEdit *search = m_tabs->currentWidget() == m_orders      ? m_orders->searchField()
                            : m_tabs->currentWidget() == m_parLevels ? m_parLevels->searchField()
                                                                     : m_search;
        search->setFocus(Qt::ShortcutFocusReason);
        search->selectAll();
    });
    addAction(findAction);

    m_category = new QComboBox(productsTab);
    m_category->setObjectName(QStringLiteral("productCategory"));
    m_category->addItem(tr("All"), int(ProductFilterProxyModel::Category::All));
    m_category->addItem(tr("Drugs"), int(ProductFilterProxyModel::Category::Drugs));
    m_category->addItem(tr("Medical devices"), int(ProductFilterProxyModel::Category::MedicalDevices));
    m_category->addItem(tr("MITM"), int(ProductFilterProxyModel::Category::Mitm));
    m_category->setItemData(3, tr("Medicines of major therapeutic interest"), Qt::ToolTipRole);
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setCategory(ProductFilterProxyModel::Category(m_category->currentData().toInt()));
        updateCount();
    });
    auto *showLabel = new QLabel(tr("Show:"), productsTab);
    showLabel->setBuddy(m_category);

    m_countLabel = new QLabel(productsTab);
    m_countLabel->setObjectName(QStringLiteral("productCount"));
    m_countLabel->setStyleSheet(QStringLiteral("color: #5f6b7a;"));

    filters->addWidget(m_search);
    filters->addSpacing(12);
    filters->addWidget(showLabel);
    filters->addWidget(m_category);
    filters->addStretch(1);
    filters->addWidget(m_countLabel);
    productsLayout->addLayout(filters);

    m_view = new QTableView(productsTab);
    m_view->setObjectName(QStringLiteral("productView"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(ProductTableModel::CriticalityColumn, new CriticalityDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProductTableModel::LabelColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // The label is what people read; it takes the width the numbers leave.
    header->setSectionResizeMode(ProductTableModel::LabelColumn, QHeaderView::Stretch);
    connect(header, &QHeaderView::sectionResized, this, [this](int section) {
        // The label stretches with the window; any other column resized
        // outside fitColumns() was resized by the user: keep their widths.
        if (!m_fitting && section != ProductTableModel::LabelColumn)
            m_autoFitColumns = false;
    });
    m_view->viewport()->installEventFilter(this);
    productsLayout->addWidget(m_view, 1);

    m_orders = new OrdersView(m_lang, m_tabs);
    m_tabs->addTab(productsTab, tr("Products"));
    m_parLevels = new ParLevelsView(m_lang, m_tabs);
    m_tabs->addTab(m_orders, actionIcon("orders"), tr("Orders"));
    m_tabs->addTab(m_parLevels, actionIcon("par-levels"), tr("Par levels"));
    m_replay = new ReplayView(m_lang, m_tabs);
    m_tabs->addTab(m_replay, actionIcon("replay"), tr("Replay"));
    layout->addWidget(m_tabs, 1);
    return page;
}

bool MainWindow::openDatabase(const QString &path, QString *error)
{
    auto store = std::make_unique<Store>();
    store->setLanguage(m_lang);
    QString err;
    if (!store->open(path, &err)) {
        if (error)
            *error = err;
        return false;
    }
    m_store = std::move(store);
    QSettings().setValue(QLatin1String(kLastDatabaseKey), QFileInfo(path).absoluteFilePath());
    m_pathLabel->setText(tr("Database: %1").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    m_pages->setCurrentWidget(m_productPage);
    m_model->setProducts({});   // so that reload() fits the columns to this database
    reload();
    updateTitle();
    return true;
}

QString MainWindow::databasePath() const { return m_store ? m_store->path() : QString(); }

void MainWindow::reload()
{
    if (!m_store)
        return;
    const StoreInfo info = m_store->info();
    m_summary->setInfo(info);
    m_replay->setDatabase(m_store->path(), info.firstMovement, info.lastMovement);
    // New data: the orders shown are those of the data before.
    const QDate lastDay = lastHistoryDay(*m_store);
    m_orders->setDatabase(m_store->path(), lastDay);
    m_parLevels->setDatabase(m_store->path(), lastDay.isValid());
    // Columns are fitted to the first data shown (an empty database fills up
    // on its first import); after that they keep the widths the user chose.
    const bool wasEmpty = m_model->rowCount() == 0;
    m_model->setProducts(m_store->productSummaries());
    if (wasEmpty) {
        measureColumns();
        fitColumns();
    }
    updateCount();
}

void MainWindow::measureColumns()
{
    // Measured once per database (a sample of rows for big ones), not on
    // every window resize.
    QHeaderView *header = m_view->horizontalHeader();
    header->setResizeContentsPrecision(500);
    const QAbstractItemView *view = m_view;   // sizeHintForColumn is public there
    // Breathing room, so that neighbouring columns do not read as one.
    const int padding = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 3 / 4;
    for (int c = 0; c < ProductTableModel::ColumnCount; ++c)
        m_contentWidth[size_t(c)] = std::max(view->sizeHintForColumn(c), header->sectionSizeHint(c)) + padding;
    m_autoFitColumns = true;
}

void MainWindow::fitColumns()
{
    using PTM = ProductTableModel;
    QHeaderView *header = m_view->horizontalHeader();
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const auto content = [this](int c) { return m_contentWidth[size_t(c)]; };

    // Codes, numbers, dates and badges are always shown whole. Free text
    // (DCI, form, supplier) gets its full width when the window allows and
    // shrinks to a floor otherwise (the tooltip has the whole text), so that
    // the label, which stretches, keeps about 30 characters.
    struct Text {
        int column, floorEm;
    };
    const Text texts[] = {{PTM::DciColumn, 12}, {PTM::FormUnitColumn, 10}, {PTM::SupplierColumn, 12}};
    int fixed = 0;
    for (int c = 0; c < PTM::ColumnCount; ++c) {
        if (c != PTM::LabelColumn && c != PTM::DciColumn && c != PTM::FormUnitColumn && c != PTM::SupplierColumn)
            fixed += content(c);
    }
    const int labelWant = std::min(content(PTM::LabelColumn), 34 * em);
    const int space = m_view->viewport()->width() - fixed - labelWant;
    int floors = 0, wants = 0;
    for (const Text &t : texts) {
        floors += std::min(content(t.column), t.floorEm * em);
        wants += std::min(content(t.column), 24 * em);
    }

    m_fitting = true;
    for (int c = 0; c < PTM::ColumnCount; ++c) {
        if (c != PTM::LabelColumn)
            header->resizeSection(c, content(c));
    }
    for (const Text &t : texts) {
        const int floor = std::min(content(t.column), t.floorEm * em);
        const int want = std::min(content(t.column), 24 * em);
        int w = want;
        if (space <= floors)
            w = floor;
        else if (space < wants)
            w = floor + int(qint64(want - floor) * (space - floors) / std::max(1, wants - floors));
        header->resizeSection(t.column, w);
    }
    m_fitting = false;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Until the user sizes a column, the columns follow the window's width.
    if (watched == m_view->viewport() && event->type() == QEvent::Resize && m_autoFitColumns)
        fitColumns();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (total == 0)
        m_countLabel->setText(tr("Empty database: import the exports of your pharmacy software (File > Import exports…)."));
    else if (shown == total)
        m_countLabel->setText(tr("%Ln product(s)", nullptr, total));
    else
        m_countLabel->setText(tr("%Ln product(s) shown out of %1", nullptr, shown).arg(formatCount(total, uiLocale(m_lang))));
}

void MainWindow::updateTitle()
{
    if (m_store)
        setWindowTitle(tr("%1 — Reappro").arg(QFileInfo(m_store->path()).fileName()));
    else
        setWindowTitle(QStringLiteral("Reappro"));
}

void MainWindow::openDatabaseInteractively()
{
    const QString last = QSettings().value(QLatin1String(kLastDatabaseKey)).toString();
    const QString dir = last.isEmpty() ? QDir::homePath() : QFileInfo(last).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a database"), dir, databaseFilters());
    if (path.isEmpty())
        return;
    QString error;
    if (!openDatabase(path, &error))
        QMessageBox::warning(this, tr("Open a database"), error);
}

bool MainWindow::ensureDatabaseForImport()
{
    if (m_store)
        return true;
    // Importing is also how a pharmacy starts: the database is created first.
    const QString path = QFileDialog::getSaveFileName(this, tr("Create a database for the imported data"),
                                                      QDir(QDir::homePath()).filePath(QStringLiteral("reappro.sqlite")), databaseFilters());
    if (path.isEmpty())
        return false;
    QString error;
    if (!openDatabase(path, &error)) {
        QMessageBox::warning(this, tr("Create a database"), error);
        return false;
    }
    return true;
}

ImportDialog *MainWindow::createImportDialog()
{
    if (!m_store)
        return nullptr;
    auto *dialog = new ImportDialog(m_store->path(), m_lang, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importCommitted, this, &MainWindow::reload);
    return dialog;
}

ImportDialog *MainWindow::importFiles(const QStringList &paths)
{
    ImportDialog *dialog = createImportDialog();
    if (!dialog)
        return nullptr;
    dialog->open();
    dialog->startImport(paths);
    return dialog;
}

void MainWindow::importInteractively()
{
    if (!ensureDatabaseForImport())
        return;
    const QStringList files = ImportDialog::chooseFiles(this);
    if (!files.isEmpty())
        importFiles(files);
}

void MainWindow::showAbout()
{
    // The icon and the one version number (CMake's project version).
    QMessageBox box(this);
    box.setWindowTitle(tr("About Reappro"));
    box.setIconPixmap(applicationIcon().pixmap(96, 96));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<h3>Reappro %1</h3>"
                   "<p>Decision support for the stock of a hospital pharmacy: stock, consumption, "
                   "expiry and ordering.</p>"
                   "<p>Every suggestion is approved by a person, and every number says where it comes "
                   "from. The data stays on this workstation: no patient data is ever stored.</p>")
                    .arg(QStringLiteral(REAPPRO_VERSION)));
    box.exec();
}

void MainWindow::showMissingDatabase(const QString &path)
{
    statusBar()->showMessage(tr("The database used last time was not found: %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QLatin1String(kGeometryKey), saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // A dropped database opens; dropped exports are imported.
    if (paths.size() == 1 && paths.first().endsWith(QLatin1String(".sqlite"), Qt::CaseInsensitive)) {
        QString error;
        if (!openDatabase(paths.first(), &error))
            QMessageBox::warning(this, tr("Open a database"), error);
        return;
    }
    if (ensureDatabaseForImport())
        importFiles(paths);
}

} // namespace reappro
