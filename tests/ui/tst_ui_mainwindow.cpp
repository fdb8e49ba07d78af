// SPDX-License-Identifier: GPL-3.0-or-later
// The main window and the import dialog as a pharmacist meets them, in
// French: a small hospital imported from French CSV exports, the product
// list with its search, filter and sorting, the summary strip, and an import
// whose lines are rejected. Also writes screenshots to build/screenshots/ for
// a human to look at.
#include "core/import/importer.h"
#include "core/common/messages.h"
#include "core/store/store.h"
#include "ui/dialogs/importdialog.h"
#include "ui/mainwindow.h"
#include "ui/models/importfilemodel.h"
#include "ui/models/productfilterproxymodel.h"
#include "ui/models/producttablemodel.h"
#include "ui/models/rejectedlinemodel.h"
#include "ui/widgets/summarystrip.h"
#include "ui/uilanguage.h"
#include "testutil.h"

#include <QComboBox>
#include <QApplication>
#include <QAction>
#include <QTimer>
#include <QTabWidget>
#include <QMessageBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QScopeGuard>
#include <QStatusBar>
#include <QTableView>

using namespace reappro;

namespace {

const QDate kToday(2026, 11, 29);

const char *const kProducts = "Code;Libellé;DCI;Forme;Unité;Conditionnement;PMP;Fournisseur;MITM;VEN;Type\r\n"
                              "M000001;PARACETAMOL 1 G CPR;paracétamol;Comprimé;CP;100;0,0345;F001;N;E;Médicament\r\n"
                              "M000002;AMOXICILLINE 1 G INJ;amoxicilline;Flacon;FL;10;1,2456;F002;O;V;Médicament\r\n"
                              "M000003;NORADRENALINE 8 MG/4 ML INJ;noradrénaline;Ampoule;AMP;10;2,85;F003;O;V;Médicament\r\n"
                              "M000004;ENOXAPARINE 4000 UI/0,4 ML SER;énoxaparine sodique;Seringue;SER;10;2,10;F002;O;V;Médicament\r\n"
                              "M000005;OMEPRAZOLE 20 MG GELULE;oméprazole;Gélule;GEL;28;0,05;F001;N;N;Médicament\r\n"
                              "M000006;CEFTRIAXONE 1 G INJ;ceftriaxone;Flacon;FL;1;1,95;F004;O;V;Médicament\r\n"
                              "M000007;FUROSEMIDE 40 MG CPR;furosémide;Comprimé;CP;30;0,04;F001;N;E;Médicament\r\n"
                              "M000008;INSULINE ASPARTE 100 UI/ML STYLO;insuline asparte;Stylo;STY;5;7,80;F005;O;V;Médicament\r\n"
                              "D000001;COMPRESSE STERILE 10X10 CM;;Sachet;U;50;0,12;F006;N;N;DM\r\n"
                              "D000002;SERINGUE 10 ML LUER LOCK;;;U;100;0,09;F006;N;E;DM\r\n"
                              "D000003;CATHETER IV 20G;;;U;50;0,85;F006;N;V;DM\r\n"
                              "D000004;GANTS NITRILE NON STERILES T.M;;Boîte;U;100;0,03;F006;N;N;DM\r\n";

const char *const kSuppliers = "Code fournisseur;Nom;Délai (jours)\r\n"
                               "F001;Pharma Ouest;3\r\n"
                               "F002;Laboratoires Santé Sud;5\r\n"
                               "F003;Injectables de France;4\r\n"
                               "F004;Antibio Distribution;7\r\n"
                               "F005;Diabéto Pharma;5\r\n"
                               "F006;Hospi Fournitures;10\r\n";

const char *const kLots = "Code produit;N° lot;Date de péremption;Quantité;Emplacement;Date stock\r\n"
                          "M000001;L24A;31/12/2027;2400;PUI;28/11/2026\r\n"
                          "M000002;A77;15/06/2027;120;PUI;28/11/2026\r\n"
                          "M000003;N12;31/03/2027;60;PUI;28/11/2026\r\n"
                          "M000004;E5;31/01/2027;300;PUI;28/11/2026\r\n"
                          "M000004;E6;30/09/2027;200;PUI;28/11/2026\r\n"
                          "M000005;O1;30/04/2028;560;PUI;28/11/2026\r\n"
                          "M000006;C3;31/08/2027;80;PUI;28/11/2026\r\n"
                          "M000008;I9;28/02/2027;25;PUI;28/11/2026\r\n"
                          "D000001;CS1;31/12/2029;1500;PUI;28/11/2026\r\n"
                          "D000002;SR2;31/10/2030;900;PUI;28/11/2026\r\n"
                          "D000003;CA1;30/06/2028;350;PUI;28/11/2026\r\n"
                          "D000004;GN1;31/05/2029;2000;PUI;28/11/2026\r\n";

const char *const kOrders =
    "N° commande;Date commande;Fournisseur;Code produit;Qté commandée;Qté reçue;Date livraison prévue;Prix unitaire\r\n"
    "C100;20/11/2026;F001;M000007;300;0;02/12/2026;0,04\r\n"
    "C101;24/11/2026;F002;M000002;100;0;01/12/2026;1,2456\r\n";

// Weekly issues to three care units, September to November 2026.
QString movements()
{
    QString out = QStringLiteral("Date;Type de mouvement;Code produit;Quantité;UF\r\n");
    const QStringList codes = {QStringLiteral("M000001"), QStringLiteral("M000002"), QStringLiteral("M000004"),
                               QStringLiteral("M000007"), QStringLiteral("D000001"), QStringLiteral("D000004")};
    const QStringList units = {QStringLiteral("4021"), QStringLiteral("4022"), QStringLiteral("4030")};
    int n = 0;
    for (QDate d(2026, 9, 1); d <= QDate(2026, 11, 27); d = d.addDays(7)) {
        for (const QString &code : codes) {
            const QString unit = units[n % units.size()];
            out += QStringLiteral("%1;Délivrance UF;%2;%3;%4\r\n")
                       .arg(d.toString(QStringLiteral("dd/MM/yyyy")), code)
                       .arg(10 + (n * 7) % 40)
                       .arg(unit);
            ++n;
        }
    }
    out += QStringLiteral("27/11/2026;Retour UF;M000001;20;4021\r\n");
    return out;
}

constexpr int kProductCount = 12;

} // namespace

class TestUiMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;
    int m_n = 0;

    QString write(const QString &name, const QString &text)
    {
        // Windows-1252 like most French exports.
        return testutil::writeFile(m_dir, QString::number(++m_n) + QLatin1Char('_') + name, testutil::toCp1252(text));
    }

    // A small hospital: suppliers, products, lots, open orders, movements.
    bool buildHospital(const QString &dbPath)
    {
        Store store;
        QString error;
        if (!store.open(dbPath, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        ImportOptions o;
        o.today = kToday;
        const ImportResult r = Importer(store).importFiles({write(QStringLiteral("fournisseurs.csv"), QString::fromUtf8(kSuppliers)),
                                                            write(QStringLiteral("produits.csv"), QString::fromUtf8(kProducts)),
                                                            write(QStringLiteral("stock_lots.csv"), QString::fromUtf8(kLots)),
                                                            write(QStringLiteral("commandes.csv"), QString::fromUtf8(kOrders)),
                                                            write(QStringLiteral("mouvements.csv"), movements())},
                                                           o);
        if (!r.committed) {
            qWarning("%s", r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
            return false;
        }
        return true;
    }

    static QString screenshotDir()
    {
        // Tests run from build/bin: the screenshots go next to it.
        const QString dir = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../screenshots"));
        QDir().mkpath(dir);
        return QDir::cleanPath(dir);
    }

    static QString cell(QAbstractItemModel *model, int row, int column) { return model->index(row, column).data().toString(); }

    // QTest::keyClicks handles ASCII only: accented letters go as key events
    // carrying their text, as a French keyboard sends them.
    static void typeText(QWidget *widget, const QString &text)
    {
        for (QChar c : text) {
            if (c.unicode() < 0x80)
                QTest::keyClick(widget, char(c.unicode()));
            else
                QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
    }

    // The proxy row of a product code, -1 if filtered out.
    static int rowOf(QAbstractItemModel *model, const QString &code)
    {
        for (int r = 0; r < model->rowCount(); ++r)
            if (cell(model, r, ProductTableModel::CodeColumn) == code)
                return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Never touch the settings of whoever runs the tests.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ReapproTests"));
        QVERIFY(m_dir.isValid());
        QVERIFY2(applyUiLanguage(Language::French), "the French catalogues (reappro_fr.qm, qtbase_fr.qm) must load");
        m_db = m_dir.filePath(QStringLiteral("hopital.sqlite"));
        QVERIFY(buildHospital(m_db));
    }

    void showsEveryProductInFrench()
    {
        MainWindow w(Language::French);
        QString error;
        QVERIFY2(w.openDatabase(m_db, &error), qPrintable(error));
        QCOMPARE(w.databasePath(), m_db);
        QCOMPARE(w.productModel()->rowCount(), kProductCount);
        QCOMPARE(w.proxyModel()->rowCount(), kProductCount);

        QAbstractItemModel *m = w.proxyModel();
        const QLocale fr(QLocale::French);
        QCOMPARE(m->headerData(ProductTableModel::LabelColumn, Qt::Horizontal).toString(), QString::fromUtf8("Libellé"));
        QCOMPARE(m->headerData(ProductTableModel::StockValueColumn, Qt::Horizontal).toString(), QString::fromUtf8("Valeur stock (€)"));
        QCOMPARE(m->headerData(ProductTableModel::NextExpiryColumn, Qt::Horizontal).toString(), QString::fromUtf8("Prochaine péremption"));
        QCOMPARE(w.searchField()->placeholderText(), QString::fromUtf8("Rechercher un produit (code, libellé, DCI)…"));
        QCOMPARE(w.categoryFilter()->itemText(2), QString::fromUtf8("Dispositifs médicaux"));

        const int enox = rowOf(m, QStringLiteral("M000004"));
        QVERIFY(enox >= 0);
        QCOMPARE(cell(m, enox, ProductTableModel::LabelColumn), QStringLiteral("ENOXAPARINE 4000 UI/0,4 ML SER"));
        QCOMPARE(cell(m, enox, ProductTableModel::FormUnitColumn), QStringLiteral("Seringue / SER"));
        QCOMPARE(cell(m, enox, ProductTableModel::SupplierColumn), QString::fromUtf8("Laboratoires Santé Sud"));
        QCOMPARE(cell(m, enox, ProductTableModel::StockColumn), QStringLiteral("500"));
        // 500 x 2,10 EUR, French decimal comma and group separator.
        QCOMPARE(cell(m, enox, ProductTableModel::StockValueColumn), fr.toString(1050) + QStringLiteral(",00"));
        QCOMPARE(cell(m, enox, ProductTableModel::NextExpiryColumn), QStringLiteral("31/01/2027"));
        QCOMPARE(cell(m, enox, ProductTableModel::CriticalityColumn), QString::fromUtf8("MITM · V"));
        QCOMPARE(m->index(enox, ProductTableModel::StockColumn).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight, int(Qt::AlignRight));

        const int para = rowOf(m, QStringLiteral("M000001"));
        QCOMPARE(cell(m, para, ProductTableModel::StockColumn), fr.toString(2400));
        QVERIFY(m->index(para, ProductTableModel::Consumption90dColumn).data(ProductTableModel::SortRole).toDouble() > 0.0);
        // Furosemide has no lot: zero stock, no expiry, and it sorts last by expiry.
        const int furo = rowOf(m, QStringLiteral("M000007"));
        QCOMPARE(cell(m, furo, ProductTableModel::StockColumn), QStringLiteral("0"));
        QCOMPARE(cell(m, furo, ProductTableModel::NextExpiryColumn), QString());

        QVERIFY(w.statusBar()->findChild<QLabel *>(QStringLiteral("databasePathLabel"))->text().contains(QStringLiteral("hopital.sqlite")));
    }

    // The application icon in the window and the About box, which also
    // shows the version (one number, from CMake); icons on the tabs and
    // the menus; the par levels tab is "Dotations".
    void showsTheIconsAndTheVersion()
    {
        MainWindow w(Language::French);
        QString error;
        QVERIFY2(w.openDatabase(m_db, &error), qPrintable(error));
        QVERIFY(!w.windowIcon().isNull());
        QVERIFY(w.windowIcon().availableSizes().contains(QSize(256, 256)));
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(2), QStringLiteral("Dotations"));
        for (int i = 1; i < tabs->count(); ++i)
            QVERIFY2(!tabs->tabIcon(i).isNull(), qPrintable(tabs->tabText(i)));
        QAction *about = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->menuRole() == QAction::AboutRole)
                about = a;
        QVERIFY(about && !about->icon().isNull());
        QString text;
        bool hasIcon = false;
        QTimer::singleShot(0, &w, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            text = box->text();
            hasIcon = !box->iconPixmap().isNull();
            box->accept();
        });
        about->trigger();
        QVERIFY2(text.contains(QStringLiteral("Reappro " REAPPRO_VERSION)), qPrintable(text));
        QVERIFY(hasIcon);
    }

    void searchFiltersTheList_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("rows");
        QTest::newRow("label prefix") << QStringLiteral("amox") << 1;
        QTest::newRow("DCI without accents") << QStringLiteral("paracetamol") << 1;
        QTest::newRow("DCI with accents") << QString::fromUtf8("énoxaparine") << 1;
        QTest::newRow("upper case") << QStringLiteral("FUROSEMIDE") << 1;
        QTest::newRow("every word must match") << QStringLiteral("inj 1 g") << 2;
        QTest::newRow("code") << QStringLiteral("D00000") << 4;
        QTest::newRow("nothing") << QStringLiteral("zzz") << 0;
    }

    void searchFiltersTheList()
    {
        QFETCH(QString, typed);
        QFETCH(int, rows);
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_db));
        typeText(w.searchField(), typed);
        QCOMPARE(w.searchField()->text(), typed);
        QCOMPARE(w.proxyModel()->rowCount(), rows);
        // The count says what is hidden.
        if (rows < kProductCount)
            QVERIFY2(w.countLabel()->text().contains(QStringLiteral("sur 12")), qPrintable(w.countLabel()->text()));
        w.searchField()->clear();
        QCOMPARE(w.proxyModel()->rowCount(), kProductCount);
    }

    void categoryFilterCombinesWithSearch()
    {
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_db));
        QComboBox *c = w.categoryFilter();
        QCOMPARE(c->count(), 4);
        QCOMPARE(c->itemText(0), QStringLiteral("Tous"));
        c->setCurrentIndex(1);   // Médicaments
        QCOMPARE(w.proxyModel()->rowCount(), 8);
        c->setCurrentIndex(2);   // Dispositifs médicaux
        QCOMPARE(w.proxyModel()->rowCount(), 4);
        c->setCurrentIndex(3);   // MITM
        QCOMPARE(w.proxyModel()->rowCount(), 5);
        QTest::keyClicks(w.searchField(), QStringLiteral("inj"));
        QCOMPARE(w.proxyModel()->rowCount(), 3);   // amoxicilline, noradrénaline, ceftriaxone
        c->setCurrentIndex(0);
        QCOMPARE(w.proxyModel()->rowCount(), 3);
    }

    void sortsByStockValue()
    {
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_db));
        QAbstractItemModel *m = w.proxyModel();
        w.productView()->sortByColumn(ProductTableModel::StockValueColumn, Qt::DescendingOrder);
        // 500 x 2,10 = 1 050 EUR, then the catheters 350 x 0,85 = 297,50 EUR:
        // by value, not by the text "297,50" > "1 050,00".
        QCOMPARE(cell(m, 0, ProductTableModel::CodeColumn), QStringLiteral("M000004"));
        QCOMPARE(cell(m, 1, ProductTableModel::CodeColumn), QStringLiteral("D000003"));
        w.productView()->sortByColumn(ProductTableModel::StockValueColumn, Qt::AscendingOrder);
        QCOMPARE(cell(m, 0, ProductTableModel::CodeColumn), QStringLiteral("M000007"));
        QCOMPARE(cell(m, 1, ProductTableModel::CodeColumn), QStringLiteral("M000005"));

        // Dates sort as dates, products without a lot last.
        w.productView()->sortByColumn(ProductTableModel::NextExpiryColumn, Qt::AscendingOrder);
        QCOMPARE(cell(m, 0, ProductTableModel::NextExpiryColumn), QStringLiteral("31/01/2027"));
        QCOMPARE(cell(m, 1, ProductTableModel::NextExpiryColumn), QStringLiteral("28/02/2027"));
        QCOMPARE(cell(m, kProductCount - 1, ProductTableModel::CodeColumn), QStringLiteral("M000007"));

        // Criticality: MITM first.
        w.productView()->sortByColumn(ProductTableModel::CriticalityColumn, Qt::AscendingOrder);
        QVERIFY(cell(m, 0, ProductTableModel::CriticalityColumn).startsWith(QStringLiteral("MITM")));
        QCOMPARE(cell(m, kProductCount - 1, ProductTableModel::CriticalityColumn), QStringLiteral("N"));

        // Labels in French collation: "É" sorts with "E".
        w.productView()->sortByColumn(ProductTableModel::DciColumn, Qt::AscendingOrder);
        QStringList dcis;
        for (int r = 0; r < m->rowCount(); ++r)
            dcis << cell(m, r, ProductTableModel::DciColumn);
        QCOMPARE(dcis.indexOf(QString::fromUtf8("énoxaparine sodique")), dcis.indexOf(QStringLiteral("ceftriaxone")) + 1);
    }

    void summaryShowsTheCounts()
    {
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_db));
        Store store;
        QVERIFY(store.open(m_db, nullptr));
        const StoreInfo info = store.info();
        QCOMPARE(info.products, qint64(kProductCount));

        SummaryStrip *s = w.summaryStrip();
        QCOMPARE(s->valueText(SummaryStrip::Products), QStringLiteral("12"));
        QCOMPARE(s->detailText(SummaryStrip::Products), QString::fromUtf8("8 médicaments · 4 DM"));
        QCOMPARE(s->valueText(SummaryStrip::Suppliers), QStringLiteral("6"));
        QCOMPARE(s->valueText(SummaryStrip::CareUnits), QStringLiteral("3"));
        QCOMPARE(s->valueText(SummaryStrip::Movements), QLocale(QLocale::French).toString(info.movements));
        QCOMPARE(s->detailText(SummaryStrip::Movements), QStringLiteral("du 01/09/2026 au 27/11/2026"));
        QCOMPARE(s->valueText(SummaryStrip::Lots), QStringLiteral("12"));
        QCOMPARE(s->valueText(SummaryStrip::StockValue), info.stockValue.toDisplayString(true));
        QCOMPARE(s->valueText(SummaryStrip::OpenOrders), QStringLiteral("2"));
        QCOMPARE(s->detailText(SummaryStrip::OpenOrders), QStringLiteral("lignes de commande"));
        // The same text is what the labels show.
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("summaryProductsValue"))->text(), QStringLiteral("12"));
    }

    void importDialogListsRejectedLines()
    {
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_db));
        const QString bad =
            write(QStringLiteral("mouvements_decembre.csv"), QString::fromUtf8("Date;Type de mouvement;Code produit;Quantité;UF\r\n"
                                                                               "01/11/2026;Délivrance UF;M000001;10;4021\r\n"
                                                                               "02/11/2026;Délivrance UF;X999999;10;4021\r\n"
                                                                               "31/02/2026;Délivrance UF;M000002;5;4022\r\n"
                                                                               "03/11/2026;Délivrance UF;M000004;-5;4030\r\n"));

        ImportDialog *dialog = w.createImportDialog();
        QVERIFY(dialog);
        dialog->setReferenceDate(kToday);
        QSignalSpy committed(dialog, &ImportDialog::importCommitted);
        QSignalSpy finished(dialog, &ImportDialog::importFinished);
        dialog->show();
        dialog->startImport({bad});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(!dialog->isRunning());
        QCOMPARE(committed.count(), 0);

        const ImportResult &r = dialog->result();
        QVERIFY(!r.committed);
        QCOMPARE(r.rejectedCount, qint64(3));
        QVERIFY2(dialog->bannerText().contains(QString::fromUtf8("rien n'a été importé")), qPrintable(dialog->bannerText()));

        RejectedLineModel *m = dialog->rejectedModel();
        QCOMPARE(m->rowCount(), 3);
        QVERIFY(dialog->rejectedView()->isVisible());
        QCOMPARE(dialog->rejectedView()->model()->rowCount(), 3);
        QCOMPARE(m->headerData(RejectedLineModel::ReasonColumn, Qt::Horizontal).toString(), QStringLiteral("Motif"));
        const auto text = [m](int row, int column) { return m->index(row, column).data().toString(); };
        QCOMPARE(text(0, RejectedLineModel::FileColumn), QFileInfo(bad).fileName());
        QCOMPARE(text(0, RejectedLineModel::LineColumn), QStringLiteral("3"));
        QVERIFY(text(0, RejectedLineModel::ColumnColumn).startsWith(QStringLiteral("Code produit")));
        QCOMPARE(text(0, RejectedLineModel::ValueColumn), QStringLiteral("X999999"));
        QVERIFY2(text(0, RejectedLineModel::ReasonColumn).startsWith(QStringLiteral("Produit inconnu")), qPrintable(text(0, 4)));
        QCOMPARE(text(1, RejectedLineModel::LineColumn), QStringLiteral("4"));
        QCOMPARE(text(1, RejectedLineModel::ValueColumn), QStringLiteral("31/02/2026"));
        QVERIFY(text(1, RejectedLineModel::ReasonColumn).startsWith(QStringLiteral("Date illisible")));
        QCOMPARE(text(2, RejectedLineModel::ValueColumn), QStringLiteral("-5"));
        QVERIFY(text(2, RejectedLineModel::ReasonColumn).startsWith(QString::fromUtf8("Quantité négative")));

        // All or nothing: the good first line was not imported either.
        Store store;
        QVERIFY(store.open(m_db, nullptr));
        QCOMPARE(QLocale(QLocale::French).toString(store.info().movements), w.summaryStrip()->valueText(SummaryStrip::Movements));
        QCOMPARE(store.info().lastMovement, QDate(2026, 11, 27));

        // The report a pharmacist fixes the export with.
        const QString report = m_dir.filePath(QStringLiteral("rejets.csv"));
        QString error;
        QVERIFY2(dialog->saveReport(report, &error), qPrintable(error));
        QFile f(report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(f.readAll());
        QVERIFY(csv.contains(QStringLiteral("fichier;ligne;colonne")));
        QVERIFY(csv.contains(QStringLiteral("X999999")));

        dialog->resize(1100, 560);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QString png = screenshotDir() + QStringLiteral("/importdialog_rejects_fr.png");
        QVERIFY(dialog->grab().save(png));
        qInfo("import dialog screenshot: %s", qPrintable(png));
    }

    void cancelLeavesTheDatabaseUnchanged()
    {
        // A fresh database: the import is cancelled at its first stop check.
        const QString db = m_dir.filePath(QStringLiteral("annulation.sqlite"));
        QVERIFY(buildHospital(db));
        QString big = QStringLiteral("Date;Type de mouvement;Code produit;Quantité;UF\r\n");
        for (int i = 0; i < 200000; ++i)
            big += QStringLiteral("%1;Délivrance UF;M000001;1;4021\r\n")
                       .arg(QDate(2025, 1, 1).addDays(i % 600).toString(QStringLiteral("dd/MM/yyyy")));
        const QString file = write(QStringLiteral("mouvements_2025.csv"), big);

        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(db));
        const QString before = w.summaryStrip()->valueText(SummaryStrip::Movements);
        ImportDialog *dialog = w.createImportDialog();
        dialog->setReferenceDate(kToday);
        QSignalSpy finished(dialog, &ImportDialog::importFinished);
        dialog->startImport({file});
        QVERIFY(dialog->isRunning());
        dialog->cancelImport();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(dialog->result().cancelled);
        QVERIFY(!dialog->result().committed);
        QVERIFY(dialog->bannerText().contains(QString::fromUtf8("Import annulé")));
        Store store;
        QVERIFY(store.open(db, nullptr));
        QCOMPARE(QLocale(QLocale::French).toString(store.info().movements), before);
    }

    void successfulImportReloadsTheWindow()
    {
        const QString db = m_dir.filePath(QStringLiteral("rechargement.sqlite"));
        QVERIFY(buildHospital(db));
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(db));
        QTest::keyClicks(w.searchField(), QStringLiteral("morphine"));
        QCOMPARE(w.proxyModel()->rowCount(), 0);

        const QString more =
            write(QStringLiteral("produits_complement.csv"), QString::fromUtf8("Code;Libellé;DCI;PMP;MITM;VEN\r\n"
                                                                               "M000009;MORPHINE 10 MG/1 ML INJ;morphine;0,62;O;V\r\n"));
        ImportDialog *dialog = w.createImportDialog();
        dialog->setReferenceDate(kToday);
        QSignalSpy committed(dialog, &ImportDialog::importCommitted);
        dialog->startImport({more});
        QTRY_COMPARE_WITH_TIMEOUT(committed.count(), 1, 30000);
        QVERIFY(dialog->result().committed);
        QVERIFY(dialog->bannerText().contains(QString::fromUtf8("Import terminé")));
        QCOMPARE(dialog->fileModel()->rowCount(), 1);
        QCOMPARE(dialog->fileModel()->index(0, ImportFileModel::KindColumn).data().toString(), QStringLiteral("produits"));
        // The window reloaded and kept the search typed before.
        QCOMPARE(w.productModel()->rowCount(), kProductCount + 1);
        QCOMPARE(w.proxyModel()->rowCount(), 1);
        QCOMPARE(w.summaryStrip()->valueText(SummaryStrip::Products), QStringLiteral("13"));
    }

    void englishOnRequest()
    {
        QVERIFY(applyUiLanguage(Language::English));
        // Back to French whatever happens: the next tests read French.
        const auto restore = qScopeGuard([] { applyUiLanguage(Language::French); });
        {
            MainWindow w(Language::English);
            QVERIFY(w.openDatabase(m_db));
            QAbstractItemModel *m = w.proxyModel();
            QCOMPARE(m->headerData(ProductTableModel::StockValueColumn, Qt::Horizontal).toString(), QString::fromUtf8("Stock value (€)"));
            QCOMPARE(w.searchField()->placeholderText(), QString::fromUtf8("Search a product (code, label, INN)…"));
            QCOMPARE(w.summaryStrip()->detailText(SummaryStrip::Products), QString::fromUtf8("8 drugs · 4 medical devices"));
            const int enox = rowOf(m, QStringLiteral("M000004"));
            QCOMPARE(cell(m, enox, ProductTableModel::StockValueColumn), QStringLiteral("1,050.00"));
            QCOMPARE(w.countLabel()->text(), QStringLiteral("12 products"));
        }
    }

    void screenshotInFrench()
    {
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_db));
        w.resize(1440, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.productView()->selectRow(1);

        // Numbers, dates, codes and badges are never cut; free-text columns
        // (DCI, form, supplier) may be capped on long texts but always show
        // their title; the label stretches into the width left.
        // sizeHintForColumn is public in QAbstractItemView only.
        QAbstractItemView *v = w.productView();
        QHeaderView *h = w.productView()->horizontalHeader();
        for (int c = 0; c < ProductTableModel::ColumnCount; ++c) {
            const QString title = w.proxyModel()->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(h->sectionSize(c) >= h->fontMetrics().horizontalAdvance(title) + 8, qPrintable(title));
            const bool mayBeCapped =
                c == ProductTableModel::DciColumn || c == ProductTableModel::FormUnitColumn || c == ProductTableModel::SupplierColumn;
            if (!mayBeCapped)
                QVERIFY2(h->sectionSize(c) >= v->sizeHintForColumn(c), qPrintable(title));
        }
        // This small hospital's texts are short enough to show whole at 1440 pixels.
        for (int c : {int(ProductTableModel::DciColumn), int(ProductTableModel::SupplierColumn)})
            QVERIFY(h->sectionSize(c) >= v->sizeHintForColumn(c));

        const QString png = screenshotDir() + QStringLiteral("/mainwindow_fr.png");
        QVERIFY(w.grab().save(png));
        qInfo("main window screenshot: %s", qPrintable(png));
    }

    void emptyWindowPromptsToOpenOrImport()
    {
        MainWindow w(Language::French);
        QVERIFY(!w.hasDatabase());
        w.resize(1000, 640);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        bool prompt = false;
        for (QLabel *l : w.findChildren<QLabel *>())
            prompt = prompt || (l->isVisible() && l->text() == QStringLiteral("Aucune base ouverte"));
        QVERIFY(prompt);
        QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/mainwindow_empty_fr.png")));
    }
};

QTEST_MAIN(TestUiMainWindow)
#include "tst_ui_mainwindow.moc"
