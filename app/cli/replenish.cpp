// reappro-cli suggest (order suggestions with their explanations) and
// reappro-cli backtest (a policy replayed over the history).
#include "app/cli/common.h"
#include "core/common/csvformat.h"
#include "core/replenishment/orderplan.h"
#include "core/simulation/policybacktest.h"
#include "core/replenishment/replenishmentdata.h"
#include "core/common/textparse.h"

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

QString csvField(const QString &v) { return csvCell(v, QLatin1Char(',')); }

QString plain(double v, int decimals = 2) { return csvNumber(v, decimals); }

// "97,1 %" in French, "97.1%" in English.
QString percentText(double fraction)
{
    const bool fr = g_lang == Language::French;
    return QLocale(fr ? QLocale::French : QLocale::English).toString(fraction * 100.0, 'f', 1) + (fr ? QStringLiteral(" %") : QStringLiteral("%"));
}

bool parseDateOption(const QCommandLineParser &p, const QString &name, QDate &date)
{
    if (!p.isSet(name))
        return true;
    const QByteArray text = p.value(name).toUtf8();
    const auto day = parseDate(std::string_view(text.constData(), std::size_t(text.size())));
    date = day ? QDate::fromJulianDay(*day) : QDate();
    if (date.isValid())
        return true;
    err() << t("Date invalide pour --", "Invalid date for --") << name << " : " << p.value(name)
          << t(" (attendu JJ/MM/AAAA ou AAAA-MM-JJ)\n", " (expected DD/MM/YYYY or YYYY-MM-DD)\n");
    return false;
}

void addServiceOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("expiry-confidence"), t("Probabilité minimale que la dernière unité commandée soit utilisée avant péremption (défaut 95).",
                                                        "Smallest probability that the last unit ordered is used before it expires (default 95)."), QStringLiteral("PCT")});
    p.addOption({QStringLiteral("vital-expiry-confidence"), t("La même pour les produits vitaux / MITM (défaut 90).",
                                                              "The same for vital / MITM products (default 90)."), QStringLiteral("PCT")});
    p.addOption({QStringLiteral("service"), t("Taux de service visés par classe, atteints en moyenne sur la classe, et planchers par produit, "
                                              "ex. vital=99,essential=98.5,other=98,vital_min=97,essential_min=85,other_min=80.",
                                              "Service targets per class, met on average over the class, and per-product floors, "
                                              "e.g. vital=99,essential=98.5,other=98,vital_min=97,essential_min=85,other_min=80."),
                 QStringLiteral("LIST")});
    p.addOption({QStringLiteral("uniform-service"), t("Chaque produit vise exactement le taux de sa classe (pas de répartition au moindre coût).",
                                                      "Every product aims at exactly its class target (no least-cost allocation).")});
}

bool parseService(const QCommandLineParser &p, ServiceTargets &service)
{
    service.perProduct = !p.isSet(QStringLiteral("uniform-service"));
    QString error;
    if (p.isSet(QStringLiteral("service")) && !service.parse(p.value(QStringLiteral("service")), &error)) {
        err() << error << "\n";
        return false;
    }
    return true;
}

// --expiry-confidence P and --vital-expiry-confidence P: percent (50-99.9)
// or fraction.
bool parseExpiryConfidence(const QCommandLineParser &p, ReplenishmentSettings &settings)
{
    for (const auto &[name, target] : {std::pair{QStringLiteral("expiry-confidence"), &settings.expiryConfidence},
                                       std::pair{QStringLiteral("vital-expiry-confidence"), &settings.vitalExpiryConfidence}}) {
        if (!p.isSet(name))
            continue;
        bool ok = false;
        double v = p.value(name).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
        if (ok && v > 1.0)
            v /= 100.0;
        if (!ok || v < 0.5 || v > 0.999) {
            err() << "--" << name << t(" : une probabilité entre 50 et 99,9 (%)\n", ": a probability between 50 and 99.9 (%)\n");
            return false;
        }
        *target = v;
    }
    return true;
}

// The order rule, option NAME (suggest's --policy, backtest's --rule): rs
// (periodic order-up-to) or ss (reorder point).
bool parseOrderRule(const QCommandLineParser &p, const QString &name, ReplenishmentSettings &settings)
{
    if (!p.isSet(name))
        return true;
    const QString v = p.value(name);
    if (v != QLatin1String("rs") && v != QLatin1String("ss")) {
        err() << "--" << name << t(" : rs ou ss\n", ": rs or ss\n");
        return false;
    }
    settings.policy = v == QLatin1String("ss") ? PolicyKind::ReorderPoint : PolicyKind::OrderUpTo;
    return true;
}

