// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite store: schema creation, migrations from the previous schemas,
// consumption aggregated in SQL by day, ISO week and month, stored forecast
// runs (all or nothing, one per bucket), and the reads replenishment works
// from (suppliers and their order days, lots, order lines, observed lead
// times, shelf life left at reception).
#include "core/import/importer.h"
#include "core/store/backups.h"
#include "core/store/sqlite.h"
#include "core/store/store.h"
#include "testutil.h"

#include <QTimeZone>

#include <cmath>
#include <limits>

using namespace reappro;

class TestStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void createsLatestSchemaFromEmpty()
    {
        Store s;
        QString error;
        QVERIFY2(s.open(m_dir.filePath(QStringLiteral("empty.sqlite")), &error), qPrintable(error));
        QCOMPARE(s.schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(sql::queryInt(s.handle(), "PRAGMA foreign_keys"), qint64(1));
        sql::Statement mode(s.handle(), "PRAGMA journal_mode");
        QCOMPARE(mode.step(), SQLITE_ROW);
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'movement_posting'"), qint64(1));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM location WHERE code = 'PUI' AND kind = 0"), qint64(1));
        // Foreign keys hold.
        QVERIFY(!sql::exec(s.handle(), "INSERT INTO lot(product_id, lot_number, expiry, location_id, quantity, as_of) "
                                       "VALUES(999, 'X', 1, 1, 1, 1)"));
        const StoreInfo i = s.info();
        QCOMPARE(i.products, qint64(0));
        QVERIFY(!i.firstMovement.isValid());
    }

    void migratesFromPreviousSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
        {
            Store v1;
            QString error;
            QVERIFY(v1.open(path, &error, 1));
            QCOMPARE(v1.schemaVersion(), 1);
            QVERIFY2(sql::exec(v1.handle(), R"sql(
INSERT INTO location(code, label, kind) VALUES('4021', 'Cardiologie', 1);
INSERT INTO product(code, label) VALUES('M1', 'PARACETAMOL');
INSERT INTO import_batch(file_name, file_fingerprint, kind, imported_at) VALUES('m.csv', '0', 'movements', 'x');
INSERT INTO movement(day, product_id, type, quantity, from_location_id, to_location_id, batch_id, source_line, line_hash)
VALUES(2461000, 1, 2, 10, 1, 2, 1, 2, 11), (2461001, 1, 3, 4, 2, 1, 1, 3, 12), (2461002, 1, 1, 100, NULL, 1, 1, 4, 13);
)sql",
                               &error),
                     qPrintable(error));
        }
        Store s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QCOMPARE(s.schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM movement"), qint64(3));
        // The new column was filled from the old rows.
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM movement WHERE unit_id = 2"), qint64(2));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM movement WHERE unit_id IS NULL"), qint64(1));
        // Line identities moved to their batch, sorted; the old column is gone.
        sql::Statement blob(s.handle(), "SELECT line_hashes FROM import_batch WHERE id = 1");
        QCOMPARE(blob.step(), SQLITE_ROW);
        const auto *ids = static_cast<const qint64 *>(sqlite3_column_blob(blob.raw(), 0));
        QCOMPARE(sqlite3_column_bytes(blob.raw(), 0), int(3 * sizeof(qint64)));
        QCOMPARE(ids[0], qint64(11));
        QCOMPARE(ids[2], qint64(13));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM pragma_table_info('movement') WHERE name = 'line_hash'"), qint64(0));
        // And the old movements are found through the posting lists.
        QCOMPARE(s.movementIds(PostingKind::Product, 1), std::vector<qint64>({1, 2, 3}));
        QCOMPARE(s.movementIds(PostingKind::CareUnit, 2), std::vector<qint64>({1, 2}));
        QCOMPARE(s.movementIds(PostingKind::Product, 1, QDate::fromJulianDay(2461001), {}), std::vector<qint64>({2, 3}));
        const auto series = s.consumption(Bucket::Day, true);
        QCOMPARE(series.size(), size_t(1));
        QCOMPARE(series[0].values, std::vector<double>({10.0, -4.0, 0.0}));
    }

    void migratesFromVersion2()
    {
        const QString path = m_dir.filePath(QStringLiteral("v2.sqlite"));
        {
            Store v2;
            QString error;
            QVERIFY(v2.open(path, &error, 2));
            QCOMPARE(v2.schemaVersion(), 2);
            QCOMPARE(sql::queryInt(v2.handle(), "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'forecast%'"), qint64(0));
            QVERIFY2(sql::exec(v2.handle(), R"sql(
INSERT INTO location(code, label, kind) VALUES('4021', 'Cardiologie', 1);
INSERT INTO product(code, label, unit_price) VALUES('M1', 'PARACETAMOL', 345);
)sql",
                               &error),
                     qPrintable(error));
        }
        Store s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QCOMPARE(s.schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(sql::queryInt(s.handle(), "SELECT unit_price FROM product WHERE code = 'M1'"), qint64(345));
        for (const char *table : {"forecast_run", "forecast_series", "forecast_value"})
            QVERIFY2(
                sql::queryInt(s.handle(), "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + std::string(table) + "'")
                    == 1,
                table);
        QVERIFY(!s.latestForecastRun(Bucket::Week));
    }

    void migratesFromVersion3()
    {
        const QString path = m_dir.filePath(QStringLiteral("v3.sqlite"));
        {
            Store v3;
            QString error;
            QVERIFY(v3.open(path, &error, 3));
            QCOMPARE(v3.schemaVersion(), 3);
            QCOMPARE(sql::queryInt(v3.handle(), "SELECT COUNT(*) FROM pragma_table_info('supplier') WHERE name = 'order_days'"), qint64(0));
            QVERIFY2(sql::exec(v3.handle(), R"sql(
INSERT INTO supplier(code, name, lead_time_days) VALUES('F1', 'Grossiste', 2), ('F2', 'Labo', 12);
INSERT INTO product(code, label, supplier_id) VALUES('M1', 'PARACETAMOL', 2);
INSERT INTO open_order_line(order_number, order_date, supplier_id, product_id, quantity_ordered, quantity_received)
VALUES('C1', 2461000, 2, 1, 100, 40);
)sql",
                               &error),
                     qPrintable(error));
        }
        Store s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QCOMPARE(s.schemaVersion(), Store::kSchemaVersion);
        const std::vector<Supplier> suppliers = s.suppliers();
        QCOMPARE(suppliers.size(), size_t(2));
        QCOMPARE(suppliers[1].code, QStringLiteral("F2"));
        QCOMPARE(suppliers[1].name, QStringLiteral("Labo"));
        QCOMPARE(suppliers[1].leadTimeDays, 12);
        QCOMPARE(suppliers[1].orderDays, 0);   // unknown until a suppliers file says
        QCOMPARE(s.products().at(0).supplierId, suppliers[1].id);
        const auto lines = s.openOrderLines();
        QCOMPARE(lines.size(), size_t(1));
        QCOMPARE(lines[0].quantityOrdered - lines[0].quantityReceived, 60.0);
        // A mask has seven bits.
        QVERIFY(sql::exec(s.handle(), "UPDATE supplier SET order_days = 9 WHERE code = 'F1'"));
        QVERIFY(!sql::exec(s.handle(), "UPDATE supplier SET order_days = 128 WHERE code = 'F1'"));
        QCOMPARE(s.suppliers()[0].orderDays, 9);
    }

    void migratesTheHoldoutColumns()
    {
        // Schema 6 renames the forecast accuracy columns backtest_* to
        // holdout_* (the replay is the policy's); the values stay.
        const QString path = m_dir.filePath(QStringLiteral("v5.sqlite"));
        const auto columns = [](const Store &st) {
            QStringList names;
            sql::Statement c(st.handle(), "SELECT name FROM pragma_table_info('forecast_series') WHERE name LIKE '%_mase'");
            while (c.step() == SQLITE_ROW)
                names << c.text(0);
            return names;
        };
        {
            Store v5;
            QString error;
            QVERIFY(v5.open(path, &error, 5));
            QCOMPARE(columns(v5), QStringList{QStringLiteral("backtest_mase")});
            QVERIFY(sql::exec(v5.handle(), "INSERT INTO product(code) VALUES('P1')"));
        }
        Store s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QCOMPARE(s.schemaVersion(), 6);
        QCOMPARE(columns(s), QStringList{QStringLiteral("holdout_mase")});
        // A database that holds data is backed up before its schema changes.
        const auto made = backups::list(path);
        QCOMPARE(made.size(), size_t(1));
        QCOMPARE(made[0].reason, QStringLiteral("migration-v5"));
        QVERIFY(made[0].bytes > 0);
    }

    void storesTheReplaysServiceCalibration()
    {
        // A version 4 database gains the table, empty: no calibration yet.
        const QString path = m_dir.filePath(QStringLiteral("v4.sqlite"));
        {
            Store v4;
            QString error;
            QVERIFY(v4.open(path, &error, 4));
        }
        Store s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QCOMPARE(s.schemaVersion(), Store::kSchemaVersion);
        QVERIFY(!s.serviceCalibration());

        ServiceCalibration c;
        c.from = QDate(2024, 11, 1);
        c.to = QDate(2026, 10, 31);
        c.computedAt = QDateTime(QDate(2026, 12, 6), QTime(7, 30), QTimeZone::utc());
        c.target = {{Criticality::Vital, 0.99}, {Criticality::Essential, 0.985}, {Criticality::Other, 0.98}};
        c.aim = {{Criticality::Vital, 0.999}, {Criticality::Essential, 0.9706}, {Criticality::Other, 0.954}};
        QVERIFY2(s.saveServiceCalibration(c, &error), qPrintable(error));
        c.aim[Criticality::Other] = 0.95; // a new replay replaces the last one
        QVERIFY2(s.saveServiceCalibration(c, &error), qPrintable(error));
        const std::optional<ServiceCalibration> back = s.serviceCalibration();
        QVERIFY(back);
        QCOMPARE(back->from, c.from);
        QCOMPARE(back->to, c.to);
        QCOMPARE(back->computedAt, c.computedAt);
        QCOMPARE(back->target, c.target);
        QCOMPARE(back->aim, c.aim);

        // Applied to the classes whose target is the one replayed; the
        // floors stay.
        ServiceTargets t;
        t.other = 0.95;
        QCOMPARE(applyCalibration(*back, t), (std::vector<Criticality>{Criticality::Vital, Criticality::Essential}));
        QCOMPARE(t.vital, 0.999);
        QCOMPARE(t.essential, 0.9706);
        QCOMPARE(t.other, 0.95);
        QCOMPARE(t.lowest(Criticality::Essential), 0.85);
        QCOMPARE(calibrationText(*back, {Criticality::Essential}, Language::French), QStringLiteral("essentiel 97,1 % (cible 98,5 %)"));
        QCOMPARE(calibrationText(*back, {Criticality::Essential}, Language::English), QStringLiteral("essential 97.1% (target 98.5%)"));
    }

    void readsWhatReplenishmentNeeds()
    {
        Store s;
        QString error;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("replenishment.sqlite")), &error));
        const auto file = [&](const char *name, const char *utf8) {
            return testutil::writeFile(m_dir, QString::fromLatin1(name), testutil::toCp1252(QString::fromUtf8(utf8)));
        };
        const QStringList files = {
            file("fournisseurs.csv", "Code fournisseur;Nom;Délai (jours);Jours de commande\r\n"
                                     "F1;Grossiste;2;lun-ven\r\nF2;Labo;10;\"mar;ven\"\r\n"),
            file("produits.csv", "Code;Libellé;Fournisseur;PMP;Conditionnement\r\nA;Produit A;F1;1,50;10\r\nB;Produit B;F2;2;1\r\n"),
            file("stock_lots.csv", "Code produit;N° lot;Date de péremption;Quantité;Date stock\r\n"
                                   "A;LA1;31/12/2027;40;30/03/2026\r\nA;LA0;30/06/2026;5;30/03/2026\r\nB;LB1;31/01/2027;7;30/03/2026\r\n"),
            // C1 received in full (two lots the same day), C2 in part, C3 not
            // yet, C4 in full but without an order date.
            file("commandes_en_cours.csv",
                 "N° commande;Date commande;Fournisseur;Code produit;Qté commandée;Qté reçue;Date livraison prévue;Prix unitaire\r\n"
                 "C1;02/03/2026;F1;A;100;100;04/03/2026;1,50\r\n"
                 "C2;02/03/2026;F2;B;50;20;12/03/2026;2\r\n"
                 "C3;20/03/2026;F2;B;10;0;30/03/2026;2\r\n"
                 "C4;;F1;A;5;5;;\r\n"),
            file("mouvements.csv",
                 "Date;Type de mouvement;Code produit;N° lot;Date de péremption;Quantité;Origine;Destination;N° commande\r\n"
                 "05/03/2026;Réception;A;LA1;31/12/2027;60;F1;PUI;C1\r\n"
                 "05/03/2026;Réception;A;LA2;31/03/2028;40;F1;PUI;C1\r\n"
                 "16/03/2026;Réception;B;LB1;31/01/2027;20;F2;PUI;C2\r\n"
                 "17/03/2026;Réception;A;LA3;31/12/2027;5;F1;PUI;C4\r\n"      // no order date
                 "18/03/2026;Réception;B;LB2;31/01/2027;3;F2;PUI;C1\r\n"      // C1 has no line for B
                 "18/03/2026;Réception;B;LB3;31/01/2027;1;F2;PUI;C3\r\n"      // before its order: left out
                 "19/03/2026;Réception;A;LA4;;8;F1;PUI;\r\n"                  // no order, no expiry
                 "20/03/2026;Délivrance UF;A;LA1;31/12/2027;10;PUI;4021;C1\r\n"),
        };
        ImportOptions o;
        o.today = QDate(2026, 3, 31);
        const ImportResult r = Importer(s).importFiles(files, o);
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));

        const std::vector<Supplier> suppliers = s.suppliers();
        QCOMPARE(suppliers.size(), size_t(2));
        QCOMPARE(suppliers[0].orderDays, kEveryWeekday);
        QCOMPARE(suppliers[0].leadTimeDays, 2);
        QCOMPARE(suppliers[1].orderDays, weekdayBit(2) | weekdayBit(5));   // Tuesday, Friday
        const qint64 f1 = suppliers[0].id, f2 = suppliers[1].id;

        const std::vector<Product> products = s.products();
        QCOMPARE(products.size(), size_t(2));
        QCOMPARE(products[0].code, QStringLiteral("A"));
        QCOMPARE(products[0].supplierId, f1);
        QCOMPARE(products[0].packSize, 10.0);
        QCOMPARE(products[0].unitPrice, Money::fromUnits(15000));
        const qint64 a = products[0].id, b = products[1].id;

        const std::vector<Lot> lots = s.lots();
        QCOMPARE(lots.size(), size_t(3));
        QCOMPARE(lots[0].lotNumber, QStringLiteral("LA0"));   // by product, then expiry
        QCOMPARE(lots[0].expiry, QDate(2026, 6, 30));
        QCOMPARE(lots[1].quantity, 40.0);
        QCOMPARE(lots[2].productId, b);
        QCOMPARE(lots[2].asOf, QDate(2026, 3, 30));

        // On order: C2 (30 to come) and C3; the lines received in full are not.
        const auto open = s.openOrderLines();
        QCOMPARE(open.size(), size_t(2));
        QCOMPARE(open[0].orderNumber, QStringLiteral("C2"));
        QCOMPARE(open[0].quantityOrdered - open[0].quantityReceived, 30.0);
        QCOMPARE(open[0].supplierId, f2);
        QCOMPARE(open[0].expectedDate, QDate(2026, 3, 12));
        QCOMPARE(open[0].unitPrice, Money::fromUnits(20000));
        QCOMPARE(open[1].orderNumber, QStringLiteral("C3"));
        QCOMPARE(s.info().openOrderLines, qint64(2));
        const auto all = s.openOrderLines(true);
        QCOMPARE(all.size(), size_t(4));
        QCOMPARE(all[0].orderNumber, QStringLiteral("C4"));   // no order date sorts first
        QVERIFY(!all[0].orderDate.isValid());

        // Lead times: C1 once (its two lots summed), C2 once; nothing else.
        const auto lead = s.observedLeadTimes();
        QCOMPARE(lead.size(), size_t(2));
        QCOMPARE(lead[0].productId, a);
        QCOMPARE(lead[0].supplierId, f1);
        QCOMPARE(lead[0].orderNumber, QStringLiteral("C1"));
        QCOMPARE(lead[0].orderDate, QDate(2026, 3, 2));
        QCOMPARE(lead[0].expectedDate, QDate(2026, 3, 4));
        QCOMPARE(lead[0].receptionDate, QDate(2026, 3, 5));
        QCOMPARE(lead[0].days, 3);
        QCOMPARE(lead[0].quantity, 100.0);
        QVERIFY(!lead[0].partial);
        QVERIFY(!lead[0].lineOpen);
        QCOMPARE(lead[1].productId, b);
        QCOMPARE(lead[1].supplierId, f2);
        QCOMPARE(lead[1].days, 14);
        QCOMPARE(lead[1].quantity, 20.0);
        QVERIFY(lead[1].partial);
        QVERIFY(lead[1].lineOpen);
        const auto recent = s.observedLeadTimes(QDate(2026, 3, 10));
        QCOMPARE(recent.size(), size_t(1));
        QCOMPARE(recent[0].orderNumber, QStringLiteral("C2"));

        // Shelf life left at reception: every reception with an expiry.
        const auto shelf = s.receptionShelfLives();
        QCOMPARE(shelf.size(), size_t(6));
        QCOMPARE(shelf[0].productId, a);
        QCOMPARE(shelf[0].supplierId, f1);
        QCOMPARE(shelf[0].received, QDate(2026, 3, 5));
        QCOMPARE(shelf[0].expiry, QDate(2027, 12, 31));
        QCOMPARE(shelf[0].quantity, 60.0);
        QCOMPARE(shelf[0].remainingDays(), int(QDate(2026, 3, 5).daysTo(QDate(2027, 12, 31))));
        QCOMPARE(shelf[2].received, QDate(2026, 3, 17));
        QCOMPARE(shelf[3].productId, b);
        QCOMPARE(shelf[5].quantity, 1.0);
        QCOMPARE(s.receptionShelfLives(QDate(2026, 3, 17)).size(), size_t(3));
    }

    void storesForecastRunsAllOrNothing()
    {
        Store s;
        QString error;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("forecasts.sqlite")), &error));
        QVERIFY(sql::exec(s.handle(), "INSERT INTO product(id, code) VALUES(1, 'P1'), (2, 'P2');"
                                      "INSERT INTO location(id, code, kind) VALUES(10, 'U1', 1);"));
        const auto series = [](qint64 product, qint64 unit, const char *model, int horizon, double level) {
            StoredForecast f;
            f.productId = product;
            f.unitId = unit;
            f.model = QString::fromLatin1(model);
            f.modelFamily = modelFamily(f.model);
            f.parameters = {{QStringLiteral("alpha"), 0.12}};
            f.profile = {forecasting::DemandClass::Lumpy, 3.5, 0.8, 12};
            f.abc = AbcClass::B;
            f.abcValue = Money::fromUnits(123456789);
            f.abcShareAbove = 0.85;
            f.xyz = XyzClass::Y;
            f.cv = 0.75;
            f.historyFrom = QDate(2024, 1, 1);
            f.historyPeriods = 100;
            f.holdout = {horizon, 1.5, std::numeric_limits<double>::quiet_NaN(), -0.25, 0.9};
            for (int h = 1; h <= horizon; ++h)
                f.values.push_back({h, QDate(2026, 1, 5).addDays(7 * (h - 1)), level, level / 2, level * 2});
            return f;
        };
        ForecastRun run;
        run.createdAt = QDateTime(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);
        run.horizon = 3;
        run.method = QStringLiteral("auto");
        run.historyFrom = QDate(2024, 1, 1);
        run.historyTo = QDate(2026, 1, 4);
        run.historyPeriods = 105;
        run.abcFrom = QDate(2025, 1, 5);
        run.abcTo = run.historyTo;
        run.productSeries = 2;
        run.unitSeries = 1;
        QVERIFY2(s.replaceForecastRun(
                     run,
                     {series(1, 0, "SBA(alpha=0.12)", 3, 10), series(1, 10, "SBA(alpha=0.2)", 3, 4), series(2, 0, "SES(alpha=0.3)", 3, 7)},
                     &error),
                 qPrintable(error));
        QVERIFY(run.id > 0);

        const auto f = s.latestForecast(Bucket::Week, 1, 10);
        QVERIFY(f);
        QCOMPARE(f->unitId, qint64(10));
        QCOMPARE(f->model, QStringLiteral("SBA(alpha=0.2)"));
        QCOMPARE(f->modelFamily, QStringLiteral("SBA"));
        QCOMPARE(f->parameters.size(), size_t(1));
        QCOMPARE(f->parameters[0].first, QStringLiteral("alpha"));
        QCOMPARE(f->parameters[0].second, 0.12);
        QCOMPARE(f->profile.demandClass, forecasting::DemandClass::Lumpy);
        QCOMPARE(f->profile.adi, 3.5);
        QCOMPARE(f->abc, AbcClass::B);
        QCOMPARE(f->abcValue, Money::fromUnits(123456789));
        QCOMPARE(f->xyz, XyzClass::Y);
        QCOMPARE(f->holdout.points, 3);
        QVERIFY(std::isnan(f->holdout.mase));   // stored as NULL
        QCOMPARE(f->holdout.bias, -0.25);
        QCOMPARE(f->values.size(), size_t(3));
        QCOMPARE(f->values[2].step, 3);
        QCOMPARE(f->values[2].periodStart, QDate(2026, 1, 19));
        QCOMPARE(f->values[2].upper, 8.0);
        QCOMPARE(s.latestForecast(Bucket::Week, 1)->model, QStringLiteral("SBA(alpha=0.12)"));
        QVERIFY(!s.latestForecast(Bucket::Week, 2, 10));
        QVERIFY(!s.latestForecast(Bucket::Month, 1));

        const auto summary = s.latestForecastRun(Bucket::Week);
        QVERIFY(summary);
        QCOMPARE(summary->id, run.id);
        QCOMPARE(summary->createdAt, run.createdAt);
        QCOMPARE(summary->historyTo, QDate(2026, 1, 4));
        QCOMPARE(summary->models.size(), size_t(2));
        QCOMPARE(summary->models[0], std::make_pair(QStringLiteral("SBA"), qint64(2)));
        QCOMPARE(summary->demandClasses.at(QStringLiteral("lumpy")), qint64(3));
        QCOMPARE(summary->abcProducts.at(QStringLiteral("B")), qint64(2));   // products only
        QCOMPARE(summary->holdoutSeries, qint64(0));

        // A failing write (an unknown product, after good rows) keeps the
        // previous run whole.
        ForecastRun bad = run;
        QVERIFY(!s.replaceForecastRun(bad, {series(1, 0, "SES(alpha=0.5)", 5, 1), series(99, 0, "SES(alpha=0.5)", 5, 1)}, &error));
        QVERIFY2(error.contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive), qPrintable(error));
        QCOMPARE(s.latestForecastRun(Bucket::Week)->id, run.id);
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM forecast_series"), qint64(3));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM forecast_value"), qint64(9));
        QCOMPARE(s.latestForecast(Bucket::Week, 1)->model, QStringLiteral("SBA(alpha=0.12)"));

        // A good one replaces it; another bucket stays beside it.
        ForecastRun next = run;
        QVERIFY2(s.replaceForecastRun(next, {series(2, 0, "Zero", 2, 0)}, &error), qPrintable(error));
        QVERIFY(next.id != run.id);
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM forecast_series"), qint64(1));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM forecast_value"), qint64(2));
        QVERIFY(!s.latestForecast(Bucket::Week, 1));
        ForecastRun monthly = run;
        monthly.bucket = Bucket::Month;
        QVERIFY2(s.replaceForecastRun(monthly, {series(1, 0, "SES(alpha=0.1)", 6, 1)}, &error), qPrintable(error));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM forecast_run"), qint64(2));
        QCOMPARE(s.latestForecast(Bucket::Week, 2)->model, QStringLiteral("Zero"));
        QCOMPARE(s.latestForecast(Bucket::Month, 1)->values.size(), size_t(6));
    }

    void refusesNewerSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.sqlite"));
        {
            Store s;
            QString error;
            QVERIFY(s.open(path, &error));
            sql::exec(s.handle(), "PRAGMA user_version = 99");
        }
        Store s;
        QString error;
        QVERIFY(!s.open(path, &error));
        QVERIFY2(error.contains(QLatin1String("99")), qPrintable(error));
    }

    void aggregatesConsumption()
    {
        Store s;
        QString error;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("agg.sqlite")), &error));
        const QString products =
            testutil::writeFile(m_dir, QStringLiteral("produits.csv"), QByteArray("Code;Libell\xE9\r\nA;Produit A\r\nB;Produit B\r\n"));
        // Wednesday 31/12/2025 is in ISO week 2026-W01, which starts Monday 29/12/2025.
        const QString mv = testutil::writeFile(m_dir, QStringLiteral("mouvements.csv"),
                                               QByteArray("Date;Type;Code produit;Quantit\xE9;UF\r\n"
                                                          "31/12/2025;D\xE9livrance UF;A;5;U1\r\n"
                                                          "01/01/2026;D\xE9livrance UF;A;3;U2\r\n"
                                                          "04/01/2026;Retour UF;A;1;U1\r\n"
                                                          "05/01/2026;D\xE9livrance UF;A;7;U1\r\n"
                                                          "02/02/2026;R\xE9trocession;A;2;\r\n"
                                                          "02/02/2026;R\xE9"
                                                          "ception;A;500;\r\n"
                                                          "03/02/2026;D\xE9livrance UF;B;1;U2\r\n"));
        ImportOptions o;
        o.today = QDate(2026, 11, 29);
        const ImportResult r = Importer(s).importFiles({products, mv}, o);
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));

        auto weekly = s.consumption(Bucket::Week, false);
        QCOMPARE(weekly.size(), size_t(2));
        QCOMPARE(weekly[0].start, QDate(2025, 12, 29));
        // Weeks of 29/12, 05/01, 12/01, 19/01, 26/01, 02/02.
        QCOMPARE(weekly[0].values, std::vector<double>({7.0, 7.0, 0.0, 0.0, 0.0, 2.0}));
        QCOMPARE(weekly[1].values, std::vector<double>({0.0, 0.0, 0.0, 0.0, 0.0, 1.0}));

        auto monthly = s.consumption(Bucket::Month, false);
        QCOMPARE(monthly[0].start, QDate(2025, 12, 1));
        QCOMPARE(monthly[0].values, std::vector<double>({5.0, 9.0, 2.0}));

        auto perUnit = s.consumption(Bucket::Month, true);
        QCOMPARE(perUnit.size(), size_t(3));   // A x U1, A x U2, B x U2 (outpatient has no unit)
        QCOMPARE(perUnit[0].values, std::vector<double>({5.0, 6.0, 0.0}));
        QCOMPARE(perUnit[1].values, std::vector<double>({0.0, 3.0, 0.0}));

        auto daily = s.consumption(Bucket::Day, false, perUnit[2].productId);
        QCOMPARE(daily.size(), size_t(1));
        QCOMPARE(daily[0].values.size(), size_t(35));   // 31/12/2025 .. 03/02/2026
        QCOMPARE(daily[0].values.back(), 1.0);

        // Movements by product and date, by care unit and date, across two
        // import batches, match a plain scan of the table.
        const QString more = testutil::writeFile(m_dir, QStringLiteral("mouvements2.csv"),
                                                 QByteArray("Date;Type;Code produit;Quantit\xE9;UF\r\n"
                                                            "02/01/2026;D\xE9livrance UF;A;2;U1\r\n"
                                                            "10/02/2026;D\xE9livrance UF;A;4;U1\r\n"));
        QVERIFY(Importer(s).importFiles({more}, o).committed);
        const qint64 a = sql::queryInt(s.handle(), "SELECT id FROM product WHERE code = 'A'");
        const qint64 u1 = sql::queryInt(s.handle(), "SELECT id FROM location WHERE code = 'U1'");
        const auto expectIds = [&](const std::string &where) {
            std::vector<qint64> ids;
            sql::Statement st(s.handle(), "SELECT id FROM movement WHERE " + where + " ORDER BY day, id");
            while (st.step() == SQLITE_ROW)
                ids.push_back(st.int64(0));
            return ids;
        };
        const qint64 jan1 = QDate(2026, 1, 1).toJulianDay(), jan31 = QDate(2026, 1, 31).toJulianDay();
        QCOMPARE(s.movementIds(PostingKind::Product, a), expectIds("product_id = " + std::to_string(a)));
        QCOMPARE(
            s.movementIds(PostingKind::Product, a, QDate(2026, 1, 1), QDate(2026, 1, 31)),
            expectIds("product_id = " + std::to_string(a) + " AND day BETWEEN " + std::to_string(jan1) + " AND " + std::to_string(jan31)));
        QCOMPARE(s.movementIds(PostingKind::CareUnit, u1), expectIds("unit_id = " + std::to_string(u1)));
        QCOMPARE(s.movementIds(PostingKind::CareUnit, u1).size(), size_t(5));
        const auto ms = s.movements(PostingKind::CareUnit, u1, QDate(2026, 1, 2), QDate(2026, 1, 5));
        QCOMPARE(ms.size(), size_t(3));
        QCOMPARE(ms[0].date, QDate(2026, 1, 2));
        QCOMPARE(ms[1].type, MovementType::Return);
        QCOMPARE(ms[2].quantity, 7.0);

        QCOMPARE(Store::periodStart(QDate(2026, 1, 4), Bucket::Week), QDate(2025, 12, 29));
        QCOMPARE(Store::periodStart(QDate(2026, 1, 5), Bucket::Week), QDate(2026, 1, 5));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
