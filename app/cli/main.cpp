// reappro-cli: the headless face of Reappro. Every command works on a local
// database and files, prints what it did, and returns a meaningful exit code
// (0 done, 1 failure, 2 input rejected, 64 usage).
#include "app/cli/common.h"
#include "core/demo/demogenerator.h"
#include "core/forecast/forecastrun.h"
#include "core/import/importer.h"
#include "core/common/messages.h"
#include "core/forecast/seriesfile.h"
#include "core/store/store.h"
#include "forecasting/select.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <atomic>
#include <cmath>
#include <functional>

using namespace reappro;

namespace {

using namespace reappro::cli;

// --------------------------------------------------------------------- demo

int cmdDemo(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("out"), t("Dossier où écrire les exports.", "Folder to write the exports to."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("seed"), t("Graine (même graine, mêmes fichiers).", "Seed (same seed, same files)."), QStringLiteral("N"), QStringLiteral("42")});
    p.addOption({QStringLiteral("products"), t("Nombre de références.", "Number of references."), QStringLiteral("N"), QStringLiteral("1500")});
    p.addOption({QStringLiteral("units"), t("Nombre d'unités de soins.", "Number of care units."), QStringLiteral("N"), QStringLiteral("40")});
    p.addOption({QStringLiteral("years"), t("Années d'historique.", "Years of history."), QStringLiteral("N"), QStringLiteral("3")});
    p.addOption({QStringLiteral("end"), t("Dernier jour de l'historique (aaaa-mm-jj).", "Last day of history (yyyy-mm-dd)."), QStringLiteral("DATE"), QStringLiteral("2026-10-31")});
    if (int rc = parse(p, args, t("Écrit les exports d'un hôpital de démonstration (CSV français : ';', virgule décimale, Windows-1252).",
                                  "Writes the exports of a demo hospital (French CSV: ';', decimal comma, Windows-1252).")); rc >= 0)
        return rc;
    DemoOptions o;
    bool ok[5] = {true, true, true, true, true};
    o.outDir = p.value(QStringLiteral("out"));
    o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok[0]);
    o.products = p.value(QStringLiteral("products")).toInt(&ok[1]);
    o.units = p.value(QStringLiteral("units")).toInt(&ok[2]);
    o.years = p.value(QStringLiteral("years")).toInt(&ok[3]);
    o.endDate = QDate::fromString(p.value(QStringLiteral("end")), Qt::ISODate);
    ok[4] = o.endDate.isValid();
    if (o.outDir.isEmpty() || !ok[0] || !ok[1] || !ok[2] || !ok[3] || !ok[4] || o.products < 1 || o.units < 1 || o.years < 1) {
        err() << t("Options invalides : --out est obligatoire ; --products, --units, --years sont des entiers positifs ; --end une date aaaa-mm-jj.\n",
                   "Invalid options: --out is required; --products, --units, --years are positive integers; --end a yyyy-mm-dd date.\n")
              << p.helpText();
        return kExitUsage;
    }
    QElapsedTimer timer;
    timer.start();
    DemoSummary s;
    QString error;
    if (!generateDemo(o, &s, &error)) {
        err() << error << "\n";
        return kExitFailure;
    }
    out() << t("Hôpital de démonstration écrit dans ", "Demo hospital written to ") << QDir(o.outDir).absolutePath() << "\n"
          << t("  références : ", "  references: ") << number(s.products) << "\n"
          << t("  unités de soins : ", "  care units: ") << number(s.units) << "\n"
          << t("  fournisseurs : ", "  suppliers: ") << number(s.suppliers) << "\n"
          << t("  mouvements : ", "  movements: ") << number(s.movements) << "\n"
          << t("  lots en stock : ", "  lots in stock: ") << number(s.lots) << "\n"
          << t("  lignes de commandes en cours : ", "  open order lines: ") << number(s.openOrderLines) << "\n"
          << t("  fichiers : ", "  files: ") << s.files.join(QStringLiteral(", ")) << "\n"
          << QStringLiteral("  %1 s\n").arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    return kExitOk;
}

// ------------------------------------------------------------------- import

