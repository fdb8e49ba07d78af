// reappro-cli end to end: demo -> import -> info, exit codes, reports,
// idempotent re-import, profiles, and help for every command.
#include "testutil.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

using testutil::runCli;

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_exports, m_db;

    QJsonObject info(const QString &db)
    {
        const auto r = runCli({QStringLiteral("info"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
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
        QTest::newRow("demo") << "demo" << "--products";
        QTest::newRow("import") << "import" << "--profile";
        QTest::newRow("info") << "info" << "--db";
        QTest::newRow("forecast") << "forecast" << "--method";
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

    void demoIsDeterministic()
    {
        const QString again = m_dir.filePath(QStringLiteral("again"));
        const QString other = m_dir.filePath(QStringLiteral("other"));
        const QStringList args = {QStringLiteral("--products"), QStringLiteral("60"), QStringLiteral("--units"),
                                  QStringLiteral("6"), QStringLiteral("--years"), QStringLiteral("1")};
        QCOMPARE(runCli(QStringList{QStringLiteral("demo"), QStringLiteral("--out"), again, QStringLiteral("--seed"), QStringLiteral("7")} + args).exitCode, 0);
        QCOMPARE(runCli(QStringList{QStringLiteral("demo"), QStringLiteral("--out"), other, QStringLiteral("--seed"), QStringLiteral("8")} + args).exitCode, 0);
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
        QCOMPARE(i.value(QStringLiteral("schema_version")).toInt(), 2);
        // The readable summary, in French by default.
        const auto text = runCli({QStringLiteral("info"), QStringLiteral("--db"), m_db});
        QVERIFY2(text.out.contains(QString::fromUtf8("Valeur du stock")), qPrintable(text.out));
        const auto en = runCli({QStringLiteral("info"), QStringLiteral("--db"), m_db, QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(en.out.contains(QStringLiteral("Stock value")), qPrintable(en.out));
    }

    void reimportAddsNothing()
    {
        const QJsonObject before = info(m_db);
        const auto r = runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--lang"),
                                          QStringLiteral("en")} + exportFiles(m_exports));
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
            "01/10/2026;D\xE9livrance UF;" + code + ";4;X1\r\n"
            "31/02/2026;D\xE9livrance UF;" + code + ";4;X1\r\n"
            "02/10/2026;D\xE9livrance UF;NOPE;4;X1\r\n");
        const QString report = m_dir.filePath(QStringLiteral("report.csv"));
        const auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--report"), report, bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("mouvements_bad.csv:3:1 (Date)")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("mouvements_bad.csv:4:3 (Code produit)")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QString::fromUtf8("rien n'a été importé")), qPrintable(r.err));
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
        const auto b = runCli({QStringLiteral("forecast"), QStringLiteral("--input"), bad, QStringLiteral("--horizon"),
                               QStringLiteral("3"), QStringLiteral("--output"), outPath});
        QCOMPARE(b.exitCode, 2);
        QVERIFY2(b.err.contains(QStringLiteral("bad.csv:3:")), qPrintable(b.err));
    }

    void profileSavedAndReused()
    {
        const QString profiles = m_dir.filePath(QStringLiteral("profiles"));
        const QStringList env = {QStringLiteral("REAPPRO_PROFILE_DIR=") + profiles};
        const QString db = m_dir.filePath(QStringLiteral("profile.sqlite"));
        const QString products = testutil::writeFile(m_dir, QStringLiteral("articles.csv"),
                                                     QByteArray("Ref;D\xE9signation\r\nA1;Seringue 10 ml\r\n"));
        auto r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--save-profile"),
                         QStringLiteral("logiciel-x"), products}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(profiles + QStringLiteral("/logiciel-x.json")));
        r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--profile"), QStringLiteral("logiciel-x"), products}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--profile"), QStringLiteral("absent"), products}, env);
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
