// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/movementwriter.h"
#include "core/store/sqlite.h"

#include <algorithm>

namespace reappro {

namespace {
constexpr const char *kColumns = "INSERT INTO movement(id, day, product_id, type, quantity, from_location_id, to_location_id, supplier_id, "
                                 "lot_number, expiry, unit_cost, document_ref, order_ref, batch_id, source_line, unit_id) VALUES";
constexpr int kParams = 16;

void bindRecord(sql::Statement &st, int base, qint64 id, qint64 batch, const MovementRecord &m)
{
    st.bind(base + 1, id);
    st.bind(base + 2, m.day);
    st.bind(base + 3, m.productId);
    st.bind(base + 4, m.type);
    st.bind(base + 5, m.quantity);
    st.bindOptional(base + 6, m.from);
    st.bindOptional(base + 7, m.to);
    st.bindOptional(base + 8, m.supplier);
    st.bindOptional(base + 9, std::string_view(m.lot));
    st.bindOptional(base + 10, m.expiry);
    m.cost ? st.bind(base + 11, *m.cost) : st.bindNull(base + 11);
    st.bindOptional(base + 12, std::string_view(m.document));
    st.bindOptional(base + 13, std::string_view(m.order));
    st.bind(base + 14, batch);
    st.bind(base + 15, m.line);
    st.bindOptional(base + 16, m.unit);
}
} // namespace

struct MovementStatements {
    sql::Statement full;   // kRowsPerInsert rows
    sql::Statement one;
};

MovementWriter::MovementWriter(sqlite3 *db) : m_db(db) {}

MovementWriter::~MovementWriter()
{
    QString ignored;
    finish(false, &ignored);
}

bool MovementWriter::begin(qint64 batchId, QString *error)
{
    if (!m_statements) {
        std::string text = kColumns;
        for (size_t r = 0; r < kRowsPerInsert; ++r)
            text += r ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        m_statements = std::make_unique<MovementStatements>();
        m_statements->full = sql::Statement(m_db, text);
        m_statements->one = sql::Statement(m_db, std::string(kColumns) + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        if (!m_statements->full.isValid() || !m_statements->one.isValid()) {
            *error = m_statements->one.error();
            m_statements.reset();
            return false;
        }
    }
    m_batchId = batchId;
    m_firstId = sql::queryInt(m_db, "SELECT COALESCE(MAX(id), 0) + 1 FROM movement");
    m_count = 0;
    m_chunk.clear();
    m_byProduct.clear();
    m_byUnit.clear();
    m_error.clear();
    m_closing = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void MovementWriter::add(MovementRecord &&r)
{
    const quint32 offset = quint32(m_count++);
    r.id = m_firstId + offset;
    m_byProduct[r.productId].push_back(packPosting(r.day, offset));
    if (r.unit)
        m_byUnit[r.unit].push_back(packPosting(r.day, offset));
    m_chunk.push_back(std::move(r));
    if (m_chunk.size() == kRowsPerInsert) {
        hand(std::move(m_chunk));
        m_chunk = {};
        m_chunk.reserve(kRowsPerInsert);
    }
}

void MovementWriter::hand(std::vector<MovementRecord> &&chunk)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_queue.size() < kMaxChunksInFlight || !m_error.isEmpty(); });
    m_queue.push_back(std::move(chunk));
    m_changed.notify_all();
}

void MovementWriter::run()
{
    for (;;) {
        std::vector<MovementRecord> chunk;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return !m_queue.empty() || m_closing; });
            if (m_queue.empty())
                return;
            chunk = std::move(m_queue.front());
            m_queue.pop_front();
            m_changed.notify_all();
        }
        if (!insertChunk(chunk))
            return;
    }
}

bool MovementWriter::insertChunk(const std::vector<MovementRecord> &chunk)
{
    sql::Statement &full = m_statements->full;
    sql::Statement &one = m_statements->one;
    const std::lock_guard db(m_dbMutex);
    bool ok = true;
    if (chunk.size() == kRowsPerInsert) {
        for (size_t r = 0; r < chunk.size(); ++r)
            bindRecord(full, int(r) * kParams, chunk[r].id, m_batchId, chunk[r]);
        ok = full.exec();
    } else {
        for (const MovementRecord &m : chunk) {
            bindRecord(one, 0, m.id, m_batchId, m);
            if (!(ok = one.exec()))
                break;
        }
    }
    if (!ok) {
        std::lock_guard lock(m_mutex);
        m_error = full.error();
        m_changed.notify_all();
    }
    return ok;
}

bool MovementWriter::finish(bool keep, QString *error)
{
    if (m_thread.joinable()) {
        if (!m_chunk.empty()) {
            hand(std::move(m_chunk));
            m_chunk = {};
        }
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
            m_changed.notify_all();
        }
        m_thread.join();
        m_queue.clear();
    }
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    if (!keep)
        return true;
    return writePostings(PostingKind::Product, m_byProduct, error) && writePostings(PostingKind::CareUnit, m_byUnit, error);
}

bool writePostingList(sqlite3 *db, PostingKind kind, qint64 key, qint64 batchId, qint64 firstId, std::vector<quint64> &postings,
                      QString *error)
{
    if (postings.empty())
        return true;
    if (!std::is_sorted(postings.begin(), postings.end()))
        std::sort(postings.begin(), postings.end());   // exports are usually, not always, sorted by date
    sql::Statement st(db, "INSERT INTO movement_posting(kind, key_id, batch_id, first_day, last_day, first_id, postings) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, qint64(kind));
    st.bind(2, key);
    st.bind(3, batchId);
    st.bind(4, postingDay(postings.front()));
    st.bind(5, postingDay(postings.back()));
    st.bind(6, firstId);
    st.bindBlob(7, postings.data(), int(postings.size() * sizeof(quint64)));
    if (!st.exec()) {
        *error = st.error();
        return false;
    }
    return true;
}

bool MovementWriter::writePostings(PostingKind kind, std::unordered_map<qint64, std::vector<quint64>> &lists, QString *error)
{
    // Keys in order: the table's B-tree then grows by appending.
    std::vector<qint64> keys;
    keys.reserve(lists.size());
    for (const auto &entry : lists)
        keys.push_back(entry.first);
    std::sort(keys.begin(), keys.end());
    for (qint64 key : keys)
        if (!writePostingList(m_db, kind, key, m_batchId, m_firstId, lists[key], error))
            return false;
    lists.clear();
    return true;
}

} // namespace reappro