int cmdImport(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base SQLite (créée si absente).", "SQLite database (created if missing)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("profile"), t("Profil de correspondance des colonnes (nom ou fichier .json).", "Column-mapping profile (name or .json file)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("save-profile"), t("Enregistre les correspondances détectées sous ce nom après un import réussi.", "Saves the detected mapping under this name after a successful import."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("report"), t("Écrit les lignes rejetées dans ce CSV.", "Writes the rejected lines to this CSV."), QStringLiteral("FILE.csv")});
    p.addOption({QStringLiteral("today"), t("Date de référence pour le contrôle des dates futures (aaaa-mm-jj, défaut : aujourd'hui).", "Reference date for the future-date check (yyyy-mm-dd, default: today)."), QStringLiteral("DATE")});
    p.addPositionalArgument(QStringLiteral("DATAFILE"), t("Exports CSV ou XLSX : produits, mouvements, stock par lot, commandes en cours, fournisseurs, unités.",
                                                           "CSV or XLSX exports: products, movements, stock by lot, open orders, suppliers, care units."), QStringLiteral("DATAFILE..."));
    if (int rc = parse(p, args, t("Importe des exports de stock dans la base, en une transaction : tout ou rien.\n"
                                  "Code de sortie 0 : tout importé ; 2 : des lignes rejetées, rien importé.",
                                  "Imports stock exports into the database in one transaction: all or nothing.\n"
                                  "Exit code 0: all imported; 2: lines rejected, nothing imported.")); rc >= 0)
        return rc;
    const QStringList files = p.positionalArguments();
    if (files.isEmpty()) {
        err() << t("Aucun fichier à importer.\n\n", "No file to import.\n\n") << p.helpText();
        return kExitUsage;
    }
    ImportOptions o;
    o.language = g_lang;
    if (p.isSet(QStringLiteral("profile"))) {
        o.profilePath = ImportProfile::resolve(p.value(QStringLiteral("profile")));
        if (!QFileInfo::exists(o.profilePath)) {
            err() << t("Profil introuvable : ", "Profile not found: ") << o.profilePath << "\n";
            return kExitFailure;
        }
    }
    if (p.isSet(QStringLiteral("today"))) {
        o.today = QDate::fromString(p.value(QStringLiteral("today")), Qt::ISODate);
        if (!o.today.isValid()) {
            err() << t("--today attend une date aaaa-mm-jj.\n", "--today expects a yyyy-mm-dd date.\n");
            return kExitUsage;
        }
    }
    Store store;
    if (!openStore(store, p.value(QStringLiteral("db")), false))
        return kExitFailure;
    QElapsedTimer timer;
    timer.start();
    Importer importer(store);
    const ImportResult r = importer.importFiles(files, o);
    const double seconds = timer.elapsed() / 1000.0;
    if (!r.error.isEmpty()) {
        err() << t("Échec de l'import, rien n'a été modifié : ", "Import failed, nothing was changed: ") << r.error << "\n";
        return kExitFailure;
    }
    const bool fr = g_lang == Language::French;
    qint64 lines = 0;
    for (const ImportFileReport &f : r.files) {
        lines += f.lines;
        out() << QFileInfo(f.file).fileName() << " : " << fileKindLabel(f.kind, fr);
        if (!f.format.isEmpty())
            out() << " (" << f.format << ", " << f.encoding
                  << (f.format == QLatin1String("CSV") ? QStringLiteral(", ") + t("séparateur ", "delimiter ") + f.delimiter : QString())
                  << ")";
        out() << "\n  " << t("lignes lues ", "lines read ") << number(f.lines) << ", " << t("ajoutées ", "added ") << number(f.inserted)
              << ", " << t("mises à jour ", "updated ") << number(f.updated) << ", " << t("déjà présentes ", "already present ")
              << number(f.unchanged);
        if (f.removed)
            out() << ", " << t("retirées (plus dans l'export) ", "removed (no longer in the export) ") << number(f.removed);
        if (f.rejected)
            out() << ", " << t("rejetées ", "rejected ") << number(f.rejected);
        out() << "\n";
        if (!f.droppedPatientColumns.isEmpty())
            out() << "  " << t("Colonnes patient ignorées, jamais enregistrées : ", "Patient columns dropped, never stored: ")
                  << f.droppedPatientColumns.join(QStringLiteral(", ")) << "\n";
        if (!f.ignoredColumns.isEmpty())
            out() << "  " << t("Colonnes non utilisées : ", "Columns not used: ") << f.ignoredColumns.join(QStringLiteral(", ")) << "\n";
        if (!f.createdLocations.isEmpty())
            out() << "  " << t("Emplacements créés : ", "Locations created: ") << f.createdLocations.join(QStringLiteral(", ")) << "\n";
        if (!f.createdSuppliers.isEmpty())
            out() << "  " << t("Fournisseurs créés : ", "Suppliers created: ") << f.createdSuppliers.join(QStringLiteral(", ")) << "\n";
    }
    if (p.isSet(QStringLiteral("report"))) {
        QString error;
        if (!Importer::writeReport(r, p.value(QStringLiteral("report")), g_lang, &error))
            err() << t("Rapport non écrit : ", "Report not written: ") << error << "\n";
    }
    if (r.rejectedCount > 0) {
        err() << t("%1 ligne(s) rejetée(s) : rien n'a été importé, la base est inchangée.\n",
                   "%1 line(s) rejected: nothing was imported, the database is unchanged.\n").arg(number(r.rejectedCount));
        const int shown = int(std::min<size_t>(r.rejected.size(), 50));
        for (int i = 0; i < shown; ++i)
            err() << "  " << Importer::describe(r.rejected[size_t(i)], g_lang) << "\n";
        if (r.rejectedCount > shown)
            err() << t("  ... et %1 autre(s)", "  ... and %1 more").arg(number(r.rejectedCount - shown))
                  << (p.isSet(QStringLiteral("report")) ? t(", voir ", ", see ") + p.value(QStringLiteral("report")) : QString()) << "\n";
        return kExitRejected;
    }
    out() << t("Import terminé : %1 lignes en %2 s (%3 lignes/s).\n", "Import done: %1 lines in %2 s (%3 lines/s).\n")
                 .arg(number(lines))
                 .arg(decimal(seconds, 2))
                 .arg(number(qint64(seconds > 0 ? lines / seconds : 0)));
    if (p.isSet(QStringLiteral("save-profile"))) {
        ImportProfile prof;
        prof.name = p.value(QStringLiteral("save-profile"));
        for (const ImportFileReport &f : r.files)
            prof.setForKind(f.profile);
        const QString path = ImportProfile::resolve(prof.name);
        QString error;
        if (!prof.save(path, &error)) {
            err() << t("Profil non enregistré : ", "Profile not saved: ") << error << "\n";
            return kExitFailure;
        }
        out() << t("Profil enregistré : ", "Profile saved: ") << path << "\n";
    }
    return kExitOk;
}

// ----------------------------------------------------------------- forecast

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
    Store store;
    if (!openStore(store, p.value(QStringLiteral("db")), true))
        return kExitFailure;
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
    case ForecastRunStatus::Done:
        break;
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
        bt.insert(QStringLiteral("series"), run.backtestedSeries);
        bt.insert(QStringLiteral("median_mase"), std::isfinite(run.medianMase) ? QJsonValue(run.medianMase) : QJsonValue());
        j.insert(QStringLiteral("backtest"), bt);
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
              << t("  historique : du ", "  history: ") << dateText(run.historyFrom) << t(" au ", " to ") << dateText(run.historyTo)
              << " (" << number(run.historyPeriods) << ' ' << bucketLabel(run.bucket, run.historyPeriods > 1) << ")";
        if (dataTo > run.historyTo)
            out() << t(" ; période incomplète exclue (données jusqu'au ", "; incomplete period left out (data up to ")
                  << dateText(dataTo) << ")";
        out() << "\n"
              << t("  séries : ", "  series: ") << number(run.series()) << " (" << number(run.productSeries) << t(" produits, ", " products, ")
              << number(run.unitSeries) << t(" couples produit-unité de soins)", " product-care unit pairs)");
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
        out() << "\n" << t("  MASE médian du backtest : ", "  median backtest MASE: ")
              << (std::isfinite(run.medianMase) ? decimal(run.medianMase, 3) : QStringLiteral("-"))
              << t(" sur ", " over ") << number(run.backtestedSeries)
              << t(" séries (les %1 dernières périodes de l'historique mises de côté)", " series (last %1 periods of the history held out)")
                     .arg(run.horizon)
              << "\n"
              << t("  durée : ", "  time: ") << decimal(seconds, 1) << " s\n";
    }
    if (run.failedSeries) {
        err() << t("%1 série(s) non prévue(s) : la raison est enregistrée avec chacune (forecast_series.error).\n",
                   "%1 series not forecast: the reason is stored with each (forecast_series.error).\n").arg(number(run.failedSeries));
        return kExitRejected;
    }
    return kExitOk;
}

