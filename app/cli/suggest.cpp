// SPDX-License-Identifier: GPL-3.0-or-later
// reappro-cli suggest: the orders of a decision day, line by line with their
// explanations, aiming each class as the last replay found.
#include "app/cli/common.h"
#include "app/cli/options.h"
#include "core/common/csvformat.h"
#include "core/common/textparse.h"
#include "core/replenishment/orderplan.h"
#include "core/replenishment/replenishmentdata.h"
#include "core/simulation/replay.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace reappro::cli {

namespace {

// --calibration FILE: the class aims a reappro replay ended with
// (by_criticality.<class>.service_aim); the floors stay.
bool readServiceAims(const QString &path, ServiceTargets &service)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        err() << t("Lecture impossible : ", "Cannot read: ") << path << "\n";
        return false;
    }
    const QJsonObject by = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("by_criticality")).toObject();
    for (Criticality c : kAllCriticalities) {
        const double aim = by.value(criticalityCode(c)).toObject().value(QStringLiteral("service_aim")).toDouble(-1.0);
        if (!(aim > 0.5 && aim <= 0.9999)) {
            err() << path << t(" : pas de service_aim pour la classe ", ": no service_aim for class ") << criticalityCode(c)
                  << t(" (le JSON de « replay --policy reappro » est attendu)\n",
                       " (the JSON of \"replay --policy reappro\" is expected)\n");
            return false;
        }
        service.of(c) = aim;
    }
    return true;
}

} // namespace

