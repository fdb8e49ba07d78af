// SPDX-License-Identifier: GPL-3.0-or-later
// reappro-cli end to end: demo -> import -> info -> forecast, exit codes,
// reports, idempotent re-import, profiles, and help for every command.
#include "core/store/sqlite.h"
#include "core/store/store.h"
#include "forecasting/methods.h"
#include "testutil.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <tuple>
#include <QProcess>
#include <unistd.h>

using namespace reappro;
using testutil::runCli;

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_exports, m_db;

    QJsonObject forecast(const QStringList &options, int expectedExit = 0)
    {
        const auto r = runCli(QStringList{QStringLiteral("forecast"), QStringLiteral("--db"), m_db, QStringLiteral("--json"),
                                          QStringLiteral("--threads"), QStringLiteral("2")}
                              + options);
        if (r.exitCode != expectedExit)
            qWarning() << r.exitCode << r.out << r.err;
        return r.exitCode == expectedExit ? QJsonDocument::fromJson(r.out.toUtf8()).object() : QJsonObject();
    }
    static qint64 count(const Store &s, const std::string &sqlText) { return sql::queryInt(s.handle(), sqlText, -1); }

    QJsonObject info(const QString &db)
    {
        const auto r = runCli({QStringLiteral("info"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    // m_db's WAL moved into its main file, so that copying that one file
    // copies the whole database.
    bool copyableDatabase()
    {
        Store s;
        QString error;
        if (!s.open(m_db, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return sql::exec(s.handle(), "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    QStringList exportFiles(const QString &dir)
    {
        QStringList files;
        for (const QString &f : QDir(dir).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name))
            files << QDir(dir).filePath(f);
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_exports = m_dir.filePath(QStringLiteral("demo"));
        const auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_exports, QStringLiteral("--products"),
                               QStringLiteral("60"), QStringLiteral("--units"), QStringLiteral("6"), QStringLiteral("--years"),
                               QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(exportFiles(m_exports).size(), 6);
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
    }

    void helpForEveryCommand_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("mustMention");
        QTest::newRow("demo") << "demo"
                              << "--products";
        QTest::newRow("import") << "import"
                                << "--profile";
        QTest::newRow("info") << "info"
                              << "--db";
        QTest::newRow("forecast") << "forecast"
                                  << "--method";
        QTest::newRow("forecast db") << "forecast"
                                     << "--bucket";
        // The methods table (forecasting/methods.h), read by --help.
        QTest::newRow("forecast methods") << "forecast"
                                          << "adida, imapa, naive, snaive, theta";
        QTest::newRow("forecast families") << "forecast"
                                           << "Croston family";
        QTest::newRow("replay") << "replay"
                                << "--policy";
        QTest::newRow("backtest, the replay's alias") << "backtest"
                                                      << "--policy";
        QTest::newRow("suggest") << "suggest"
                                 << "--calibration";
        QTest::newRow("parlevels") << "parlevels"
                                   << "--counts";
    }
    void helpForEveryCommand()
    {
        QFETCH(QString, command);
        QFETCH(QString, mustMention);
        const auto r = runCli({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(mustMention), qPrintable(r.out));
        QCOMPARE(runCli({QStringLiteral("--help")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 64);
    }

    // The methods table is what docs/cli.md documents: every name in it.
    void cliDocListsEveryMethod()
    {
        QFile doc(QStringLiteral(REAPPRO_SOURCE_DIR "/docs/cli.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        for (const auto &m : reappro::forecasting::methods()) {
            const QString name = QStringLiteral("`%1`").arg(QString::fromUtf8(m.name.data(), qsizetype(m.name.size())));
            QVERIFY2(text.contains(name), qPrintable(name));
        }
    }

    // The sample exports shipped in resources/samples/ import as they are.
    void shippedSamplesImport()
    {
        const QString db = m_dir.filePath(QStringLiteral("samples.sqlite"));
        QStringList files;
        for (const QFileInfo &f : QDir(QStringLiteral(REAPPRO_SOURCE_DIR "/resources/samples")).entryInfoList({QStringLiteral("*.csv")}))
            files << f.absoluteFilePath();
        QCOMPARE(files.size(), 6);
        const auto r = runCli(
            QStringList{QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--lang"), QStringLiteral("en")} + files);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const auto info = runCli({QStringLiteral("info"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        const QJsonObject j = QJsonDocument::fromJson(info.out.toUtf8()).object();
        QCOMPARE(j.value(QStringLiteral("products")).toInt(), 12);
        QVERIFY(j.value(QStringLiteral("movements")).toInt() > 2000);
    }

    // The GUI binary's --help and --version work without any display (they
    // aborted creating the QApplication), and --screenshot of a database
    // that cannot be opened fails at once instead of waiting forever on a
    // dialog nobody can close.
    void guiBinaryWithoutADisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *v : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QLatin1String(v));
        const auto run = [&](const QStringList &args, const QProcessEnvironment &e) {
            QProcess p;
            p.setProcessEnvironment(e);
            p.start(QStringLiteral(REAPPRO_GUI), args);
            const bool finished = p.waitForFinished(30000);
            if (!finished)
                p.kill(), p.waitForFinished();
            return std::make_tuple(finished, p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                                   QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
        };
        auto [done, code, text] = run({QStringLiteral("--help")}, env);
        QVERIFY(done);
        QCOMPARE(code, 0);
        QVERIFY2(text.contains(QStringLiteral("--screenshot")), qPrintable(text));
        std::tie(done, code, text) = run({QStringLiteral("--version")}, env);
        QVERIFY(done);
        QCOMPARE(code, 0);
        QVERIFY2(text.contains(QStringLiteral(REAPPRO_VERSION)), qPrintable(text));

        QProcessEnvironment offscreen = QProcessEnvironment::systemEnvironment();
        offscreen.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        offscreen.insert(QStringLiteral("HOME"), m_dir.path());   // no settings of the user's
        const QString bad = m_dir.filePath(QStringLiteral("no-such-folder/x.sqlite"));
        std::tie(done, code, text) =
            run({QStringLiteral("--db"), bad, QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.png"))}, offscreen);
        QVERIFY2(done, "reappro --screenshot waited on a dialog");
        QCOMPARE(code, 1);
        QVERIFY2(text.contains(QStringLiteral("x.sqlite")), qPrintable(text));
    }

    void demoIsDeterministic()
    {
        const QString again = m_dir.filePath(QStringLiteral("again"));
        const QString other = m_dir.filePath(QStringLiteral("other"));
        const QStringList args = {QStringLiteral("--products"), QStringLiteral("60"),      QStringLiteral("--units"),
                                  QStringLiteral("6"),          QStringLiteral("--years"), QStringLiteral("1")};
        QCOMPARE(runCli(QStringList{QStringLiteral("demo"), QStringLiteral("--out"), again, QStringLiteral("--seed"), QStringLiteral("7")}
                        + args)
                     .exitCode,
                 0);
        QCOMPARE(runCli(QStringList{QStringLiteral("demo"), QStringLiteral("--out"), other, QStringLiteral("--seed"), QStringLiteral("8")}
                        + args)
                     .exitCode,
                 0);
        const QStringList a = exportFiles(m_exports), b = exportFiles(again), c = exportFiles(other);
        bool anyDifferent = false;
        for (int i = 0; i < a.size(); ++i) {
            QCOMPARE(testutil::fileHash(a[i]), testutil::fileHash(b[i]));
            anyDifferent = anyDifferent || testutil::fileHash(a[i]) != testutil::fileHash(c[i]);
        }
        QVERIFY(anyDifferent);
    }

    void demoImportInfo()
    {
        const auto r = runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), m_db} + exportFiles(m_exports));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject i = info(m_db);
        QCOMPARE(i.value(QStringLiteral("products")).toInt(), 60);
        QCOMPARE(i.value(QStringLiteral("care_units")).toInt(), 6);
        QVERIFY(i.value(QStringLiteral("movements")).toInt() > 1000);
        QVERIFY(i.value(QStringLiteral("lots")).toInt() > 0);
        QVERIFY(i.value(QStringLiteral("stock_value_eur")).toString().toDouble() > 0);
        QCOMPARE(i.value(QStringLiteral("last_movement")).toString(), QStringLiteral("2026-10-31"));
        QCOMPARE(i.value(QStringLiteral("schema_version")).toInt(), Store::kSchemaVersion);
        // The readable summary, in French by default.
        const auto text = runCli({QStringLiteral("info"), QStringLiteral("--db"), m_db});
        QVERIFY2(text.out.contains(QString::fromUtf8("Valeur du stock")), qPrintable(text.out));
        const auto en = runCli({QStringLiteral("info"), QStringLiteral("--db"), m_db, QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(en.out.contains(QStringLiteral("Stock value")), qPrintable(en.out));
    }

    void reimportAddsNothing()
    {
        const QJsonObject before = info(m_db);
        const auto r =
            runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--lang"), QStringLiteral("en")}
                   + exportFiles(m_exports));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("added 0,")), qPrintable(r.out));
        QCOMPARE(info(m_db), before);
    }

    void rejectedImportChangesNothing()
    {
        const QJsonObject before = info(m_db);
        // A product the demo really has, so that only the bad lines are rejected.
        QFile products(QDir(m_exports).filePath(QStringLiteral("produits.csv")));
        QVERIFY(products.open(QIODevice::ReadOnly));
        products.readLine();
        const QByteArray code = products.readLine().split(';').value(0);
        QVERIFY(!code.isEmpty());
        const QString bad = testutil::writeFile(m_dir, QStringLiteral("mouvements_bad.csv"),
                                                "Date;Type de mouvement;Code produit;Quantit\xE9;UF\r\n"
                                                "01/10/2026;D\xE9livrance UF;"
                                                    + code
                                                    + ";4;X1\r\n"
                                                      "31/02/2026;D\xE9livrance UF;"
                                                    + code
                                                    + ";4;X1\r\n"
                                                      "02/10/2026;D\xE9livrance UF;NOPE;4;X1\r\n");
        const QString report = m_dir.filePath(QStringLiteral("report.csv"));
        const auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--report"), report, bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("mouvements_bad.csv:3:1 (Date)")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("mouvements_bad.csv:4:3 (Code produit)")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QString::fromUtf8("rien n'a été importé")), qPrintable(r.err));
        // The summary says nothing was kept: no "added 1" for the good line.
        QVERIFY2(r.out.contains(QString::fromUtf8("rejetées 2 (rien n'a été importé)")) && !r.out.contains(QString::fromUtf8("ajoutées")),
                 qPrintable(r.out));
        QFile f(report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].endsWith(QLatin1String("fichier;ligne;colonne;nom_colonne;valeur;code_motif;motif")));
        QVERIFY2(lines[1].contains(QStringLiteral(";3;1;Date;31/02/2026;invalid_date;")), qPrintable(lines[1]));
        QVERIFY2(lines[2].contains(QStringLiteral(";4;3;Code produit;NOPE;unknown_product;")), qPrintable(lines[2]));
        QCOMPARE(info(m_db), before);
    }

    void forecastsSeriesFiles()
    {
        // Three series of the benchmark format: smooth, seasonal (period 4), intermittent.
        QByteArray series = "series_id,t,value\n";
        for (int t = 0; t < 40; ++t) {
            series += "smooth," + QByteArray::number(t) + "," + QByteArray::number(20 + (t * 7) % 5) + "\n";
            series += "seasonal," + QByteArray::number(t) + "," + QByteArray::number(10 + 8 * (t % 4 == 0) + (t % 3)) + "\n";
            series += "rare," + QByteArray::number(t) + "," + QByteArray::number(t % 9 == 4 ? 6 : 0) + "\n";
        }
        const QString in = testutil::writeFile(m_dir, QStringLiteral("series.csv"), series);
        const QString meta = testutil::writeFile(m_dir, QStringLiteral("meta.csv"), "series_id,period\nsmooth,1\nseasonal,4\nrare,1\n");
        const QString outPath = m_dir.filePath(QStringLiteral("forecasts.csv"));
        const auto r = runCli({QStringLiteral("forecast"), QStringLiteral("--input"), in, QStringLiteral("--meta"), meta,
                               QStringLiteral("--horizon"), QStringLiteral("6"), QStringLiteral("--output"), outPath});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QFile f(outPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("series_id,h,forecast,lo95,hi95"));
        QCOMPARE(lines.size(), 1 + 3 * 6);
        for (const QString &l : lines.mid(1)) {
            const QStringList c = l.split(QLatin1Char(','));
            QCOMPARE(c.size(), 5);
            const double fc = c[2].toDouble(), lo = c[3].toDouble(), hi = c[4].toDouble();
            QVERIFY2(lo >= 0 && lo <= fc + 1e-9 && fc <= hi + 1e-9, qPrintable(l));
        }
        // A gap in t is refused with its place.
        const QString bad = testutil::writeFile(m_dir, QStringLiteral("bad.csv"), "series_id,t,value\na,0,1\na,2,1\n");
        const auto b = runCli({QStringLiteral("forecast"), QStringLiteral("--input"), bad, QStringLiteral("--horizon"), QStringLiteral("3"),
                               QStringLiteral("--output"), outPath});
        QCOMPARE(b.exitCode, 2);
        QVERIFY2(b.err.contains(QStringLiteral("bad.csv:3:")), qPrintable(b.err));
        // A huge value is refused: 1e308 gave forecasts of inf.
        const QString huge = testutil::writeFile(m_dir, QStringLiteral("huge.csv"), "series_id,t,value\na,0,1\na,1,1e308\na,2,1\n");
        const auto h = runCli({QStringLiteral("forecast"), QStringLiteral("--input"), huge, QStringLiteral("--horizon"),
                               QStringLiteral("3"), QStringLiteral("--output"), outPath});
        QCOMPARE(h.exitCode, 2);
        QVERIFY2(h.err.contains(QStringLiteral("huge.csv:3:")) && h.err.contains(QStringLiteral("1e12")), qPrintable(h.err));
    }

    void forecastsDatabase()
    {
        // The demo ends on Saturday 31/10/2026: that ISO week is incomplete.
        const QJsonObject j = forecast({});
        QVERIFY(!j.isEmpty());
        QCOMPARE(j.value(QStringLiteral("bucket")).toString(), QStringLiteral("week"));
        QCOMPARE(j.value(QStringLiteral("horizon")).toInt(), 12);
        QCOMPARE(j.value(QStringLiteral("method")).toString(), QStringLiteral("auto"));
        QCOMPARE(j.value(QStringLiteral("level")).toInt(), 95);
        QCOMPARE(j.value(QStringLiteral("data_to")).toString(), QStringLiteral("2026-10-31"));
        QCOMPARE(j.value(QStringLiteral("history_to")).toString(), QStringLiteral("2026-10-25"));
        QCOMPARE(j.value(QStringLiteral("product_series")).toInt(), 60);
        QCOMPARE(j.value(QStringLiteral("failed_series")).toInt(), 0);
        qint64 classes = 0;
        for (const QJsonValue v : j.value(QStringLiteral("demand_classes")).toObject())
            classes += v.toInteger();
        QCOMPARE(classes, j.value(QStringLiteral("series")).toInteger());
        QVERIFY(j.value(QStringLiteral("holdout")).toObject().value(QStringLiteral("median_mase")).toDouble() > 0);

        Store s;
        QString error;
        QVERIFY2(s.open(m_db, &error), qPrintable(error));
        const qint64 pairs = count(s, "SELECT COUNT(*) FROM (SELECT DISTINCT product_id, unit_id FROM movement "
                                      "WHERE type IN (2, 3, 8) AND unit_id IS NOT NULL)");
        QVERIFY(pairs > 60);
        QCOMPARE(j.value(QStringLiteral("care_unit_series")).toInteger(), pairs);
        // Every product, and every product and care unit with consumption, has its row.
        QCOMPARE(count(s, "SELECT COUNT(*) FROM product p WHERE NOT EXISTS (SELECT 1 FROM forecast_series f "
                          "WHERE f.product_id = p.id AND f.unit_id IS NULL)"),
                 qint64(0));
        QCOMPARE(count(s, "SELECT COUNT(*) FROM (SELECT DISTINCT product_id, unit_id FROM movement WHERE type IN (2, 3, 8) "
                          "AND unit_id IS NOT NULL) m WHERE NOT EXISTS (SELECT 1 FROM forecast_series f "
                          "WHERE f.product_id = m.product_id AND f.unit_id = m.unit_id)"),
                 qint64(0));
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_series"), 60 + pairs);
        // Twelve values a series, lower <= mean <= upper, from the Monday of the incomplete week.
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_value"), 12 * (60 + pairs));
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_value WHERE NOT (0 <= lower AND lower <= mean AND mean <= upper)"), qint64(0));
        QCOMPARE(count(s, "SELECT MIN(period_start) FROM forecast_value"), qint64(QDate(2026, 10, 26).toJulianDay()));
        QCOMPARE(count(s, "SELECT MAX(history_from + 7 * history_periods) FROM forecast_series"),
                 qint64(QDate(2026, 10, 26).toJulianDay()));
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_series WHERE model = '' OR error IS NOT NULL"), qint64(0));

        // ABC: each product's value is its net consumption over the window x PMP,
        // and its class follows from the value share of the products above it.
        const auto run = s.latestForecastRun(Bucket::Week);
        QVERIFY(run);
        QCOMPARE(run->abcTo, QDate(2026, 10, 25));
        QCOMPARE(run->abcFrom, std::max(QDate(2025, 10, 26), s.info().firstMovement));
        sql::Statement abc(s.handle(),
                           "SELECT p.id, p.unit_price, COALESCE((SELECT SUM(CASE type WHEN 3 THEN -quantity ELSE quantity END) "
                           "FROM movement m WHERE m.product_id = p.id AND m.type IN (2, 3, 8) AND m.day BETWEEN ?1 AND ?2), 0), "
                           "f.abc, f.abc_value, f.abc_share_above FROM product p JOIN forecast_series f ON f.product_id = p.id "
                           "AND f.unit_id IS NULL AND f.run_id = ?3 ORDER BY f.abc_value DESC, p.id");
        abc.bind(1, run->abcFrom.toJulianDay());
        abc.bind(2, run->abcTo.toJulianDay());
        abc.bind(3, run->id);
        std::vector<std::pair<qint64, QString>> ranked;
        qint64 total = 0;
        while (abc.step() == SQLITE_ROW) {
            const qint64 expected = std::max<qint64>(0, Money::fromUnits(abc.int64(1)).times(abc.real(2)).units());
            QCOMPARE(abc.int64(4), expected);
            ranked.emplace_back(expected, abc.text(3));
            total += expected;
        }
        QCOMPARE(ranked.size(), size_t(60));
        QVERIFY(total > 0);
        qint64 above = 0;
        QMap<QString, int> perClass;
        for (const auto &[value, cls] : ranked) {
            const double share = double(above) / double(total);
            const QString want = value <= 0     ? QStringLiteral("C")
                                 : share < 0.80 ? QStringLiteral("A")
                                 : share < 0.95 ? QStringLiteral("B")
                                                : QStringLiteral("C");
            QCOMPARE(cls, want);
            ++perClass[cls];
            above += value;
        }
        QVERIFY(perClass.value(QStringLiteral("A")) > 0 && perClass.value(QStringLiteral("B")) > 0
                && perClass.value(QStringLiteral("C")) > 0);
        QCOMPARE(j.value(QStringLiteral("abc_products")).toObject().value(QStringLiteral("A")).toInt(),
                 perClass.value(QStringLiteral("A")));
        // Care-unit series carry their product's class.
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_series u JOIN forecast_series p ON p.product_id = u.product_id "
                          "AND p.unit_id IS NULL AND p.run_id = u.run_id WHERE u.unit_id IS NOT NULL AND u.abc <> p.abc"),
                 qint64(0));
    }

    void forecastOptionsAndReplacement()
    {
        const qint64 weekRun = forecast({}).value(QStringLiteral("run_id")).toInteger();
        QVERIFY(weekRun > 0);
        // A month bucket with its own horizon: the demo's last month is complete.
        const QJsonObject m =
            forecast({QStringLiteral("--bucket"), QStringLiteral("month"), QStringLiteral("--horizon"), QStringLiteral("3"),
                      QStringLiteral("--level"), QStringLiteral("80"), QStringLiteral("--method"), QStringLiteral("ses")});
        QCOMPARE(m.value(QStringLiteral("bucket")).toString(), QStringLiteral("month"));
        QCOMPARE(m.value(QStringLiteral("horizon")).toInt(), 3);
        QCOMPARE(m.value(QStringLiteral("level")).toInt(), 80);
        QCOMPARE(m.value(QStringLiteral("method")).toString(), QStringLiteral("ses"));
        QCOMPARE(m.value(QStringLiteral("season_period")).toInt(), 12);
        QCOMPARE(m.value(QStringLiteral("history_to")).toString(), QStringLiteral("2026-10-31"));
        QCOMPARE(m.value(QStringLiteral("models")).toObject().keys(), QStringList{QStringLiteral("SES")});
        // Again by week, 4 periods: replaces the first weekly run only.
        const QJsonObject w = forecast({QStringLiteral("--horizon"), QStringLiteral("4")});
        QVERIFY(w.value(QStringLiteral("run_id")).toInteger() != weekRun);
        Store s;
        QString error;
        QVERIFY2(s.open(m_db, &error), qPrintable(error));
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_run"), qint64(2));
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_run WHERE bucket = 'week' AND horizon = 4"), qint64(1));
        const qint64 series = w.value(QStringLiteral("series")).toInteger();
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_series"), 2 * series);
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_value"), 4 * series + 3 * series);
        QCOMPARE(count(s, "SELECT MIN(v.period_start) FROM forecast_value v JOIN forecast_series f ON f.id = v.series_id "
                          "JOIN forecast_run r ON r.id = f.run_id WHERE r.bucket = 'month'"),
                 qint64(QDate(2026, 11, 1).toJulianDay()));
        s.close();

        // The readable summary, French by default, English on request; no
        // progress on stderr when it is not a terminal.
        const auto fr =
            runCli({QStringLiteral("forecast"), QStringLiteral("--db"), m_db, QStringLiteral("--horizon"), QStringLiteral("4")});
        QCOMPARE(fr.exitCode, 0);
        QVERIFY2(fr.out.contains(QString::fromUtf8("Prévision enregistrée")) && fr.out.contains(QString::fromUtf8("classes de demande")),
                 qPrintable(fr.out));
        QVERIFY2(fr.out.contains(QString::fromUtf8("période incomplète exclue")), qPrintable(fr.out));
        QVERIFY2(fr.err.isEmpty(), qPrintable(fr.err));
        const auto en = runCli({QStringLiteral("forecast"), QStringLiteral("--db"), m_db, QStringLiteral("--lang"), QStringLiteral("en"),
                                QStringLiteral("--horizon"), QStringLiteral("4")});
        QCOMPARE(en.exitCode, 0);
        QVERIFY2(en.out.contains(QStringLiteral("Forecast stored in")) && en.out.contains(QStringLiteral("median holdout MASE")),
                 qPrintable(en.out));
    }

    void forecastErrors()
    {
        Store s;
        QString error;
        QVERIFY2(s.open(m_db, &error), qPrintable(error));
        const qint64 runBefore = s.latestForecastRun(Bucket::Week)->id;
        const qint64 valuesBefore = count(s, "SELECT COUNT(*) FROM forecast_value");
        const auto fc = [](const QStringList &a) {
            return runCli(QStringList{QStringLiteral("forecast"), QStringLiteral("--lang"), QStringLiteral("en")} + a);
        };

        // Usage errors.
        QCOMPARE(fc({QStringLiteral("--db"), m_db, QStringLiteral("--bucket"), QStringLiteral("year")}).exitCode, 64);
        QCOMPARE(fc({QStringLiteral("--db"), m_db, QStringLiteral("--horizon"), QStringLiteral("0")}).exitCode, 64);
        QCOMPARE(fc({QStringLiteral("--db"), m_db, QStringLiteral("--method"), QStringLiteral("magic")}).exitCode, 64);
        QCOMPARE(fc({QStringLiteral("--db"), m_db, QStringLiteral("--output"), QStringLiteral("x.csv")}).exitCode, 64);
        QCOMPARE(fc({QStringLiteral("--input"), QStringLiteral("x.csv"), QStringLiteral("--bucket"), QStringLiteral("week")}).exitCode, 64);
        QCOMPARE(fc({}).exitCode, 64);

        // A path that does not exist, a file that is not a database.
        auto r = fc({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("nowhere/none.sqlite"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Database not found")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nowhere/none.sqlite"))));
        const QString junk = testutil::writeFile(m_dir, QStringLiteral("junk.sqlite"), QByteArray(4096, 'x'));
        r = fc({QStringLiteral("--db"), junk});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not a database")), qPrintable(r.err));

        // An empty database: nothing to forecast is bad data, not a failure.
        Store empty;
        QVERIFY(empty.open(m_dir.filePath(QStringLiteral("empty.sqlite")), &error));
        empty.close();
        r = fc({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("empty.sqlite"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("Nothing to forecast")), qPrintable(r.err));

        // Another connection holds the write lock: the run cannot be stored,
        // the previous one stays whole (SQLite waits 5 s before giving up).
        QVERIFY(sql::exec(s.handle(), "BEGIN IMMEDIATE"));
        r = fc({QStringLiteral("--db"), m_db});
        QVERIFY(sql::exec(s.handle(), "ROLLBACK"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("the database is unchanged")) && r.err.contains(QStringLiteral("locked")),
                 qPrintable(r.err));
        QCOMPARE(s.latestForecastRun(Bucket::Week)->id, runBefore);
        QCOMPARE(count(s, "SELECT COUNT(*) FROM forecast_value"), valuesBefore);

        // A read-only file (root writes anyway: only checked for other users).
        if (geteuid() != 0) {
            const QString ro = m_dir.filePath(QStringLiteral("readonly.sqlite"));
            QVERIFY(QFile::copy(m_db, ro));
            QVERIFY(QFile::setPermissions(ro, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
            r = fc({QStringLiteral("--db"), ro});
            QCOMPARE(r.exitCode, 1);
            QVERIFY(!r.err.isEmpty());
        }
    }

    // A database in a read-only folder (an archive, a colleague's share) can
    // be read: info and suggest work, an import says it cannot write, and
    // nothing is created beside it. Root may write anywhere, so as root the
    // commands run as the user nobody.
    void readOnlyDatabaseIsRead()
    {
        QVERIFY(copyableDatabase());
        QTemporaryDir tmp;
        const auto all = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                         | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(tmp.path(), all));
        QDir(tmp.path()).mkdir(QStringLiteral("ro"));
        QDir(tmp.path()).mkdir(QStringLiteral("out"));
        QVERIFY(QFile::setPermissions(tmp.filePath(QStringLiteral("out")), all | QFile::WriteGroup | QFile::WriteOther));
        const QString ro = tmp.filePath(QStringLiteral("ro/hospital.sqlite"));
        QVERIFY(QFile::copy(m_db, ro));
        QVERIFY(QFile::setPermissions(ro, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(QFile::setPermissions(tmp.filePath(QStringLiteral("ro")), all & ~QFile::WriteOwner));
        const auto run = [&](const QStringList &args) {
            QProcess p;
            if (geteuid() == 0)
                p.start(QStringLiteral("runuser"),
                        QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), QStringLiteral(REAPPRO_CLI)}
                            + args + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
            else
                p.start(QStringLiteral(REAPPRO_CLI), args + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
            p.waitForFinished(300000);
            return std::make_pair(p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                                  QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
        };
        auto [code, text] = run({QStringLiteral("info"), QStringLiteral("--db"), ro, QStringLiteral("--json")});
        QVERIFY2(code == 0, qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\"products\"")));
        const QString orders = tmp.filePath(QStringLiteral("out/orders.csv"));
        std::tie(code, text) = run({QStringLiteral("suggest"), QStringLiteral("--db"), ro, QStringLiteral("--output"), orders});
        QVERIFY2(code == 0, qPrintable(text));
        QVERIFY(QFileInfo(orders).size() > 100);
        std::tie(code, text) = run(QStringList{QStringLiteral("import"), QStringLiteral("--db"), ro} + exportFiles(m_exports));
        QCOMPARE(code, 1);
        QVERIFY2(text.contains(QStringLiteral("read-only")) && text.contains(QStringLiteral("nothing was imported")), qPrintable(text));
        QCOMPARE(QDir(tmp.filePath(QStringLiteral("ro"))).entryList(QDir::Files), QStringList{QStringLiteral("hospital.sqlite")});
        QVERIFY(QFile::setPermissions(tmp.filePath(QStringLiteral("ro")), all));   // so that the folder can be removed
    }

    // A damaged database is noticed before anything uses it: a table gone,
    // or pages overwritten after a successful (cached) check. info, suggest
    // and import refuse it with what to do; import writes nothing into it.
    void damagedDatabaseIsRefused()
    {
        QVERIFY(copyableDatabase());
        const QString noLots = m_dir.filePath(QStringLiteral("no-lots.sqlite"));
        QVERIFY(QFile::copy(m_db, noLots));
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(noLots.toUtf8().constData(), &db), SQLITE_OK);
            QVERIFY(sql::exec(db, "PRAGMA foreign_keys = OFF; DROP TABLE lot;"));
            sqlite3_close(db);
        }
        const QString orders = m_dir.filePath(QStringLiteral("damaged-orders.csv"));
        auto r = runCli({QStringLiteral("info"), QStringLiteral("--db"), noLots, QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("damaged")) && r.err.contains(QStringLiteral("lot")), qPrintable(r.err));
        r = runCli({QStringLiteral("suggest"), QStringLiteral("--db"), noLots, QStringLiteral("--output"), orders});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("endommagée")), qPrintable(r.err));
        QVERIFY(!QFile::exists(orders));

        // Pages overwritten after a check that passed and was cached.
        const QString broken = m_dir.filePath(QStringLiteral("broken.sqlite"));
        QVERIFY(QFile::copy(m_db, broken));
        const auto good = runCli({QStringLiteral("info"), QStringLiteral("--db"), broken, QStringLiteral("--check"),
                                  QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(good.exitCode, 0);
        QVERIFY2(good.out.contains(QStringLiteral("Integrity check: no problem")), qPrintable(good.out));
        QCOMPARE(runCli({QStringLiteral("backup"), QStringLiteral("--db"), broken, QStringLiteral("--create")}).exitCode, 0);
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 size = f.size();
            for (qint64 at = size / 4; at < size; at += size / 4) {
                f.seek(at);
                f.write(QByteArray(8192, '\xAB'));
            }
        }
        QFile f(broken);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        r = runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), broken, QStringLiteral("--lang"), QStringLiteral("en")}
                   + exportFiles(m_exports));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("damaged")), qPrintable(r.err));
        // The way back is offered: the newest backup and the command.
        QVERIFY2(r.err.contains(QStringLiteral("restore the newest backup")) && r.err.contains(QStringLiteral("-manual")),
                 qPrintable(r.err));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == before);   // nothing written into it
    }

    // A backup is made before each import into a database that holds data;
    // restore puts the database back, keeps the state it replaced, and is
    // written in the backups' journal; --keep-backups rotates them.
    void backupsBeforeImportAndRestore()
    {
        const QString samples = QStringLiteral(REAPPRO_SOURCE_DIR "/resources/samples/");
        const QString db = m_dir.filePath(QStringLiteral("backed-up.sqlite"));
        const auto sample = [&](const char *name) { return samples + QLatin1String(name); };
        auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, sample("fournisseurs.csv"), sample("unites.csv"),
                         sample("produits.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("Sauvegarde")));   // a new database: nothing to back up
        r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--lang"), QStringLiteral("en"),
                    sample("mouvements.csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Backup before the import: ")), qPrintable(r.out));
        const auto movements = [&] {
            return QJsonDocument::fromJson(
                       runCli({QStringLiteral("info"), QStringLiteral("--db"), db, QStringLiteral("--json")}).out.toUtf8())
                .object()
                .value(QStringLiteral("movements"))
                .toInt();
        };
        const int all = movements();
        QVERIFY(all > 2000);
        auto list = runCli({QStringLiteral("backup"), QStringLiteral("--db"), db});
        QCOMPARE(list.exitCode, 0);
        const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);   // the title and one backup
        const QString id = lines[1].trimmed().section(QLatin1Char(' '), 0, 0);
        QVERIFY2(id.endsWith(QStringLiteral("-import")), qPrintable(id));
        r = runCli({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--restore"), id});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(movements(), 0);   // the state before the movements' import
        QFile log(QFileInfo(db).absoluteFilePath() + QStringLiteral(".backups/restores.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(log.readAll()).contains(QStringLiteral("restored ") + id));
        // The state replaced was kept: restoring it brings the movements back.
        const QString before = r.out.section(QStringLiteral("--restore "), 1).section(QLatin1Char(' '), 0, 0);
        QVERIFY2(before.endsWith(QStringLiteral("before-restore")), qPrintable(r.out));
        QCOMPARE(runCli({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--restore"), before}).exitCode, 0);
        QCOMPARE(movements(), all);
        // Rotation: only the newest kept.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(runCli({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--create"), QStringLiteral("--keep"),
                             QStringLiteral("2")})
                         .exitCode,
                     0);
        QCOMPARE(QDir(QFileInfo(db).absoluteFilePath() + QStringLiteral(".backups")).entryList({QStringLiteral("*.sqlite")}).size(), 2);
    }

    // A database that cannot be opened is said so in the user's language,
    // with no Qt warning leaking onto the terminal.
    void openErrorsAreInTheUsersLanguage()
    {
        const QString where = m_dir.filePath(QStringLiteral("no-such-folder/h.sqlite"));
        const QString file = QStringLiteral(REAPPRO_SOURCE_DIR "/resources/samples/produits.csv");
        auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), where, file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QString::fromUtf8("Impossible d'ouvrir la base")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("QSqlDatabase")), qPrintable(r.err));
        r = runCli({QStringLiteral("import"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), where, file});
        QVERIFY2(r.err.contains(QStringLiteral("Cannot open the database")), qPrintable(r.err));
    }

    void profileSavedAndReused()
    {
        const QString profiles = m_dir.filePath(QStringLiteral("profiles"));
        const QStringList env = {QStringLiteral("REAPPRO_PROFILE_DIR=") + profiles};
        const QString db = m_dir.filePath(QStringLiteral("profile.sqlite"));
        const QString products =
            testutil::writeFile(m_dir, QStringLiteral("articles.csv"), QByteArray("Ref;D\xE9signation\r\nA1;Seringue 10 ml\r\n"));
        auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--save-profile"),
                         QStringLiteral("logiciel-x"), products},
                        env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(profiles + QStringLiteral("/logiciel-x.json")));
        r = runCli(
            {QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--profile"), QStringLiteral("logiciel-x"), products},
            env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--profile"), QStringLiteral("absent"), products},
                   env);
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
