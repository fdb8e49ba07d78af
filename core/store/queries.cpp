// SPDX-License-Identifier: GPL-3.0-or-later
// The store's read queries: the reference data, stock, orders, observed
// lead times and shelf lives, movements through the posting lists, and the
// consumption series forecasting and replenishment work from (store.h).
#include "core/store/store.h"

#include "core/store/sqlite.h"
#include "core/store/storerows.h"

#include <algorithm>
#include <map>

namespace reappro {

using storerows::fromJulian;
using storerows::kConsumptionExpr;
using storerows::kConsumptionTypes;

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
        out.push_back({st.int64(0), st.int64(1), st.text(2), fromJulian(st.int64(3)), st.real(4), st.int64(5), fromJulian(st.int64(6))});
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
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return days[a] != days[b] ? days[a] < days[b] : ids[a] < ids[b]; });
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
    const char *periodExpr = bucket == Bucket::Day    ? "day"
                             : bucket == Bucket::Week ? "day - day % 7"
                                                      : "CAST(julianday(date(day, 'start of month')) + 0.5 AS INTEGER)";
    const std::string sqlText = std::string("SELECT product_id, ") + (perCareUnit ? "unit_id" : "0") + ", " + periodExpr + " AS period, "
                                + kConsumptionExpr + " FROM movement WHERE " + kConsumptionTypes
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

std::vector<Location> Store::locations() const
{
    std::vector<Location> out;
    if (!m_handle)
        return out;
    sql::Statement st(m_handle, "SELECT id, code, label, kind, rounds_per_week FROM location ORDER BY id");
    while (st.step() == SQLITE_ROW)
        out.push_back({st.int64(0), st.text(1), st.text(2), LocationKind(st.int64(3)), int(st.int64(4))});
    return out;
}

void Store::forEachStockChange(const std::function<void(const StockChange &)> &fn) const
{
    if (!m_handle)
        return;
    sql::Statement st(m_handle, "SELECT m.product_id, m.day, m.type, m.quantity, m.expiry, COALESCE(t.kind, -1), COALESCE(f.kind, -1) "
                                "FROM movement m LEFT JOIN location t ON t.id = m.to_location_id "
                                "LEFT JOIN location f ON f.id = m.from_location_id WHERE m.type IN (1, 4, 5, 6, 7)");
    StockChange c;
    while (st.step() == SQLITE_ROW) {
        c.productId = st.int64(0);
        c.day = st.int64(1);
        c.type = MovementType(st.int64(2));
        c.quantity = st.real(3);
        c.hasExpiry = !st.isNull(4);
        c.toKind = int(st.int64(5));
        c.fromKind = int(st.int64(6));
        fn(c);
    }
}

} // namespace reappro
