// SPDX-License-Identifier: GPL-3.0-or-later
// reappro-cli forecast: every product and care unit of a database (stored
// as a forecast run), or the series of the forecast benchmark kit's files.
#include "app/cli/common.h"
#include "app/cli/options.h"
#include "core/forecast/forecastrun.h"
#include "core/forecast/seriesfile.h"
#include "core/store/store.h"
#include "forecasting/select.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <atomic>
#include <cmath>
#include <functional>

namespace reappro::cli {

namespace {

QString bucketLabel(Bucket b, bool plural)
{
    switch (b) {
    case Bucket::Day: return plural ? t("jours", "days") : t("jour", "day");
    case Bucket::Week: return plural ? t("semaines", "weeks") : t("semaine", "week");
    case Bucket::Month: return plural ? t("mois", "months") : t("mois", "month");
    }
    return {};
}

QString demandClassLabel(const QString &name)
{
    if (name == QLatin1String("smooth"))
        return t("régulière", "smooth");
    if (name == QLatin1String("erratic"))
        return t("erratique", "erratic");
    if (name == QLatin1String("intermittent"))
        return t("intermittente", "intermittent");
    if (name == QLatin1String("lumpy"))
        return t("sporadique", "lumpy");
    return t("sans demande", "no demand");
}

QJsonObject countsJson(const std::map<QString, qint64> &counts)
{
    QJsonObject o;
    for (const auto &[k, n] : counts)
        o.insert(k, n);
    return o;
}

// The longest horizon of the series files (the benchmark kit's are 12 to 28).
constexpr int kMaxFileHorizon = 1000;

// Database mode: every product and product-per-care-unit series, stored.
int forecastDatabaseCommand(const QCommandLineParser &p, forecasting::Method method, int level, int threads)
{
    const auto bucket = bucketFromName(p.value(QStringLiteral("bucket")));
    bool okH = true;
    const int horizon = p.isSet(QStringLiteral("horizon")) ? p.value(QStringLiteral("horizon")).toInt(&okH) : 0;
    if (!bucket || !okH || (p.isSet(QStringLiteral("horizon")) && horizon < 1)) {
        err() << t("Options invalides : --bucket vaut day, week ou month ; --horizon est un entier >= 1.\n",
                   "Invalid options: --bucket is day, week or month; --horizon is an integer >= 1.\n")
              << p.helpText();
        return kExitUsage;
    }
    // Two years ahead at most: further, no history of a hospital says
    // anything, and the run would only fill memory.
    const int maxHorizon = *bucket == Bucket::Day ? 730 : *bucket == Bucket::Week ? 104 : 24;
    if (horizon > maxHorizon) {
        err() << t("--horizon : au plus %1 périodes pour ce pas (deux ans).\n",
                   "--horizon: at most %1 periods for this bucket (two years).\n")
                     .arg(maxHorizon);
        return kExitUsage;
    }
    Store store;
    if (const int rc = openStore(store, p.value(QStringLiteral("db")), true); rc != kExitOk)
        return rc;
    QElapsedTimer timer;
    timer.start();
    ForecastRunOptions o;
    o.bucket = *bucket;
    o.horizon = horizon;
    o.method = method;
    o.levelPercent = level;
    o.threads = threads;
    const auto progress = terminalProgress("Prévision :", "Forecasting:");
    const ForecastRunOutcome r = forecastDatabase(store, o, progress);
    const double seconds = timer.elapsed() / 1000.0;
    const QString path = QFileInfo(store.path()).absoluteFilePath();
    switch (r.status) {
    case ForecastRunStatus::Done: break;
    case ForecastRunStatus::NoHistory:
        err() << t("Rien à prévoir dans %1 : aucun mouvement, ou aucune période complète (%2) d'historique. Importez des mouvements.\n",
                   "Nothing to forecast in %1: no movement, or no complete period (%2) of history. Import movements.\n")
                     .arg(path, bucketLabel(*bucket, false));
        return kExitRejected;
    case ForecastRunStatus::Cancelled:
    case ForecastRunStatus::StoreFailed:
        err() << t("Prévision non enregistrée dans %1, la base est inchangée : %2\n",
                   "Forecast not stored in %1, the database is unchanged: %2\n")
                     .arg(path, r.error.isEmpty() ? t("annulée", "cancelled") : r.error);
        return kExitFailure;
    }
    const ForecastRun &run = r.run;
    const QDate dataTo = store.info().lastMovement;

    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject j;
        j.insert(QStringLiteral("database"), path);
        j.insert(QStringLiteral("run_id"), run.id);
        j.insert(QStringLiteral("created_at"), run.createdAt.toString(Qt::ISODate));
        j.insert(QStringLiteral("bucket"), bucketName(run.bucket));
        j.insert(QStringLiteral("horizon"), run.horizon);
        j.insert(QStringLiteral("method"), run.method);
        j.insert(QStringLiteral("level"), run.levelPercent);
        j.insert(QStringLiteral("season_period"), run.seasonPeriod);
        j.insert(QStringLiteral("history_from"), run.historyFrom.toString(Qt::ISODate));
        j.insert(QStringLiteral("history_to"), run.historyTo.toString(Qt::ISODate));
        j.insert(QStringLiteral("history_periods"), run.historyPeriods);
        j.insert(QStringLiteral("data_to"), dataTo.toString(Qt::ISODate));
        j.insert(QStringLiteral("abc_from"), run.abcFrom.toString(Qt::ISODate));
        j.insert(QStringLiteral("abc_to"), run.abcTo.toString(Qt::ISODate));
        j.insert(QStringLiteral("series"), run.series());
        j.insert(QStringLiteral("product_series"), run.productSeries);
        j.insert(QStringLiteral("care_unit_series"), run.unitSeries);
        j.insert(QStringLiteral("failed_series"), run.failedSeries);
        j.insert(QStringLiteral("demand_classes"), countsJson(run.demandClasses));
        j.insert(QStringLiteral("abc_products"), countsJson(run.abcProducts));
        j.insert(QStringLiteral("xyz_products"), countsJson(run.xyzProducts));
        j.insert(QStringLiteral("models"), countsJson({run.models.begin(), run.models.end()}));
        QJsonObject bt;
        bt.insert(QStringLiteral("series"), run.holdoutSeries);
        bt.insert(QStringLiteral("median_mase"), std::isfinite(run.medianMase) ? QJsonValue(run.medianMase) : QJsonValue());
        j.insert(QStringLiteral("holdout"), bt);
        j.insert(QStringLiteral("seconds"), seconds);
        out() << QJsonDocument(j).toJson();
    } else {
        const auto list = [](const auto &pairs, const auto &label) {
            QStringList parts;
            for (const auto &[k, n] : pairs)
                parts << label(k) + QLatin1Char(' ') + number(n);
            return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
        };
        const auto same = [](const QString &k) { return k; };
        std::vector<std::pair<QString, qint64>> classes;
        for (const char *c : {"smooth", "erratic", "intermittent", "lumpy", "none"})
            if (auto it = run.demandClasses.find(QLatin1String(c)); it != run.demandClasses.end())
                classes.push_back(*it);
        std::vector<std::pair<QString, qint64>> models(run.models.begin(), run.models.begin() + std::min<size_t>(run.models.size(), 5));
        qint64 otherModels = 0;
        for (size_t i = models.size(); i < run.models.size(); ++i)
            otherModels += run.models[i].second;
        out() << t("Prévision enregistrée dans ", "Forecast stored in ") << path << "\n"
              << t("  pas : ", "  bucket: ") << bucketLabel(run.bucket, false) << t(", horizon ", ", horizon ") << run.horizon << ' '
              << bucketLabel(run.bucket, run.horizon > 1) << t(", méthode ", ", method ") << run.method
              << t(", intervalle à ", ", interval ") << run.levelPercent << " %\n"
              << t("  historique : du ", "  history: ") << dateText(run.historyFrom) << t(" au ", " to ") << dateText(run.historyTo) << " ("
              << number(run.historyPeriods) << ' ' << bucketLabel(run.bucket, run.historyPeriods > 1) << ")";
        if (dataTo > run.historyTo)
            out() << t(" ; période incomplète exclue (données jusqu'au ", "; incomplete period left out (data up to ") << dateText(dataTo)
                  << ")";
        out() << "\n"
              << t("  séries : ", "  series: ") << number(run.series()) << " (" << number(run.productSeries)
              << t(" produits, ", " products, ") << number(run.unitSeries)
              << t(" couples produit-unité de soins)", " product-care unit pairs)");
        if (run.failedSeries)
            out() << ", " << number(run.failedSeries) << t(" en échec", " failed");
        out() << "\n"
              << t("  classes de demande : ", "  demand classes: ") << list(classes, demandClassLabel) << "\n"
              << t("  ABC des produits (valeur consommée du ", "  products ABC (consumption value ") << dateText(run.abcFrom)
              << t(" au ", " to ") << dateText(run.abcTo) << t(") : ", "): ") << list(run.abcProducts, same) << "\n"
              << t("  XYZ des produits : ", "  products XYZ: ") << list(run.xyzProducts, same) << "\n"
              << t("  modèles : ", "  models: ") << list(models, same);
        if (otherModels)
            out() << t(", autres ", ", others ") << number(otherModels);
        out() << "\n"
              << t("  MASE médian du holdout : ", "  median holdout MASE: ")
              << (std::isfinite(run.medianMase) ? decimal(run.medianMase, 3) : QStringLiteral("-")) << t(" sur ", " over ")
              << number(run.holdoutSeries)
              << t(" séries (les %1 dernières périodes de l'historique mises de côté)", " series (last %1 periods of the history held out)")
                     .arg(run.horizon)
              << "\n"
              << t("  durée : ", "  time: ") << decimal(seconds, 1) << " s\n";
    }
    if (run.failedSeries) {
        err() << t("%1 série(s) non prévue(s) : la raison est enregistrée avec chacune (forecast_series.error).\n",
                   "%1 series not forecast: the reason is stored with each (forecast_series.error).\n")
                     .arg(number(run.failedSeries));
        return kExitRejected;
    }
    return kExitOk;
}

// Benchmark mode: series files in, forecasts file out.
int forecastFilesCommand(const QCommandLineParser &p, forecasting::Method method, int level, int threads)
{
    bool okH = false;
    const int horizon = p.value(QStringLiteral("horizon")).toInt(&okH);
    if (p.value(QStringLiteral("input")).isEmpty() || p.value(QStringLiteral("output")).isEmpty() || !okH || horizon < 1
        || horizon > kMaxFileHorizon) {
        err() << t("Options invalides : --input, --output et --horizon (entier de 1 à 1000) sont obligatoires sans --db.\n",
                   "Invalid options: --input, --output and --horizon (integer from 1 to 1000) are required without --db.\n")
              << p.helpText();
        return kExitUsage;
    }
    SeriesSet set;
    QString error;
    if (!readSeriesSet(p.value(QStringLiteral("input")), p.value(QStringLiteral("meta")), &set, &error)) {
        err() << error << "\n";
        return kExitRejected;
    }
    std::vector<forecasting::SeriesSpec> specs(set.ids.size());
    for (size_t i = 0; i < specs.size(); ++i)
        specs[i].period = set.periods[i];
    QElapsedTimer timer;
    timer.start();
    const auto results = forecasting::forecastBatch(set.values, specs, horizon, method, level / 100.0, threads);
    const double seconds = timer.elapsed() / 1000.0;
    std::vector<SeriesForecast> forecasts(results.size());
    int failed = 0;
    for (size_t i = 0; i < results.size(); ++i) {
        const auto &r = results[i];
        if (!r.error.empty()) {
            if (++failed <= 20)
                err() << QString::fromStdString(set.ids[i]) << ": " << QString::fromStdString(r.error) << "\n";
            continue;
        }
        forecasts[i].mean.assign(r.mean.data(), r.mean.data() + r.mean.size());
        forecasts[i].lower.assign(r.lower.data(), r.lower.data() + r.lower.size());
        forecasts[i].upper.assign(r.upper.data(), r.upper.data() + r.upper.size());
    }
    if (!writeForecasts(p.value(QStringLiteral("output")), set, forecasts, level, &error)) {
        err() << error << "\n";
        return kExitFailure;
    }
    out() << t("%1 séries prévues sur %2 périodes en %3 s (%4 séries/s) : %5\n",
               "%1 series forecast over %2 periods in %3 s (%4 series/s): %5\n")
                 .arg(number(qint64(set.ids.size()) - failed))
                 .arg(horizon)
                 .arg(decimal(seconds, 2))
                 .arg(number(qint64(seconds > 0 ? double(set.ids.size()) / seconds : 0)))
                 .arg(p.value(QStringLiteral("output")));
    if (failed) {
        err() << t("%1 série(s) non prévue(s).\n", "%1 series not forecast.\n").arg(failed);
        return kExitRejected;
    }
    return kExitOk;
}

// The methods table (forecasting/methods.h) as --help shows it: name,
// family and how the prediction interval is built, one method a line.
QString methodsTable()
{
    QString text = t("\n\nMéthodes (--method) :\n", "\n\nMethods (--method):\n");
    for (const forecasting::MethodInfo &m : forecasting::methods()) {
        const auto str = [](std::string_view v) { return QString::fromUtf8(v.data(), qsizetype(v.size())); };
        text += QStringLiteral("  %1 %2: %3\n").arg(str(m.name), -12).arg(str(m.family), str(m.intervalRule));
    }
    return text;
}

} // namespace

