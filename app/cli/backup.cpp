// SPDX-License-Identifier: GPL-3.0-or-later
// reappro-cli backup: the backups of a database (core/store/backups.h):
// list them, make one now, or restore one (the state it replaces is backed
// up first, and the restore is written in the backups' journal).
#include "app/cli/common.h"
#include "core/store/backups.h"
#include "core/store/store.h"

#include <QDir>
#include <QFileInfo>

namespace reappro::cli {

int cmdBackup(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("db"), t("Base SQLite.", "SQLite database."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("list"),
                 t("Liste les sauvegardes, la plus récente d'abord (défaut).", "Lists the backups, newest first (default).")});
    p.addOption({QStringLiteral("create"), t("Fait une sauvegarde maintenant.", "Makes a backup now.")});
    p.addOption({QStringLiteral("restore"),
                 t("Remet la base dans l'état de la sauvegarde ID (l'état remplacé est sauvegardé d'abord).",
                   "Puts the database back in the state of backup ID (the state replaced is backed up first)."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("keep"), t("Sauvegardes gardées avec --create.", "Backups kept with --create."), QStringLiteral("N"),
                 QString::number(backups::kDefaultKeep)});
    if (int rc =
            parse(p, args,
                  t("Sauvegardes de la base, dans le dossier <base>.backups à côté d'elle : une est faite avant chaque import et chaque "
                    "changement de schéma d'une base qui contient des données.",
                    "Backups of the database, in the folder <database>.backups beside it: one is made before each import and each "
                    "schema change of a database that holds data."));
        rc >= 0)
        return rc;
    const QString path = p.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        err() << t("--db FICHIER est obligatoire.\n", "--db FILE is required.\n");
        return kExitUsage;
    }
    if (p.isSet(QStringLiteral("restore"))) {
        const QString id = p.value(QStringLiteral("restore"));
        QString error;
        BackupInfo previous;
        if (!backups::restore(path, id, &error, &previous)) {
            err() << t("Restauration impossible : ", "Cannot restore: ") << error << "\n";
            return kExitFailure;
        }
        out() << t("Base %1 remise dans l'état de la sauvegarde %2.\n", "Database %1 put back in the state of backup %2.\n").arg(path, id)
              << t("L'état remplacé est gardé dans la sauvegarde %1 (--restore %1 pour y revenir).\n",
                   "The state replaced is kept as backup %1 (--restore %1 to go back to it).\n")
                     .arg(previous.id);
        // The restored file is checked as any database is when opened.
        Store store;
        return openStore(store, path, true);
    }
    if (p.isSet(QStringLiteral("create"))) {
        bool ok = false;
        const int keep = p.value(QStringLiteral("keep")).toInt(&ok);
        if (!ok || keep < 1 || keep > 1000) {
            err() << t("--keep : un nombre de 1 à 1000.\n", "--keep: a number from 1 to 1000.\n");
            return kExitUsage;
        }
        Store store;
        if (const int rc = openStore(store, path, true); rc != kExitOk)
            return rc;
        QString error;
        const auto b = backups::create(store, QStringLiteral("manual"), keep, &error);
        if (!b) {
            err() << t("Sauvegarde impossible : ", "Cannot back up: ") << error << "\n";
            return kExitFailure;
        }
        out() << t("Sauvegarde %1 : %2 (%3 Mo)\n", "Backup %1: %2 (%3 MB)\n")
                     .arg(b->id, QDir::toNativeSeparators(b->path), decimal(double(b->bytes) / 1e6, 1));
        return kExitOk;
    }
    const auto all = backups::list(path);
    if (all.empty()) {
        out() << t("Aucune sauvegarde dans ", "No backup in ") << QDir::toNativeSeparators(backups::folderOf(path)) << "\n";
        return kExitOk;
    }
    out() << t("Sauvegardes de %1 (dans %2) :\n", "Backups of %1 (in %2):\n").arg(path, QDir::toNativeSeparators(backups::folderOf(path)));
    for (const BackupInfo &b : all)
        out() << "  " << b.id << "  " << dateText(b.createdAt.toLocalTime().date()) << ' '
              << b.createdAt.toLocalTime().time().toString(QStringLiteral("HH:mm:ss")) << "  " << decimal(double(b.bytes) / 1e6, 1)
              << t(" Mo  ", " MB  ") << b.reason << "\n";
    return kExitOk;
}

} // namespace reappro::cli
