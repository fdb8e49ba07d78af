// SPDX-License-Identifier: GPL-3.0-or-later
// The Orders and Par levels tabs as a pharmacist uses them, in French, on
// a small demo hospital:
//  - the orders computed for the day after its history with and without a
//    budget, a line's explanation, a budget typed wrong, and the CSV export,
//    which is byte for byte what `reappro-cli suggest` writes for the same
//    day and budget;
//  - the par levels of every care unit, filtered by unit and to the top-ups
//    to deliver, a line's explanation, and the export, byte for byte what
//    `reappro-cli parlevels` writes.
//  - the policies replayed over the last six months, as `reappro-cli
//    replay --policy compare` replays them.
// Also writes build/screenshots/orders_fr.png, parlevels_fr.png and
// replay_fr.png.
#include "core/demo/demogenerator.h"
#include "core/import/importer.h"
#include "core/store/store.h"
#include "ui/mainwindow.h"
#include "ui/models/orderlinemodel.h"
#include "ui/views/ordersview.h"
#include "ui/views/replayview.h"
#include "ui/views/parlevelsview.h"
#include "ui/models/parlevelmodel.h"
#include "ui/formatting.h"
#include "ui/uilanguage.h"
#include "testutil.h"

#include <QComboBox>
#include <QDateEdit>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableWidget>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>

using namespace reappro;

