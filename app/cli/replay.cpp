// SPDX-License-Identifier: GPL-3.0-or-later
// reappro-cli replay (alias: backtest): a replenishment policy replayed
// over the hospital's own history, day by day, or Reappro against min/max
// and the hospital's own orders (--policy compare).
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

// A replay's measures as JSON: totals, then the same by criticality class.
QJsonObject replayJson(const ReplayResult &r, const ReplayOptions &o)
{
    const auto metrics = [](const ReplayMetrics &m, Money averageStock) {
        QJsonObject j;
        j.insert(QStringLiteral("cycle_service_level"), m.cycleServiceLevel());
        j.insert(QStringLiteral("fill_rate"), m.fillRate());
        j.insert(QStringLiteral("average_stock_value_eur"), averageStock.toDouble());
        j.insert(QStringLiteral("expired_value_eur"), m.expiredValue.toDouble());
        j.insert(QStringLiteral("expired_from_initial_stock_eur"), m.expiredInitialValue.toDouble());
        j.insert(QStringLiteral("expired_from_orders_eur"), m.expiredFromOrders().toDouble());
        j.insert(QStringLiteral("orders"), m.orders);
        j.insert(QStringLiteral("stockout_days"), m.stockoutDays);
        j.insert(QStringLiteral("cycles"), m.cycles);
        j.insert(QStringLiteral("demand_units"), m.demand);
        j.insert(QStringLiteral("served_units"), m.served);
        return j;
    };
    QJsonObject j = metrics(r.total, r.averageStockValue());
    j.insert(QStringLiteral("policy"), replayPolicyCode(r.policy));
    j.insert(QStringLiteral("from"), o.from.toString(Qt::ISODate));
    j.insert(QStringLiteral("to"), o.to.toString(Qt::ISODate));
    j.insert(QStringLiteral("products"), r.products);
    QJsonObject by;
    for (Criticality c : kAllCriticalities) {
        const auto it = r.byCriticality.find(c);
        QJsonObject m = metrics(it == r.byCriticality.end() ? ReplayMetrics{} : it->second, r.averageStockValue(c));
        m.insert(QStringLiteral("service_target"), o.settings.service.of(c));
        if (const auto aim = r.serviceAim.find(c); aim != r.serviceAim.end() && r.policy == ReplayPolicy::Reappro)
            m.insert(QStringLiteral("service_aim"), aim->second);
        m.insert(QStringLiteral("products"), r.productsByCriticality.count(c) ? r.productsByCriticality.at(c) : 0);
        by.insert(criticalityCode(c), m);
    }
    j.insert(QStringLiteral("by_criticality"), by);
    if (r.policy == ReplayPolicy::Reappro)
        j.insert(QStringLiteral("rule"), o.settings.policy == PolicyKind::ReorderPoint ? QStringLiteral("ss") : QStringLiteral("rs"));
    if (r.policy == ReplayPolicy::MinMax) {
        j.insert(QStringLiteral("min_months"), o.minMonths);
        j.insert(QStringLiteral("max_months"), o.maxMonths);
    }
    j.insert(QStringLiteral("expiry_confidence"), o.settings.expiryConfidence);
    j.insert(QStringLiteral("vital_expiry_confidence"), o.settings.vitalExpiryConfidence);
    return j;
}

