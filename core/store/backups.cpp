// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/backups.h"

#include "core/store/sqlite.h"
#include "core/store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>

namespace reappro::backups {

namespace {

constexpr const char *kStampFormat = "yyyyMMdd-HHmmss-zzz";
constexpr int kStampLength = 19;   // "20261208-101500-123"

// Copies the main database of `from` into the file `to` (created or
// replaced), page by page, as one consistent snapshot.
bool copyDatabase(sqlite3 *from, const QString &to, QString *error)
{
    sqlite3 *dest = nullptr;
    if (sqlite3_open_v2(to.toUtf8().constData(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(dest));
        sqlite3_close(dest);
        return false;
    }
    sqlite3_busy_timeout(dest, 5000);
    sqlite3_backup *b = sqlite3_backup_init(dest, "main", from, "main");
    int rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(dest);
    if (b)
        sqlite3_backup_finish(b);
    if (rc == SQLITE_DONE)
        rc = sqlite3_errcode(dest);
    const bool ok = rc == SQLITE_OK || rc == SQLITE_DONE;
    if (!ok && error)
        *error = QString::fromUtf8(sqlite3_errstr(rc));
    // The copy is a file on its own: no WAL beside it.
    if (ok)
        sql::exec(dest, "PRAGMA journal_mode = DELETE");
    sqlite3_close(dest);
    return ok;
}

std::optional<BackupInfo> infoOf(const QFileInfo &f)
{
    const QString id = f.completeBaseName();
    if (f.suffix() != QLatin1String("sqlite") || id.size() < kStampLength + 2)
        return std::nullopt;
    QDateTime at = QDateTime::fromString(id.left(kStampLength), QString::fromLatin1(kStampFormat));
    if (!at.isValid())
        return std::nullopt;
    at.setTimeZone(QTimeZone::utc());
    return BackupInfo{id, f.absoluteFilePath(), at, f.size(), id.mid(kStampLength + 1)};
}

// Keeps the newest `keep` backups (list() is newest first).
void prune(const QString &databasePath, int keep)
{
    const auto all = list(databasePath);
    for (size_t i = size_t(std::max(1, keep)); i < all.size(); ++i)
        QFile::remove(all[i].path);
}

std::optional<BackupInfo> backUpFile(sqlite3 *from, const QString &databasePath, const QString &reason, QString *error)
{
    const QString folder = folderOf(databasePath);
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(folder);
        return std::nullopt;
    }
    const QString id = QDateTime::currentDateTimeUtc().toString(QString::fromLatin1(kStampFormat)) + QLatin1Char('-') + reason;
    const QString path = QDir(folder).filePath(id + QStringLiteral(".sqlite"));
    const QString part = path + QStringLiteral(".part");
    QFile::remove(part);
    if (!copyDatabase(from, part, error)) {
        QFile::remove(part);
        return std::nullopt;
    }
    if (!QFile::rename(part, path)) {
        QFile::remove(part);
        if (error)
            *error = QStringLiteral("cannot write %1").arg(path);
        return std::nullopt;
    }
    return infoOf(QFileInfo(path));
}

} // namespace

QString folderOf(const QString &databasePath)
{
    const QFileInfo db(databasePath);
    return db.absoluteDir().filePath(db.fileName() + QStringLiteral(".backups"));
}

std::vector<BackupInfo> list(const QString &databasePath)
{
    std::vector<BackupInfo> out;
    const QFileInfoList files = QDir(folderOf(databasePath)).entryInfoList({QStringLiteral("*.sqlite")}, QDir::Files);
    for (const QFileInfo &f : files)
        if (auto b = infoOf(f))
            out.push_back(*b);
    std::sort(out.begin(), out.end(), [](const BackupInfo &a, const BackupInfo &b) { return a.id > b.id; });
    return out;
}

std::optional<BackupInfo> create(const Store &store, const QString &reason, int keep, QString *error)
{
    auto made = backUpFile(store.handle(), store.path(), reason, error);
    if (made)
        prune(store.path(), keep);
    return made;
}

bool restore(const QString &databasePath, const QString &id, QString *error, BackupInfo *previousState)
{
    const auto all = list(databasePath);
    const auto it = std::find_if(all.begin(), all.end(), [&](const BackupInfo &b) { return b.id == id; });
    if (it == all.end()) {
        if (error)
            *error = QStringLiteral("no backup %1 in %2").arg(id, folderOf(databasePath));
        return false;
    }
    sqlite3 *source = nullptr;
    if (sqlite3_open_v2(it->path.toUtf8().constData(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(source));
        sqlite3_close(source);
        return false;
    }
    bool ok = true;
    QString replaced = QStringLiteral("none");
    if (QFileInfo::exists(databasePath)) {
        // The state being replaced is kept first: restoring the wrong
        // backup can be undone.
        sqlite3 *current = nullptr;
        ok = sqlite3_open_v2(databasePath.toUtf8().constData(), &current, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
        if (ok) {
            sqlite3_busy_timeout(current, 5000);
            const auto before = backUpFile(current, databasePath, QStringLiteral("before-restore"), error);
            ok = before.has_value();
            if (ok) {
                replaced = before->id;
                if (previousState)
                    *previousState = *before;
            }
        } else if (error) {
            *error = QString::fromUtf8(sqlite3_errmsg(current));
        }
        sqlite3_close(current);
    }
    // The chosen backup, page by page, over the database (its WAL included).
    ok = ok && copyDatabase(source, databasePath, error);
    sqlite3_close(source);
    if (ok) {
        QFile log(QDir(folderOf(databasePath)).filePath(QStringLiteral("restores.log")));
        if (log.open(QIODevice::Append | QIODevice::Text))
            QTextStream(&log) << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << " restored " << id << " over "
                              << QFileInfo(databasePath).fileName() << " (the state it replaced is backup " << replaced << ")\n";
    }
    return ok;
}

} // namespace reappro::backups