int cmdForecast(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"),
                 t("Base SQLite : prévoit chaque produit et chaque produit par unité de soins, et enregistre la prévision dans la base.",
                   "SQLite database: forecasts every product and every product per care unit, and stores the forecast in the database."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("bucket"),
                 t("Avec --db : pas de temps, day, week (défaut) ou month.", "With --db: time bucket, day, week (default) or month."),
                 QStringLiteral("day|week|month"), QStringLiteral("week")});
    p.addOption({QStringLiteral("json"), t("Avec --db : résumé en JSON.", "With --db: summary as JSON.")});
    p.addOption(
        {QStringLiteral("input"), t("Séries : CSV series_id,t,value.", "Series: CSV series_id,t,value."), QStringLiteral("series.csv")});
    p.addOption({QStringLiteral("meta"), t("Périodes saisonnières : CSV series_id,period.", "Seasonal periods: CSV series_id,period."),
                 QStringLiteral("meta.csv")});
    p.addOption({QStringLiteral("horizon"),
                 t("Nombre de périodes à prévoir (avec --db, défaut : 28 jours, 12 semaines, 6 mois).",
                   "Number of periods to forecast (with --db, default: 28 days, 12 weeks, 6 months)."),
                 QStringLiteral("H")});
    p.addOption({QStringLiteral("output"),
                 t("Prévisions : CSV series_id,h,forecast,loNN,hiNN.", "Forecasts: CSV series_id,h,forecast,loNN,hiNN."),
                 QStringLiteral("forecasts.csv")});
    const QString methodNames = QString::fromStdString(forecasting::methodNamesList());
    p.addOption({QStringLiteral("method"), t("Méthode (défaut : auto) : ", "Method (default: auto): ") + methodNames + QLatin1Char('.'),
                 QStringLiteral("METHOD"), QStringLiteral("auto")});
    p.addOption({QStringLiteral("level"), t("Niveau de l'intervalle de prévision, en %.", "Prediction interval level, in %."),
                 QStringLiteral("N"), QStringLiteral("95")});
    p.addOption({QStringLiteral("threads"), t("Fils de calcul (0 = tous les cœurs).", "Worker threads (0 = all cores)."),
                 QStringLiteral("N"), QStringLiteral("0")});
    if (int rc =
            parse(p, args,
                  t("Prévoit la demande, avec intervalles de prévision, de deux façons :\n"
                    "  --db FICHIER : chaque produit et chaque produit par unité de soins de la base, jusqu'à la dernière\n"
                    "    période complète ; enregistre prévisions, intervalles, modèle choisi, paramètres, classes\n"
                    "    (demande, ABC, XYZ) et précision sur les dernières périodes mises de côté (holdout), en remplaçant la prévision "
                    "précédente du même pas ;\n"
                    "  --input/--meta/--output : séries au format du kit de benchmark.\n"
                    "Code de sortie 0 : fait ; 1 : base illisible ou non modifiable ; 2 : rien à prévoir ou séries en échec ; 64 : usage.",
                    "Forecasts demand, with prediction intervals, in two ways:\n"
                    "  --db FILE: every product and every product per care unit of the database, up to the last complete\n"
                    "    period; stores forecasts, intervals, chosen model, parameters, classes (demand, ABC, XYZ) and\n"
                    "    holdout accuracy, replacing the previous forecast of the same bucket;\n"
                    "  --input/--meta/--output: series in the benchmark kit's format.\n"
                    "Exit code 0: done; 1: database unreadable or read-only; 2: nothing to forecast or series failed; 64: usage.")
                      + methodsTable());
        rc >= 0)
        return rc;
    bool okL = false, okT = false;
    const int level = p.value(QStringLiteral("level")).toInt(&okL);
    const int threads = p.value(QStringLiteral("threads")).toInt(&okT);
    const auto method = forecasting::methodFromName(p.value(QStringLiteral("method")).toStdString());
    if (!okL || level < 1 || level > 99 || !okT || threads < 0 || threads > kMaxThreads || !method) {
        err() << t("Options invalides : --level entre 1 et 99 ; --threads entier >= 0 ; --method parmi celles listées.\n",
                   "Invalid options: --level between 1 and 99; --threads integer >= 0; --method among those listed.\n")
              << p.helpText();
        return kExitUsage;
    }
    const bool dbMode = p.isSet(QStringLiteral("db"));
    const bool fileOptions = p.isSet(QStringLiteral("input")) || p.isSet(QStringLiteral("meta")) || p.isSet(QStringLiteral("output"));
    const bool dbOptions = p.isSet(QStringLiteral("bucket")) || p.isSet(QStringLiteral("json"));
    if ((dbMode && fileOptions) || (!dbMode && dbOptions)) {
        err() << t("--db (avec --bucket, --json) et --input/--meta/--output sont deux modes distincts : choisissez-en un.\n\n",
                   "--db (with --bucket, --json) and --input/--meta/--output are two separate modes: choose one.\n\n")
              << p.helpText();
        return kExitUsage;
    }
    return dbMode ? forecastDatabaseCommand(p, *method, level, threads) : forecastFilesCommand(p, *method, level, threads);
}

} // namespace reappro::cli