int cmdSuggest(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base de l'hôpital.", "Hospital database."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("as-of"),
                 t("Jour de la décision (défaut : le lendemain du dernier jour d'historique).",
                   "Decision day (default: the day after the last day of history)."),
                 QStringLiteral("DATE")});
    p.addOption({QStringLiteral("budget"), t("Plafond du total de la commande, en euros HT.", "Cap on the order total, EUR excl. VAT."),
                 QStringLiteral("EUR")});
    p.addOption(
        {QStringLiteral("output"), t("Fichier CSV des lignes proposées.", "CSV file of the suggested lines."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("policy"),
                 t("rs (recomplètement périodique, défaut) ou ss (point de commande).",
                   "rs (periodic order-up-to, default) or ss (reorder point)."),
                 QStringLiteral("rs|ss")});
    addServiceOptions(p);
    p.addOption({QStringLiteral("calibration"),
                 t("JSON d'un rejeu reappro : vise, pour chaque classe, le taux corrigé qu'il a trouvé (service_aim), "
                   "au lieu des visées du dernier rejeu enregistrées dans la base.",
                   "JSON of a reappro replay: aims each class at the corrected level it found (service_aim), "
                   "instead of the aims of the last replay stored in the database."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("no-calibration"),
                 t("Vise les cibles des classes telles quelles, sans les visées du dernier rejeu enregistrées dans la base.",
                   "Aims at the class targets as they are, without the aims of the last replay stored in the database.")});
    if (const int r =
            parse(p, args, t("Propose les commandes du jour, chaque ligne expliquée.", "Suggests today's orders, each line explained."));
        r >= 0)
        return r;
    if (!p.isSet(QStringLiteral("output"))) {
        err() << t("--output FICHIER est obligatoire.\n", "--output FILE is required.\n");
        return kExitUsage;
    }
    ReplenishmentSettings settings;
    if (!parseService(p, settings.service) || !parseExpiryConfidence(p, settings))
        return kExitUsage;
    if (p.isSet(QStringLiteral("calibration")) && !readServiceAims(p.value(QStringLiteral("calibration")), settings.service))
        return kExitUsage;
    settings.storedCalibration = !p.isSet(QStringLiteral("calibration")) && !p.isSet(QStringLiteral("no-calibration"));
    if (!parseOrderRule(p, QStringLiteral("policy"), settings))
        return kExitUsage;
    if (p.isSet(QStringLiteral("budget"))) {
        const auto budget = Money::parse(p.value(QStringLiteral("budget")).toStdString(),
                                         p.value(QStringLiteral("budget")).contains(QLatin1Char(',')) ? ',' : '.');
        if (!budget || *budget <= Money()) {
            err() << t("--budget : un montant positif en euros, ex. 15000 ou 15000,50\n",
                       "--budget: a positive amount in euros, e.g. 15000 or 15000.50\n");
            return kExitUsage;
        }
        settings.budget = budget;
    }
    QDate asOf;
    if (!parseDateOption(p, QStringLiteral("as-of"), asOf))
        return kExitUsage;

    if (!checkOutputWritable(p.value(QStringLiteral("output"))))
        return kExitFailure;
    Store store;
    if (const int rc = openStore(store, p.value(QStringLiteral("db")), true); rc != kExitOk)
        return rc;
    const QDate last = lastHistoryDay(store);
    if (!last.isValid()) {
        err() << t("La base ne contient aucun mouvement : importez d'abord les exports.\n",
                   "The database holds no movements: import the exports first.\n");
        return kExitRejected;
    }
    if (!checkDecisionDay(store, asOf, QStringLiteral("as-of")))
        return kExitUsage;
    if (!asOf.isValid())
        asOf = last.addDays(1);

    QElapsedTimer timer;
    timer.start();
    const OrderPlan plan = planOrders(store, asOf, settings);
    const QString output = p.value(QStringLiteral("output"));
    if (!writeText(output, orderPlanCsv(plan, g_lang)))
        return kExitFailure;

    const bool fr = g_lang == Language::French;
    out() << t("Commandes proposées pour le ", "Orders suggested for ") << dateText(asOf) << " : " << number(qint64(plan.ordered))
          << t(" lignes, ", " lines, ") << number(qint64(plan.suppliers)) << t(" fournisseurs, total ", " suppliers, total ")
          << plan.total.toDisplayString(fr) << "\n";
    if (settings.budget)
        out() << t("  budget ", "  budget ") << settings.budget->toDisplayString(fr) << t(" : besoin ", ": need ")
              << plan.totalBeforeBudget.toDisplayString(fr) << ", " << number(plan.budgetCut)
              << t(" lignes réduites ou retirées\n", " lines cut or removed\n");
    if (!plan.calibrated.empty())
        out() << t("  visées corrigées par le rejeu du ", "  aims corrected by the replay from ") << dateText(plan.calibration->from)
              << t(" au ", " to ") << dateText(plan.calibration->to) << t(" : ", ": ")
              << calibrationText(*plan.calibration, plan.calibrated, g_lang) << "\n";
    else if (plan.calibration)
        out() << t("  le dernier rejeu enregistré visait d'autres cibles : cibles des classes visées telles quelles\n",
                   "  the last replay stored was run with other targets: the class targets are aimed at as they are\n");
    else if (settings.storedCalibration)
        out() << t("  aucun rejeu enregistré : cibles des classes visées telles quelles (« replay --policy reappro » les corrige)\n",
                   "  no replay stored: the class targets are aimed at as they are (\"replay --policy reappro\" corrects them)\n");
    if (plan.capped || plan.expiryRisk)
        out() << "  " << number(plan.capped) << t(" lignes plafonnées par la péremption, ", " lines capped by shelf life, ")
              << number(plan.expiryRisk) << t(" à risque de péremption\n", " at expiry risk\n");
    if (plan.failed)
        out() << "  " << number(plan.failed)
              << t(" produits sans prévision possible (rien proposé)\n", " products could not be forecast (nothing suggested)\n");
    if (!plan.forsaken.empty()) {
        out()
            << "  " << number(qint64(plan.forsaken.size()))
            << t(" produits vitaux en rupture, inutilisés depuis plus d'un an, non commandés (à commander à la main s'ils restent au "
                 "livret) :\n",
                 " vital products out of stock, unused for over a year, not ordered (order them by hand if they stay in the formulary):\n");
        for (const OrderSuggestion &l : plan.forsaken)
            out() << "    " << l.productCode << " " << l.label << " (" << l.dormantWeeks
                  << t(" semaines sans demande)\n", " weeks without demand)\n");
    }
    out() << t("  fichier : ", "  file: ") << output << t("  (durée ", "  (time ") << decimal(timer.elapsed() / 1000.0, 1) << " s)\n";
    return kExitOk;
}

} // namespace reappro::cli