class TestUiReplenishment : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    static QString screenshotDir()
    {
        const QString dir = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../screenshots"));
        QDir().mkpath(dir);
        return QDir::cleanPath(dir);
    }

    // Clicks "Compute" and waits for the lines.
    template <class View> static bool computeAndWait(View *v, const char *button = "ordersCompute")
    {
        QSignalSpy done(v, &View::finished);
        QTest::mouseClick(v->template findChild<QPushButton *>(QLatin1String(button)), Qt::LeftButton);
        if (!v->isComputing())
            return false;
        return done.wait(300000) && !v->isComputing();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ReapproTests"));
        QVERIFY(m_dir.isValid());
        QVERIFY2(applyUiLanguage(Language::French), "the French catalogues must load");
        DemoOptions o;
        o.seed = 3;
        o.products = 80;
        o.units = 6;
        o.years = 2;
        o.outDir = m_dir.filePath(QStringLiteral("demo"));
        DemoSummary summary;
        QString error;
        QVERIFY2(generateDemo(o, &summary, &error), qPrintable(error));
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        Store store;
        QVERIFY2(store.open(m_db, &error), qPrintable(error));
        const ImportResult r = Importer(store).importFiles(summary.files, ImportOptions{});
        QVERIFY2(r.committed, qPrintable(r.error));
    }

    void nothingToComputeWithoutHistory()
    {
        // A new, empty database: both tabs say nothing can be computed yet.
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_dir.filePath(QStringLiteral("empty.sqlite"))));
        QVERIFY(!w.ordersView()->findChild<QPushButton *>(QStringLiteral("ordersCompute"))->isEnabled());
        QVERIFY(!w.parLevelsView()->findChild<QPushButton *>(QStringLiteral("wardCompute"))->isEnabled());
        w.ordersView()->compute(); // refused, not started
        QVERIFY(!w.ordersView()->isComputing());
        // Back on the demo: computable.
        QVERIFY(w.openDatabase(m_db));
        QVERIFY(w.ordersView()->findChild<QPushButton *>(QStringLiteral("ordersCompute"))->isEnabled());
        QVERIFY(w.parLevelsView()->findChild<QPushButton *>(QStringLiteral("wardCompute"))->isEnabled());
    }

    void computesExplainsAndExportsTheOrders()
    {
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_db));
        w.resize(1440, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.tabs()->setCurrentWidget(w.ordersView());
        OrdersView *v = w.ordersView();
        QCOMPARE(w.tabs()->tabText(w.tabs()->currentIndex()), QStringLiteral("Commandes"));
        // The decision day proposed is the day after the history (31/10/2026).
        QCOMPARE(v->decisionDayEdit()->date(), QDate(2026, 11, 1));
        QVERIFY(!v->findChild<QPushButton *>(QStringLiteral("ordersExport"))->isEnabled());

        QVERIFY(computeAndWait(v));
        const int lines = v->lineModel()->rowCount();
        QVERIFY2(lines > 0, "the demo always has something to order");
        QCOMPARE(lines, v->plan().ordered); // no budget: every line orders
        QVERIFY2(v->summaryLabel()->text().contains(QStringLiteral("total")), qPrintable(v->summaryLabel()->text()));
        QVERIFY2(v->summaryLabel()->text().contains(v->plan().total.toDisplayString(true).toHtmlEscaped()),
                 qPrintable(v->summaryLabel()->text()));

        // A line selected: its explanation, in French, below the table.
        v->lineView()->selectRow(0);
        const QString why = v->explanationView()->toPlainText();
        QVERIFY2(why.contains(QStringLiteral("Demande prévue sur")) && why.contains(QStringLiteral("Commande :")), qPrintable(why));
        QVERIFY(why.contains(v->lineModel()->lineAt(0).productCode));

        // The filter keeps the lines of one product code.
        const QString code = v->lineModel()->lineAt(0).productCode;
        v->searchField()->setText(code.toLower());
        QCOMPARE(v->lineView()->model()->rowCount(), 1);
        v->searchField()->clear();
        QCOMPARE(v->lineView()->model()->rowCount(), lines);

        // A budget typed wrong is said, and nothing is computed.
        QTest::keyClicks(v->budgetField(), QStringLiteral("douze"));
        QTest::mouseClick(v->findChild<QPushButton *>(QStringLiteral("ordersCompute")), Qt::LeftButton);
        QVERIFY(!v->isComputing());
        QVERIFY2(v->summaryLabel()->text().contains(QStringLiteral("Budget")), qPrintable(v->summaryLabel()->text()));
        QCOMPARE(v->lineModel()->rowCount(), lines);
        // In French the point only groups thousands: "15.5" is not read as 15,5 EUR or 155 EUR.
        v->budgetField()->setText(QStringLiteral("15.5"));
        QTest::mouseClick(v->findChild<QPushButton *>(QStringLiteral("ordersCompute")), Qt::LeftButton);
        QVERIFY(!v->isComputing());
        QVERIFY2(v->summaryLabel()->text().contains(QStringLiteral("Budget")), qPrintable(v->summaryLabel()->text()));

        // Half the total as a budget, French style: the total fits, the cut
        // lines stay listed, marked.
        const Money half = Money::fromEuros(qint64(v->plan().total.toDouble() / 2.0));
        v->budgetField()->setText(half.toDisplayString(true).remove(QStringLiteral("€")).trimmed());
        QVERIFY(computeAndWait(v));
        QVERIFY(v->plan().budget.has_value());
        QCOMPARE(v->plan().budget->units(), half.units());
        QVERIFY(v->plan().total <= half);
        QVERIFY(v->plan().budgetCut > 0);
        int cutShown = 0;
        for (int r = 0; r < v->lineModel()->rowCount(); ++r)
            if (v->lineModel()->lineAt(r).budgetCut) {
                ++cutShown;
                QVERIFY(v->lineModel()->index(r, OrderLineModel::NoteColumn).data().toString().contains(QStringLiteral("budget")));
            }
        QCOMPARE(cutShown, v->plan().budgetCut);
        v->lineView()->selectRow(0);
        QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/orders_fr.png")));

        // The export is the CLI's file for the same day and budget.
        const QString gui = m_dir.filePath(QStringLiteral("gui.csv")), cli = m_dir.filePath(QStringLiteral("cli.csv"));
        QVERIFY(v->exportCsv(gui));
        const auto r = testutil::runCli({QStringLiteral("suggest"), QStringLiteral("--db"), m_db, QStringLiteral("--as-of"),
                                         QStringLiteral("2026-11-01"), QStringLiteral("--budget"), half.toPlainString(),
                                         QStringLiteral("--output"), cli});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile a(gui), b(cli);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray guiBytes = a.readAll();
        QVERIFY(guiBytes.count('\n') == v->lineModel()->rowCount() + 1);
        QVERIFY(guiBytes == b.readAll());
    }

    void parLevelsTabComputesParLevels()
    {
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_db));
        w.resize(1440, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ParLevelsView *v = w.parLevelsView();
        w.tabs()->setCurrentWidget(v);
        QCOMPARE(w.tabs()->tabText(w.tabs()->currentIndex()), QStringLiteral("Dotations"));
        QVERIFY(!v->findChild<QPushButton *>(QStringLiteral("wardExport"))->isEnabled());

        QVERIFY(computeAndWait(v, "wardCompute"));
        const int lines = v->lineModel()->rowCount();
        QVERIFY2(lines > 0, "the demo's care units consume");
        QCOMPARE(v->shownRows(), lines);
        QVERIFY2(v->summaryLabel()->text().contains(QStringLiteral("lignes")), qPrintable(v->summaryLabel()->text()));

        // One care unit: only its lines; then only the top-ups to deliver.
        QVERIFY(v->unitFilter()->count() >= 3); // "Toutes les unités" and the units
        v->unitFilter()->setCurrentIndex(1);
        const QString unit = v->unitFilter()->currentData().toString();
        QVERIFY(!unit.isEmpty());
        QVERIFY(v->shownRows() > 0 && v->shownRows() < lines);
        QAbstractItemModel *shown = v->lineView()->model();
        for (int r = 0; r < shown->rowCount(); ++r)
            QVERIFY(shown->index(r, ParLevelModel::UnitColumn).data().toString().startsWith(unit));
        v->showFilter()->setCurrentIndex(v->showFilter()->findData(int(ParLevelsView::Show::TopUps)));
        int expected = 0;
        for (const ParLevel &l : v->lineModel()->lines())
            expected += l.unitCode == unit && l.topUp > 0.0 ? 1 : 0;
        QCOMPARE(v->shownRows(), expected);
        for (int r = 0; r < shown->rowCount(); ++r)
            QVERIFY(shown->index(r, ParLevelModel::TopUpColumn).data(ParLevelModel::SortRole).toDouble() > 0.0);
        QVERIFY2(v->summaryLabel()->text().contains(QStringLiteral("affichées")), qPrintable(v->summaryLabel()->text()));

        // A line's explanation, in French.
        v->lineView()->selectRow(0);
        const QString why = v->explanationView()->toPlainText();
        QVERIFY2(why.contains(QStringLiteral("dotation")) && why.contains(unit), qPrintable(why));
        QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/parlevels_fr.png")));

        // The export holds every line, as the CLI writes them.
        const QString gui = m_dir.filePath(QStringLiteral("gui-par.csv")), cli = m_dir.filePath(QStringLiteral("cli-par.csv"));
        QVERIFY(v->exportCsv(gui));
        const auto r = testutil::runCli({QStringLiteral("parlevels"), QStringLiteral("--db"), m_db, QStringLiteral("--output"), cli});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile a(gui), b(cli);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray guiBytes = a.readAll();
        QCOMPARE(guiBytes.count('\n'), qsizetype(lines + 1));
        QVERIFY(guiBytes == b.readAll());
    }

    void replayTabComparesThePolicies()
    {
        MainWindow w(Language::French);
        QVERIFY(w.openDatabase(m_db));
        w.resize(1440, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ReplayView *v = w.replayView();
        w.tabs()->setCurrentWidget(v);
        QCOMPARE(w.tabs()->tabText(w.tabs()->currentIndex()), QStringLiteral("Rejeu"));
        // Two years of history: the period proposed leaves the first year to the forecasts.
        QCOMPARE(v->toEdit()->date(), QDate(2026, 10, 31));
        QCOMPARE(v->fromEdit()->date(), QDate(2025, 11, 1));
        v->fromEdit()->setDate(QDate(2026, 5, 1));
        QVERIFY(computeAndWait(v, "replayCompute"));

        // What the CLI finds over the same days.
        const QString out = m_dir.filePath(QStringLiteral("compare.json"));
        const auto r = testutil::runCli({QStringLiteral("backtest"), QStringLiteral("--db"), m_db, QStringLiteral("--from"),
                                         QStringLiteral("2026-05-01"), QStringLiteral("--to"), QStringLiteral("2026-10-31"),
                                         QStringLiteral("--policy"), QStringLiteral("compare"), QStringLiteral("--output"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject j = QJsonDocument::fromJson(f.readAll()).object();
        const PolicyComparison &c = v->comparison();
        QCOMPARE(c.reappro.averageStockValue().toDouble(),
                 j.value(QStringLiteral("reappro")).toObject().value(QStringLiteral("average_stock_value_eur")).toDouble());
        QCOMPARE(c.matched.minMonths, j.value(QStringLiteral("minmax_matched")).toObject().value(QStringLiteral("min_months")).toDouble());
        QCOMPARE(c.actual.total.expiredValue.toDouble(),
                 j.value(QStringLiteral("actual")).toObject().value(QStringLiteral("expired_value_eur")).toDouble());

        // The table: a row per policy, the matched months in its name; the
        // summary gives Reappro's changes against it.
        QTableWidget *t = v->table();
        QCOMPARE(t->rowCount(), int(ReplayView::RowCount));
        for (int row = 0; row < t->rowCount(); ++row)
            for (int col = 0; col < t->columnCount(); ++col)
                QVERIFY2(t->item(row, col) && !t->item(row, col)->text().isEmpty(), qPrintable(QStringLiteral("%1,%2").arg(row).arg(col)));
        QVERIFY(
            t->verticalHeaderItem(ReplayView::MatchedRow)->text().contains(QLocale(QLocale::French).toString(c.matched.minMonths, 'f', 2)));
        // The min/max set class by class: its vital months in its name, its
        // vital service not above Reappro's.
        QCOMPARE(c.matchedByClass.minMonths.size(), std::size_t(3));
        QVERIFY(t->verticalHeaderItem(ReplayView::MatchedByClassRow)
                    ->text()
                    .contains(QLocale(QLocale::French).toString(c.matchedByClass.minMonths.at(Criticality::Vital), 'f', 2)));
        QVERIFY(c.matchedByClass.result.byCriticality.at(Criticality::Vital).cycleServiceLevel()
                <= c.reappro.byCriticality.at(Criticality::Vital).cycleServiceLevel());
        QCOMPARE(c.matchedByClass.minMonths.at(Criticality::Vital), j.value(QStringLiteral("minmax_matched_by_class"))
                                                                        .toObject()
                                                                        .value(QStringLiteral("by_criticality"))
                                                                        .toObject()
                                                                        .value(QStringLiteral("vital"))
                                                                        .toObject()
                                                                        .value(QStringLiteral("min_months"))
                                                                        .toDouble());
        QVERIFY(t->item(ReplayView::ReapproRow, 5)
                    ->text()
                    .contains(formatMoneyAmount(c.reappro.averageStockValue(), QLocale(QLocale::French, QLocale::France))));
        const double stock = c.reappro.averageStockValue().toDouble() / c.matched.result.averageStockValue().toDouble() - 1.0;
        const QString expected = QLocale(QLocale::French).toString(100.0 * stock, 'f', 1);
        QVERIFY2(v->summaryLabel()->text().contains(QStringLiteral("stock moyen <b>") + expected), qPrintable(v->summaryLabel()->text()));
        // Then against the min/max set class by class.
        const double stockByClass = c.reappro.averageStockValue().toDouble() / c.matchedByClass.result.averageStockValue().toDouble() - 1.0;
        const QString sentence = v->summaryLabel()->text().section(QStringLiteral("classe par classe"), 1);
        QVERIFY2(sentence.contains(QStringLiteral("stock moyen <b>") + QLocale(QLocale::French).toString(100.0 * stockByClass, 'f', 1)),
                 qPrintable(v->summaryLabel()->text()));
        // And how much of the expired value no policy could save.
        const QString inherited = formatMoneyAmount(c.reappro.total.expiredInitialValue, QLocale(QLocale::French, QLocale::France));
        QVERIFY2(v->summaryLabel()->text().contains(inherited + QStringLiteral(" € du périmé")), qPrintable(v->summaryLabel()->text()));
        // Reappro's class aims are stored with the database, and the orders
        // tab aims as the replay did.
        QVERIFY2(
            v->summaryLabel()->text().contains(QStringLiteral("Visées des classes enregistrées pour l’onglet Commandes : vital / MITM ")),
            qPrintable(v->summaryLabel()->text()));
        {
            Store store;
            QString error;
            QVERIFY2(store.open(m_db, &error), qPrintable(error));
            const std::optional<ServiceCalibration> stored = store.serviceCalibration();
            QVERIFY(stored);
            QCOMPARE(stored->aim, c.reappro.serviceAim);
            QCOMPARE(stored->from, QDate(2026, 5, 1));
        }
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/replay_fr.png")));
    }
};

QTEST_MAIN(TestUiReplenishment)
#include "tst_ui_replenishment.moc"
