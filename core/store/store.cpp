#include "core/store/store.h"
#include "core/store/movementwriter.h"
#include "core/store/sqlite.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QUuid>
#include <QVariant>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace reappro {

namespace {

// Line identities of the movements a batch added, as a sorted array of
// 64-bit integers: loaded whole by the importer, never probed row by row.
bool identitiesToBatches(sqlite3 *db, QString *error)
{
    std::vector<qint64> batches;
    sql::Statement list(db, "SELECT DISTINCT batch_id FROM movement");
    while (list.step() == SQLITE_ROW)
        batches.push_back(list.int64(0));
    sql::Statement hashes(db, "SELECT line_hash FROM movement WHERE batch_id = ?1 ORDER BY line_hash");
    sql::Statement store(db, "UPDATE import_batch SET line_hashes = ?2 WHERE id = ?1");
    for (qint64 b : batches) {
        std::vector<qint64> h;
        hashes.bind(1, b);
        while (hashes.step() == SQLITE_ROW)
            h.push_back(hashes.int64(0));
        hashes.reset();
        store.bind(1, b);
        store.bindBlob(2, h.data(), int(h.size() * sizeof(qint64)));
        if (!store.exec()) {
            *error = store.error();
            return false;
        }
    }
    return true;
}

// Builds the posting lists of the movements stored before version 2.
bool postingsFromMovements(sqlite3 *db, QString *error)
{
    sql::Statement rows(db, "SELECT batch_id, product_id, unit_id, day, id FROM movement ORDER BY batch_id, id");
    std::map<std::pair<int, qint64>, std::vector<quint64>> lists;
    qint64 batch = -1, firstId = 0;
    const auto flush = [&]() {
        for (auto &[key, p] : lists)
            if (!writePostingList(db, PostingKind(key.first), key.second, batch, firstId, p, error))
                return false;
        lists.clear();
        return true;
    };
    while (rows.step() == SQLITE_ROW) {
        if (rows.int64(0) != batch) {
            if (!flush())
                return false;
            batch = rows.int64(0);
            firstId = rows.int64(4);
        }
        const quint64 posting = packPosting(rows.int64(3), quint32(rows.int64(4) - firstId));
        lists[{int(PostingKind::Product), rows.int64(1)}].push_back(posting);
        if (!rows.isNull(2))
            lists[{int(PostingKind::CareUnit), rows.int64(2)}].push_back(posting);
    }
    return flush();
}

bool convertToVersion2(sqlite3 *db, QString *error)
{
    return identitiesToBatches(db, error) && postingsFromMovements(db, error);
}

struct Migration {
    const char *sql;
    bool (*convert)(sqlite3 *, QString *);   // may be null
    const char *sqlAfter;                    // may be null
};

// Each entry migrates from version (index) to version (index + 1). Never edit
// a released step: add a new one.
const Migration kMigrations[] = {
    // 0 -> 1: the domain tables.
    {R"sql(
CREATE TABLE supplier(
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    lead_time_days INTEGER NOT NULL DEFAULT 0);
CREATE TABLE location(
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL DEFAULT '',
    kind INTEGER NOT NULL DEFAULT 1,          -- 0 central pharmacy, 1 care unit, 2 other site
    rounds_per_week INTEGER NOT NULL DEFAULT 0);
INSERT INTO location(code, label, kind) VALUES('PUI', 'Pharmacie à usage intérieur', 0);
CREATE TABLE product(
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    ucd13 TEXT, ucd7 TEXT, cip13 TEXT, gtin TEXT, lpp TEXT,
    label TEXT NOT NULL DEFAULT '',
    dci TEXT, atc TEXT, form TEXT, dispensing_unit TEXT,
    pack_size REAL NOT NULL DEFAULT 1,
    unit_price INTEGER NOT NULL DEFAULT 0,    -- PMP in 1/10000 EUR per dispensing unit
    supplier_id INTEGER REFERENCES supplier(id),
    lead_time_days INTEGER NOT NULL DEFAULT 0,
    min_order_qty REAL NOT NULL DEFAULT 0,
    mitm INTEGER NOT NULL DEFAULT 0,
    ven INTEGER NOT NULL DEFAULT 1,           -- 0 vital, 1 essential, 2 non-essential
    kind INTEGER NOT NULL DEFAULT 0);         -- 0 drug, 1 medical device
CREATE INDEX product_ucd13 ON product(ucd13);
CREATE INDEX product_cip13 ON product(cip13);
CREATE TABLE import_batch(
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_fingerprint TEXT NOT NULL,    -- 64-bit hash of the bytes, for the audit trail
    kind TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    lines INTEGER NOT NULL DEFAULT 0,
    inserted INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0);
CREATE INDEX import_batch_fingerprint ON import_batch(file_fingerprint);
CREATE TABLE movement(
    id INTEGER PRIMARY KEY,
    day INTEGER NOT NULL,                     -- Julian day number
    product_id INTEGER NOT NULL REFERENCES product(id),
    type INTEGER NOT NULL,                    -- MovementType
    quantity REAL NOT NULL,                   -- dispensing units
    from_location_id INTEGER REFERENCES location(id),
    to_location_id INTEGER REFERENCES location(id),
    supplier_id INTEGER REFERENCES supplier(id),
    lot_number TEXT,
    expiry INTEGER,
    unit_cost INTEGER,                        -- 1/10000 EUR
    document_ref TEXT,
    order_ref TEXT,
    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
    source_line INTEGER NOT NULL,
    line_hash INTEGER NOT NULL);              -- identity of the line across re-imports
CREATE UNIQUE INDEX movement_line ON movement(line_hash);
CREATE INDEX movement_product_day ON movement(product_id, day);
CREATE TABLE lot(
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES product(id),
    lot_number TEXT NOT NULL,
    expiry INTEGER NOT NULL,
    location_id INTEGER NOT NULL REFERENCES location(id),
    quantity REAL NOT NULL,
    as_of INTEGER NOT NULL,
    UNIQUE(product_id, lot_number, location_id));
CREATE TABLE open_order_line(
    id INTEGER PRIMARY KEY,
    order_number TEXT NOT NULL,
    order_date INTEGER,
    supplier_id INTEGER REFERENCES supplier(id),
    product_id INTEGER NOT NULL REFERENCES product(id),
    quantity_ordered REAL NOT NULL,
    quantity_received REAL NOT NULL DEFAULT 0,
    expected_date INTEGER,
    unit_price INTEGER,
    UNIQUE(order_number, product_id));
)sql", nullptr, nullptr},
    // 1 -> 2: bulk imports of millions of lines. The two B-tree indexes of
    // version 1 cost one random insertion per imported line and index; they
    // become posting lists written once per import batch, sorted (movements
    // by product and date, by care unit and date: movement_posting). The care
    // unit of each movement gets its column, and line identities move from a
    // unique index to a sorted array per batch.
    {R"sql(
ALTER TABLE movement ADD COLUMN unit_id INTEGER REFERENCES location(id);
UPDATE movement SET unit_id = CASE type WHEN 2 THEN to_location_id WHEN 3 THEN from_location_id END;
CREATE INDEX lot_location ON lot(location_id);
ALTER TABLE import_batch ADD COLUMN line_hashes BLOB;
CREATE TABLE movement_posting(
    kind INTEGER NOT NULL,          -- 0 product, 1 care unit
    key_id INTEGER NOT NULL,        -- product or location id
    batch_id INTEGER NOT NULL REFERENCES import_batch(id),
    first_day INTEGER NOT NULL,
    last_day INTEGER NOT NULL,
    first_id INTEGER NOT NULL,      -- movement id = first_id + offset
    postings BLOB NOT NULL,         -- sorted uint64: day << 32 | offset
    PRIMARY KEY(kind, key_id, batch_id)) WITHOUT ROWID;
)sql",
     convertToVersion2,
     R"sql(
DROP INDEX movement_line;
DROP INDEX movement_product_day;
ALTER TABLE movement DROP COLUMN line_hash;
)sql"},
    // 2 -> 3: stored demand forecasts, one run per period bucket, with what
    // the UI needs to explain each series (see core/store/storedforecast.h).
    {R"sql(
CREATE TABLE forecast_run(
    id INTEGER PRIMARY KEY AUTOINCREMENT,     -- never reused: a new run has a new id
    bucket TEXT NOT NULL UNIQUE CHECK(bucket IN ('day', 'week', 'month')),   -- a new run replaces its bucket's
    created_at TEXT NOT NULL,                 -- ISO 8601, UTC
    horizon INTEGER NOT NULL,                 -- periods forecast
    method TEXT NOT NULL,                     -- 'auto' or the forced method
    level INTEGER NOT NULL,                   -- prediction interval level, %
    season_period INTEGER NOT NULL,           -- 7 (day), 52 (week), 12 (month)
    history_from INTEGER NOT NULL,            -- Julian day: first day of the first period
    history_to INTEGER NOT NULL,              -- Julian day: last day of the last complete period
    history_periods INTEGER NOT NULL,
    abc_from INTEGER NOT NULL,                -- Julian days: window of the ABC values (12 months)
    abc_to INTEGER NOT NULL,
    product_series INTEGER NOT NULL,
    unit_series INTEGER NOT NULL,
    failed_series INTEGER NOT NULL,
    seconds REAL NOT NULL);
CREATE TABLE forecast_series(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES forecast_run(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    unit_id INTEGER REFERENCES location(id) ON DELETE CASCADE,   -- NULL: the whole product
    model TEXT NOT NULL,                      -- 'SBA(alpha=0.12)'; '' when error
    model_family TEXT NOT NULL,               -- 'SBA'
    parameters TEXT NOT NULL,                 -- JSON object, name -> value
    demand_class TEXT NOT NULL,               -- smooth, erratic, intermittent, lumpy, none (Syntetos-Boylan)
    adi REAL NOT NULL,                        -- average inter-demand interval, periods
    cv2 REAL NOT NULL,                        -- squared CV of the non-zero demands
    nonzero_periods INTEGER NOT NULL,
    abc TEXT NOT NULL CHECK(abc IN ('A', 'B', 'C')),   -- the product's class
    abc_value INTEGER NOT NULL,               -- the product's consumption value, 1/10000 EUR
    abc_share_above REAL NOT NULL,            -- value share of the products ranked above it
    xyz TEXT NOT NULL CHECK(xyz IN ('X', 'Y', 'Z')),   -- this series' class
    cv REAL,                                  -- CV of the per-period demand; NULL: no demand
    history_from INTEGER NOT NULL,            -- Julian day: first period forecast from
    history_periods INTEGER NOT NULL,
    backtest_points INTEGER NOT NULL,         -- 0: history too short for a backtest
    backtest_mae REAL,
    backtest_mase REAL,                       -- NULL: undefined (flat history)
    backtest_bias REAL,
    backtest_coverage REAL,
    error TEXT);                              -- NULL, or why there is no forecast
CREATE UNIQUE INDEX forecast_series_key ON forecast_series(run_id, product_id, unit_id);
CREATE INDEX forecast_series_product ON forecast_series(product_id);
CREATE INDEX forecast_series_unit ON forecast_series(unit_id);
CREATE TABLE forecast_value(
    series_id INTEGER NOT NULL REFERENCES forecast_series(id) ON DELETE CASCADE,
    step INTEGER NOT NULL,                    -- 1..horizon
    period_start INTEGER NOT NULL,            -- Julian day
    mean REAL NOT NULL,                       -- dispensing units in the period
    lower REAL NOT NULL,
    upper REAL NOT NULL,
    PRIMARY KEY(series_id, step)) WITHOUT ROWID;
)sql", nullptr, nullptr},
    // 3 -> 4: what replenishment needs from suppliers: the weekdays each one
    // takes orders. Lead times are observed, not stored: receptions carry the
    // order number of an open_order_line, which since this version may also
    // be a line received in full (quantity_received >= quantity_ordered),
    // kept for its order date and not on order.
    {R"sql(
ALTER TABLE supplier ADD COLUMN order_days INTEGER NOT NULL DEFAULT 0
    CHECK(order_days BETWEEN 0 AND 127);      -- bit 0 Monday .. bit 6 Sunday; 0 unknown
)sql", nullptr, nullptr},
    // 4 -> 5: the class aims the last policy replay found (criticality.h:
    // ServiceCalibration), one row per class.
    {R"sql(
CREATE TABLE service_calibration(
    criticality TEXT PRIMARY KEY CHECK(criticality IN ('vital', 'essential', 'other')),
    target REAL NOT NULL,                     -- the class target replayed
    aim REAL NOT NULL,                        -- the aim that achieved it
    replay_from INTEGER NOT NULL,             -- Julian days: replayed period
    replay_to INTEGER NOT NULL,
    computed_at TEXT NOT NULL);               -- ISO 8601, UTC
)sql", nullptr, nullptr},
};
static_assert(std::size(kMigrations) == Store::kSchemaVersion);

QDate fromJulian(qint64 jd) { return jd > 0 ? QDate::fromJulianDay(jd) : QDate(); }

// Signed consumption of one movement row, in SQL.
constexpr const char *kConsumptionExpr =
    "SUM(CASE type WHEN 3 THEN -quantity ELSE quantity END)";
constexpr const char *kConsumptionTypes = "type IN (2, 3, 8)";

// NaN and infinities are stored as NULL (SQLite would do it for NaN anyway;
// saying so keeps infinities out too).
void bindReal(sql::Statement &st, int i, double v)
{
    if (std::isfinite(v))
        st.bind(i, v);
    else
        st.bindNull(i);
}

double realOrNaN(const sql::Statement &st, int col)
{
    return st.isNull(col) ? std::numeric_limits<double>::quiet_NaN() : st.real(col);
}

QString parametersJson(const std::vector<std::pair<QString, double>> &parameters)
{
    QJsonObject o;
    for (const auto &[name, value] : parameters)
        o.insert(name, std::isfinite(value) ? QJsonValue(value) : QJsonValue());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::vector<std::pair<QString, double>> parametersFromJson(const QString &text)
{
    std::vector<std::pair<QString, double>> out;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.emplace_back(it.key(), it.value().isDouble() ? it.value().toDouble() : std::numeric_limits<double>::quiet_NaN());
    return out;
}

constexpr const char *kForecastSeriesColumns =
    "s.id, s.run_id, s.product_id, s.unit_id, s.model, s.model_family, s.parameters, s.demand_class, s.adi, s.cv2, "
    "s.nonzero_periods, s.abc, s.abc_value, s.abc_share_above, s.xyz, s.cv, s.history_from, s.history_periods, "
    "s.backtest_points, s.backtest_mae, s.backtest_mase, s.backtest_bias, s.backtest_coverage, s.error";

StoredForecast forecastFromRow(const sql::Statement &st)
{
    StoredForecast f;
    f.id = st.int64(0);
    f.runId = st.int64(1);
    f.productId = st.int64(2);
    f.unitId = st.isNull(3) ? 0 : st.int64(3);
    f.model = st.text(4);
    f.modelFamily = st.text(5);
    f.parameters = parametersFromJson(st.text(6));
    f.profile.demandClass = demandClassFromName(st.text(7));
    f.profile.adi = st.real(8);
    f.profile.cv2 = st.real(9);
    f.profile.nonZeroPeriods = int(st.int64(10));
    f.abc = abcFromName(st.text(11));
    f.abcValue = Money::fromUnits(st.int64(12));
    f.abcShareAbove = st.real(13);
    f.xyz = xyzFromName(st.text(14));
    f.cv = realOrNaN(st, 15);
    f.historyFrom = QDate::fromJulianDay(st.int64(16));
    f.historyPeriods = int(st.int64(17));
    f.backtest.points = int(st.int64(18));
    f.backtest.mae = realOrNaN(st, 19);
    f.backtest.mase = realOrNaN(st, 20);
    f.backtest.bias = realOrNaN(st, 21);
    f.backtest.coverage = realOrNaN(st, 22);
    f.error = st.text(23);
    return f;
}

void loadForecastValues(sqlite3 *db, StoredForecast &f)
{
    sql::Statement st(db, "SELECT step, period_start, mean, lower, upper FROM forecast_value WHERE series_id = ?1 ORDER BY step");
    st.bind(1, f.id);
    while (st.step() == SQLITE_ROW)
        f.values.push_back({int(st.int64(0)), QDate::fromJulianDay(st.int64(1)), st.real(2), st.real(3), st.real(4)});
}

} // namespace

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

bool Store::open(const QString &path, QString *error, int targetVersion)
{
    close();
    m_path = path;
    m_connectionName = QStringLiteral("reappro-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        if (error)
            *error = QObject::tr("Cannot open database %1: %2").arg(path, db.lastError().text());
        close();
        return false;
    }
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0 || !(m_handle = *static_cast<sqlite3 *const *>(v.data()))) {
        if (error)
            *error = QStringLiteral("The Qt SQLite driver does not expose its sqlite3 handle");
        close();
        return false;
    }
    QString err;
    // Bigger pages for new databases: fewer page splits in bulk imports.
    if (sql::queryInt(m_handle, "PRAGMA page_count") == 0)
        sql::exec(m_handle, "PRAGMA page_size = 16384");
    // WAL lets the GUI read while an import writes; NORMAL sync is safe with WAL.
    if (!sql::exec(m_handle, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                             "PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=5000;", &err)
        || !migrate(targetVersion, &err)) {
        if (error)
            *error = QObject::tr("Cannot prepare database %1: %2").arg(path, err);
        close();
        return false;
    }
    return true;
}

