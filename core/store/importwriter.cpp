// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/importwriter.h"

#include "core/store/movementwriter.h"
#include "core/store/sqlite.h"
#include "core/store/store.h"

#include <cstring>
#include <mutex>

namespace reappro {

struct ImportWriter::Prepared {
    sql::Statement productSupplier, findOrder, updateOrder, insertOrder;
};

namespace {

// A statement prepared on its first use and kept for the whole import.
sql::Statement &preparedOnce(sql::Statement &slot, sqlite3 *db, const char *sqlText)
{
    if (!slot.isValid())
        slot = sql::Statement(db, sqlText);
    return slot;
}

} // namespace

ImportWriter::ImportWriter(Store &store) : m_db(store.handle()), m_prepared(std::make_unique<Prepared>()) {}

ImportWriter::~ImportWriter() = default;

bool ImportWriter::begin(bool useRollbackJournal, QString *error)
{
    // Every reference is resolved by the importer itself from the tables it
    // read, so SQLite's per-row foreign-key probes (six per movement) would
    // only repeat that work. They are back on for everything else.
    sql::exec(m_db, "PRAGMA foreign_keys = OFF");
    m_foreignKeysOff = true;
    // A big import with no other connection open (the command line, a first
    // import) leaves WAL for a rollback journal meanwhile: WAL writes every
    // page twice (log, then checkpoint), the journal only what existed before,
    // which for appended rows is nothing. Atomicity is the same; WAL is back
    // right after, and with another connection open nothing changes.
    if (useRollbackJournal) {
        sql::Statement mode(m_db, "PRAGMA journal_mode = DELETE");
        m_leftWal = mode.step() == SQLITE_ROW && mode.textView(0) == "delete";
        if (m_leftWal)
            sql::exec(m_db, "PRAGMA synchronous = FULL");
    }
    if (!sql::exec(m_db, "BEGIN IMMEDIATE", error)) {
        sql::exec(m_db, "PRAGMA foreign_keys = ON");
        m_foreignKeysOff = false;
        if (m_leftWal)
            sql::exec(m_db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        m_leftWal = false;
        return false;
    }
    // A bigger page cache for the bulk insert; restored afterwards.
    m_cacheSize = sql::queryInt(m_db, "PRAGMA cache_size");
    sql::exec(m_db, "PRAGMA cache_size = -131072");
    return true;
}

bool ImportWriter::commit(QString *error)
{
    // The writer thread is joined and every statement finalized first.
    m_movements.reset();
    m_prepared = std::make_unique<Prepared>();
    const bool committed = sql::exec(m_db, "COMMIT", error);
    if (!committed)
        sql::exec(m_db, "ROLLBACK");
    restoreSettings();
    return committed;
}

void ImportWriter::rollback()
{
    m_movements.reset();
    m_prepared = std::make_unique<Prepared>();
    sql::exec(m_db, "ROLLBACK");
    restoreSettings();
}

void ImportWriter::restoreSettings()
{
    sql::exec(m_db, ("PRAGMA cache_size = " + std::to_string(m_cacheSize)).c_str());
    sql::exec(m_db, "PRAGMA foreign_keys = ON");
    m_foreignKeysOff = false;
    if (m_leftWal)
        sql::exec(m_db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    m_leftWal = false;
}

std::vector<ProductKey> ImportWriter::productKeys() const
{
    std::vector<ProductKey> out;
    sql::Statement p(m_db, "SELECT id, code, ucd13, ucd7, cip13, gtin FROM product");
    while (p.step() == SQLITE_ROW) {
        ProductKey k;
        k.id = p.int64(0);
        k.code = std::string(p.textView(1));
        for (int c = 2; c <= 5; ++c)
            if (!p.isNull(c))
                k.identifiers[size_t(c - 2)] = std::string(p.textView(c));
        out.push_back(std::move(k));
    }
    return out;
}

std::vector<LocationKey> ImportWriter::locationKeys() const
{
    std::vector<LocationKey> out;
    sql::Statement l(m_db, "SELECT id, code, kind FROM location");
    while (l.step() == SQLITE_ROW)
        out.push_back({l.int64(0), std::string(l.textView(1)), LocationKind(l.int64(2))});
    return out;
}

std::vector<SupplierKey> ImportWriter::supplierKeys() const
{
    std::vector<SupplierKey> out;
    sql::Statement s(m_db, "SELECT id, code, name FROM supplier");
    while (s.step() == SQLITE_ROW)
        out.push_back({s.int64(0), std::string(s.textView(1)), s.text(2)});
    return out;
}

qint64 ImportWriter::insertLocation(std::string_view code, std::string_view label, LocationKind kind)
{
    // RETURNING, not last_insert_rowid: the movement writer thread inserts
    // on the same connection meanwhile (under the lock).
    const auto guard = m_movements ? m_movements->lockDatabase() : std::unique_lock<std::mutex>();
    sql::Statement ins(m_db, "INSERT INTO location(code, label, kind) VALUES(?1, ?2, ?3) RETURNING id");
    ins.bind(1, code);
    ins.bind(2, label.empty() ? code : label);
    ins.bind(3, qint64(kind));
    return ins.stepForId();
}

qint64 ImportWriter::insertSupplier(std::string_view codeOrName)
{
    const auto guard = m_movements ? m_movements->lockDatabase() : std::unique_lock<std::mutex>();
    sql::Statement ins(m_db, "INSERT INTO supplier(code, name) VALUES(?1, ?1) RETURNING id");
    ins.bind(1, codeOrName);
    return ins.stepForId();
}

qint64 ImportWriter::insertSupplier(std::string_view code, std::string_view name, qint64 leadTimeDays, int orderDays)
{
    sql::Statement ins(m_db, "INSERT INTO supplier(code, name, lead_time_days, order_days) VALUES(?1, ?2, ?3, ?4)");
    ins.bind(1, code);
    ins.bind(2, name.empty() ? code : name);
    ins.bind(3, leadTimeDays);
    ins.bind(4, orderDays);
    ins.exec();
    return sqlite3_last_insert_rowid(m_db);
}

bool ImportWriter::updateSupplier(qint64 id, std::string_view name, qint64 leadTimeDays, int orderDays)
{
    sql::Statement up(m_db, "UPDATE supplier SET name = ?2, lead_time_days = ?3, order_days = COALESCE(?4, order_days) "
                            "WHERE id = ?1 AND (name IS NOT ?2 OR lead_time_days IS NOT ?3 "
                            "OR (?4 IS NOT NULL AND order_days IS NOT ?4))");
    up.bind(1, id);
    up.bind(2, name);
    up.bind(3, leadTimeDays);
    if (orderDays >= 0)
        up.bind(4, orderDays);
    up.exec();
    return sqlite3_changes(m_db) != 0;
}

ImportWriter::Upsert ImportWriter::upsertLocation(std::string_view code, std::string_view label, LocationKind kind, qint64 roundsPerWeek)
{
    sql::Statement up(m_db, "INSERT INTO location(code, label, kind, rounds_per_week) VALUES(?1, ?2, ?3, ?4) "
                            "ON CONFLICT(code) DO UPDATE SET label = ?2, kind = ?3, rounds_per_week = ?4 "
                            "WHERE label IS NOT ?2 OR kind IS NOT ?3 OR rounds_per_week IS NOT ?4");
    up.bind(1, code);
    up.bind(2, label.empty() ? code : label);
    up.bind(3, qint64(kind));
    up.bind(4, roundsPerWeek);
    up.exec();
    return {sqlite3_changes(m_db) > 0, sqlite3_last_insert_rowid(m_db)};
}

namespace {

void bindProduct(sql::Statement &st, const ProductRecord &p)
{
    st.bind(1, p.code);
    st.bindOptional(2, p.ucd13);
    st.bindOptional(3, p.ucd7);
    st.bindOptional(4, p.cip13);
    st.bindOptional(5, p.gtin);
    st.bindOptional(6, p.lpp);
    st.bind(7, p.label);
    st.bindOptional(8, p.dci);
    st.bindOptional(9, p.atc);
    st.bindOptional(10, p.form);
    st.bindOptional(11, p.dispensingUnit);
    st.bind(12, p.packSize);
    st.bind(13, p.unitPriceUnits);
    st.bindOptional(14, p.supplierId);
    st.bind(15, p.leadTimeDays);
    st.bind(16, p.minOrderQuantity);
    st.bind(17, qint64(p.mitm));
    st.bind(18, p.ven);
    st.bind(19, p.kind);
}

void bindOrderLine(sql::Statement &st, const OrderLineRecord &o)
{
    st.bind(1, o.orderNumber);
    o.orderDay ? st.bind(2, o.orderDay) : st.bindNull(2);
    st.bindOptional(3, o.supplierId);
    st.bind(4, o.productId);
    st.bind(5, o.ordered);
    st.bind(6, o.received);
    o.expectedDay ? st.bind(7, o.expectedDay) : st.bindNull(7);
    st.bind(8, o.unitPriceUnits);
}

} // namespace

qint64 ImportWriter::insertProduct(const ProductRecord &p)
{
    sql::Statement st(m_db, "INSERT INTO product(code, ucd13, ucd7, cip13, gtin, lpp, label, dci, atc, form, dispensing_unit, pack_size,"
                            " unit_price, supplier_id, lead_time_days, min_order_qty, mitm, ven, kind)"
                            " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
    bindProduct(st, p);
    st.exec();
    return sqlite3_last_insert_rowid(m_db);
}

bool ImportWriter::updateProduct(const ProductRecord &p)
{
    sql::Statement st(m_db, "UPDATE product SET ucd13=?2, ucd7=?3, cip13=?4, gtin=?5, lpp=?6, label=?7, dci=?8, atc=?9, form=?10,"
                            " dispensing_unit=?11, pack_size=?12, unit_price=?13, supplier_id=?14, lead_time_days=?15, min_order_qty=?16,"
                            " mitm=?17, ven=?18, kind=?19 WHERE code=?1 AND NOT (ucd13 IS ?2 AND ucd7 IS ?3 AND cip13 IS ?4 AND gtin IS ?5"
                            " AND lpp IS ?6 AND label IS ?7 AND dci IS ?8 AND atc IS ?9 AND form IS ?10 AND dispensing_unit IS ?11"
                            " AND pack_size IS ?12 AND unit_price IS ?13 AND supplier_id IS ?14 AND lead_time_days IS ?15"
                            " AND min_order_qty IS ?16 AND mitm IS ?17 AND ven IS ?18 AND kind IS ?19)");
    bindProduct(st, p);
    st.exec();
    return sqlite3_changes(m_db) != 0;
}

qint64 ImportWriter::findLot(qint64 productId, std::string_view lotNumber, qint64 locationId) const
{
    sql::Statement find(m_db, "SELECT id FROM lot WHERE product_id = ?1 AND lot_number = ?2 AND location_id = ?3");
    find.bind(1, productId);
    find.bind(2, lotNumber);
    find.bind(3, locationId);
    return find.step() == SQLITE_ROW ? find.int64(0) : 0;
}

bool ImportWriter::updateLot(qint64 id, qint64 expiryDay, double quantity, qint64 asOfDay)
{
    sql::Statement up(m_db, "UPDATE lot SET expiry = ?2, quantity = ?3, as_of = ?4 WHERE id = ?1 "
                            "AND NOT (expiry IS ?2 AND quantity IS ?3 AND as_of IS ?4)");
    up.bind(1, id);
    up.bind(2, expiryDay);
    up.bind(3, quantity);
    up.bind(4, asOfDay);
    up.exec();
    return sqlite3_changes(m_db) != 0;
}

qint64 ImportWriter::insertLot(qint64 productId, std::string_view lotNumber, qint64 expiryDay, qint64 locationId, double quantity,
                               qint64 asOfDay)
{
    sql::Statement ins(m_db, "INSERT INTO lot(product_id, lot_number, expiry, location_id, quantity, as_of) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    ins.bind(1, productId);
    ins.bind(2, lotNumber);
    ins.bind(3, expiryDay);
    ins.bind(4, locationId);
    ins.bind(5, quantity);
    ins.bind(6, asOfDay);
    ins.exec();
    return sqlite3_last_insert_rowid(m_db);
}

qint64 ImportWriter::supplierOfProduct(qint64 productId)
{
    sql::Statement &ps = preparedOnce(m_prepared->productSupplier, m_db, "SELECT supplier_id FROM product WHERE id = ?1");
    ps.bind(1, productId);
    const qint64 id = ps.step() == SQLITE_ROW ? ps.int64(0) : 0;
    ps.reset();
    return id;
}

qint64 ImportWriter::findOrderLine(std::string_view orderNumber, qint64 productId)
{
    sql::Statement &find =
        preparedOnce(m_prepared->findOrder, m_db, "SELECT id FROM open_order_line WHERE order_number = ?1 AND product_id = ?2");
    find.bind(1, orderNumber);
    find.bind(2, productId);
    const qint64 id = find.step() == SQLITE_ROW ? find.int64(0) : 0;
    find.reset();
    return id;
}

bool ImportWriter::updateOrderLine(const OrderLineRecord &o)
{
    sql::Statement &st = preparedOnce(m_prepared->updateOrder, m_db,
                                      "UPDATE open_order_line SET order_date = ?2, supplier_id = ?3, quantity_ordered = ?5,"
                                      " quantity_received = ?6, expected_date = ?7, unit_price = ?8"
                                      " WHERE order_number = ?1 AND product_id = ?4"
                                      " AND NOT (order_date IS ?2 AND supplier_id IS ?3 AND quantity_ordered IS ?5"
                                      " AND quantity_received IS ?6 AND expected_date IS ?7 AND unit_price IS ?8)");
    bindOrderLine(st, o);
    st.exec();
    return sqlite3_changes(m_db) != 0;
}

qint64 ImportWriter::insertOrderLine(const OrderLineRecord &o)
{
    sql::Statement &st = preparedOnce(m_prepared->insertOrder, m_db,
                                      "INSERT INTO open_order_line(order_number, order_date, supplier_id, product_id,"
                                      " quantity_ordered, quantity_received, expected_date, unit_price)"
                                      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bindOrderLine(st, o);
    st.exec();
    return sqlite3_last_insert_rowid(m_db);
}

namespace {

void fillTouched(sqlite3 *db, const std::vector<qint64> &touched)
{
    sql::exec(db, "CREATE TEMP TABLE IF NOT EXISTS touched(id INTEGER PRIMARY KEY); DELETE FROM touched;");
    sql::Statement t(db, "INSERT OR IGNORE INTO touched(id) VALUES(?1)");
    for (qint64 id : touched) {
        t.bind(1, id);
        t.exec();
    }
}

} // namespace

qint64 ImportWriter::removeUntouchedLots(const std::vector<qint64> &touched, const std::unordered_set<qint64> &locations)
{
    fillTouched(m_db, touched);
    qint64 removed = 0;
    sql::Statement del(m_db, "DELETE FROM lot WHERE location_id = ?1 AND id NOT IN (SELECT id FROM touched)");
    for (qint64 loc : locations) {
        del.bind(1, loc);
        del.exec();
        removed += sqlite3_changes(m_db);
    }
    return removed;
}

qint64 ImportWriter::removeUntouchedOrderLines(const std::vector<qint64> &touched)
{
    fillTouched(m_db, touched);
    sql::exec(m_db, "DELETE FROM open_order_line WHERE id NOT IN (SELECT id FROM touched)");
    return sqlite3_changes(m_db);
}

qint64 ImportWriter::insertBatch(const QString &fileName, const QString &kindCode, const QString &importedAt)
{
    sql::Statement batch(m_db, "INSERT INTO import_batch(file_name, file_fingerprint, kind, imported_at) VALUES(?1, '', ?2, ?3)");
    batch.bind(1, fileName);
    batch.bind(2, kindCode);
    batch.bind(3, importedAt);
    batch.exec();
    return sqlite3_last_insert_rowid(m_db);
}

void ImportWriter::setBatchCounts(qint64 batchId, qint64 lines, qint64 inserted, qint64 updated, qint64 unchanged)
{
    sql::Statement up(m_db, "UPDATE import_batch SET lines = ?2, inserted = ?3, updated = ?4, unchanged = ?5 WHERE id = ?1");
    up.bind(1, batchId);
    up.bind(2, lines);
    up.bind(3, inserted);
    up.bind(4, updated);
    up.bind(5, unchanged);
    up.exec();
}

void ImportWriter::setBatchFingerprint(qint64 batchId, const QString &fingerprint)
{
    sql::Statement fp(m_db, "UPDATE import_batch SET file_fingerprint = ?2 WHERE id = ?1");
    fp.bind(1, batchId);
    fp.bind(2, fingerprint);
    fp.exec();
}

void ImportWriter::forEachStoredLineIdentities(const std::function<void(const qint64 *, std::size_t)> &fn) const
{
    sql::Statement st(m_db, "SELECT line_hashes FROM import_batch WHERE line_hashes IS NOT NULL");
    while (st.step() == SQLITE_ROW) {
        std::vector<qint64> ids(size_t(sqlite3_column_bytes(st.raw(), 0)) / sizeof(qint64));
        std::memcpy(ids.data(), sqlite3_column_blob(st.raw(), 0), ids.size() * sizeof(qint64));
        fn(ids.data(), ids.size());
    }
}

bool ImportWriter::keepLineIdentities(qint64 batchId, const std::vector<qint64> &sorted, QString *error)
{
    sql::Statement keepIds(m_db, "UPDATE import_batch SET line_hashes = ?2 WHERE id = ?1");
    keepIds.bind(1, batchId);
    keepIds.bindBlob(2, sorted.data(), int(sorted.size() * sizeof(qint64)));
    if (!keepIds.exec()) {
        if (error)
            *error = keepIds.error();
        return false;
    }
    return true;
}

MovementWriter &ImportWriter::movementWriter()
{
    if (!m_movements)
        m_movements = std::make_unique<MovementWriter>(m_db);
    return *m_movements;
}

} // namespace reappro
