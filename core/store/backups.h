// SPDX-License-Identifier: GPL-3.0-or-later
// Backups of a hospital's database, made by SQLite's online backup API
// (a consistent copy while the database stays open), so that an import
// that went wrong, a migration or a damaged disk never costs the data.
//
// Where: a folder beside the database, "<name>.backups/" (hospital.sqlite
// -> hospital.sqlite.backups/), one file per backup named after its time
// and reason ("20261208-101500-import.sqlite"), so that copying the
// database's folder copies its backups too. Made automatically before each
// import and each schema migration of a database that holds data, and on
// demand (reappro-cli backup); only the newest `keep` are kept (default 5).
// A restore first backs up the state it replaces, then copies the chosen
// backup over the database, and is written in the folder's journal
// (restores.log): nothing is lost by restoring the wrong one.
#pragma once

#include <QDateTime>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace reappro {

class Store;

struct BackupInfo {
    QString id;          // the file name without ".sqlite": "20261208-101500-import"
    QString path;
    QDateTime createdAt; // UTC, from the name
    qint64 bytes = 0;
    QString reason;      // "import", "migration-v5", "manual", "before-restore"
};

namespace backups {

inline constexpr int kDefaultKeep = 5;

QString folderOf(const QString &databasePath);
// Newest first.
std::vector<BackupInfo> list(const QString &databasePath);
// A copy of the open database now; then only the newest `keep` backups are
// kept. nullopt and *error when it cannot be written (the caller decides
// whether to go on).
std::optional<BackupInfo> create(const Store &store, const QString &reason, int keep, QString *error);
// Copies backup `id` over the database at `databasePath`, which no one may
// have open for writing; the state it replaces is backed up first.
bool restore(const QString &databasePath, const QString &id, QString *error, BackupInfo *previousState = nullptr);

} // namespace backups

} // namespace reappro
