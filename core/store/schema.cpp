// SPDX-License-Identifier: GPL-3.0-or-later
// The store's schema, written once as a list of migrations: version N is
// the list's first N steps, each run in its own transaction, so a database of
// any earlier version is brought up to date on open and a new database is
// built by the same steps (Store::open). A schema change is one new step here,
// one line in Store::kSchemaVersion, and the queries in this folder.
#include "core/store/store.h"

#include "core/store/backups.h"

#include "core/store/movementwriter.h"
#include "core/store/sqlite.h"

#include <QString>
#include <iterator>
#include <vector>

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

bool convertToVersion2(sqlite3 *db, QString *error) { return identitiesToBatches(db, error) && postingsFromMovements(db, error); }

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
)sql",
     nullptr, nullptr},
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
)sql",
     nullptr, nullptr},
    // 3 -> 4: what replenishment needs from suppliers: the weekdays each one
    // takes orders. Lead times are observed, not stored: receptions carry the
    // order number of an open_order_line, which since this version may also
    // be a line received in full (quantity_received >= quantity_ordered),
    // kept for its order date and not on order.
    {R"sql(
ALTER TABLE supplier ADD COLUMN order_days INTEGER NOT NULL DEFAULT 0
    CHECK(order_days BETWEEN 0 AND 127);      -- bit 0 Monday .. bit 6 Sunday; 0 unknown
)sql",
     nullptr, nullptr},
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
)sql",
     nullptr, nullptr},
    // 5 -> 6: one word per concept: a forecast's accuracy on the held-out
    // end of its history is the holdout (the replay is the policy's).
    {R"sql(
ALTER TABLE forecast_series RENAME COLUMN backtest_points TO holdout_points;
ALTER TABLE forecast_series RENAME COLUMN backtest_mae TO holdout_mae;
ALTER TABLE forecast_series RENAME COLUMN backtest_mase TO holdout_mase;
ALTER TABLE forecast_series RENAME COLUMN backtest_bias TO holdout_bias;
ALTER TABLE forecast_series RENAME COLUMN backtest_coverage TO holdout_coverage;
)sql",
     nullptr, nullptr},
};
static_assert(std::size(kMigrations) == Store::kSchemaVersion);

} // namespace

bool Store::migrate(int targetVersion, QString *error)
{
    int version = schemaVersion();
    if (version > kSchemaVersion) {
        *error = text("la base a été écrite par un Reappro plus récent (schéma %1, celui-ci connaît le %2) : mettez Reappro à jour",
                      "the database was written by a newer Reappro (schema %1, this one knows %2): update Reappro")
                     .arg(version)
                     .arg(kSchemaVersion);
        return false;
    }
    // A database that holds data is backed up before its schema changes
    // (backups.h); without a backup it is not migrated.
    if (version > 0 && version < targetVersion && targetVersion == kSchemaVersion && holdsData()) {
        QString why;
        if (!backups::create(*this, QStringLiteral("migration-v%1").arg(version), backups::kDefaultKeep, &why)) {
            *error = text("la sauvegarde d'avant le changement de schéma n'a pas pu être écrite (%1) : la base est restée telle quelle",
                          "cannot back up the database before changing its schema (%1); it was left as it is")
                         .arg(why);
            return false;
        }
    }
    while (version < targetVersion) {
        // One transaction per step: a failed step leaves the previous version intact.
        if (!sql::exec(m_handle, "BEGIN IMMEDIATE", error))
            return false;
        const Migration &m = kMigrations[version];
        const std::string after = std::string(m.sqlAfter ? m.sqlAfter : "") + "\nPRAGMA user_version=" + std::to_string(version + 1) + ";";
        if (!sql::exec(m_handle, m.sql, error) || (m.convert && !m.convert(m_handle, error)) || !sql::exec(m_handle, after, error)) {
            sql::exec(m_handle, "ROLLBACK");
            return false;
        }
        if (!sql::exec(m_handle, "COMMIT", error))
            return false;
        ++version;
    }
    return true;
}

} // namespace reappro
