// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/store.h"

#include "core/store/backups.h"
#include "core/store/movementwriter.h"
#include "core/store/sqlite.h"
#include "core/store/storerows.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSettings>
#include <QUrl>
#include <QUuid>
#include <QVariant>

namespace reappro {

using storerows::fromJulian;

Store::Store() = default;

Store::~Store() { close(); }

void Store::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_handle = nullptr;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

QSqlDatabase Store::database() const { return QSqlDatabase::database(m_connectionName, false); }

QString Store::text(const char *french, const char *english) const
{
    return QString::fromUtf8(m_language == Language::French ? french : english);
}

bool Store::open(const QString &path, QString *error, int targetVersion)
{
    close();
    m_path = path;
    m_connectionName = QStringLiteral("reappro-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The connection object lives only in this block: removing the
    // connection (close()) while a copy of it exists makes Qt warn on the
    // terminal.
    QString openError;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        // A database this user cannot write (a read-only file or folder: an
        // archive, a colleague's share) is opened read-only and as immutable:
        // WAL would otherwise need to create its -shm file beside it. It can
        // be read, not imported into nor migrated.
        const QFileInfo file(path);
        m_readOnly = file.exists() && (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable());
        if (m_readOnly) {
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
            db.setDatabaseName(QUrl::fromLocalFile(file.absoluteFilePath()).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
        } else {
            db.setDatabaseName(path);
        }
        if (!db.open()) {
            openError = text("Impossible d'ouvrir la base %1 : %2. Vérifiez le chemin et les droits.",
                             "Cannot open the database %1: %2. Check the path and the permissions.")
                            .arg(path, db.lastError().text());
        } else {
            const QVariant v = db.driver()->handle();
            if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0 || !(m_handle = *static_cast<sqlite3 *const *>(v.data())))
                openError = QStringLiteral("The Qt SQLite driver does not expose its sqlite3 handle");
        }
    }
    if (!openError.isEmpty()) {
        if (error)
            *error = openError;
        close();
        return false;
    }
    QString err;
    bool prepared = false;
    if (m_readOnly) {
        const int version = schemaVersion();
        if (version != kSchemaVersion) {
            if (error)
                *error = text("Impossible d'ouvrir la base %1 : elle est en lecture seule et de schéma %2, ce Reappro lit le schéma %3 ; "
                              "copiez-la dans un dossier où vous pouvez écrire et ouvrez la copie.",
                              "Cannot open the database %1: it is read-only and of schema %2, this Reappro reads schema %3; copy it to "
                              "a folder you can write to and open the copy.")
                             .arg(path)
                             .arg(version)
                             .arg(kSchemaVersion);
            close();
            return false;
        }
        prepared = sql::exec(m_handle, "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;", &err);
    } else {
        // Bigger pages for new databases: fewer page splits in bulk imports.
        if (sql::queryInt(m_handle, "PRAGMA page_count") == 0)
            sql::exec(m_handle, "PRAGMA page_size = 16384");
        // WAL lets the GUI read while an import writes; NORMAL sync is safe with WAL.
        prepared = sql::exec(m_handle,
                             "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                             "PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=5000;",
                             &err)
                   && migrate(targetVersion, &err);
    }
    if (!prepared) {
        if (error)
            *error = text("Impossible de préparer la base %1 : %2", "Cannot prepare the database %1: %2").arg(path, err);
        close();
        return false;
    }
    // Tests build databases of older schemas: those are checked once
    // migrated to the current one.
    if (targetVersion == kSchemaVersion && !checkOnOpen(error)) {
        close();
        return false;
    }
    return true;
}

int Store::schemaVersion() const { return m_handle ? int(sql::queryInt(m_handle, "PRAGMA user_version")) : 0; }

StoreInfo Store::info() const
{
    StoreInfo i;
    if (!m_handle)
        return i;
    i.products = sql::queryInt(m_handle, "SELECT COUNT(*) FROM product");
    i.drugs = sql::queryInt(m_handle, "SELECT COUNT(*) FROM product WHERE kind = 0");
    i.devices = i.products - i.drugs;
    i.careUnits = sql::queryInt(m_handle, "SELECT COUNT(*) FROM location WHERE kind = 1");
    i.suppliers = sql::queryInt(m_handle, "SELECT COUNT(*) FROM supplier");
    i.lots = sql::queryInt(m_handle, "SELECT COUNT(*) FROM lot WHERE quantity > 0");
    i.movements = sql::queryInt(m_handle, "SELECT COUNT(*) FROM movement");
    i.openOrderLines = sql::queryInt(m_handle, "SELECT COUNT(*) FROM open_order_line WHERE quantity_received < quantity_ordered");
    i.firstMovement = fromJulian(sql::queryInt(m_handle, "SELECT MIN(day) FROM movement"));
    i.lastMovement = fromJulian(sql::queryInt(m_handle, "SELECT MAX(day) FROM movement"));
    i.stockValue = Money::fromUnits(sql::queryInt(
        m_handle, "SELECT SUM(CAST(ROUND(l.quantity * p.unit_price) AS INTEGER)) FROM lot l JOIN product p ON p.id = l.product_id"));
    i.schemaVersion = schemaVersion();
    return i;
}

QDate Store::periodStart(QDate day, Bucket bucket)
{
    switch (bucket) {
    case Bucket::Day: return day;
    case Bucket::Week: return day.addDays(1 - day.dayOfWeek());
    case Bucket::Month: return QDate(day.year(), day.month(), 1);
    }
    return day;
}

QDate Store::nextPeriod(QDate start, Bucket bucket)
{
    switch (bucket) {
    case Bucket::Day: return start.addDays(1);
    case Bucket::Week: return start.addDays(7);
    case Bucket::Month: return start.addMonths(1);
    }
    return start;
}

bool Store::holdsData() const
{
    return m_handle && sql::queryInt(m_handle, "SELECT EXISTS(SELECT 1 FROM product) OR EXISTS(SELECT 1 FROM movement)") != 0;
}

QDate Store::lastMovementDay() const
{
    if (!m_handle)
        return {};
    const qint64 day = sql::queryInt(m_handle, "SELECT COALESCE(MAX(day), 0) FROM movement");
    return day > 0 ? QDate::fromJulianDay(day) : QDate();
}

const QStringList &Store::expectedTables()
{
    static const QStringList kTables = {
        QStringLiteral("supplier"),        QStringLiteral("location"),         QStringLiteral("product"),
        QStringLiteral("import_batch"),    QStringLiteral("movement"),         QStringLiteral("lot"),
        QStringLiteral("open_order_line"), QStringLiteral("movement_posting"), QStringLiteral("forecast_run"),
        QStringLiteral("forecast_series"), QStringLiteral("forecast_value"),   QStringLiteral("service_calibration"),
    };
    return kTables;
}

namespace {

// What the last successful check saw of a database file: its size and
// time, its WAL's, and its schema version. Kept per user, outside the file.
QString checkedStamp(const QString &path, int version)
{
    const QFileInfo db(path), wal(path + QStringLiteral("-wal"));
    return QStringLiteral("%1:%2:%3:%4:%5")
        .arg(db.size())
        .arg(db.lastModified().toMSecsSinceEpoch())
        .arg(wal.exists() ? wal.size() : -1)
        .arg(wal.exists() ? wal.lastModified().toMSecsSinceEpoch() : -1)
        .arg(version);
}

// The first column of every row of a query (tables, check reports); *error
// is SQLite's message when the query stopped on one.
QStringList firstColumn(sqlite3 *db, const char *sqlText, QString *error)
{
    QStringList rows;
    sql::Statement st(db, sqlText);
    int rc;
    while ((rc = st.step()) == SQLITE_ROW)
        rows << st.text(0);
    if (rc != SQLITE_DONE)
        *error = QString::fromUtf8(sqlite3_errmsg(db));
    return rows;
}

QSettings &checkCache()
{
    static QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Reappro"), QStringLiteral("checked-databases"));
    return settings;
}

} // namespace

bool Store::checkOnOpen(QString *error)
{
    // What is wrong, that nothing is computed from it, and the way back:
    // the newest backup when there is one.
    const auto damaged = [&](const QString &what) {
        if (!error)
            return false;
        const auto saved = backups::list(m_path);
        const QString remedy = saved.empty()
                                   ? text("restaurez une sauvegarde ou réimportez les exports dans une nouvelle base.",
                                          "restore a backup or import the exports again into a new database.")
                                   : text("restaurez la dernière sauvegarde (%1) : reappro-cli backup --db \"%2\" --restore %1 ; ou "
                                          "réimportez les exports dans une nouvelle base.",
                                          "restore the newest backup (%1): reappro-cli backup --db \"%2\" --restore %1; or import the "
                                          "exports again into a new database.")
                                         .arg(saved.front().id, m_path);
        *error = text("La base %1 est endommagée : %2. Aucune commande n'est calculée à partir d'elle ; %3",
                      "The database %1 is damaged: %2. No order is computed from it; %3")
                     .arg(m_path, what, remedy);
        return false;
    };
    QString why;
    const QStringList tables = firstColumn(m_handle, "SELECT name FROM sqlite_master WHERE type = 'table'", &why);
    if (!why.isEmpty())
        return damaged(text("son schéma est illisible (%1)", "its schema cannot be read (%1)").arg(why));
    QStringList missing;
    for (const QString &t : expectedTables())
        if (!tables.contains(t))
            missing << t;
    if (!missing.isEmpty())
        return damaged(text("il lui manque les tables %1", "the tables %1 are missing").arg(missing.join(QStringLiteral(", "))));
    const QString key = QStringLiteral("quick_check/")
                        + QString::fromLatin1(QFileInfo(m_path).absoluteFilePath().toUtf8().toBase64(QByteArray::Base64UrlEncoding
                                                                                                     | QByteArray::OmitTrailingEquals));
    const QString stamp = checkedStamp(m_path, schemaVersion());
    if (checkCache().value(key).toString() == stamp)
        return true;
    QStringList problems = firstColumn(m_handle, "PRAGMA quick_check(20)", &why);
    if (!why.isEmpty())
        problems << why;
    if (problems != QStringList{QStringLiteral("ok")})
        return damaged(
            text("le contrôle d'intégrité trouve %1", "the integrity check finds %1").arg(problems.mid(0, 3).join(QStringLiteral(" ; "))));
    checkCache().setValue(key, stamp);
    return true;
}

bool Store::checkIntegrity(QString *report) const
{
    QString why;
    QStringList lines = firstColumn(m_handle, "PRAGMA integrity_check(20)", &why);
    if (!why.isEmpty())
        lines << why;
    if (report)
        *report = lines.join(QLatin1Char('\n'));
    return lines == QStringList{QStringLiteral("ok")};
}

StoreSnapshot::StoreSnapshot(const Store &store)
    : m_snapshot(store.handle() ? std::make_unique<sql::ReadSnapshot>(store.handle()) : nullptr)
{
}

StoreSnapshot::~StoreSnapshot() = default;

void StoreSnapshot::end()
{
    if (m_snapshot)
        m_snapshot->end();
}

} // namespace reappro