// --policy compare (comparePolicies) as JSON, with Reappro's changes against
// the matched min/max, and a table of the four for the terminal.
QJsonObject compareWithOthers(const PolicyComparison &c, const ReplayOptions &o, QString *table)
{
    const ReplayResult &reappro = c.reappro, &asSet = c.minmax, &done = c.actual;
    const MatchedMinMax &matched = c.matched;
    ReplayOptions minmax = o, actual = o, matchedOptions = o;
    minmax.policy = ReplayPolicy::MinMax;
    actual.policy = ReplayPolicy::Actual;
    matchedOptions.policy = ReplayPolicy::MinMax;
    matchedOptions.minMonths = matched.minMonths;
    matchedOptions.maxMonths = matched.maxMonths;

    QJsonObject j;
    j.insert(QStringLiteral("policy"), QStringLiteral("compare"));
    j.insert(QStringLiteral("from"), o.from.toString(Qt::ISODate));
    j.insert(QStringLiteral("to"), o.to.toString(Qt::ISODate));
    j.insert(QStringLiteral("reappro"), replayJson(reappro, o));
    j.insert(QStringLiteral("minmax"), replayJson(asSet, minmax));
    j.insert(QStringLiteral("minmax_matched"), replayJson(matched.result, matchedOptions));
    j.insert(QStringLiteral("actual"), replayJson(done, actual));
    // Class by class: each class's months in its by_criticality entry.
    const ClassMatchedMinMax &byClass = c.matchedByClass;
    QJsonObject byClassJson = replayJson(byClass.result, matchedOptions);
    byClassJson.remove(QStringLiteral("min_months"));
    byClassJson.remove(QStringLiteral("max_months"));
    QJsonObject classes = byClassJson.value(QStringLiteral("by_criticality")).toObject();
    for (const auto &[criticality, months] : byClass.minMonths) {
        QJsonObject one = classes.value(criticalityCode(criticality)).toObject();
        one.insert(QStringLiteral("min_months"), months);
        one.insert(QStringLiteral("max_months"), 2.0 * months);
        classes.insert(criticalityCode(criticality), one);
    }
    byClassJson.insert(QStringLiteral("by_criticality"), classes);
    j.insert(QStringLiteral("minmax_matched_by_class"), byClassJson);

    const auto change = [](double mine, double theirs) { return theirs > 0.0 ? mine / theirs - 1.0 : 0.0; };
    const auto versus = [&](const ReplayResult &other) {
        const ReplayMetrics &a = reappro.total, &b = other.total;
        QJsonObject vs;
        vs.insert(QStringLiteral("average_stock_value"),
                  change(reappro.averageStockValue().toDouble(), other.averageStockValue().toDouble()));
        vs.insert(QStringLiteral("expired_value"), change(a.expiredValue.toDouble(), b.expiredValue.toDouble()));
        vs.insert(QStringLiteral("expired_from_orders"), change(a.expiredFromOrders().toDouble(), b.expiredFromOrders().toDouble()));
        vs.insert(QStringLiteral("stockout_days"), change(double(a.stockoutDays), double(b.stockoutDays)));
        vs.insert(QStringLiteral("orders"), change(double(a.orders), double(b.orders)));
        vs.insert(QStringLiteral("cycle_service_level_points"), 100.0 * (a.cycleServiceLevel() - b.cycleServiceLevel()));
        return vs;
    };
    const QJsonObject vs = versus(matched.result), vsByClass = versus(byClass.result);
    j.insert(QStringLiteral("reappro_vs_minmax_matched"), vs);
    j.insert(QStringLiteral("reappro_vs_minmax_matched_by_class"), vsByClass);

    const bool fr = g_lang == Language::French;
    QTextStream text(table);
    text << t("\nComparaison", "\nComparison") << "\n"
         << QString().leftJustified(45)
         << t("cycles servis  satisfaction  stock moyen       périmé        ruptures (produit-jours)\n",
              "cycles served  fill rate     average stock     expired       stockouts (product-days)\n");
    const auto row = [&](const QString &name, const ReplayResult &x) {
        text << name.leftJustified(45) << percentText(x.total.cycleServiceLevel()).leftJustified(15)
             << percentText(x.total.fillRate()).leftJustified(14) << x.averageStockValue().toDisplayString(fr).leftJustified(18)
             << x.total.expiredValue.toDisplayString(fr).leftJustified(14) << number(x.total.stockoutDays) << "\n";
    };
    const QLocale loc(fr ? QLocale::French : QLocale::English);
    const auto months = [&](double m) { return loc.toString(m, 'f', 2); };
    row(QStringLiteral("Reappro"), reappro);
    row(t("min/max %1-%2 mois", "min/max %1-%2 months").arg(months(o.minMonths), months(o.maxMonths)), asSet);
    row(t("min/max au même service (%1-%2 mois)", "min/max at equal service (%1-%2 months)")
            .arg(months(matched.minMonths), months(matched.maxMonths)),
        matched.result);
    row(t("min/max au même service, par classe", "min/max at equal service, by class"), byClass.result);
    row(t("ce que l'hôpital a fait", "what the hospital did"), done);
    QStringList classMonths;
    for (const auto &[criticality, m] : byClass.minMonths)
        classMonths << criticalityLabel(criticality, g_lang) + QStringLiteral(" ") + months(m) + QStringLiteral("-") + months(2.0 * m);
    text << t("  (par classe, en mois : ", "  (by class, in months: ") << classMonths.join(QStringLiteral(", ")) << ")\n";
    const auto summary = [&](const QString &against, const QJsonObject &x) {
        text << against << t(" : stock ", ": stock ") << percentText(x.value(QStringLiteral("average_stock_value")).toDouble())
             << t(", périmé ", ", expired ") << percentText(x.value(QStringLiteral("expired_value")).toDouble())
             << t(" (de ses propres commandes ", " (from its own orders ")
             << percentText(x.value(QStringLiteral("expired_from_orders")).toDouble()) << ")\n";
    };
    summary(t("Reappro contre le min/max au même service", "Reappro against min/max at equal service"), vs);
    summary(t("Reappro contre le min/max au même service dans chaque classe", "Reappro against min/max at equal service in each class"),
            vsByClass);
    text << t("Du périmé de chaque politique, %1 était en stock ou en commande le premier jour : il périme quelle que soit la politique\n",
              "Of each policy's expired value, %1 was in stock or on order on the first day: it expires under every policy\n")
                .arg(reappro.total.expiredInitialValue.toDisplayString(fr));
    return j;
}

} // namespace

