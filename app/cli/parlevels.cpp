// SPDX-License-Identifier: GPL-3.0-or-later
// reappro-cli parlevels: ward stock par levels (dotations) and the top-ups of
// the next round, for every product and care unit with consumption, written
// to a CSV a pharmacist opens in a spreadsheet (core/replenishment/parlevels.h).
#include "app/cli/common.h"
#include "app/cli/options.h"
#include "core/import/importer.h"
#include "core/replenishment/parlevels.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <set>

namespace reappro::cli {

int cmdParLevels(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base SQLite.", "SQLite database."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("output"), t("CSV des dotations à écrire (UTF-8, ';').", "Par levels CSV to write (UTF-8, ';')."),
                 QStringLiteral("parlevels.csv")});
    p.addOption(
        {QStringLiteral("as-of"),
         t("Historique jusqu'à ce jour (aaaa-mm-jj ; défaut : le dernier jour des données). Seules les semaines complètes comptent.",
           "History up to this day (yyyy-mm-dd; default: the last day of the data). Only complete weeks count."),
         QStringLiteral("DATE")});
    p.addOption({QStringLiteral("service"),
                 t("Taux de service visés par criticité, ex. \"vital=99,essential=98.5,other=98\".",
                   "Service-level targets by criticality, e.g. \"vital=99,essential=98.5,other=98\"."),
                 QStringLiteral("LEVELS"), QStringLiteral("vital=99,essential=98.5,other=98")});
    p.addOption(
        {QStringLiteral("counts"),
         t("Inventaire des stocks des services : CSV Code UF ; Code produit ; Quantité. Sans lui, le stock à la tournée est estimé.",
           "Ward stock count: CSV Code UF; Code produit; Quantité. Without it, the stock at the round is estimated."),
         QStringLiteral("FILE")});
    p.addOption(
        {QStringLiteral("default-rounds"),
         t("Tournées par semaine des services dont le rythme est inconnu.", "Rounds a week for care units whose rhythm is unknown."),
         QStringLiteral("N"), QStringLiteral("2")});
    p.addOption({QStringLiteral("delivery-delay"),
                 t("Jours entre l'inventaire de la tournée et la livraison dans le service.",
                   "Days from the count at the round to the delivery on the ward."),
                 QStringLiteral("DAYS"), QStringLiteral("0.5")});
    p.addOption({QStringLiteral("rounds-spread"),
                 t("working-days (défaut) : tournées du lundi au vendredi, la dotation couvre le plus long intervalle (le week-end) ; "
                   "week : tournées réparties sur 7 jours, intervalle 7/tournées.",
                   "working-days (default): rounds Monday to Friday, the par level covers the longest interval (the weekend); "
                   "week: rounds spread over 7 days, interval 7/rounds."),
                 QStringLiteral("working-days|week"), QStringLiteral("working-days")});
    p.addOption(
        {QStringLiteral("whole-packs"), t("Arrondit dotations et compléments à la boîte entière (défaut : à l'unité de dispensation).",
                                          "Rounds par levels and top-ups up to whole packs (default: whole dispensing units).")});
    p.addOption({QStringLiteral("threads"), t("Fils de calcul (0 = tous les cœurs).", "Worker threads (0 = all cores)."),
                 QStringLiteral("N"), QStringLiteral("0")});
    if (int rc = parse(p, args,
                       t("Calcule la dotation de chaque produit dans chaque unité de soins (stock de service ou armoire) et le complément\n"
                         "de la prochaine tournée : quantile, au taux de service de la criticité, de la demande totale prévue sur le plus\n"
                         "long intervalle entre deux tournées plus le délai de livraison. Chaque ligne s'explique.\n"
                         "Code de sortie 0 : fait ; 1 : base illisible ou fichier non écrit ; 2 : inventaire rejeté, rien à calculer\n"
                         "ou prévisions en échec (le fichier est écrit) ; 64 : usage.",
                         "Computes the par level of every product in every care unit (ward stock or cabinet) and the top-up of the\n"
                         "next round: the quantile, at the criticality's service level, of the total demand forecast over the longest\n"
                         "interval between two rounds plus the delivery delay. Every line explains itself.\n"
                         "Exit code 0: done; 1: database unreadable or file not written; 2: count rejected, nothing to compute or\n"
                         "forecasts failed (the file is written); 64: usage."));
        rc >= 0)
        return rc;

    ParLevelOptions o;
    bool ok[4] = {true, true, true, true};
    QString serviceError;
    ok[0] = o.service.parse(p.value(QStringLiteral("service")), &serviceError);
    o.threads = p.value(QStringLiteral("threads")).toInt(&ok[1]);
    o.defaultRoundsPerWeek = p.value(QStringLiteral("default-rounds")).toInt(&ok[2]);
    o.deliveryDelayDays = QString(p.value(QStringLiteral("delivery-delay"))).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok[3]);
    const QString spread = p.value(QStringLiteral("rounds-spread"));
    o.spread = spread == QLatin1String("week") ? RoundSpread::EvenWeek : RoundSpread::WorkingDays;
    o.wholePacks = p.isSet(QStringLiteral("whole-packs"));
    if (p.isSet(QStringLiteral("as-of"))) {
        o.asOf = QDate::fromString(p.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!o.asOf.isValid()) {
            err() << t("--as-of attend une date aaaa-mm-jj.\n", "--as-of expects a yyyy-mm-dd date.\n");
            return kExitUsage;
        }
    }
    if (!ok[0]) {
        err() << t("--service invalide : ", "Invalid --service: ") << serviceError << "\n";
        return kExitUsage;
    }
    if (!ok[1] || o.threads < 0 || !ok[2] || o.defaultRoundsPerWeek < 1 || o.defaultRoundsPerWeek > 28 || !ok[3]
        || o.deliveryDelayDays < 0.0 || o.deliveryDelayDays > 14.0
        || (spread != QLatin1String("week") && spread != QLatin1String("working-days"))) {
        err() << t("Options invalides : --threads entier >= 0 ; --default-rounds entre 1 et 28 ; --delivery-delay entre 0 et 14 jours ; "
                   "--rounds-spread working-days ou week.\n",
                   "Invalid options: --threads integer >= 0; --default-rounds between 1 and 28; --delivery-delay between 0 and 14 days; "
                   "--rounds-spread working-days or week.\n")
              << p.helpText();
        return kExitUsage;
    }
    const QString output = p.value(QStringLiteral("output"));
    if (output.isEmpty()) {
        err() << t("--output FICHIER est obligatoire.\n\n", "--output FILE is required.\n\n") << p.helpText();
        return kExitUsage;
    }

    if (!checkThreads(o.threads))
        return kExitUsage;
    if (!checkOutputWritable(p.value(QStringLiteral("output"))))
        return kExitFailure;
    Store store;
    if (const int rc = openStore(store, p.value(QStringLiteral("db")), true); rc != kExitOk)
        return rc;
    if (!checkDecisionDay(store, o.asOf, QStringLiteral("as-of")))
        return kExitUsage;
    QElapsedTimer timer;
    timer.start();

    WardCounts counts;
    if (p.isSet(QStringLiteral("counts"))) {
        counts = readWardCounts(store, p.value(QStringLiteral("counts")), g_lang);
        if (!counts.rejected.empty()) {
            err() << t("Inventaire rejeté, aucune dotation écrite : %1 ligne(s) à corriger.\n",
                       "Count rejected, no par level written: %1 line(s) to fix.\n")
                         .arg(number(qint64(counts.rejected.size())));
            const std::size_t shown = std::min<std::size_t>(counts.rejected.size(), 50);
            for (std::size_t i = 0; i < shown; ++i)
                err() << "  " << Importer::describe(counts.rejected[i], g_lang) << "\n";
            if (counts.rejected.size() > shown)
                err() << t("  ... et %1 autre(s)\n", "  ... and %1 more\n").arg(number(qint64(counts.rejected.size() - shown)));
            return kExitRejected;
        }
        o.counts = &counts;
    }

    const auto progress = terminalProgress("Dotations :", "Par levels:");
    const ParLevelResult r = computeParLevels(store, o, progress);
    const QString path = QFileInfo(store.path()).absoluteFilePath();
    if (r.status == ParLevelStatus::NoHistory) {
        err() << t("Rien à calculer dans %1 : aucun mouvement, ou aucune semaine complète d'historique jusqu'au %2.\n",
                   "Nothing to compute in %1: no movement, or no complete week of history up to %2.\n")
                     .arg(path, dateText(r.asOf));
        return kExitRejected;
    }
    QString error;
    if (!writeParLevelsCsv(output, r, g_lang, &error)) {
        err() << t("Fichier non écrit : ", "File not written: ") << output << " : " << error << "\n";
        return kExitFailure;
    }
    const double seconds = timer.elapsed() / 1000.0;

    std::set<qint64> units;
    qint64 topUps = 0, dormant = 0, counted = 0;
    double unitsToBring = 0.0;
    for (const ParLevel &l : r.lines) {
        units.insert(l.unitId);
        topUps += l.topUp > 0.0 ? 1 : 0;
        dormant += l.dormant ? 1 : 0;
        counted += l.stockSource == WardStockSource::Counted ? 1 : 0;
        unitsToBring += l.topUp;
    }
    out() << t("Dotations écrites dans ", "Par levels written to ") << QFileInfo(output).absoluteFilePath() << "\n"
          << t("  historique : semaines du ", "  history: weeks from ") << dateText(r.historyFrom) << t(" au ", " to ")
          << dateText(r.historyTo) << t(" (au ", " (as of ") << dateText(r.asOf) << ")\n"
          << t("  couples produit-unité de soins : ", "  product-care unit pairs: ") << number(qint64(r.lines.size()))
          << t(" dans ", " in ") << number(qint64(units.size())) << t(" unités de soins\n", " care units\n")
          << t("  lignes à compléter : ", "  lines to top up: ") << number(topUps) << " (" << decimal(unitsToBring, 0)
          << t(" unités de dispensation)\n", " dispensing units)\n") << t("  stock des services : ", "  ward stock: ") << number(counted)
          << t(" compté(s), ", " counted, ") << number(qint64(r.lines.size()) - counted) << t(" estimé(s)\n", " estimated\n")
          << t("  plus consommés depuis %1 semaines (dotation 0) : ", "  unused for %1 weeks (par level 0): ").arg(o.dormantWeeks)
          << number(dormant) << "\n"
          << t("  durée : ", "  time: ") << decimal(seconds, 1) << " s\n";
    if (!r.countedWithoutHistory.empty())
        err() << t("%1 ligne(s) de l'inventaire sans consommation dans l'historique : hors dotation, à vérifier.\n",
                   "%1 count line(s) without consumption in the history: not in any allowance, check them.\n")
                     .arg(number(qint64(r.countedWithoutHistory.size())));
    if (r.failed) {
        err() << t("%1 couple(s) sans prévision : dotation non calculée (status=error dans le fichier).\n",
                   "%1 pair(s) without a forecast: par level not computed (status=error in the file).\n")
                     .arg(number(r.failed));
        return kExitRejected;
    }
    return kExitOk;
}

} // namespace reappro::cli
