// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the movement lines of one import batch: rows go to SQLite on a
// writer thread while the importer parses the next lines, and the batch's
// posting lists (movements by product and date, by care unit and date) are
// written once at the end, sorted, instead of one B-tree insertion per line
// and index.
#pragma once

#include <QString>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace reappro {

struct MovementRecord {
    qint64 id = 0;   // given by MovementWriter::add
    qint64 day = 0, productId = 0, type = 0, from = 0, to = 0, supplier = 0, expiry = 0, unit = 0, line = 0;
    double quantity = 0.0;
    std::optional<qint64> cost;   // 1/10000 EUR
    std::string lot, document, order;
};

// Kinds of posting lists (movement_posting.kind).
enum class PostingKind { Product = 0, CareUnit = 1 };

// A posting is (day, movement id - first id of the batch), packed so that
// sorting the integers sorts by day, then by file order.
inline quint64 packPosting(qint64 day, quint32 offset) { return (quint64(quint32(day)) << 32) | offset; }
inline qint64 postingDay(quint64 p) { return qint64(p >> 32); }
inline quint32 postingOffset(quint64 p) { return quint32(p & 0xffffffffu); }

// Writes one posting list (sorted in place if it is not) of an import batch.
bool writePostingList(sqlite3 *db, PostingKind kind, qint64 key, qint64 batchId, qint64 firstId, std::vector<quint64> &postings,
                      QString *error);

class MovementWriter
{
public:
    explicit MovementWriter(sqlite3 *db);
    ~MovementWriter();
    MovementWriter(const MovementWriter &) = delete;
    MovementWriter &operator=(const MovementWriter &) = delete;

    bool begin(qint64 batchId, QString *error);
    void add(MovementRecord &&r);
    // Waits for the writer thread; when keep, writes the posting lists.
    bool finish(bool keep, QString *error);
    qint64 count() const { return m_count; }
    // The connection is not shared-safe (Qt opens it without SQLite's
    // mutex): the importer holds this while it writes during a file.
    std::unique_lock<std::mutex> lockDatabase() { return std::unique_lock(m_dbMutex); }

private:
    static constexpr size_t kRowsPerInsert = 64;
    static constexpr size_t kMaxChunksInFlight = 256;

    void run();
    bool insertChunk(const std::vector<MovementRecord> &chunk);
    bool writePostings(PostingKind kind, std::unordered_map<qint64, std::vector<quint64>> &lists, QString *error);
    void hand(std::vector<MovementRecord> &&chunk);

    sqlite3 *m_db;
    std::unique_ptr<struct MovementStatements> m_statements;
    qint64 m_batchId = 0, m_firstId = 0, m_count = 0;
    std::vector<MovementRecord> m_chunk;
    std::unordered_map<qint64, std::vector<quint64>> m_byProduct, m_byUnit;

    std::thread m_thread;
    std::mutex m_mutex;     // the queue
    std::mutex m_dbMutex;   // the connection
    std::condition_variable m_changed;
    std::deque<std::vector<MovementRecord>> m_queue;
    bool m_closing = false;
    QString m_error;   // first failure of the writer thread
};

} // namespace reappro