int Store::schemaVersion() const
{
    return m_handle ? int(sql::queryInt(m_handle, "PRAGMA user_version")) : 0;
}

bool Store::migrate(int targetVersion, QString *error)
{
    int version = schemaVersion();
    if (version > kSchemaVersion) {
        *error = QObject::tr("the database was written by a newer Reappro (schema %1, this one knows %2)")
                     .arg(version).arg(kSchemaVersion);
        return false;
    }
    while (version < targetVersion) {
        // One transaction per step: a failed step leaves the previous version intact.
        if (!sql::exec(m_handle, "BEGIN IMMEDIATE", error))
            return false;
        const Migration &m = kMigrations[version];
        const std::string after = std::string(m.sqlAfter ? m.sqlAfter : "")
            + "\nPRAGMA user_version=" + std::to_string(version + 1) + ";";
        if (!sql::exec(m_handle, m.sql, error) || (m.convert && !m.convert(m_handle, error))
            || !sql::exec(m_handle, after, error)) {
            sql::exec(m_handle, "ROLLBACK");
            return false;
        }
        if (!sql::exec(m_handle, "COMMIT", error))
            return false;
        ++version;
    }
    return true;
}

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
    i.stockValue = Money::fromUnits(sql::queryInt(m_handle,
        "SELECT SUM(CAST(ROUND(l.quantity * p.unit_price) AS INTEGER)) FROM lot l JOIN product p ON p.id = l.product_id"));
    i.schemaVersion = schemaVersion();
    return i;
}

