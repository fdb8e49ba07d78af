// SPDX-License-Identifier: GPL-3.0-or-later
// Ward stock par levels on a small hospital built by hand, where the answers
// are known: constant demand of 10 a day gives a par of 10 x the cover,
// quantiles grow with criticality, a count lowers the top-up, an unknown
// rhythm takes the default, six months without consumption give par 0; the
// count file and its rejections; the explanation in French and English; and
// reappro-cli parlevels end to end.
#include "core/import/importer.h"
#include "core/replenishment/parlevels.h"
#include "core/store/sqlite.h"
#include "core/store/store.h"
#include "testutil.h"

#include <QDir>
#include <cmath>
#include <optional>

using namespace reappro;
using testutil::runCli;

class TestParLevels : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;
    Store m_store;
    qint64 m_u2 = 0, m_u5 = 0, m_ux = 0, m_const = 0, m_vital = 0, m_essential = 0, m_other = 0, m_dormant = 0, m_late = 0, m_pack = 0;
    // Monday of the first week; 60 complete weeks of history end Sunday 01/03/2026.
    const QDate m_start{2025, 1, 6};
    static constexpr int kWeeks = 60;

    qint64 id(const std::string &sqlText) { return sql::queryInt(m_store.handle(), sqlText); }

    // A copy: results are often temporaries (find(compute(o), ...)).
    static std::optional<ParLevel> find(const ParLevelResult &r, qint64 unit, qint64 product)
    {
        for (const ParLevel &l : r.lines)
            if (l.unitId == unit && l.productId == product)
                return l;
        return std::nullopt;
    }
    ParLevelResult compute(ParLevelOptions o = {})
    {
        if (o.threads == 0)
            o.threads = 2;
        return computeParLevels(m_store, o);
    }
    static QStringList csvLines(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray bytes = f.readAll();
        if (!bytes.startsWith("\xEF\xBB\xBF"))
            return {};
        return QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("h.sqlite"));
        QString error;
        QVERIFY2(m_store.open(m_db, &error), qPrintable(error));
        const QString units =
            testutil::writeFile(m_dir, QStringLiteral("unites.csv"),
                                testutil::toCp1252(QStringLiteral("Code UF;Libellé UF;Type;Tournées/semaine\r\n"
                                                                  "U2;Médecine;UF;2\r\nU5;Réanimation;UF;5\r\nUX;Gériatrie;UF;\r\n")));
        const QString products = testutil::writeFile(m_dir, QStringLiteral("produits.csv"),
                                                     testutil::toCp1252(QStringLiteral("Code;Libellé;VEN;MITM;Unité;Conditionnement\r\n"
                                                                                       "C;Constant 10/j;E;N;CP;1\r\n"
                                                                                       "V;Vital bruité;V;N;AMP;1\r\n"
                                                                                       "E;Essentiel bruité;E;N;AMP;1\r\n"
                                                                                       "N;Autre bruité;N;N;AMP;1\r\n"
                                                                                       "D;Dormant;E;N;FL;1\r\n"
                                                                                       "L;Tardif;E;N;FL;1\r\n"
                                                                                       "B;Boîtes de 25;E;N;SACH;25\r\n")));
        QByteArray mv = "Date;Type de mouvement;Code produit;Quantit\xE9;UF\r\n";
        const auto line = [&](QDate d, const char *code, double qty, const char *unit) {
            mv += d.toString(QStringLiteral("dd/MM/yyyy")).toLatin1() + ";D\xE9livrance UF;" + code + ';' + QByteArray::number(qty) + ';'
                  + unit + "\r\n";
        };
        quint32 seed = 12345;
        const auto noise = [&seed] {   // deterministic, in [-30, 30]
            seed = seed * 1664525u + 1013904223u;
            return int(seed >> 16) % 61 - 30;
        };
        for (int day = 0; day < 7 * kWeeks; ++day) {
            const QDate d = m_start.addDays(day);
            for (const char *u : {"U2", "U5", "UX"})
                line(d, "C", 10, u);   // every day, weekends too: 70 a week
            line(d, "B", 3, "U2");     // 21 a week
        }
        for (int w = 0; w < kWeeks; ++w) {
            const QDate monday = m_start.addDays(7 * w);
            const int q = 70 + noise();
            for (const char *code : {"V", "E", "N"})
                line(monday, code, q, "U2");   // the same series for the three criticalities
            if (w < 20)
                line(monday, "D", 20, "U2");   // then 40 weeks without
            if (w >= kWeeks - 5)
                line(monday.addDays(1), "L", 12, "U2");   // five weeks of history only
        }
        const QString movements = testutil::writeFile(m_dir, QStringLiteral("mouvements.csv"), mv);
        ImportOptions o;
        o.today = QDate(2026, 6, 1);
        const ImportResult r = Importer(m_store).importFiles({units, products, movements}, o);
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
        m_u2 = id("SELECT id FROM location WHERE code = 'U2'");
        m_u5 = id("SELECT id FROM location WHERE code = 'U5'");
        m_ux = id("SELECT id FROM location WHERE code = 'UX'");
        m_const = id("SELECT id FROM product WHERE code = 'C'");
        m_vital = id("SELECT id FROM product WHERE code = 'V'");
        m_essential = id("SELECT id FROM product WHERE code = 'E'");
        m_other = id("SELECT id FROM product WHERE code = 'N'");
        m_dormant = id("SELECT id FROM product WHERE code = 'D'");
        m_late = id("SELECT id FROM product WHERE code = 'L'");
        m_pack = id("SELECT id FROM product WHERE code = 'B'");
        QVERIFY(m_u2 && m_u5 && m_ux && m_const && m_vital && m_essential && m_other && m_dormant && m_late && m_pack);
        QCOMPARE(id("SELECT rounds_per_week FROM location WHERE code = 'UX'"), qint64(0));
    }

    void roundIntervals_data()
    {
        QTest::addColumn<int>("rounds");
        QTest::addColumn<double>("workingDays");
        QTest::addColumn<double>("evenWeek");
        QTest::newRow("1") << 1 << 7.0 << 7.0;
        QTest::newRow("2: Thursday to Monday") << 2 << 4.0 << 3.5;
        QTest::newRow("3: Friday to Monday") << 3 << 3.0 << 7.0 / 3;
        QTest::newRow("4") << 4 << 3.0 << 1.75;
        QTest::newRow("5: the weekend") << 5 << 3.0 << 1.4;
        QTest::newRow("6: Saturday to Monday") << 6 << 2.0 << 7.0 / 6;
        QTest::newRow("7") << 7 << 1.0 << 1.0;
        QTest::newRow("14: twice a day") << 14 << 0.5 << 0.5;
    }
    void roundIntervals()
    {
        QFETCH(int, rounds);
        QFETCH(double, workingDays);
        QFETCH(double, evenWeek);
        QCOMPARE(longestRoundInterval(rounds, RoundSpread::WorkingDays), workingDays);
        QCOMPARE(longestRoundInterval(rounds, RoundSpread::EvenWeek), evenWeek);
        QCOMPARE(meanRoundInterval(rounds), 7.0 / rounds);
    }

    void constantDemand_data()
    {
        QTest::addColumn<int>("spread");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("cover");
        QTest::addColumn<double>("meanInterval");
        // 10 a day over the longest interval between rounds + 0.5 day of delivery.
        QTest::newRow("2/week, even") << int(RoundSpread::EvenWeek) << "U2" << 4.0 << 3.5;
        QTest::newRow("2/week, Monday to Friday") << int(RoundSpread::WorkingDays) << "U2" << 4.5 << 3.5;
        QTest::newRow("5/week, even") << int(RoundSpread::EvenWeek) << "U5" << 1.9 << 1.4;
        QTest::newRow("5/week, Monday to Friday") << int(RoundSpread::WorkingDays) << "U5" << 3.5 << 1.4;
    }
    void constantDemand()
    {
        QFETCH(int, spread);
        QFETCH(QString, unit);
        QFETCH(double, cover);
        QFETCH(double, meanInterval);
        ParLevelOptions o;
        o.spread = RoundSpread(spread);
        const ParLevelResult r = compute(o);
        QCOMPARE(r.status, ParLevelStatus::Done);
        QCOMPARE(r.historyTo, QDate(2026, 3, 1));
        const auto l = find(r, unit == QLatin1String("U2") ? m_u2 : m_u5, m_const);
        QVERIFY(l);
        QVERIFY2(l->error.isEmpty(), qPrintable(l->error));
        QCOMPARE(l->coverDays, cover);
        QCOMPARE(l->meanIntervalDays, meanInterval);
        QVERIFY2(std::abs(l->meanDemand - 10.0 * cover) < 0.05, qPrintable(QString::number(l->meanDemand)));
        // A constant history leaves no uncertainty: the par is the demand over the cover.
        QCOMPARE(l->parLevel, std::ceil(10.0 * cover - 1e-6));
        QVERIFY(l->quantile >= l->meanDemand - 1e-6 && l->quantile <= l->meanDemand + 1.0);
        // No count: the ward used one mean interval since the previous round.
        QCOMPARE(l->stockSource, WardStockSource::Estimated);
        QCOMPARE(l->topUp, std::ceil(10.0 * meanInterval - 1e-6));
        QCOMPARE(l->wardStock, l->parLevel - l->topUp);
        QCOMPARE(l->serviceLevel, 0.985);
        QCOMPARE(l->criticality, Criticality::Essential);
    }

    void quantileGrowsWithCriticality()
    {
        const ParLevelResult r = compute();
        const auto v = find(r, m_u2, m_vital), e = find(r, m_u2, m_essential), n = find(r, m_u2, m_other);
        QVERIFY(v && e && n);
        QCOMPARE(v->serviceLevel, 0.99);
        QCOMPARE(e->serviceLevel, 0.985);
        QCOMPARE(n->serviceLevel, 0.98);
        // The same history: the same mean, a higher quantile for a more critical product.
        QCOMPARE(v->meanDemand, e->meanDemand);
        QCOMPARE(e->meanDemand, n->meanDemand);
        QVERIFY2(v->quantile > e->quantile && e->quantile > n->quantile,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(v->quantile).arg(e->quantile).arg(n->quantile)));
        QVERIFY2(v->parLevel > e->parLevel && e->parLevel > n->parLevel,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(v->parLevel).arg(e->parLevel).arg(n->parLevel)));
        QVERIFY(n->parLevel > n->meanDemand);
        // Targets are configurable.
        ParLevelOptions o;
        QVERIFY(o.service.parse(QStringLiteral("vital=99.9,other=80"), nullptr));
        const ParLevelResult r2 = compute(o);
        QVERIFY(find(r2, m_u2, m_vital)->parLevel > v->parLevel);
        QVERIFY(find(r2, m_u2, m_other)->parLevel < n->parLevel);
        QCOMPARE(find(r2, m_u2, m_essential)->parLevel, e->parLevel);
    }

    void countLowersTopUp()
    {
        const QString path = testutil::writeFile(m_dir, QStringLiteral("inventaire.csv"),
                                                 testutil::toCp1252(QStringLiteral("Inventaire des services du 02/03/2026\r\n"
                                                                                   "Code UF;Code produit;Libellé;Quantité\r\n"
                                                                                   "U2;C;Constant;30,0\r\n"
                                                                                   "U2;D;Dormant;7\r\n"
                                                                                   "U5;C;Constant;50\r\n"
                                                                                   "U5;V;Jamais consommé en U5;4\r\n")));
        const WardCounts counts = readWardCounts(m_store, path, Language::French);
        QVERIFY2(counts.rejected.empty(),
                 counts.rejected.empty() ? "" : qPrintable(Importer::describe(counts.rejected.front(), Language::English)));
        QCOMPARE(counts.lines, qint64(4));
        ParLevelOptions o;
        o.counts = &counts;
        const ParLevelResult estimated = compute(), counted = compute(o);
        const auto before = find(estimated, m_u2, m_const), after = find(counted, m_u2, m_const);
        QVERIFY(before && after);
        QCOMPARE(after->parLevel, before->parLevel);   // the par does not depend on the count
        QCOMPARE(after->stockSource, WardStockSource::Counted);
        QCOMPARE(after->wardStock, 30.0);
        QCOMPARE(after->topUp, after->parLevel - 30.0);   // 45 - 30
        QVERIFY(after->topUp < before->topUp);             // 35 when estimated
        // Counted above par: nothing to bring.
        const auto full = find(counted, m_u5, m_const);
        QCOMPARE(full->wardStock, 50.0);
        QCOMPARE(full->topUp, 0.0);
        // Uncounted pairs stay estimated; a counted pair without consumption is reported.
        QCOMPARE(find(counted, m_u2, m_vital)->stockSource, WardStockSource::Estimated);
        QCOMPARE(counted.countedWithoutHistory.size(), std::size_t(1));
        QCOMPARE(counted.countedWithoutHistory.front(), std::make_pair(m_u5, m_vital));
        const QString fr = explainParLevel(*after, Language::French);
        QVERIFY2(fr.contains(QStringLiteral("Stock compté dans le service : 30 → complément 15")), qPrintable(fr));
        const QString dormant = explainParLevel(*find(counted, m_u2, m_dormant), Language::French);
        QVERIFY2(dormant.contains(QStringLiteral("7 FL, à reprendre")), qPrintable(dormant));
    }

    void countRejections()
    {
        const QString path = testutil::writeFile(m_dir, QStringLiteral("inventaire_faux.csv"),
                                                 testutil::toCp1252(QStringLiteral("Code UF;Code produit;Quantité\r\n"
                                                                                   "U2;C;12\r\n"
                                                                                   "U9;C;3\r\n"
                                                                                   "U2;ZZZ;3\r\n"
                                                                                   "U2;V;douze\r\n"
                                                                                   "U2;E;-2\r\n"
                                                                                   "U2;C;4\r\n"
                                                                                   "U2;N;\r\n")));
        const WardCounts counts = readWardCounts(m_store, path, Language::French);
        QCOMPARE(counts.lines, qint64(7));
        QCOMPARE(counts.rejected.size(), std::size_t(6));
        const std::vector<std::pair<qint64, RejectReason>> expected = {{3, RejectReason::InvalidValue},  {4, RejectReason::UnknownProduct},
                                                                       {5, RejectReason::InvalidNumber}, {6, RejectReason::InvalidValue},
                                                                       {7, RejectReason::DuplicateKey},  {8, RejectReason::EmptyValue}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(counts.rejected[i].line, expected[i].first);
            QCOMPARE(counts.rejected[i].reason, expected[i].second);
        }
        QVERIFY(Importer::describe(counts.rejected[0], Language::French).contains(QStringLiteral("U9")));
        QVERIFY(Importer::describe(counts.rejected[4], Language::French).contains(QStringLiteral("déjà compté ligne 2")));
        // No header with the three columns: the whole file is rejected.
        const QString bad = testutil::writeFile(m_dir, QStringLiteral("sans_quantite.csv"), "Code UF;Code produit\r\nU2;C\r\n");
        const WardCounts none = readWardCounts(m_store, bad, Language::English);
        QCOMPARE(none.rejected.size(), std::size_t(1));
        QCOMPARE(none.rejected[0].reason, RejectReason::MissingColumn);
        QCOMPARE(readWardCounts(m_store, m_dir.filePath(QStringLiteral("absent.csv")), Language::English).rejected.at(0).reason,
                 RejectReason::CannotOpenFile);
    }

    void unknownRhythmUsesDefault()
    {
        ParLevelOptions o;
        o.spread = RoundSpread::EvenWeek;
        const auto l = find(compute(o), m_ux, m_const);
        QVERIFY(l);
        QVERIFY(l->roundsDefaulted);
        QCOMPARE(l->roundsPerWeek, 2);
        QCOMPARE(l->parLevel, 40.0);
        QVERIFY(!find(compute(o), m_u2, m_const)->roundsDefaulted);
        QVERIFY(explainParLevel(*l, Language::French).contains(QStringLiteral("rythme du service inconnu, 2 tournées/sem par défaut")));
        o.defaultRoundsPerWeek = 7;
        const auto daily = find(compute(o), m_ux, m_const);
        QCOMPARE(daily->roundsPerWeek, 7);
        QCOMPARE(daily->parLevel, 15.0);   // 10 x (1 + 0.5)
        o.deliveryDelayDays = 0.0;
        QCOMPARE(find(compute(o), m_ux, m_const)->parLevel, 10.0);
    }

    void sixMonthsWithoutConsumption()
    {
        const ParLevelResult r = compute();
        const auto l = find(r, m_u2, m_dormant);
        QVERIFY(l);
        QVERIFY(l->dormant);
        QCOMPARE(l->weeksWithoutConsumption, 40);
        QCOMPARE(l->lastConsumptionWeek, m_start.addDays(7 * 19));
        QCOMPARE(l->parLevel, 0.0);
        QCOMPARE(l->topUp, 0.0);
        QVERIFY(explainParLevel(*l, Language::French).contains(QStringLiteral("retirer de la dotation ?")));
        QVERIFY(explainParLevel(*l, Language::English).contains(QStringLiteral("remove from the allowance?")));
        // Seen from the end of June 2025, five weeks after its last use, it is still in use.
        ParLevelOptions o;
        o.asOf = QDate(2025, 6, 29);
        const ParLevelResult june = compute(o);
        QCOMPARE(june.historyTo, QDate(2025, 6, 29));
        const auto active = find(june, m_u2, m_dormant);
        QVERIFY(active && !active->dormant);
        QCOMPARE(active->weeksWithoutConsumption, 5);
        QVERIFY(active->parLevel > 0.0);
        QCOMPARE(active->stoppedWeeks, 0);
        // Fifteen weeks after, longer than it ever went without: its use has
        // most likely stopped, the forecast says so before the par level is
        // zeroed at 26 weeks.
        o.asOf = QDate(2025, 9, 7);
        const ParLevelResult september = compute(o);
        const auto quiet = find(september, m_u2, m_dormant);
        QVERIFY(quiet && !quiet->dormant);
        QCOMPARE(quiet->weeksWithoutConsumption, 15);
        QCOMPARE(quiet->stoppedWeeks, 15);
        // At most one demand of 20 in 16 weeks, over the cover.
        QVERIFY2(std::abs(quiet->meanDemand - quiet->coverDays / 7.0 * 20.0 / 16.0) < 1e-9, qPrintable(QString::number(quiet->meanDemand)));
        QVERIFY(explainParLevel(*quiet, Language::French).contains(QStringLiteral("Aucune demande depuis 15 semaines")));
        QVERIFY(explainParLevel(*quiet, Language::English).contains(QStringLiteral("No demand for 15 weeks")));
        QVERIFY(!explainParLevel(*active, Language::English).contains(QStringLiteral("No demand for")));
        // ... and the late product did not exist yet.
        QVERIFY(!find(june, m_u2, m_late));
        // An as-of date in the middle of a week uses the weeks before it.
        o.asOf = QDate(2025, 7, 2);
        QCOMPARE(compute(o).historyTo, QDate(2025, 6, 29));
    }

    void shortHistoryAndPacks()
    {
        const ParLevelResult r = compute();
        const auto late = find(r, m_u2, m_late);
        QVERIFY(late);
        QCOMPARE(late->historyWeeks, 5);
        QVERIFY(explainParLevel(*late, Language::English).contains(QStringLiteral("Short history (5 week(s))")));
        // 3 a day over 4.5 days: 13.5 -> 14 units, or one pack of 25.
        const auto units = find(r, m_u2, m_pack);
        QCOMPARE(units->parLevel, 14.0);
        QCOMPARE(units->topUp, 11.0);   // 3 x 3.5 = 10.5 -> 11
        ParLevelOptions o;
        o.wholePacks = true;
        const auto packs = find(compute(o), m_u2, m_pack);
        QCOMPARE(packs->parLevel, 25.0);
        QCOMPARE(packs->wardStock, 14.0);   // floor(25 - 10.5)
        QCOMPARE(packs->topUp, 25.0);
        QVERIFY(explainParLevel(*packs, Language::French).contains(QStringLiteral("dotation 25 SACH (1 boîte de 25)")));
    }

    void sameResultsWhateverTheThreads()
    {
        ParLevelOptions one, two;
        one.threads = 1;
        two.threads = 3;
        const ParLevelResult a = compute(one), b = compute(two);
        QCOMPARE(a.lines.size(), b.lines.size());
        QCOMPARE(a.lines.size(), std::size_t(9));   // C in three units; V, E, N, D, L, B in U2
        for (std::size_t i = 0; i < a.lines.size(); ++i) {
            QCOMPARE(a.lines[i].unitId, b.lines[i].unitId);
            QCOMPARE(a.lines[i].productId, b.lines[i].productId);
            QCOMPARE(a.lines[i].quantile, b.lines[i].quantile);
            QCOMPARE(a.lines[i].parLevel, b.lines[i].parLevel);
        }
        // Sorted by care unit code, then product code.
        QCOMPARE(a.lines.front().unitCode, QStringLiteral("U2"));
        QCOMPARE(a.lines.front().productCode, QStringLiteral("B"));
        QCOMPARE(a.lines.back().unitCode, QStringLiteral("UX"));
    }

    void explanationInBothLanguages()
    {
        ParLevelOptions o;
        o.spread = RoundSpread::EvenWeek;
        const auto l = find(compute(o), m_u2, m_const);
        QVERIFY(l);
        const QString fr = explainParLevel(*l, Language::French);
        for (const char *part : {"Demande prévue sur 4 j (2 tournées/sem : 3,5 j entre deux, + 0,5 j de livraison) : 40 CP en moyenne",
                                 "quantile 98,5 % (essentiel) : 40 → dotation 40 CP.", "Stock du service estimé (pas d'inventaire fourni)",
                                 "(3,5 j : 35) = 5 → complément 35."})
            QVERIFY2(fr.contains(QString::fromUtf8(part)), qPrintable(fr));
        const QString en = explainParLevel(*l, Language::English);
        for (const char *part :
             {"Forecast demand over 4 d (2 rounds/week: 3.5 d between rounds, + 0.5 d delivery): 40 CP on average",
              "98.5% quantile (essential): 40 → par level 40 CP.", "Ward stock estimated (no count given)", "(3.5 d: 35) = 5 → top-up 35."})
            QVERIFY2(en.contains(QString::fromUtf8(part)), qPrintable(en));
        const auto weekdays = find(compute(), m_u2, m_const);
        QVERIFY(explainParLevel(*weekdays, Language::French)
                    .contains(QStringLiteral("2 tournées/sem du lundi au vendredi : jusqu'à 4 j entre deux")));
        QVERIFY(explainParLevel(*weekdays, Language::English).contains(QStringLiteral("Monday to Friday: up to 4 d between rounds")));
    }

    void noHistory()
    {
        ParLevelOptions o;
        o.asOf = QDate(2025, 1, 8);   // before the end of the first week
        QCOMPARE(compute(o).status, ParLevelStatus::NoHistory);
        Store empty;
        QString error;
        QVERIFY(empty.open(m_dir.filePath(QStringLiteral("empty.sqlite")), &error));
        QCOMPARE(computeParLevels(empty, {}).status, ParLevelStatus::NoHistory);
    }

    void cliOnTheHandBuiltHospital()
    {
        const QString out = m_dir.filePath(QStringLiteral("parlevels.csv"));
        const auto r = runCli({QStringLiteral("parlevels"), QStringLiteral("--db"), m_db, QStringLiteral("--output"), out,
                               QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("couples produit-unité de soins : 9 dans 3 unités de soins")), qPrintable(r.out));
        const QStringList lines = csvLines(out);
        QCOMPARE(lines.size(), 10);
        const QStringList header = lines[0].split(QLatin1Char(';'));
        for (const char *column :
             {"care_unit_code", "care_unit_label", "product_code", "label", "criticality", "rounds_per_week", "interval_days",
              "mean_demand", "service_level", "par_level", "ward_stock", "ward_stock_source", "top_up", "explanation"})
            QVERIFY2(header.contains(QLatin1String(column)), column);
        const auto cell = [&](const QStringList &row, const char *column) { return row.value(header.indexOf(QLatin1String(column))); };
        QStringList constant;
        QString constantLine;
        for (const QString &l : lines)
            if (l.startsWith(QStringLiteral("U2;Médecine;C;")))
                constant = (constantLine = l).split(QLatin1Char(';'));
        QVERIFY(!constant.isEmpty());
        QCOMPARE(cell(constant, "par_level"), QStringLiteral("45"));
        QCOMPARE(cell(constant, "interval_days"), QStringLiteral("4"));
        QCOMPARE(cell(constant, "cover_days"), QStringLiteral("4,5"));
        QCOMPARE(cell(constant, "ward_stock_source"), QStringLiteral("estimated"));
        QCOMPARE(cell(constant, "top_up"), QStringLiteral("35"));
        QVERIFY(cell(constant, "explanation").startsWith(QStringLiteral("\"Demande prévue sur 4,5 j")));

        // English, a count file, the rhythm spread over the week.
        const QString counts =
            testutil::writeFile(m_dir, QStringLiteral("counts.csv"), "Code UF;Code produit;Quantit\xE9\r\nU2;C;12,5\r\n");
        const auto en =
            runCli({QStringLiteral("parlevels"), QStringLiteral("--db"), m_db, QStringLiteral("--output"), out, QStringLiteral("--counts"),
                    counts, QStringLiteral("--rounds-spread"), QStringLiteral("week"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(en.exitCode == 0, qPrintable(en.out + en.err));
        QVERIFY2(en.out.contains(QStringLiteral("1 counted, 8 estimated")), qPrintable(en.out));
        for (const QString &l : csvLines(out))
            if (l.startsWith(QStringLiteral("U2;Médecine;C;")))
                constant = (constantLine = l).split(QLatin1Char(';'));
        QCOMPARE(cell(constant, "cover_days"), QStringLiteral("4"));
        QCOMPARE(cell(constant, "par_level"), QStringLiteral("40"));
        QCOMPARE(cell(constant, "ward_stock"), QStringLiteral("12.5"));
        QCOMPARE(cell(constant, "ward_stock_source"), QStringLiteral("counted"));
        QCOMPARE(cell(constant, "top_up"), QStringLiteral("28"));   // 40 - 12.5 = 27.5, whole units
        QVERIFY2(constantLine.contains(QStringLiteral("Counted ward stock: 12.5 → top-up 28.")), qPrintable(constantLine));
    }

    void cliErrors()
    {
        const QString out = m_dir.filePath(QStringLiteral("p.csv"));
        const auto help = runCli({QStringLiteral("parlevels"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--counts")) && help.out.contains(QStringLiteral("--as-of")));
        QVERIFY(runCli({QStringLiteral("--help")}).out.contains(QStringLiteral("parlevels")));
        const QStringList base = {QStringLiteral("parlevels"), QStringLiteral("--db"), m_db, QStringLiteral("--output"), out};
        QCOMPARE(runCli(base + QStringList{QStringLiteral("--service"), QStringLiteral("vital=120")}).exitCode, 64);
        QCOMPARE(runCli(base + QStringList{QStringLiteral("--as-of"), QStringLiteral("31/12/2025")}).exitCode, 64);
        QCOMPARE(runCli(base + QStringList{QStringLiteral("--rounds-spread"), QStringLiteral("sometimes")}).exitCode, 64);
        QCOMPARE(runCli({QStringLiteral("parlevels"), QStringLiteral("--db"), m_db}).exitCode, 64);
        QCOMPARE(runCli({QStringLiteral("parlevels"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("none.sqlite")),
                         QStringLiteral("--output"), out})
                     .exitCode,
                 1);
        // A day before the history is out of range: refused before any work.
        const auto before = runCli(
            base + QStringList{QStringLiteral("--as-of"), QStringLiteral("2024-01-01"), QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(before.exitCode, 64);
        QVERIFY2(before.err.contains(QStringLiteral("outside the database's history")), qPrintable(before.err));
        // A count file with a bad line: nothing is written, every bad line is listed.
        QFile::remove(out);
        const QString counts =
            testutil::writeFile(m_dir, QStringLiteral("bad_counts.csv"), "Code UF;Code produit;Quantit\xE9\r\nU2;C;abc\r\n");
        const auto r = runCli(base + QStringList{QStringLiteral("--counts"), counts});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("bad_counts.csv:2:3")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(runCli(base + QStringList{QStringLiteral("--output"), m_dir.filePath(QStringLiteral("no/such/dir/p.csv"))}).exitCode, 1);
    }

    void cliOnADemoHospital()
    {
        const QString exports = m_dir.filePath(QStringLiteral("demo"));
        auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), exports, QStringLiteral("--products"), QStringLiteral("40"),
                         QStringLiteral("--units"), QStringLiteral("4"), QStringLiteral("--years"), QStringLiteral("1"),
                         QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList files;
        for (const QString &f : QDir(exports).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name))
            files << QDir(exports).filePath(f);
        const QString db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        r = runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), db} + files);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString out = m_dir.filePath(QStringLiteral("demo_parlevels.csv"));
        r = runCli({QStringLiteral("parlevels"), QStringLiteral("--db"), db, QStringLiteral("--output"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList lines = csvLines(out);
        QVERIFY(lines.size() > 20);
        const QStringList header = lines[0].split(QLatin1Char(';'));
        const int par = int(header.indexOf(QLatin1String("par_level"))), topUp = int(header.indexOf(QLatin1String("top_up")));
        const int status = int(header.indexOf(QLatin1String("status")));
        int ok = 0;
        for (int i = 1; i < lines.size(); ++i) {
            // The explanation is last and quoted; the numeric cells before it hold no ';'.
            const QStringList row = lines[i].split(QLatin1Char(';'));
            QVERIFY2(row.size() >= header.size(), qPrintable(lines[i]));
            const QString s = row.value(status);
            QVERIFY2(s == QLatin1String("ok") || s == QLatin1String("dormant"), qPrintable(lines[i]));
            if (s == QLatin1String("ok")) {
                ++ok;
                QVERIFY(row.value(par).toDouble() >= row.value(topUp).toDouble());
            }
        }
        QVERIFY(ok > 10);
    }
};

QTEST_GUILESS_MAIN(TestParLevels)
#include "tst_parlevels.moc"