// A replay's measures as JSON: totals, then the same by criticality class.
QJsonObject backtestJson(const BacktestResult &r, const BacktestOptions &o)
{
    const auto metrics = [](const BacktestMetrics &m, Money averageStock) {
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
    j.insert(QStringLiteral("policy"), backtestPolicyCode(r.policy));
    j.insert(QStringLiteral("from"), o.from.toString(Qt::ISODate));
    j.insert(QStringLiteral("to"), o.to.toString(Qt::ISODate));
    j.insert(QStringLiteral("products"), r.products);
    QJsonObject by;
    for (Criticality c : kAllCriticalities) {
        const auto it = r.byCriticality.find(c);
        QJsonObject m = metrics(it == r.byCriticality.end() ? BacktestMetrics{} : it->second, r.averageStockValue(c));
        m.insert(QStringLiteral("service_target"), o.settings.service.of(c));
        if (const auto aim = r.serviceAim.find(c); aim != r.serviceAim.end() && r.policy == BacktestPolicy::Reappro)
            m.insert(QStringLiteral("service_aim"), aim->second);
        m.insert(QStringLiteral("products"), r.productsByCriticality.count(c) ? r.productsByCriticality.at(c) : 0);
        by.insert(criticalityCode(c), m);
    }
    j.insert(QStringLiteral("by_criticality"), by);
    if (r.policy == BacktestPolicy::Reappro)
        j.insert(QStringLiteral("rule"), o.settings.policy == PolicyKind::ReorderPoint ? QStringLiteral("ss") : QStringLiteral("rs"));
    if (r.policy == BacktestPolicy::MinMax) {
        j.insert(QStringLiteral("min_months"), o.minMonths);
        j.insert(QStringLiteral("max_months"), o.maxMonths);
    }
    j.insert(QStringLiteral("expiry_confidence"), o.settings.expiryConfidence);
    j.insert(QStringLiteral("vital_expiry_confidence"), o.settings.vitalExpiryConfidence);
    return j;
}

// --policy compare (comparePolicies) as JSON, with Reappro's changes against
// the matched min/max, and a table of the four for the terminal.
QJsonObject compareWithOthers(const PolicyComparison &c, const BacktestOptions &o, QString *table)
{
    const BacktestResult &reappro = c.reappro, &asSet = c.minmax, &done = c.actual;
    const MatchedMinMax &matched = c.matched;
    BacktestOptions minmax = o, actual = o, matchedOptions = o;
    minmax.policy = BacktestPolicy::MinMax;
    actual.policy = BacktestPolicy::Actual;
    matchedOptions.policy = BacktestPolicy::MinMax;
    matchedOptions.minMonths = matched.minMonths;
    matchedOptions.maxMonths = matched.maxMonths;

    QJsonObject j;
    j.insert(QStringLiteral("policy"), QStringLiteral("compare"));
    j.insert(QStringLiteral("from"), o.from.toString(Qt::ISODate));
    j.insert(QStringLiteral("to"), o.to.toString(Qt::ISODate));
    j.insert(QStringLiteral("reappro"), backtestJson(reappro, o));
    j.insert(QStringLiteral("minmax"), backtestJson(asSet, minmax));
    j.insert(QStringLiteral("minmax_matched"), backtestJson(matched.result, matchedOptions));
    j.insert(QStringLiteral("actual"), backtestJson(done, actual));
    // Class by class: each class's months in its by_criticality entry.
    const ClassMatchedMinMax &byClass = c.matchedByClass;
    QJsonObject byClassJson = backtestJson(byClass.result, matchedOptions);
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
    const auto versus = [&](const BacktestResult &other) {
        const BacktestMetrics &a = reappro.total, &b = other.total;
        QJsonObject vs;
        vs.insert(QStringLiteral("average_stock_value"), change(reappro.averageStockValue().toDouble(), other.averageStockValue().toDouble()));
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
         << QString().leftJustified(45) << t("cycles servis  satisfaction  stock moyen       périmé        ruptures (produit-jours)\n",
                                             "cycles served  fill rate     average stock     expired       stockouts (product-days)\n");
    const auto row = [&](const QString &name, const BacktestResult &x) {
        text << name.leftJustified(45) << percentText(x.total.cycleServiceLevel()).leftJustified(15)
             << percentText(x.total.fillRate()).leftJustified(14) << x.averageStockValue().toDisplayString(fr).leftJustified(18)
             << x.total.expiredValue.toDisplayString(fr).leftJustified(14) << number(x.total.stockoutDays) << "\n";
    };
    const QLocale loc(fr ? QLocale::French : QLocale::English);
    const auto months = [&](double m) { return loc.toString(m, 'f', 2); };
    row(QStringLiteral("Reappro"), reappro);
    row(t("min/max %1-%2 mois", "min/max %1-%2 months").arg(months(o.minMonths), months(o.maxMonths)), asSet);
    row(t("min/max au même service (%1-%2 mois)", "min/max at equal service (%1-%2 months)").arg(months(matched.minMonths), months(matched.maxMonths)),
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
             << t(" (de ses propres commandes ", " (from its own orders ") << percentText(x.value(QStringLiteral("expired_from_orders")).toDouble())
             << ")\n";
    };
    summary(t("Reappro contre le min/max au même service", "Reappro against min/max at equal service"), vs);
    summary(t("Reappro contre le min/max au même service dans chaque classe", "Reappro against min/max at equal service in each class"), vsByClass);
    text << t("Du périmé de chaque politique, %1 était en stock ou en commande le premier jour : il périme quelle que soit la politique\n",
              "Of each policy's expired value, %1 was in stock or on order on the first day: it expires under every policy\n")
                .arg(reappro.total.expiredInitialValue.toDisplayString(fr));
    return j;
}

// --calibration FILE: the class aims a reappro backtest ended with
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
                  << t(" (le JSON d'un backtest --policy reappro est attendu)\n", " (the JSON of a backtest --policy reappro is expected)\n");
            return false;
        }
        service.of(c) = aim;
    }
    return true;
}