namespace {

// The product columns every product read selects, in readProduct's order.
constexpr const char *kProductColumns =
    "p.id, p.code, p.ucd13, p.ucd7, p.cip13, p.gtin, p.lpp, p.label, p.dci, p.atc, p.form, p.dispensing_unit, "
    "p.pack_size, p.unit_price, p.supplier_id, p.lead_time_days, p.min_order_qty, p.mitm, p.ven, p.kind";
constexpr int kProductColumnCount = 20;

Product readProduct(const sql::Statement &st)
{
    Product p;
    p.id = st.int64(0);
    p.code = st.text(1);
    p.ucd13 = st.text(2);
    p.ucd7 = st.text(3);
    p.cip13 = st.text(4);
    p.gtin = st.text(5);
    p.lpp = st.text(6);
    p.label = st.text(7);
    p.dci = st.text(8);
    p.atc = st.text(9);
    p.form = st.text(10);
    p.dispensingUnit = st.text(11);
    p.packSize = st.real(12);
    p.unitPrice = Money::fromUnits(st.int64(13));
    p.supplierId = st.int64(14);
    p.leadTimeDays = int(st.int64(15));
    p.minOrderQuantity = st.real(16);
    p.mitm = st.int64(17) != 0;
    p.ven = static_cast<VenClass>(st.int64(18));
    p.kind = static_cast<ProductKind>(st.int64(19));
    return p;
}

} // namespace

