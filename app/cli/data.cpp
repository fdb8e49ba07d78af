// SPDX-License-Identifier: GPL-3.0-or-later
// reappro-cli demo (the demo hospital's exports), import (a hospital's
// exports into a database, all or nothing, with a report of every rejected
// line) and info (what a database holds).
#include "app/cli/common.h"
#include "core/demo/demogenerator.h"
#include "core/import/importer.h"
#include "core/store/backups.h"
#include "core/store/store.h"

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

int cmdDemo(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("out"), t("Dossier où écrire les exports.", "Folder to write the exports to."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("seed"), t("Graine (même graine, mêmes fichiers).", "Seed (same seed, same files)."), QStringLiteral("N"),
                 QStringLiteral("42")});
    p.addOption(
        {QStringLiteral("products"), t("Nombre de références.", "Number of references."), QStringLiteral("N"), QStringLiteral("1500")});
    p.addOption(
        {QStringLiteral("units"), t("Nombre d'unités de soins.", "Number of care units."), QStringLiteral("N"), QStringLiteral("40")});
    p.addOption({QStringLiteral("years"), t("Années d'historique.", "Years of history."), QStringLiteral("N"), QStringLiteral("3")});
    p.addOption({QStringLiteral("end"), t("Dernier jour de l'historique (aaaa-mm-jj).", "Last day of history (yyyy-mm-dd)."),
                 QStringLiteral("DATE"), QStringLiteral("2026-10-31")});
    if (int rc = parse(p, args,
                       t("Écrit les exports d'un hôpital de démonstration (CSV français : ';', virgule décimale, Windows-1252).",
                         "Writes the exports of a demo hospital (French CSV: ';', decimal comma, Windows-1252)."));
        rc >= 0)
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
        err() << t("Options invalides : --out est obligatoire ; --products, --units, --years sont des entiers positifs ; --end une date "
                   "aaaa-mm-jj.\n",
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
    p.addOption(
        {QStringLiteral("db"), t("Base SQLite (créée si absente).", "SQLite database (created if missing)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("profile"),
                 t("Profil de correspondance des colonnes (nom ou fichier .json).", "Column-mapping profile (name or .json file)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("save-profile"),
                 t("Enregistre les correspondances détectées sous ce nom après un import réussi.",
                   "Saves the detected mapping under this name after a successful import."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("report"), t("Écrit les lignes rejetées dans ce CSV.", "Writes the rejected lines to this CSV."),
                 QStringLiteral("FILE.csv")});
    p.addOption({QStringLiteral("today"),
                 t("Date de référence pour le contrôle des dates futures (aaaa-mm-jj, défaut : aujourd'hui).",
                   "Reference date for the future-date check (yyyy-mm-dd, default: today)."),
                 QStringLiteral("DATE")});
    p.addOption({QStringLiteral("keep-backups"),
                 t("Sauvegardes gardées de la base (une avant chaque import d'une base qui contient des données ; 0 : aucune).",
                   "Backups of the database kept (one before each import into a database that holds data; 0: none)."),
                 QStringLiteral("N"), QString::number(backups::kDefaultKeep)});
    p.addPositionalArgument(QStringLiteral("DATAFILE"),
                            t("Exports CSV ou XLSX : produits, mouvements, stock par lot, commandes en cours, fournisseurs, unités.",
                              "CSV or XLSX exports: products, movements, stock by lot, open orders, suppliers, care units."),
                            QStringLiteral("DATAFILE..."));
    if (int rc = parse(p, args,
                       t("Importe des exports de stock dans la base, en une transaction : tout ou rien.\n"
                         "Code de sortie 0 : tout importé ; 2 : des lignes rejetées, rien importé.",
                         "Imports stock exports into the database in one transaction: all or nothing.\n"
                         "Exit code 0: all imported; 2: lines rejected, nothing imported."));
        rc >= 0)
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
    bool keepOk = false;
    o.keepBackups = p.value(QStringLiteral("keep-backups")).toInt(&keepOk);
    if (!keepOk || o.keepBackups < 0 || o.keepBackups > 1000) {
        err() << t("--keep-backups : un nombre de 0 à 1000.\n", "--keep-backups: a number from 0 to 1000.\n");
        return kExitUsage;
    }
    if (p.isSet(QStringLiteral("today"))) {
        o.today = QDate::fromString(p.value(QStringLiteral("today")), Qt::ISODate);
        if (!o.today.isValid()) {
            err() << t("--today attend une date aaaa-mm-jj.\n", "--today expects a yyyy-mm-dd date.\n");
            return kExitUsage;
        }
    }
    Store store;
    if (const int rc = openStore(store, p.value(QStringLiteral("db")), false); rc != kExitOk)
        return rc;
    QElapsedTimer timer;
    timer.start();
    Importer importer(store);
    const ImportResult r = importer.importFiles(files, o);
    const double seconds = timer.elapsed() / 1000.0;
    if (r.backup)
        out() << t("Sauvegarde d'avant l'import : %1 (%2 Mo)\n", "Backup before the import: %1 (%2 MB)\n")
                     .arg(QDir::toNativeSeparators(r.backup->path), decimal(double(r.backup->bytes) / 1e6, 1));
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
        out() << "\n  " << t("lignes lues ", "lines read ") << number(f.lines);
        if (!r.committed) {
            // Nothing was kept: counts of added lines would say otherwise.
            out() << ", " << t("rejetées ", "rejected ") << number(f.rejected) << t(" (rien n'a été importé)", " (nothing was imported)")
                  << "\n";
            continue;
        }
        out() << ", " << t("ajoutées ", "added ") << number(f.inserted) << ", " << t("mises à jour ", "updated ") << number(f.updated)
              << ", " << t("déjà présentes ", "already present ") << number(f.unchanged);
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
                   "%1 line(s) rejected: nothing was imported, the database is unchanged.\n")
                     .arg(number(r.rejectedCount));
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

int cmdInfo(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base SQLite.", "SQLite database."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("json"), t("Sortie JSON.", "JSON output.")});
    p.addOption(
        {QStringLiteral("check"), t("Contrôle d'intégrité complet de la base (PRAGMA integrity_check) ; code 1 s'il trouve un problème.",
                                    "Full integrity check of the database (PRAGMA integrity_check); exit code 1 if it finds a problem.")});
    if (int rc = parse(p, args,
                       t("Résume le contenu de la base. Chaque ouverture vérifie déjà ses tables et un contrôle rapide (quick_check).",
                         "Summarises the database. Every opening already checks its tables and runs a quick check (quick_check)."));
        rc >= 0)
        return rc;
    Store store;
    if (const int rc = openStore(store, p.value(QStringLiteral("db")), true); rc != kExitOk)
        return rc;
    if (p.isSet(QStringLiteral("check"))) {
        QString report;
        const bool ok = store.checkIntegrity(&report);
        (ok ? out() : err()) << t("Contrôle d'intégrité : ", "Integrity check: ") << (ok ? t("aucun problème", "no problem") : report)
                             << "\n";
        if (!ok)
            return kExitFailure;
    }
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
    out() << t("Base : ", "Database: ") << QFileInfo(store.path()).absoluteFilePath() << t(" (schéma v", " (schema v") << i.schemaVersion
          << ")\n"
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

} // namespace reappro::cli