int cmdReplay(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base de l'hôpital.", "Hospital database."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("from"), t("Premier jour rejoué.", "First replayed day."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("to"), t("Dernier jour rejoué.", "Last replayed day."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("policy"),
                 t("reappro (défaut), minmax, actual (ce que l'hôpital a fait) ou compare (les trois, "
                   "et le min/max au même taux de service que Reappro).",
                   "reappro (default), minmax, actual (what the hospital did) or compare (all three, "
                   "and the min/max at Reappro's service level)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("output"), t("Fichier JSON des résultats.", "JSON file of the results."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("rule"),
                 t("Reappro : rs (recomplètement périodique, défaut) ou ss (point de commande).",
                   "Reappro: rs (periodic order-up-to, default) or ss (reorder point)."),
                 QStringLiteral("rs|ss")});
    addServiceOptions(p);
    p.addOption({QStringLiteral("min-months"),
                 t("Min/max : mois de couverture du minimum (défaut 1).", "Min/max: months of cover of the minimum (default 1)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("max-months"),
                 t("Min/max : mois de couverture du maximum (défaut 2).", "Min/max: months of cover of the maximum (default 2)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("threads"), t("Fils de calcul (défaut : tous les cœurs).", "Worker threads (default: all cores)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("no-calibration"),
                 t("Reappro : ne corrige pas la visée des classes par le service obtenu au trimestre précédent.",
                   "Reappro: do not correct the classes' aims by the service achieved in the previous quarter.")});
    p.addOption({QStringLiteral("refit-days"),
                 t("Reappro : prévisions réestimées tous les N jours (défaut 28 ; 7 comme un usage hebdomadaire, plus lent).",
                   "Reappro: forecasts refitted every N days (default 28; 7 as in weekly use, slower)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("details"), t("Fichier CSV des résultats par produit.", "CSV file of the results per product."),
                 QStringLiteral("FILE")});
    if (const int r =
            parse(p, args,
                  t("Rejoue une politique de réapprovisionnement sur l'historique.", "Replays a replenishment policy over the history."));
        r >= 0)
        return r;
    ReplayOptions o;
    if (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")) || !p.isSet(QStringLiteral("output"))) {
        err() << t("--from, --to et --output sont obligatoires.\n", "--from, --to and --output are required.\n");
        return kExitUsage;
    }
    if (!parseDateOption(p, QStringLiteral("from"), o.from) || !parseDateOption(p, QStringLiteral("to"), o.to))
        return kExitUsage;
    if (o.to < o.from) {
        err() << t("--to est avant --from.\n", "--to is before --from.\n");
        return kExitUsage;
    }
    const QString policy = p.value(QStringLiteral("policy")).isEmpty() ? QStringLiteral("reappro") : p.value(QStringLiteral("policy"));
    if (policy == QLatin1String("reappro"))
        o.policy = ReplayPolicy::Reappro;
    else if (policy == QLatin1String("minmax"))
        o.policy = ReplayPolicy::MinMax;
    else if (policy == QLatin1String("actual"))
        o.policy = ReplayPolicy::Actual;
    else if (policy != QLatin1String("compare")) {
        err() << t("--policy : reappro, minmax, actual ou compare\n", "--policy: reappro, minmax, actual or compare\n");
        return kExitUsage;
    }
    const bool compare = policy == QLatin1String("compare"); // o.policy stays Reappro
    if (!parseOrderRule(p, QStringLiteral("rule"), o.settings))
        return kExitUsage;
    if (p.isSet(QStringLiteral("rule")) && o.policy != ReplayPolicy::Reappro) {
        err() << t("--rule ne s'applique qu'à --policy reappro.\n", "--rule applies to --policy reappro only.\n");
        return kExitUsage;
    }
    o.calibrate = !p.isSet(QStringLiteral("no-calibration"));
    if (!parseService(p, o.settings.service) || !parseExpiryConfidence(p, o.settings))
        return kExitUsage;
    for (const auto &[name, target] :
         {std::pair{QStringLiteral("min-months"), &o.minMonths}, std::pair{QStringLiteral("max-months"), &o.maxMonths}}) {
        if (!p.isSet(name))
            continue;
        bool ok = false;
        *target = p.value(name).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
        if (!ok || *target <= 0.0) {
            err() << "--" << name << t(" : un nombre de mois > 0\n", ": a number of months > 0\n");
            return kExitUsage;
        }
    }
    if (o.maxMonths < o.minMonths) {
        err() << t("--max-months est inférieur à --min-months.\n", "--max-months is below --min-months.\n");
        return kExitUsage;
    }
    if (p.isSet(QStringLiteral("refit-days"))) {
        bool ok = false;
        o.refitDays = p.value(QStringLiteral("refit-days")).toInt(&ok);
        if (!ok || o.refitDays < 1) {
            err() << t("--refit-days : un nombre de jours >= 1\n", "--refit-days: a number of days >= 1\n");
            return kExitUsage;
        }
    }
    const int threads = p.isSet(QStringLiteral("threads")) ? p.value(QStringLiteral("threads")).toInt() : 0;
    if (!checkThreads(threads))
        return kExitUsage;

    if (!checkOutputWritable(p.value(QStringLiteral("output"))))
        return kExitFailure;
    Store store;
    if (const int rc = openStore(store, p.value(QStringLiteral("db")), true); rc != kExitOk)
        return rc;
    const QDate last = lastHistoryDay(store);
    if (!last.isValid() || o.to > last) {
        err() << t("L'historique s'arrête le ", "The history ends on ") << dateText(last)
              << t(" : choisissez --to au plus tard ce jour-là.\n", ": choose --to on or before that day.\n");
        return kExitRejected;
    }
    if (!checkReplayedPeriod(store, o.from, o.to))
        return kExitRejected;

    QElapsedTimer timer;
    timer.start();
    const std::vector<ReplayProduct> products = loadReplayProducts(store, o.from);
    const PolicyComparison compared = compare ? comparePolicies(products, o, threads) : PolicyComparison{};
    const ReplayResult r = compare ? compared.reappro : replay(products, o, threads);

    // Reappro's class aims, for suggest and the orders tab to order as the
    // replay did.
    QString stored;
    if (const std::optional<ServiceCalibration> c = calibrationOf(r, o)) {
        QString error;
        if (store.saveServiceCalibration(*c, &error))
            stored = t("  visées enregistrées dans la base pour suggest et l'onglet Commandes : ",
                       "  aims stored in the database for suggest and the orders tab: ")
                     + calibrationText(*c, {}, g_lang) + QLatin1Char('\n');
        else
            err() << t("Visées non enregistrées : ", "Aims not stored: ") << error << "\n";
    }

    QString comparison;
    QJsonObject j = compare ? compareWithOthers(compared, o, &comparison) : replayJson(r, o);
    j.insert(QStringLiteral("seconds"), timer.elapsed() / 1000.0);
    const QString output = p.value(QStringLiteral("output"));
    if (!writeText(output, QJsonDocument(j).toJson()))
        return kExitFailure;

    if (p.isSet(QStringLiteral("details"))) {
        QString csv =
            QStringLiteral("product_code,label,criticality,service_target,cycles,served_cycles,demand_units,served_units,"
                           "average_stock_value_eur,expired_units,expired_value_eur,expired_from_orders_eur,orders,stockout_days\n");
        const qint64 span = o.from.daysTo(o.to) + 1;
        for (std::size_t i = 0; i < products.size(); ++i) {
            const Product &prod = products[i].situation.product;
            const ReplayMetrics &m = r.perProduct[i];
            csv += QStringList{csvField(prod.code),
                               csvField(prod.label),
                               criticalityCode(criticalityOf(prod)),
                               plain(m.averageTarget(), 4),
                               QString::number(m.cycles),
                               QString::number(m.servedCycles),
                               plain(m.demand),
                               plain(m.served),
                               Money::fromUnits(m.stockValueDays.units() / std::max<qint64>(span, 1)).toPlainString(),
                               plain(m.expired),
                               m.expiredValue.toPlainString(),
                               m.expiredFromOrders().toPlainString(),
                               QString::number(m.orders),
                               QString::number(m.stockoutDays)}
                       .join(QLatin1Char(','))
                   + QLatin1Char('\n');
        }
        if (!writeText(p.value(QStringLiteral("details")), "\xEF\xBB\xBF" + csv.toUtf8()))
            return kExitFailure;
    }

    const bool fr = g_lang == Language::French;
    const auto pct = percentText;
    out() << t("Politique ", "Policy ") << replayPolicyCode(o.policy) << t(" rejouée du ", " replayed from ") << dateText(o.from)
          << t(" au ", " to ") << dateText(o.to) << " (" << number(r.products) << t(" produits)\n", " products)\n");
    out() << t("  taux de service par cycle ", "  cycle service level ") << pct(r.total.cycleServiceLevel())
          << t(", taux de satisfaction ", ", fill rate ") << pct(r.total.fillRate()) << "\n";
    out() << t("  stock moyen ", "  average stock ") << r.averageStockValue().toDisplayString(fr) << t(", périmés ", ", expired ")
          << r.total.expiredValue.toDisplayString(fr) << ", " << number(r.total.orders) << t(" commandes, ", " orders, ")
          << number(r.total.stockoutDays) << t(" jours-produits en rupture\n", " product-days out of stock\n");
    for (Criticality c : kAllCriticalities) {
        const auto it = r.byCriticality.find(c);
        if (it == r.byCriticality.end())
            continue;
        out() << "  " << criticalityLabel(c, g_lang) << " : " << pct(it->second.cycleServiceLevel()) << t(" (cible ", " (target ")
              << pct(o.settings.service.of(c)) << ")\n";
    }
    out() << comparison << stored;
    out() << t("  fichier : ", "  file: ") << output << t("  (durée ", "  (time ") << decimal(timer.elapsed() / 1000.0, 1) << " s)\n";
    return kExitOk;
}

} // namespace reappro::cli