// Benchmark mode: series files in, forecasts file out.
int forecastFilesCommand(const QCommandLineParser &p, forecasting::Method method, int level, int threads)
{
    bool okH = false;
    const int horizon = p.value(QStringLiteral("horizon")).toInt(&okH);
    if (p.value(QStringLiteral("input")).isEmpty() || p.value(QStringLiteral("output")).isEmpty() || !okH || horizon < 1) {
        err() << t("Options invalides : --input, --output et --horizon (entier >= 1) sont obligatoires sans --db.\n",
                   "Invalid options: --input, --output and --horizon (integer >= 1) are required without --db.\n")
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

int cmdForecast(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base SQLite : prévoit chaque produit et chaque produit par unité de soins, et enregistre la prévision dans la base.",
                                         "SQLite database: forecasts every product and every product per care unit, and stores the forecast in the database."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("bucket"), t("Avec --db : pas de temps, day, week (défaut) ou month.", "With --db: time bucket, day, week (default) or month."),
                 QStringLiteral("day|week|month"), QStringLiteral("week")});
    p.addOption({QStringLiteral("json"), t("Avec --db : résumé en JSON.", "With --db: summary as JSON.")});
    p.addOption({QStringLiteral("input"), t("Séries : CSV series_id,t,value.", "Series: CSV series_id,t,value."), QStringLiteral("series.csv")});
    p.addOption({QStringLiteral("meta"), t("Périodes saisonnières : CSV series_id,period.", "Seasonal periods: CSV series_id,period."), QStringLiteral("meta.csv")});
    p.addOption({QStringLiteral("horizon"), t("Nombre de périodes à prévoir (avec --db, défaut : 28 jours, 12 semaines, 6 mois).",
                                              "Number of periods to forecast (with --db, default: 28 days, 12 weeks, 6 months)."),
                 QStringLiteral("H")});
    p.addOption({QStringLiteral("output"), t("Prévisions : CSV series_id,h,forecast,loNN,hiNN.", "Forecasts: CSV series_id,h,forecast,loNN,hiNN."), QStringLiteral("forecasts.csv")});
    p.addOption({QStringLiteral("method"), t("auto (défaut), ses, holt, holt-damped, hw-add, hw-mul, croston, sba, tsb, adida, imapa, naive, snaive.",
                                             "auto (default), ses, holt, holt-damped, hw-add, hw-mul, croston, sba, tsb, adida, imapa, naive, snaive."),
                 QStringLiteral("METHOD"), QStringLiteral("auto")});
    p.addOption({QStringLiteral("level"), t("Niveau de l'intervalle de prévision, en %.", "Prediction interval level, in %."), QStringLiteral("N"), QStringLiteral("95")});
    p.addOption({QStringLiteral("threads"), t("Fils de calcul (0 = tous les cœurs).", "Worker threads (0 = all cores)."), QStringLiteral("N"), QStringLiteral("0")});
    if (int rc = parse(p, args, t("Prévoit la demande, avec intervalles de prévision, de deux façons :\n"
                                  "  --db FICHIER : chaque produit et chaque produit par unité de soins de la base, jusqu'à la dernière\n"
                                  "    période complète ; enregistre prévisions, intervalles, modèle choisi, paramètres, classes\n"
                                  "    (demande, ABC, XYZ) et précision du backtest, en remplaçant la prévision précédente du même pas ;\n"
                                  "  --input/--meta/--output : séries au format du kit de benchmark.\n"
                                  "Code de sortie 0 : fait ; 1 : base illisible ou non modifiable ; 2 : rien à prévoir ou séries en échec ; 64 : usage.",
                                  "Forecasts demand, with prediction intervals, in two ways:\n"
                                  "  --db FILE: every product and every product per care unit of the database, up to the last complete\n"
                                  "    period; stores forecasts, intervals, chosen model, parameters, classes (demand, ABC, XYZ) and\n"
                                  "    backtest accuracy, replacing the previous forecast of the same bucket;\n"
                                  "  --input/--meta/--output: series in the benchmark kit's format.\n"
                                  "Exit code 0: done; 1: database unreadable or read-only; 2: nothing to forecast or series failed; 64: usage.")); rc >= 0)
        return rc;
    bool okL = false, okT = false;
    const int level = p.value(QStringLiteral("level")).toInt(&okL);
    const int threads = p.value(QStringLiteral("threads")).toInt(&okT);
    const auto method = forecasting::methodFromName(p.value(QStringLiteral("method")).toStdString());
    if (!okL || level < 1 || level > 99 || !okT || threads < 0 || !method) {
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

// --------------------------------------------------------------------- info

int cmdInfo(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base SQLite.", "SQLite database."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("json"), t("Sortie JSON.", "JSON output.")});
    if (int rc = parse(p, args, t("Résume le contenu de la base.", "Summarises the database.")); rc >= 0)
        return rc;
    Store store;
    if (!openStore(store, p.value(QStringLiteral("db")), true))
        return kExitFailure;
    const StoreInfo i = store.info();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o;
        o.insert(QStringLiteral("schema_version"), i.schemaVersion);
        o.insert(QStringLiteral("products"), i.products);
        o.insert(QStringLiteral("drugs"), i.drugs);
        o.insert(QStringLiteral("medical_devices"), i.devices);
        o.insert(QStringLiteral("care_units"), i.careUnits);
        o.insert(QStringLiteral("suppliers"), i.suppliers);
        o.insert(QStringLiteral("lots"), i.lots);
        o.insert(QStringLiteral("movements"), i.movements);
        o.insert(QStringLiteral("open_order_lines"), i.openOrderLines);
        o.insert(QStringLiteral("first_movement"), i.firstMovement.toString(Qt::ISODate));
        o.insert(QStringLiteral("last_movement"), i.lastMovement.toString(Qt::ISODate));
        o.insert(QStringLiteral("stock_value_eur"), i.stockValue.toPlainString());
        out() << QJsonDocument(o).toJson();
        return kExitOk;
    }
    const bool fr = g_lang == Language::French;
    out() << t("Base : ", "Database: ") << QFileInfo(store.path()).absoluteFilePath() << t(" (schéma v", " (schema v") << i.schemaVersion << ")\n"
          << t("Produits : ", "Products: ") << number(i.products) << " (" << number(i.drugs) << t(" médicaments, ", " drugs, ")
          << number(i.devices) << t(" dispositifs médicaux)", " medical devices)") << "\n"
          << t("Unités de soins : ", "Care units: ") << number(i.careUnits) << "\n"
          << t("Fournisseurs : ", "Suppliers: ") << number(i.suppliers) << "\n"
          << t("Lots en stock : ", "Lots in stock: ") << number(i.lots) << "\n"
          << t("Mouvements : ", "Movements: ") << number(i.movements) << t(" du ", " from ") << dateText(i.firstMovement)
          << t(" au ", " to ") << dateText(i.lastMovement) << "\n"
          << t("Lignes de commandes en cours : ", "Open order lines: ") << number(i.openOrderLines) << "\n"
          << t("Valeur du stock : ", "Stock value: ") << i.stockValue.toDisplayString(fr) << "\n";
    return kExitOk;
}

void usage(QTextStream &s)
{
    s << t("Usage : reappro-cli COMMANDE [options]   (COMMANDE --help pour le détail)\n\n"
           "Commandes :\n"
           "  demo     écrit les exports d'un hôpital de démonstration\n"
           "  import   importe des exports CSV/XLSX dans une base (tout ou rien)\n"
           "  forecast prévoit la demande des produits d'une base (ou de séries du kit de benchmark)\n"
           "  info     résume le contenu d'une base\n"
           "  parlevels dotations des services et compléments de la prochaine tournée\n"
           "  suggest  propose les commandes du jour, chaque ligne expliquée\n"
           "  backtest rejoue une politique de réapprovisionnement sur l'historique\n",
           "Usage: reappro-cli COMMAND [options]   (COMMAND --help for details)\n\n"
           "Commands:\n"
           "  demo     writes the exports of a demo hospital\n"
           "  import   imports CSV/XLSX exports into a database (all or nothing)\n"
           "  forecast forecasts the demand of a database's products (or of benchmark kit series)\n"
           "  info     summarises a database\n"
           "  parlevels ward stock par levels and the top-ups of the next round\n"
           "  suggest  suggests today's orders, each line explained\n"
           "  backtest replays a replenishment policy over the history\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reappro-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REAPPRO_VERSION));
    g_lang = languageFromEnvironment();
    QStringList args = app.arguments();
    // --lang before the command applies to usage too.
    for (int i = 1; i + 1 < args.size(); ++i)
        if (args[i] == QLatin1String("--lang"))
            g_lang = languageFromCode(args[i + 1], g_lang);
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h") || args[1] == QLatin1String("help")) {
        usage(args.size() < 2 ? err() : out());
        return args.size() < 2 ? kExitUsage : kExitOk;
    }
    if (args[1] == QLatin1String("--version")) {
        out() << "reappro-cli " << REAPPRO_VERSION << "\n";
        return kExitOk;
    }
    const QString command = args[1];
    QStringList rest = args;
    rest.removeAt(1);   // the parser sees "reappro-cli --option ..."
    if (command == QLatin1String("demo"))
        return cmdDemo(rest);
    if (command == QLatin1String("import"))
        return cmdImport(rest);
    if (command == QLatin1String("info"))
        return cmdInfo(rest);
    if (command == QLatin1String("forecast"))
        return cmdForecast(rest);
    if (command == QLatin1String("parlevels")) return cmdParLevels(rest);
    if (command == QLatin1String("suggest"))
        return cmdSuggest(rest);
    if (command == QLatin1String("backtest"))
        return cmdBacktest(rest);
    err() << t("Commande inconnue : ", "Unknown command: ") << command << "\n\n";
    usage(err());
    return kExitUsage;
}