std::vector<ProductSummary> Store::productSummaries() const
{
    std::vector<ProductSummary> out;
    if (!m_handle)
        return out;
    const qint64 lastDay = sql::queryInt(m_handle, "SELECT MAX(day) FROM movement");
    sql::Statement st(m_handle, std::string("SELECT ") + kProductColumns + R"sql(,
       s.name, COALESCE(l.qty, 0), l.next_expiry, COALESCE(c.qty, 0)
FROM product p
LEFT JOIN supplier s ON s.id = p.supplier_id
LEFT JOIN (SELECT product_id, SUM(quantity) AS qty, MIN(CASE WHEN quantity > 0 THEN expiry END) AS next_expiry
           FROM lot GROUP BY product_id) l ON l.product_id = p.id
LEFT JOIN (SELECT product_id, SUM(CASE type WHEN 3 THEN -quantity ELSE quantity END) AS qty
           FROM movement WHERE type IN (2, 3, 8) AND day > ?1 - 90 GROUP BY product_id) c ON c.product_id = p.id
ORDER BY p.label, p.code)sql");
    st.bind(1, lastDay);
    while (st.step() == SQLITE_ROW) {
        ProductSummary s;
        s.product = readProduct(st);
        s.supplierName = st.text(kProductColumnCount);
        s.stockOnHand = st.real(kProductColumnCount + 1);
        s.stockValue = s.product.unitPrice.times(s.stockOnHand);
        s.nextExpiry = fromJulian(st.int64(kProductColumnCount + 2));
        s.consumption90d = st.real(kProductColumnCount + 3);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Supplier> Store::suppliers() const
{
    std::vector<Supplier> out;
    if (!m_handle)
        return out;
    sql::Statement st(m_handle, "SELECT id, code, name, lead_time_days, order_days FROM supplier ORDER BY id");
    while (st.step() == SQLITE_ROW)
        out.push_back({st.int64(0), st.text(1), st.text(2), int(st.int64(3)), int(st.int64(4))});
    return out;
}

std::vector<Product> Store::products() const
{
    std::vector<Product> out;
    if (!m_handle)
        return out;
    sql::Statement st(m_handle, std::string("SELECT ") + kProductColumns + " FROM product p ORDER BY p.id");
    while (st.step() == SQLITE_ROW)
        out.push_back(readProduct(st));
    return out;
}

std::vector<Lot> Store::lots() const
{
    std::vector<Lot> out;
    if (!m_handle)
        return out;
    sql::Statement st(m_handle, "SELECT id, product_id, lot_number, expiry, quantity, location_id, as_of FROM lot "
                                "ORDER BY product_id, expiry, id");
    while (st.step() == SQLITE_ROW)
        out.push_back({st.int64(0), st.int64(1), st.text(2), fromJulian(st.int64(3)), st.real(4), st.int64(5),
                       fromJulian(st.int64(6))});
    return out;
}

std::vector<OpenOrderLine> Store::openOrderLines(bool includeFullyReceived) const
{
    std::vector<OpenOrderLine> out;
    if (!m_handle)
        return out;
    sql::Statement st(m_handle, std::string("SELECT id, order_number, order_date, supplier_id, product_id, quantity_ordered, "
                                            "quantity_received, expected_date, unit_price FROM open_order_line ")
        + (includeFullyReceived ? "" : "WHERE quantity_received < quantity_ordered ")
        + "ORDER BY product_id, order_date, order_number");
    while (st.step() == SQLITE_ROW)
        out.push_back({st.int64(0), st.text(1), fromJulian(st.int64(2)), st.int64(3), st.int64(4), st.real(5), st.real(6),
                       fromJulian(st.int64(7)), Money::fromUnits(st.int64(8))});
    return out;
}

std::vector<LeadTimeObservation> Store::observedLeadTimes(QDate since) const
{
    std::vector<LeadTimeObservation> out;
    if (!m_handle)
        return out;
    // The movement table is scanned once, in the outer loop (CROSS JOIN keeps
    // that order): it has no index on type or order number, and each
    // reception finds its line through UNIQUE(order_number, product_id).
    sql::Statement st(m_handle, R"sql(
SELECT o.product_id, COALESCE(o.supplier_id, MAX(m.supplier_id)), o.order_number, o.order_date, o.expected_date, m.day,
       SUM(m.quantity), o.quantity_ordered, o.quantity_received
FROM movement m CROSS JOIN open_order_line o ON o.order_number = m.order_ref AND o.product_id = m.product_id
WHERE m.type = 1 AND m.order_ref IS NOT NULL AND m.day >= ?1 AND o.order_date IS NOT NULL AND m.day >= o.order_date
GROUP BY o.id, m.day
ORDER BY o.product_id, m.day, o.order_number)sql");
    st.bind(1, since.isValid() ? since.toJulianDay() : qint64(0));
    while (st.step() == SQLITE_ROW) {
        LeadTimeObservation o;
        o.productId = st.int64(0);
        o.supplierId = st.int64(1);
        o.orderNumber = st.text(2);
        o.orderDate = fromJulian(st.int64(3));
        o.expectedDate = fromJulian(st.int64(4));
        o.receptionDate = fromJulian(st.int64(5));
        o.days = int(st.int64(5) - st.int64(3));
        o.quantity = st.real(6);
        o.partial = o.quantity < st.real(7);
        o.lineOpen = st.real(8) < st.real(7);
        out.push_back(std::move(o));
    }
    return out;
}

std::vector<ReceptionShelfLife> Store::receptionShelfLives(QDate since) const
{
    std::vector<ReceptionShelfLife> out;
    if (!m_handle)
        return out;
    sql::Statement st(m_handle, "SELECT product_id, supplier_id, day, expiry, quantity FROM movement "
                                "WHERE type = 1 AND expiry IS NOT NULL AND expiry > 0 AND day >= ?1 "
                                "ORDER BY product_id, day, id");
    st.bind(1, since.isValid() ? since.toJulianDay() : qint64(0));
    while (st.step() == SQLITE_ROW)
        out.push_back({st.int64(0), st.int64(1), fromJulian(st.int64(2)), fromJulian(st.int64(3)), st.real(4)});
    return out;
}

std::vector<qint64> Store::movementIds(PostingKind kind, qint64 key, QDate from, QDate to) const
{
    if (!m_handle)
        return {};
    const qint64 lo = from.isValid() ? from.toJulianDay() : 0;
    const qint64 hi = to.isValid() ? to.toJulianDay() : std::numeric_limits<qint32>::max();
    sql::Statement st(m_handle, "SELECT first_id, postings FROM movement_posting WHERE kind = ?1 AND key_id = ?2 "
                                "AND last_day >= ?3 AND first_day <= ?4 ORDER BY batch_id");
    st.bind(1, qint64(kind));
    st.bind(2, key);
    st.bind(3, lo);
    st.bind(4, hi);
    std::vector<qint64> ids;
    std::vector<qint64> days;
    while (st.step() == SQLITE_ROW) {
        const qint64 firstId = st.int64(0);
        const auto *p = static_cast<const quint64 *>(sqlite3_column_blob(st.raw(), 1));
        const size_t n = size_t(sqlite3_column_bytes(st.raw(), 1)) / sizeof(quint64);
        // Postings are sorted: binary search the date range.
        const quint64 *b = std::lower_bound(p, p + n, packPosting(lo, 0));
        const quint64 *e = std::upper_bound(p, p + n, packPosting(hi, 0xffffffffu));
        for (const quint64 *q = b; q < e; ++q) {
            days.push_back(postingDay(*q));
            ids.push_back(firstId + postingOffset(*q));
        }
    }
    // Several batches: merge them by day, then id.
    std::vector<size_t> order(ids.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return days[a] != days[b] ? days[a] < days[b] : ids[a] < ids[b];
    });
    std::vector<qint64> out;
    out.reserve(ids.size());
    for (size_t i : order)
        out.push_back(ids[i]);
    return out;
}

std::vector<Movement> Store::movements(PostingKind kind, qint64 key, QDate from, QDate to) const
{
    std::vector<Movement> out;
    sql::Statement st(m_handle, "SELECT day, product_id, type, quantity, from_location_id, to_location_id, lot_number, "
                                "expiry, unit_cost, document_ref FROM movement WHERE id = ?1");
    for (qint64 id : movementIds(kind, key, from, to)) {
        st.bind(1, id);
        if (st.step() == SQLITE_ROW) {
            Movement m;
            m.id = id;
            m.date = fromJulian(st.int64(0));
            m.productId = st.int64(1);
            m.type = static_cast<MovementType>(st.int64(2));
            m.quantity = st.real(3);
            m.fromLocationId = st.int64(4);
            m.toLocationId = st.int64(5);
            m.lotNumber = st.text(6);
            m.expiry = fromJulian(st.int64(7));
            m.unitCost = Money::fromUnits(st.int64(8));
            m.documentRef = st.text(9);
            out.push_back(std::move(m));
        }
        st.reset();
    }
    return out;
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

std::vector<ConsumptionSeries> Store::consumption(Bucket bucket, bool perCareUnit, qint64 productId) const
{
    std::vector<ConsumptionSeries> out;
    if (!m_handle)
        return out;
    const qint64 first = sql::queryInt(m_handle, "SELECT MIN(day) FROM movement");
    const qint64 last = sql::queryInt(m_handle, "SELECT MAX(day) FROM movement");
    if (first <= 0)
        return out;
    // The period key is the Julian day of the period's first day. Julian day
    // numbers modulo 7 are 0 on Mondays, hence the ISO week start below.
    const char *periodExpr = bucket == Bucket::Day ? "day"
        : bucket == Bucket::Week ? "day - day % 7"
                                 : "CAST(julianday(date(day, 'start of month')) + 0.5 AS INTEGER)";
    const std::string sqlText = std::string("SELECT product_id, ") + (perCareUnit ? "unit_id" : "0") + ", "
        + periodExpr + " AS period, " + kConsumptionExpr + " FROM movement WHERE " + kConsumptionTypes
        + (perCareUnit ? " AND unit_id IS NOT NULL" : "") + (productId ? " AND product_id = ?1" : "")
        + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
    sql::Statement st(m_handle, sqlText);
    if (productId)
        st.bind(1, productId);

    const QDate start = periodStart(QDate::fromJulianDay(first), bucket);
    const QDate end = periodStart(QDate::fromJulianDay(last), bucket);
    std::map<qint64, int> indexOfPeriod;   // period start (Julian day) -> index
    int n = 0;
    for (QDate d = start; d <= end; d = nextPeriod(d, bucket))
        indexOfPeriod.emplace(d.toJulianDay(), n++);

    while (st.step() == SQLITE_ROW) {
        const qint64 pid = st.int64(0), uid = st.int64(1);
        if (out.empty() || out.back().productId != pid || out.back().unitId != uid) {
            out.push_back({pid, uid, start, std::vector<double>(size_t(n), 0.0)});
        }
        const auto it = indexOfPeriod.find(st.int64(2));
        if (it != indexOfPeriod.end())
            out.back().values[size_t(it->second)] += st.real(3);
    }
    return out;
}

std::vector<ProductConsumption> Store::consumptionTotals(QDate from, QDate to) const
{
    std::vector<ProductConsumption> out;
    if (!m_handle)
        return out;
    sql::Statement st(m_handle, std::string("SELECT p.id, p.unit_price, COALESCE(c.qty, 0) FROM product p LEFT JOIN (SELECT product_id, ")
        + kConsumptionExpr + " AS qty FROM movement WHERE " + kConsumptionTypes
        + " AND day BETWEEN ?1 AND ?2 GROUP BY product_id) c ON c.product_id = p.id ORDER BY p.id");
    st.bind(1, from.toJulianDay());
    st.bind(2, to.toJulianDay());
    while (st.step() == SQLITE_ROW)
        out.push_back({st.int64(0), Money::fromUnits(st.int64(1)), st.real(2)});
    return out;
}

bool Store::replaceForecastRun(ForecastRun &run, const std::vector<StoredForecast> &series, QString *error)
{
    QString err;
    if (!m_handle) {
        err = QStringLiteral("the database is not open");
    } else if (sql::exec(m_handle, "BEGIN IMMEDIATE", &err)) {
        const auto fail = [&](const QString &what) {
            err = what;
            sql::exec(m_handle, "ROLLBACK");
            return false;
        };
        const auto write = [&]() {
            sql::Statement del(m_handle, "DELETE FROM forecast_run WHERE bucket = ?1");
            sql::Statement runRow(m_handle, R"sql(
INSERT INTO forecast_run(bucket, created_at, horizon, method, level, season_period, history_from, history_to,
                         history_periods, abc_from, abc_to, product_series, unit_series, failed_series, seconds)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15))sql");
            sql::Statement seriesRow(m_handle, R"sql(
INSERT INTO forecast_series(run_id, product_id, unit_id, model, model_family, parameters, demand_class, adi, cv2,
                            nonzero_periods, abc, abc_value, abc_share_above, xyz, cv, history_from, history_periods,
                            backtest_points, backtest_mae, backtest_mase, backtest_bias, backtest_coverage, error)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23))sql");
            sql::Statement valueRow(m_handle, "INSERT INTO forecast_value(series_id, step, period_start, mean, lower, upper) "
                                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
            for (const sql::Statement *st : {&del, &runRow, &seriesRow, &valueRow})
                if (!st->isValid())
                    return fail(QString::fromUtf8(sqlite3_errmsg(m_handle)));
            del.bind(1, bucketName(run.bucket));
            if (!del.exec())
                return fail(del.error());
            runRow.bind(1, bucketName(run.bucket));
            runRow.bind(2, run.createdAt.toUTC().toString(Qt::ISODate));
            runRow.bind(3, run.horizon);
            runRow.bind(4, run.method);
            runRow.bind(5, run.levelPercent);
            runRow.bind(6, run.seasonPeriod);
            runRow.bind(7, run.historyFrom.toJulianDay());
            runRow.bind(8, run.historyTo.toJulianDay());
            runRow.bind(9, run.historyPeriods);
            runRow.bind(10, run.abcFrom.toJulianDay());
            runRow.bind(11, run.abcTo.toJulianDay());
            runRow.bind(12, run.productSeries);
            runRow.bind(13, run.unitSeries);
            runRow.bind(14, run.failedSeries);
            runRow.bind(15, run.seconds);
            if (!runRow.exec())
                return fail(runRow.error());
            const qint64 runId = sqlite3_last_insert_rowid(m_handle);
            for (const StoredForecast &f : series) {
                seriesRow.bind(1, runId);
                seriesRow.bind(2, f.productId);
                seriesRow.bindOptional(3, f.unitId);
                seriesRow.bind(4, f.model);
                seriesRow.bind(5, f.modelFamily);
                seriesRow.bind(6, parametersJson(f.parameters));
                seriesRow.bind(7, forecasting::demandClassName(f.profile.demandClass));
                bindReal(seriesRow, 8, f.profile.adi);
                bindReal(seriesRow, 9, f.profile.cv2);
                seriesRow.bind(10, f.profile.nonZeroPeriods);
                seriesRow.bind(11, abcName(f.abc));
                seriesRow.bind(12, f.abcValue.units());
                seriesRow.bind(13, f.abcShareAbove);
                seriesRow.bind(14, xyzName(f.xyz));
                bindReal(seriesRow, 15, f.cv);
                seriesRow.bind(16, f.historyFrom.toJulianDay());
                seriesRow.bind(17, f.historyPeriods);
                seriesRow.bind(18, f.backtest.points);
                if (f.backtest.points > 0) {
                    bindReal(seriesRow, 19, f.backtest.mae);
                    bindReal(seriesRow, 20, f.backtest.mase);
                    bindReal(seriesRow, 21, f.backtest.bias);
                    bindReal(seriesRow, 22, f.backtest.coverage);
                }
                if (!f.error.isEmpty())
                    seriesRow.bind(23, f.error);
                if (!seriesRow.exec())
                    return fail(seriesRow.error());
                const qint64 seriesId = sqlite3_last_insert_rowid(m_handle);
                for (const ForecastPoint &v : f.values) {
                    valueRow.bind(1, seriesId);
                    valueRow.bind(2, v.step);
                    valueRow.bind(3, v.periodStart.toJulianDay());
                    valueRow.bind(4, v.mean);
                    valueRow.bind(5, v.lower);
                    valueRow.bind(6, v.upper);
                    if (!valueRow.exec())
                        return fail(valueRow.error());
                }
            }
            if (!sql::exec(m_handle, "COMMIT", &err))
                return fail(err);
            run.id = runId;
            return true;
        };
        if (write())
            return true;
    }
    if (error)
        *error = err;
    return false;
}

bool Store::saveServiceCalibration(const ServiceCalibration &calibration, QString *error)
{
    QString err;
    if (!m_handle) {
        err = QStringLiteral("the database is not open");
    } else if (sql::exec(m_handle, "BEGIN IMMEDIATE", &err)) {
        sql::Statement row(m_handle, "INSERT INTO service_calibration(criticality, target, aim, replay_from, replay_to, computed_at) "
                                     "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        bool ok = row.isValid() && sql::exec(m_handle, "DELETE FROM service_calibration", &err);
        for (const auto &[c, aim] : calibration.aim) {
            const auto target = calibration.target.find(c);
            if (!ok || target == calibration.target.end())
                continue;
            row.bind(1, criticalityCode(c));
            row.bind(2, target->second);
            row.bind(3, aim);
            row.bind(4, calibration.from.toJulianDay());
            row.bind(5, calibration.to.toJulianDay());
            row.bind(6, calibration.computedAt.toUTC().toString(Qt::ISODate));
            ok = row.exec();
        }
        if (ok && sql::exec(m_handle, "COMMIT", &err))
            return true;
        if (err.isEmpty())
            err = QString::fromUtf8(sqlite3_errmsg(m_handle));
        sql::exec(m_handle, "ROLLBACK");
    }
    if (error)
        *error = err;
    return false;
}

std::optional<ServiceCalibration> Store::serviceCalibration() const
{
    if (!m_handle)
        return std::nullopt;
    sql::Statement st(m_handle, "SELECT criticality, target, aim, replay_from, replay_to, computed_at FROM service_calibration");
    ServiceCalibration c;
    while (st.isValid() && st.step() == SQLITE_ROW) {
        for (Criticality k : kAllCriticalities) {
            if (st.text(0) != criticalityCode(k))
                continue;
            c.target[k] = st.real(1);
            c.aim[k] = st.real(2);
        }
        c.from = QDate::fromJulianDay(st.int64(3));
        c.to = QDate::fromJulianDay(st.int64(4));
        c.computedAt = QDateTime::fromString(st.text(5), Qt::ISODate);
    }
    if (c.aim.empty())
        return std::nullopt;
    return c;
}

std::optional<ForecastRun> Store::latestForecastRun(Bucket bucket) const
{
    if (!m_handle)
        return std::nullopt;
    sql::Statement st(m_handle, "SELECT id, created_at, horizon, method, level, season_period, history_from, history_to, "
                                "history_periods, abc_from, abc_to, product_series, unit_series, failed_series, seconds "
                                "FROM forecast_run WHERE bucket = ?1");
    st.bind(1, bucketName(bucket));
    if (st.step() != SQLITE_ROW)
        return std::nullopt;
    ForecastRun r;
    r.id = st.int64(0);
    r.createdAt = QDateTime::fromString(st.text(1), Qt::ISODate);
    r.bucket = bucket;
    r.horizon = int(st.int64(2));
    r.method = st.text(3);
    r.levelPercent = int(st.int64(4));
    r.seasonPeriod = int(st.int64(5));
    r.historyFrom = QDate::fromJulianDay(st.int64(6));
    r.historyTo = QDate::fromJulianDay(st.int64(7));
    r.historyPeriods = int(st.int64(8));
    r.abcFrom = QDate::fromJulianDay(st.int64(9));
    r.abcTo = QDate::fromJulianDay(st.int64(10));
    r.productSeries = st.int64(11);
    r.unitSeries = st.int64(12);
    r.failedSeries = st.int64(13);
    r.seconds = st.real(14);

    const auto counts = [&](const char *sqlText, const auto &add) {
        sql::Statement c(m_handle, sqlText);
        c.bind(1, r.id);
        while (c.step() == SQLITE_ROW)
            add(c.text(0), c.int64(1));
    };
    counts("SELECT model_family, COUNT(*) FROM forecast_series WHERE run_id = ?1 AND error IS NULL "
           "GROUP BY 1 ORDER BY 2 DESC, 1",
           [&](const QString &k, qint64 n) { r.models.emplace_back(k, n); });
    counts("SELECT demand_class, COUNT(*) FROM forecast_series WHERE run_id = ?1 GROUP BY 1",
           [&](const QString &k, qint64 n) { r.demandClasses[k] = n; });
    counts("SELECT abc, COUNT(*) FROM forecast_series WHERE run_id = ?1 AND unit_id IS NULL GROUP BY 1",
           [&](const QString &k, qint64 n) { r.abcProducts[k] = n; });
    counts("SELECT xyz, COUNT(*) FROM forecast_series WHERE run_id = ?1 AND unit_id IS NULL GROUP BY 1",
           [&](const QString &k, qint64 n) { r.xyzProducts[k] = n; });
    std::vector<double> mase;
    sql::Statement m(m_handle, "SELECT backtest_mase FROM forecast_series WHERE run_id = ?1 AND backtest_mase IS NOT NULL ORDER BY 1");
    m.bind(1, r.id);
    while (m.step() == SQLITE_ROW)
        mase.push_back(m.real(0));
    r.backtestedSeries = qint64(mase.size());
    if (!mase.empty()) {
        const size_t k = mase.size() / 2;
        r.medianMase = mase.size() % 2 ? mase[k] : (mase[k - 1] + mase[k]) / 2.0;
    }
    return r;
}

std::optional<StoredForecast> Store::latestForecast(Bucket bucket, qint64 productId, qint64 unitId) const
{
    if (!m_handle)
        return std::nullopt;
    sql::Statement st(m_handle, std::string("SELECT ") + kForecastSeriesColumns
        + " FROM forecast_series s JOIN forecast_run r ON r.id = s.run_id"
          " WHERE r.bucket = ?1 AND s.product_id = ?2 AND s.unit_id IS ?3");
    st.bind(1, bucketName(bucket));
    st.bind(2, productId);
    st.bindOptional(3, unitId);
    if (st.step() != SQLITE_ROW)
        return std::nullopt;
    StoredForecast f = forecastFromRow(st);
    loadForecastValues(m_handle, f);
    return f;
}

std::vector<StoredForecast> Store::latestForecasts(Bucket bucket, qint64 productId) const
{
    std::vector<StoredForecast> out;
    if (!m_handle)
        return out;
    sql::Statement st(m_handle, std::string("SELECT ") + kForecastSeriesColumns
        + " FROM forecast_series s JOIN forecast_run r ON r.id = s.run_id"
          " WHERE r.bucket = ?1 AND s.product_id = ?2 ORDER BY s.unit_id IS NOT NULL, s.unit_id");
    st.bind(1, bucketName(bucket));
    st.bind(2, productId);
    while (st.step() == SQLITE_ROW)
        out.push_back(forecastFromRow(st));
    for (StoredForecast &f : out)
        loadForecastValues(m_handle, f);
    return out;
}

} // namespace reappro
