// SPDX-License-Identifier: GPL-3.0-or-later
// reappro-cli suggest and replay end to end on a small demo hospital:
// the files they write, their columns and keys, the budget, the languages,
// the exit codes.
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using testutil::runCli;

namespace {

// RFC 4180 line split (quoted fields may hold commas and doubled quotes).
QStringList splitCsv(const QString &line)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out << field;
            field.clear();
        } else {
            field += c;
        }
    }
    out << field;
    return out;
}

struct Table {
    QStringList header;
    QList<QStringList> rows;
    QString at(int row, const QString &column) const { return rows[row].value(header.indexOf(column)); }
};

Table readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(f.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    Table t;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    t.header = lines.value(0).split(QLatin1Char(','));
    for (int i = 1; i < lines.size(); ++i)
        t.rows << splitCsv(lines[i]);
    return t;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

} // namespace

class TestCliReplenish : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        const QString exports = m_dir.filePath(QStringLiteral("demo"));
        auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), exports, QStringLiteral("--products"), QStringLiteral("80"),
                         QStringLiteral("--units"), QStringLiteral("6"), QStringLiteral("--years"), QStringLiteral("2"),
                         QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        QStringList files;
        for (const QString &f : QDir(exports).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name))
            files << QDir(exports).filePath(f);
        r = runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), m_db} + files);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void suggestWritesExplainedLines()
    {
        const QString out = m_dir.filePath(QStringLiteral("orders.csv"));
        const auto r = runCli({QStringLiteral("suggest"), QStringLiteral("--db"), m_db, QStringLiteral("--output"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("lignes")), qPrintable(r.out));
        const Table t = readCsv(out);
        for (const char *column :
             {"supplier", "product_code", "label", "quantity_packs", "quantity_units", "value_eur", "criticality", "explanation"})
            QVERIFY2(t.header.contains(QLatin1String(column)), column);
        QVERIFY2(!t.rows.isEmpty(), "the demo always has something to order");
        for (int i = 0; i < t.rows.size(); ++i) {
            QCOMPARE(t.rows[i].size(), t.header.size());
            const double packs = t.at(i, QStringLiteral("quantity_packs")).toDouble();
            const double units = t.at(i, QStringLiteral("quantity_units")).toDouble();
            const double pack = t.at(i, QStringLiteral("pack_size")).toDouble();
            QVERIFY(units > 0.0);
            QVERIFY(std::abs(packs * pack - units) < 1e-6);
            QVERIFY(std::abs(packs - std::round(packs)) < 1e-9); // whole packs only
            const double value = t.at(i, QStringLiteral("value_eur")).toDouble();
            const double price = t.at(i, QStringLiteral("unit_price_eur")).toDouble();
            QVERIFY2(std::abs(value - price * units) < 0.01, qPrintable(t.rows[i].join(QLatin1Char('|'))));
            QVERIFY(QStringList({QStringLiteral("vital"), QStringLiteral("essential"), QStringLiteral("other")})
                        .contains(t.at(i, QStringLiteral("criticality"))));
            const QString why = t.at(i, QStringLiteral("explanation"));
            QVERIFY2(why.contains(QStringLiteral("Demande prévue sur")) && why.contains(QStringLiteral("Commande :")), qPrintable(why));
        }
    }

    void openOrdersOfProductsOutOfStockCount()
    {
        // Products out of stock on the day of the stock export are not in
        // the lot file; what is on order for them still counts, and their
        // stock is nil (not rebuilt from the movements): the orders already
        // placed are not suggested again. Here every product with an open
        // order line is taken out of the lot file.
        const QDir exports(m_dir.filePath(QStringLiteral("demo")));
        QFile open(exports.filePath(QStringLiteral("commandes_en_cours.csv")));
        QVERIFY(open.open(QIODevice::ReadOnly));
        const QList<QByteArray> openLines = open.readAll().split('\n');
        std::map<QByteArray, double> pending; // product -> ordered, not yet received
        for (qsizetype i = 1; i < openLines.size(); ++i) {
            const QList<QByteArray> f = openLines[i].trimmed().split(';');
            if (f.size() < 6)
                continue;
            auto number = [](const QByteArray &b) { return QString::fromLatin1(b).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(); };
            const double left = std::max(0.0, number(f[4]) - number(f[5]));
            if (left > 0.0)
                pending[f[3]] += left;
        }
        QVERIFY2(!pending.empty(), "the demo has open order lines");

        QTemporaryDir dir;
        QStringList files;
        for (const QString &name : exports.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
            QFile in(exports.filePath(name));
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray bytes = in.readAll();
            if (name == QLatin1String("stock_lots.csv")) {
                QByteArray kept;
                for (const QByteArray &line : bytes.split('\n'))
                    if (!line.isEmpty() && !pending.count(line.left(line.indexOf(';'))))
                        kept += line + '\n';
                bytes = kept;
            }
            files << testutil::writeFile(dir, name, bytes);
        }
        const QString db = dir.filePath(QStringLiteral("out.sqlite"));
        auto r = runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), db} + files);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString out = dir.filePath(QStringLiteral("orders.csv"));
        r = runCli({QStringLiteral("suggest"), QStringLiteral("--db"), db, QStringLiteral("--output"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Table t = readCsv(out);
        int checked = 0;
        for (int i = 0; i < t.rows.size(); ++i) {
            const auto it = pending.find(t.at(i, QStringLiteral("product_code")).toLatin1());
            if (it == pending.end())
                continue;
            ++checked;
            const QString line = t.rows[i].join(QLatin1Char('|'));
            QVERIFY2(t.at(i, QStringLiteral("on_hand")).toDouble() == 0.0, qPrintable(line));
            QVERIFY2(std::abs(t.at(i, QStringLiteral("on_order")).toDouble() - it->second) < 1e-6, qPrintable(line));
        }
        QVERIFY2(checked > 0, "some of them still need an order");
    }

    void serviceTargetsPerProductOrUniform()
    {
        // Default: each product its own target, the class's on average
        // (some above, some below); --uniform-service: the class's for all.
        // At the example targets: at the defaults (98.5% and 98%)
        // this small hospital's short shelf lives hold every product's
        // expected service under its class target, so all are raised.
        const QStringList service{QStringLiteral("--service"), QStringLiteral("vital=99,essential=97,other=95")};
        auto targets = [&](const QStringList &extra) {
            const QString out = m_dir.filePath(QStringLiteral("targets.csv"));
            const auto r = runCli(QStringList{QStringLiteral("suggest"), QStringLiteral("--lang"), QStringLiteral("en"),
                                              QStringLiteral("--db"), m_db, QStringLiteral("--output"), out}
                                  + extra);
            [&] { QVERIFY2(r.exitCode == 0, qPrintable(r.err)); }();
            const Table t = readCsv(out);
            QList<std::pair<QString, double>> v;
            for (int i = 0; i < t.rows.size(); ++i)
                v.append({t.at(i, QStringLiteral("criticality")), t.at(i, QStringLiteral("service_level")).toDouble()});
            return v;
        };
        const QHash<QString, double> cls{
            {QStringLiteral("vital"), 0.99}, {QStringLiteral("essential"), 0.97}, {QStringLiteral("other"), 0.95}};
        int above = 0, below = 0;
        const auto own = targets(service);
        QVERIFY(!own.isEmpty());
        for (const auto &[c, target] : own) {
            QVERIFY(target >= (c == QLatin1String("vital") ? 0.97 : c == QLatin1String("essential") ? 0.85 : 0.80) - 1e-9);
            above += target > cls.value(c) + 1e-9 ? 1 : 0;
            below += target < cls.value(c) - 1e-9 ? 1 : 0;
        }
        QVERIFY2(above > 0 && below > 0, qPrintable(QStringLiteral("%1 above, %2 below").arg(above).arg(below)));
        for (const auto &[c, target] : targets(service + QStringList{QStringLiteral("--uniform-service")}))
            QCOMPARE(target, cls.value(c));
    }

    void budgetCutsAndShowsIt()
    {
        const QString full = m_dir.filePath(QStringLiteral("full.csv")), cut = m_dir.filePath(QStringLiteral("cut.csv"));
        QCOMPARE(runCli({QStringLiteral("suggest"), QStringLiteral("--db"), m_db, QStringLiteral("--output"), full}).exitCode, 0);
        double total = 0.0;
        const Table t = readCsv(full);
        for (int i = 0; i < t.rows.size(); ++i)
            total += t.at(i, QStringLiteral("value_eur")).toDouble();
        const double budget = std::floor(total / 2.0);
        const auto r = runCli({QStringLiteral("suggest"), QStringLiteral("--db"), m_db, QStringLiteral("--budget"), QString::number(budget),
                               QStringLiteral("--output"), cut, QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("budget")), qPrintable(r.out));
        const Table c = readCsv(cut);
        double kept = 0.0;
        int cutLines = 0;
        for (int i = 0; i < c.rows.size(); ++i) {
            kept += c.at(i, QStringLiteral("value_eur")).toDouble();
            if (c.at(i, QStringLiteral("budget_cut")) == QLatin1String("1")) {
                ++cutLines;
                QVERIFY(c.at(i, QStringLiteral("explanation")).contains(QStringLiteral("Budget:")));
            }
        }
        QVERIFY2(kept <= budget + 0.01, qPrintable(QStringLiteral("%1 > %2").arg(kept).arg(budget)));
        QVERIFY(cutLines > 0);
        // English explanations with --lang en.
        QVERIFY(c.at(0, QStringLiteral("explanation")).contains(QStringLiteral("Forecast demand over")));
    }

    void suggestRejectsBadUse()
    {
        QCOMPARE(runCli({QStringLiteral("suggest"), QStringLiteral("--db"), m_db}).exitCode, 64);
        QCOMPARE(runCli({QStringLiteral("suggest"), QStringLiteral("--db"), m_db, QStringLiteral("--budget"), QStringLiteral("abc"),
                         QStringLiteral("--output"), m_dir.filePath(QStringLiteral("x.csv"))})
                     .exitCode,
                 64);
        QCOMPARE(runCli({QStringLiteral("suggest"), QStringLiteral("--db"), m_db, QStringLiteral("--expiry-confidence"),
                         QStringLiteral("30"), QStringLiteral("--output"), m_dir.filePath(QStringLiteral("x.csv"))})
                     .exitCode,
                 64);
        QCOMPARE(runCli({QStringLiteral("suggest"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("none.sqlite")),
                         QStringLiteral("--output"), m_dir.filePath(QStringLiteral("x.csv"))})
                     .exitCode,
                 1);
    }

    // Absurd arguments are refused before any work, with a message that
    // says what is accepted (they ran out of memory, or answered for a day
    // far from the history without a word).
    void absurdArgumentsAreRefusedAtOnce_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        const QString out = QStringLiteral("OUT");
        QTest::newRow("suggest as of 9999") << QStringList{"suggest", "--as-of", "9999-12-31", "--output", out} << 64 << "outside";
        QTest::newRow("suggest as of 2099") << QStringList{"suggest", "--as-of", "2099-01-01", "--output", out} << 64 << "2027";
        QTest::newRow("suggest before the history") << QStringList{"suggest", "--as-of", "2020-01-01", "--output", out} << 64 << "outside";
        QTest::newRow("parlevels as of 2099") << QStringList{"parlevels", "--as-of", "2099-01-01", "--output", out} << 64 << "outside";
        QTest::newRow("forecast horizon 100000") << QStringList{"forecast", "--horizon", "100000"} << 64 << "104";
        QTest::newRow("daily horizon 800") << QStringList{"forecast", "--bucket", "day", "--horizon", "800"} << 64 << "730";
        QTest::newRow("forecast threads") << QStringList{"forecast", "--threads", "100000"} << 64 << "--threads";
        QTest::newRow("replay before the history")
            << QStringList{"replay", "--from", "2000-01-01", "--to", "2025-01-01", "--output", out} << 2 << "within";
        QTest::newRow("replay threads") << QStringList{"replay",    "--from", "2026-05-01", "--to", "2026-06-01",
                                                       "--threads", "100000", "--output",   out}
                                        << 64 << "256";
    }
    // An output that cannot be written is found before the computation,
    // not after it.
    void unwritableOutputFailsAtOnce_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("suggest") << QStringList{"suggest"};
        QTest::newRow("parlevels") << QStringList{"parlevels"};
        QTest::newRow("replay") << QStringList{"replay", "--from", "2026-05-01", "--to", "2026-10-31"};
    }
    void unwritableOutputFailsAtOnce()
    {
        QFETCH(QStringList, args);
        const auto r = runCli(args
                              + QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--lang"), QStringLiteral("en"),
                                            QStringLiteral("--output"), m_dir.filePath(QStringLiteral("no/such/folder/out.csv"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("nothing was computed")), qPrintable(r.err));
    }

    void absurdArgumentsAreRefusedAtOnce()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const QString out = m_dir.filePath(QStringLiteral("absurd.out"));
        args.replaceInStrings(QStringLiteral("OUT"), out);
        const auto r = runCli(args + QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
        // Without --db: a usage error (it was 1, a failure).
        QCOMPARE(runCli({args.first(), QStringLiteral("--output"), out}).exitCode, 64);
    }

    void replayReportsEveryMeasure_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::newRow("reappro") << "reappro";
        QTest::newRow("minmax") << "minmax";
        QTest::newRow("actual") << "actual";
    }
    void replayReportsEveryMeasure()
    {
        QFETCH(QString, policy);
        const QString out = m_dir.filePath(policy + QStringLiteral(".json"));
        // The demo ends on 31/10/2026 with two years of history.
        const auto r =
            runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db, QStringLiteral("--from"), QStringLiteral("2026-05-01"),
                    QStringLiteral("--to"), QStringLiteral("2026-10-31"), QStringLiteral("--policy"), policy, QStringLiteral("--output"),
                    out, QStringLiteral("--details"), m_dir.filePath(policy + QStringLiteral("-details.csv"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = readJson(out);
        QCOMPARE(j.value(QStringLiteral("policy")).toString(), policy);
        const QStringList keys{
            QStringLiteral("cycle_service_level"), QStringLiteral("fill_rate"), QStringLiteral("average_stock_value_eur"),
            QStringLiteral("expired_value_eur"),   QStringLiteral("orders"),    QStringLiteral("stockout_days")};
        auto check = [&](const QJsonObject &o) {
            for (const QString &k : keys)
                QVERIFY2(o.contains(k), qPrintable(k));
            QVERIFY(o.value(QStringLiteral("cycle_service_level")).toDouble() >= 0.0
                    && o.value(QStringLiteral("cycle_service_level")).toDouble() <= 1.0);
            QVERIFY(o.value(QStringLiteral("fill_rate")).toDouble() >= 0.0 && o.value(QStringLiteral("fill_rate")).toDouble() <= 1.0);
            QVERIFY(o.value(QStringLiteral("average_stock_value_eur")).toDouble() >= 0.0);
        };
        check(j);
        const QJsonObject by = j.value(QStringLiteral("by_criticality")).toObject();
        double orders = 0.0;
        for (const QString &c : {QStringLiteral("vital"), QStringLiteral("essential"), QStringLiteral("other")}) {
            QVERIFY2(by.contains(c), qPrintable(c));
            check(by.value(c).toObject());
            orders += by.value(c).toObject().value(QStringLiteral("orders")).toDouble();
        }
        QCOMPARE(orders, j.value(QStringLiteral("orders")).toDouble()); // the classes add up to the total
        QVERIFY(j.value(QStringLiteral("orders")).toDouble() > 0.0);
        // The products of the details add up to the totals, expiry split included.
        const Table t = readCsv(m_dir.filePath(policy + QStringLiteral("-details.csv")));
        QCOMPARE(t.rows.size(), j.value(QStringLiteral("products")).toInt());
        double expired = 0.0, fromOrders = 0.0;
        for (int i = 0; i < t.rows.size(); ++i) {
            expired += t.at(i, QStringLiteral("expired_value_eur")).toDouble();
            fromOrders += t.at(i, QStringLiteral("expired_from_orders_eur")).toDouble();
            QVERIFY(t.at(i, QStringLiteral("expired_from_orders_eur")).toDouble()
                    <= t.at(i, QStringLiteral("expired_value_eur")).toDouble() + 1e-9);
        }
        QVERIFY(std::abs(expired - j.value(QStringLiteral("expired_value_eur")).toDouble()) < 0.01);
        QVERIFY(std::abs(fromOrders - j.value(QStringLiteral("expired_from_orders_eur")).toDouble()) < 0.01);
    }

    void suggestTakesTheReplaysClassAims()
    {
        // The reappro replay above ends with corrected class aims; suggest
        // --calibration aims each class there (here with --uniform-service,
        // so every line shows its class's aim); a min/max replay has none.
        const QJsonObject by = readJson(m_dir.filePath(QStringLiteral("reappro.json"))).value(QStringLiteral("by_criticality")).toObject();
        QHash<QString, double> aims;
        for (const QString &c : {QStringLiteral("vital"), QStringLiteral("essential"), QStringLiteral("other")}) {
            const QJsonObject o = by.value(c).toObject();
            const double target = o.value(QStringLiteral("service_target")).toDouble();
            aims[c] = o.value(QStringLiteral("service_aim")).toDouble();
            QVERIFY2(aims[c] >= target - 0.06 - 1e-9 && aims[c] <= target + 0.02 + 1e-9, qPrintable(c));
        }
        const QString out = m_dir.filePath(QStringLiteral("calibrated.csv"));
        auto r =
            runCli({QStringLiteral("suggest"), QStringLiteral("--db"), m_db, QStringLiteral("--output"), out,
                    QStringLiteral("--uniform-service"), QStringLiteral("--calibration"), m_dir.filePath(QStringLiteral("reappro.json"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Table t = readCsv(out);
        QVERIFY(!t.rows.isEmpty());
        for (int i = 0; i < t.rows.size(); ++i)
            QVERIFY(std::abs(t.at(i, QStringLiteral("service_level")).toDouble() - aims.value(t.at(i, QStringLiteral("criticality"))))
                    < 1e-4);
        // The replay stored its aims in the database: suggest takes them
        // without being told, and says so; --no-calibration aims at the
        // class targets themselves.
        const QString stored = m_dir.filePath(QStringLiteral("stored.csv"));
        r = runCli({QStringLiteral("suggest"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), m_db,
                    QStringLiteral("--output"), stored, QStringLiteral("--uniform-service")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("aims corrected by the replay from 2026-05-01 to 2026-10-31: vital / MITM ")),
                 qPrintable(r.out));
        // Each line says its class is aimed elsewhere to serve its target.
        QVERIFY2(readCsv(stored).at(0, QStringLiteral("explanation")).contains(QStringLiteral("aim corrected by the replay to serve ")),
                 qPrintable(readCsv(stored).at(0, QStringLiteral("explanation"))));
        const Table fromStore = readCsv(stored);
        QCOMPARE(fromStore.rows.size(), t.rows.size());
        for (int i = 0; i < t.rows.size(); ++i)
            for (const QString &column :
                 {QStringLiteral("product_code"), QStringLiteral("service_level"), QStringLiteral("quantity_units")})
                QCOMPARE(fromStore.at(i, column), t.at(i, column));
        r = runCli({QStringLiteral("suggest"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), m_db,
                    QStringLiteral("--output"), stored, QStringLiteral("--uniform-service"), QStringLiteral("--no-calibration")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("aims corrected")), qPrintable(r.out));
        const QHash<QString, double> targets{
            {QStringLiteral("vital"), 0.99}, {QStringLiteral("essential"), 0.985}, {QStringLiteral("other"), 0.98}}; // the defaults
        const Table plain = readCsv(stored);
        for (int i = 0; i < plain.rows.size(); ++i)
            QCOMPARE(plain.at(i, QStringLiteral("service_level")).toDouble(), targets.value(plain.at(i, QStringLiteral("criticality"))));
        // Other targets than those replayed: the replay's aims do not apply.
        r = runCli({QStringLiteral("suggest"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), m_db,
                    QStringLiteral("--output"), stored, QStringLiteral("--service"), QStringLiteral("vital=98,essential=96,other=94")});
        QVERIFY2(r.out.contains(QStringLiteral("the last replay stored was run with other targets")), qPrintable(r.out));
        r = runCli({QStringLiteral("suggest"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), m_db,
                    QStringLiteral("--output"), out, QStringLiteral("--calibration"), m_dir.filePath(QStringLiteral("minmax.json"))});
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(QStringLiteral("service_aim")), qPrintable(r.err));
    }

    void replayReplaysTheReorderPointRule()
    {
        // --rule ss replays Reappro's reorder-point rule (s, S): an order only
        // when the position falls to s, then up to S = s + one more review's
        // demand, so fewer orders than the periodic order-up-to of the
        // default run above (rule "rs"), over the same days.
        const QJsonObject rs = readJson(m_dir.filePath(QStringLiteral("reappro.json")));
        QCOMPARE(rs.value(QStringLiteral("rule")).toString(), QStringLiteral("rs"));
        const QString out = m_dir.filePath(QStringLiteral("reappro-ss.json"));
        const auto r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db, QStringLiteral("--from"),
                               QStringLiteral("2026-05-01"), QStringLiteral("--to"), QStringLiteral("2026-10-31"), QStringLiteral("--rule"),
                               QStringLiteral("ss"), QStringLiteral("--output"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject ss = readJson(out);
        QCOMPARE(ss.value(QStringLiteral("policy")).toString(), QStringLiteral("reappro"));
        QCOMPARE(ss.value(QStringLiteral("rule")).toString(), QStringLiteral("ss"));
        const double ordersSs = ss.value(QStringLiteral("orders")).toDouble(), ordersRs = rs.value(QStringLiteral("orders")).toDouble();
        QVERIFY2(ordersSs > 0.0 && ordersSs < 0.9 * ordersRs, qPrintable(QStringLiteral("%1 vs %2").arg(ordersSs).arg(ordersRs)));
        // The rule is Reappro's: min/max has its own.
        const auto bad = runCli({QStringLiteral("replay"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), m_db,
                                 QStringLiteral("--from"), QStringLiteral("2026-05-01"), QStringLiteral("--to"),
                                 QStringLiteral("2026-10-31"), QStringLiteral("--policy"), QStringLiteral("minmax"),
                                 QStringLiteral("--rule"), QStringLiteral("ss"), QStringLiteral("--output"), out});
        QCOMPARE(bad.exitCode, 64);
        QVERIFY2(bad.err.contains(QStringLiteral("--rule")), qPrintable(bad.err));
        QCOMPARE(runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db, QStringLiteral("--from"), QStringLiteral("2026-05-01"),
                         QStringLiteral("--to"), QStringLiteral("2026-10-31"), QStringLiteral("--rule"), QStringLiteral("sq"),
                         QStringLiteral("--output"), out})
                     .exitCode,
                 64);
    }

    void replayComparesAtEqualService()
    {
        // --policy compare: Reappro beside min/max as set, min/max at
        // Reappro's service (months by bisection) and what the hospital did,
        // each measured as its own run measures it, and Reappro's changes
        // against the matched min/max.
        const QString out = m_dir.filePath(QStringLiteral("compare.json"));
        auto r = runCli({QStringLiteral("replay"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), m_db,
                         QStringLiteral("--from"), QStringLiteral("2026-05-01"), QStringLiteral("--to"), QStringLiteral("2026-10-31"),
                         QStringLiteral("--policy"), QStringLiteral("compare"), QStringLiteral("--output"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("min/max at equal service")), qPrintable(r.out));
        const auto r0 = r;
        const QJsonObject j = readJson(out);
        QCOMPARE(j.value(QStringLiteral("policy")).toString(), QStringLiteral("compare"));
        const QJsonObject reappro = j.value(QStringLiteral("reappro")).toObject(),
                          matched = j.value(QStringLiteral("minmax_matched")).toObject();
        QCOMPARE(reappro.value(QStringLiteral("policy")).toString(), QStringLiteral("reappro"));
        QCOMPARE(j.value(QStringLiteral("actual")).toObject().value(QStringLiteral("policy")).toString(), QStringLiteral("actual"));
        QCOMPARE(j.value(QStringLiteral("minmax")).toObject().value(QStringLiteral("min_months")).toDouble(), 1.0);
        // Reappro is the run of the default policy above.
        const QJsonObject alone = readJson(m_dir.filePath(QStringLiteral("reappro.json")));
        QCOMPARE(reappro.value(QStringLiteral("average_stock_value_eur")).toDouble(),
                 alone.value(QStringLiteral("average_stock_value_eur")).toDouble());
        // The matched min/max serves no more than Reappro, and is what
        // --policy minmax gives at its months.
        const double months = matched.value(QStringLiteral("min_months")).toDouble();
        QVERIFY(months > 0.25 && months < 4.0);
        QCOMPARE(matched.value(QStringLiteral("max_months")).toDouble(), 2.0 * months);
        QVERIFY(matched.value(QStringLiteral("cycle_service_level")).toDouble()
                <= reappro.value(QStringLiteral("cycle_service_level")).toDouble());
        const QString single = m_dir.filePath(QStringLiteral("matched.json"));
        r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db, QStringLiteral("--from"), QStringLiteral("2026-05-01"),
                    QStringLiteral("--to"), QStringLiteral("2026-10-31"), QStringLiteral("--policy"), QStringLiteral("minmax"),
                    QStringLiteral("--min-months"), QString::number(months, 'g', 17), QStringLiteral("--max-months"),
                    QString::number(2.0 * months, 'g', 17), QStringLiteral("--output"), single});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject m = readJson(single);
        for (const char *k : {"cycle_service_level", "average_stock_value_eur", "expired_value_eur", "stockout_days"})
            QCOMPARE(matched.value(QLatin1String(k)).toDouble(), m.value(QLatin1String(k)).toDouble());
        const QJsonObject vs = j.value(QStringLiteral("reappro_vs_minmax_matched")).toObject();
        const double stock = reappro.value(QStringLiteral("average_stock_value_eur")).toDouble()
                                 / m.value(QStringLiteral("average_stock_value_eur")).toDouble()
                             - 1.0;
        QVERIFY(std::abs(vs.value(QStringLiteral("average_stock_value")).toDouble() - stock) < 1e-9);
        // What was in stock or on order on the first day expires alike under
        // every policy, as the summary says.
        const double inherited = reappro.value(QStringLiteral("expired_from_initial_stock_eur")).toDouble();
        for (const char *k : {"minmax", "minmax_matched", "actual"})
            QCOMPARE(j.value(QLatin1String(k)).toObject().value(QStringLiteral("expired_from_initial_stock_eur")).toDouble(), inherited);
        QVERIFY2(r0.out.contains(QStringLiteral("Of each policy's expired value"))
                     && r0.out.contains(QStringLiteral("expires under every policy")),
                 qPrintable(r0.out));

        // Class by class: each class's months serve it no more than Reappro
        // serves it, and give that class what --policy minmax gives it at
        // those months (min/max treats each product on its own); the total
        // is the three classes'.
        QVERIFY2(r0.out.contains(QStringLiteral("min/max at equal service, by class"))
                     && r0.out.contains(QStringLiteral("in each class: stock ")),
                 qPrintable(r0.out));
        const QJsonObject byClass = j.value(QStringLiteral("minmax_matched_by_class")).toObject();
        const QJsonObject classes = byClass.value(QStringLiteral("by_criticality")).toObject();
        double stockSum = 0.0, expiredSum = 0.0;
        for (const char *c : {"vital", "essential", "other"}) {
            const QJsonObject mine = reappro.value(QStringLiteral("by_criticality")).toObject().value(QLatin1String(c)).toObject();
            const QJsonObject theirs = classes.value(QLatin1String(c)).toObject();
            const double classMonths = theirs.value(QStringLiteral("min_months")).toDouble();
            QVERIFY2(classMonths > 0.25 && classMonths < 4.0, c);
            QCOMPARE(theirs.value(QStringLiteral("max_months")).toDouble(), 2.0 * classMonths);
            QVERIFY2(theirs.value(QStringLiteral("cycle_service_level")).toDouble()
                         <= mine.value(QStringLiteral("cycle_service_level")).toDouble(),
                     c);
            const QString path = m_dir.filePath(QStringLiteral("class-%1.json").arg(QLatin1String(c)));
            r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db, QStringLiteral("--from"), QStringLiteral("2026-05-01"),
                        QStringLiteral("--to"), QStringLiteral("2026-10-31"), QStringLiteral("--policy"), QStringLiteral("minmax"),
                        QStringLiteral("--min-months"), QString::number(classMonths, 'g', 17), QStringLiteral("--max-months"),
                        QString::number(2.0 * classMonths, 'g', 17), QStringLiteral("--output"), path});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const QJsonObject run = readJson(path).value(QStringLiteral("by_criticality")).toObject().value(QLatin1String(c)).toObject();
            for (const char *k : {"cycle_service_level", "average_stock_value_eur", "expired_value_eur", "stockout_days"})
                QVERIFY2(std::abs(theirs.value(QLatin1String(k)).toDouble() - run.value(QLatin1String(k)).toDouble()) < 1e-6,
                         qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(c), QLatin1String(k))));
            stockSum += theirs.value(QStringLiteral("average_stock_value_eur")).toDouble();
            expiredSum += theirs.value(QStringLiteral("expired_value_eur")).toDouble();
        }
        QVERIFY(std::abs(byClass.value(QStringLiteral("average_stock_value_eur")).toDouble() - stockSum) < 0.01 * 3);
        QVERIFY(std::abs(byClass.value(QStringLiteral("expired_value_eur")).toDouble() - expiredSum) < 1e-6);
        const QJsonObject vsByClass = j.value(QStringLiteral("reappro_vs_minmax_matched_by_class")).toObject();
        QVERIFY(std::abs(vsByClass.value(QStringLiteral("expired_value")).toDouble()
                         - (reappro.value(QStringLiteral("expired_value_eur")).toDouble() / expiredSum - 1.0))
                < 1e-9);
    }

    void replayRejectsBadUse()
    {
        const QString out = m_dir.filePath(QStringLiteral("bad.json"));
        QCOMPARE(runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db, QStringLiteral("--from"), QStringLiteral("2026-05-01"),
                         QStringLiteral("--to"), QStringLiteral("2026-10-31"), QStringLiteral("--policy"), QStringLiteral("magic"),
                         QStringLiteral("--output"), out})
                     .exitCode,
                 64);
        // Beyond the history: said, and refused.
        const auto r =
            runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db, QStringLiteral("--from"), QStringLiteral("2026-05-01"),
                    QStringLiteral("--to"), QStringLiteral("2027-10-31"), QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("31/10/2026")), qPrintable(r.err));
        QCOMPARE(runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db, QStringLiteral("--from"), QStringLiteral("2026-10-01"),
                         QStringLiteral("--to"), QStringLiteral("2026-05-31"), QStringLiteral("--output"), out})
                     .exitCode,
                 64);
        const auto refit = runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db, QStringLiteral("--from"),
                                   QStringLiteral("2026-05-01"), QStringLiteral("--to"), QStringLiteral("2026-05-31"),
                                   QStringLiteral("--refit-days"), QStringLiteral("0"), QStringLiteral("--output"), out});
        QCOMPARE(refit.exitCode, 64);
        QVERIFY2(refit.err.contains(QStringLiteral("--refit-days")), qPrintable(refit.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReplenish)
#include "tst_cli_replenish.moc"