bool writeText(const QString &path, const QByteArray &bytes)
{
    QString error;
    if (writeOutputFile(path, bytes, &error))
        return true;
    err() << t("Écriture impossible : ", "Cannot write: ") << path << " (" << error << ")\n";
    return false;
}

} // namespace

int cmdSuggest(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base de l'hôpital.", "Hospital database."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("as-of"), t("Jour de la décision (défaut : le lendemain du dernier jour d'historique).",
                                            "Decision day (default: the day after the last day of history)."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("budget"), t("Plafond du total de la commande, en euros HT.", "Cap on the order total, EUR excl. VAT."), QStringLiteral("EUR")});
    p.addOption({QStringLiteral("output"), t("Fichier CSV des lignes proposées.", "CSV file of the suggested lines."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("policy"), t("rs (recomplètement périodique, défaut) ou ss (point de commande).",
                                             "rs (periodic order-up-to, default) or ss (reorder point)."), QStringLiteral("rs|ss")});
    addServiceOptions(p);
    p.addOption({QStringLiteral("calibration"), t("JSON d'un backtest reappro : vise, pour chaque classe, le taux corrigé qu'il a trouvé (service_aim), "
                                                  "au lieu des visées du dernier backtest enregistrées dans la base.",
                                                  "JSON of a reappro backtest: aims each class at the corrected level it found (service_aim), "
                                                  "instead of the aims of the last backtest stored in the database."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("no-calibration"), t("Vise les cibles des classes telles quelles, sans les visées du dernier backtest enregistrées dans la base.",
                                                     "Aims at the class targets as they are, without the aims of the last backtest stored in the database.")});
    if (const int r = parse(p, args, t("Propose les commandes du jour, chaque ligne expliquée.",
                                       "Suggests today's orders, each line explained.")); r >= 0)
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

    Store store;
    if (!openStore(store, p.value(QStringLiteral("db")), true))
        return kExitFailure;
    const QDate last = lastHistoryDay(store);
    if (!last.isValid()) {
        err() << t("La base ne contient aucun mouvement : importez d'abord les exports.\n",
                   "The database holds no movements: import the exports first.\n");
        return kExitRejected;
    }
    if (!asOf.isValid())
        asOf = last.addDays(1);

    QElapsedTimer timer;
    timer.start();
    const OrderPlan plan = planOrders(store, asOf, settings);
    const QString output = p.value(QStringLiteral("output"));
    if (!writeText(output, orderPlanCsv(plan, g_lang)))
        return kExitFailure;

    const bool fr = g_lang == Language::French;
    out() << t("Commandes proposées pour le ", "Orders suggested for ") << dateText(asOf) << " : "
          << number(qint64(plan.ordered)) << t(" lignes, ", " lines, ") << number(qint64(plan.suppliers))
          << t(" fournisseurs, total ", " suppliers, total ") << plan.total.toDisplayString(fr) << "\n";
    if (settings.budget)
        out() << t("  budget ", "  budget ") << settings.budget->toDisplayString(fr) << t(" : besoin ", ": need ")
              << plan.totalBeforeBudget.toDisplayString(fr) << ", " << number(plan.budgetCut)
              << t(" lignes réduites ou retirées\n", " lines cut or removed\n");
    if (!plan.calibrated.empty())
        out() << t("  visées corrigées par le rejeu du ", "  aims corrected by the replay from ") << dateText(plan.calibration->from)
              << t(" au ", " to ") << dateText(plan.calibration->to) << t(" : ", ": ") << calibrationText(*plan.calibration, plan.calibrated, g_lang)
              << "\n";
    else if (plan.calibration)
        out() << t("  le dernier rejeu enregistré visait d'autres cibles : cibles des classes visées telles quelles\n",
                   "  the last replay stored was run with other targets: the class targets are aimed at as they are\n");
    else if (settings.storedCalibration)
        out() << t("  aucun rejeu enregistré : cibles des classes visées telles quelles (un backtest --policy reappro les corrige)\n",
                   "  no replay stored: the class targets are aimed at as they are (a backtest --policy reappro corrects them)\n");
    if (plan.capped || plan.expiryRisk)
        out() << "  " << number(plan.capped) << t(" lignes plafonnées par la péremption, ", " lines capped by shelf life, ")
              << number(plan.expiryRisk) << t(" à risque de péremption\n", " at expiry risk\n");
    if (plan.failed)
        out() << "  " << number(plan.failed) << t(" produits sans prévision possible (rien proposé)\n",
                                                  " products could not be forecast (nothing suggested)\n");
    if (!plan.forsaken.empty()) {
        out() << "  " << number(qint64(plan.forsaken.size()))
              << t(" produits vitaux en rupture, inutilisés depuis plus d'un an, non commandés (à commander à la main s'ils restent au livret) :\n",
                   " vital products out of stock, unused for over a year, not ordered (order them by hand if they stay in the formulary):\n");
        for (const OrderSuggestion &l : plan.forsaken)
            out() << "    " << l.productCode << " " << l.label << " (" << l.dormantWeeks << t(" semaines sans demande)\n", " weeks without demand)\n");
    }
    out() << t("  fichier : ", "  file: ") << output << t("  (durée ", "  (time ") << decimal(timer.elapsed() / 1000.0, 1)
          << " s)\n";
    return kExitOk;
}

int cmdBacktest(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base de l'hôpital.", "Hospital database."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("from"), t("Premier jour rejoué.", "First replayed day."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("to"), t("Dernier jour rejoué.", "Last replayed day."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("policy"), t("reappro (défaut), minmax, actual (ce que l'hôpital a fait) ou compare (les trois, "
                                             "et le min/max au même taux de service que Reappro).",
                                             "reappro (default), minmax, actual (what the hospital did) or compare (all three, "
                                             "and the min/max at Reappro's service level)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("output"), t("Fichier JSON des résultats.", "JSON file of the results."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("rule"), t("Reappro : rs (recomplètement périodique, défaut) ou ss (point de commande).",
                                           "Reappro: rs (periodic order-up-to, default) or ss (reorder point)."), QStringLiteral("rs|ss")});
    addServiceOptions(p);
    p.addOption({QStringLiteral("min-months"), t("Min/max : mois de couverture du minimum (défaut 1).", "Min/max: months of cover of the minimum (default 1)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("max-months"), t("Min/max : mois de couverture du maximum (défaut 2).", "Min/max: months of cover of the maximum (default 2)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("threads"), t("Fils de calcul (défaut : tous les cœurs).", "Worker threads (default: all cores)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("no-calibration"), t("Reappro : ne corrige pas la visée des classes par le service obtenu au trimestre précédent.",
                                                     "Reappro: do not correct the classes' aims by the service achieved in the previous quarter.")});
    p.addOption({QStringLiteral("refit-days"), t("Reappro : prévisions réestimées tous les N jours (défaut 28 ; 7 comme un usage hebdomadaire, plus lent).",
                                                 "Reappro: forecasts refitted every N days (default 28; 7 as in weekly use, slower)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("details"), t("Fichier CSV des résultats par produit.", "CSV file of the results per product."), QStringLiteral("FILE")});
    if (const int r = parse(p, args, t("Rejoue une politique de réapprovisionnement sur l'historique.",
                                       "Replays a replenishment policy over the history.")); r >= 0)
        return r;
    BacktestOptions o;
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
        o.policy = BacktestPolicy::Reappro;
    else if (policy == QLatin1String("minmax"))
        o.policy = BacktestPolicy::MinMax;
    else if (policy == QLatin1String("actual"))
        o.policy = BacktestPolicy::Actual;
    else if (policy != QLatin1String("compare")) {
        err() << t("--policy : reappro, minmax, actual ou compare\n", "--policy: reappro, minmax, actual or compare\n");
        return kExitUsage;
    }
    const bool compare = policy == QLatin1String("compare"); // o.policy stays Reappro
    if (!parseOrderRule(p, QStringLiteral("rule"), o.settings))
        return kExitUsage;
    if (p.isSet(QStringLiteral("rule")) && o.policy != BacktestPolicy::Reappro) {
        err() << t("--rule ne s'applique qu'à --policy reappro.\n", "--rule applies to --policy reappro only.\n");
        return kExitUsage;
    }
    o.calibrate = !p.isSet(QStringLiteral("no-calibration"));
    if (!parseService(p, o.settings.service) || !parseExpiryConfidence(p, o.settings))
        return kExitUsage;
    for (const auto &[name, target] : {std::pair{QStringLiteral("min-months"), &o.minMonths}, std::pair{QStringLiteral("max-months"), &o.maxMonths}}) {
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

    Store store;
    if (!openStore(store, p.value(QStringLiteral("db")), true))
        return kExitFailure;
    const QDate last = lastHistoryDay(store);
    if (!last.isValid() || o.to > last) {
        err() << t("L'historique s'arrête le ", "The history ends on ") << dateText(last)
              << t(" : choisissez --to au plus tard ce jour-là.\n", ": choose --to on or before that day.\n");
        return kExitRejected;
    }

    QElapsedTimer timer;
    timer.start();
    const std::vector<BacktestProduct> products = loadBacktestProducts(store, o.from);
    const PolicyComparison compared = compare ? comparePolicies(products, o, threads) : PolicyComparison{};
    const BacktestResult r = compare ? compared.reappro : replay(products, o, threads);

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
    QJsonObject j = compare ? compareWithOthers(compared, o, &comparison) : backtestJson(r, o);
    j.insert(QStringLiteral("seconds"), timer.elapsed() / 1000.0);
    const QString output = p.value(QStringLiteral("output"));
    if (!writeText(output, QJsonDocument(j).toJson()))
        return kExitFailure;

    if (p.isSet(QStringLiteral("details"))) {
        QString csv = QStringLiteral("product_code,label,criticality,service_target,cycles,served_cycles,demand_units,served_units,"
                                     "average_stock_value_eur,expired_units,expired_value_eur,expired_from_orders_eur,orders,stockout_days\n");
        const qint64 span = o.from.daysTo(o.to) + 1;
        for (std::size_t i = 0; i < products.size(); ++i) {
            const Product &prod = products[i].situation.product;
            const BacktestMetrics &m = r.perProduct[i];
            csv += QStringList{csvField(prod.code), csvField(prod.label), criticalityCode(criticalityOf(prod)),
                               plain(m.averageTarget(), 4), QString::number(m.cycles), QString::number(m.servedCycles), plain(m.demand), plain(m.served),
                               Money::fromUnits(m.stockValueDays.units() / std::max<qint64>(span, 1)).toPlainString(),
                               plain(m.expired), m.expiredValue.toPlainString(),
                               m.expiredFromOrders().toPlainString(), QString::number(m.orders),
                               QString::number(m.stockoutDays)}
                       .join(QLatin1Char(','))
                   + QLatin1Char('\n');
        }
        if (!writeText(p.value(QStringLiteral("details")), "\xEF\xBB\xBF" + csv.toUtf8()))
            return kExitFailure;
    }

    const bool fr = g_lang == Language::French;
    const auto pct = percentText;
    out() << t("Politique ", "Policy ") << backtestPolicyCode(o.policy) << t(" rejouée du ", " replayed from ") << dateText(o.from)
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
    out() << t("  fichier : ", "  file: ") << output << t("  (durée ", "  (time ") << decimal(timer.elapsed() / 1000.0, 1)
          << " s)\n";
    return kExitOk;
}

} // namespace reappro::cli
