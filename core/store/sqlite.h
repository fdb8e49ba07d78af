// SPDX-License-Identifier: GPL-3.0-or-later
// A thin RAII layer over the SQLite C API, used where QSqlQuery's per-value
// QVariant boxing would cost too much (bulk import of millions of lines).
// The connection itself is owned by QSqlDatabase (see Store).
#pragma once

#include <sqlite3.h>

#include <QString>
#include <QtGlobal>
#include <string_view>

namespace reappro::sql {

class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, std::string_view sql);
    ~Statement();
    Statement(Statement &&o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt) { o.m_stmt = nullptr; }
    Statement &operator=(Statement &&o) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    sqlite3_stmt *raw() const { return m_stmt; }
    void bindBlob(int i, const void *data, int size) { sqlite3_bind_blob(m_stmt, i, data, size, SQLITE_TRANSIENT); }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

    // Parameters are 1-based, as in SQLite.
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, int v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, double v) { sqlite3_bind_double(m_stmt, i, v); }
    void bind(int i, std::string_view v) { sqlite3_bind_text(m_stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT); }
    void bind(int i, const QString &v);
    void bindNull(int i) { sqlite3_bind_null(m_stmt, i); }
    void bindOptional(int i, qint64 v) { v ? bind(i, v) : bindNull(i); }   // 0 = NULL (ids)
    void bindOptional(int i, std::string_view v) { v.empty() ? bindNull(i) : bind(i, v); }

    // Returns SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }
    bool exec();  // step to done, then reset
    // For "INSERT ... RETURNING id": the id, with the statement run to its
    // end (a statement left active would be rolled back when finalized).
    qint64 stepForId();
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    int columnCount() const { return sqlite3_column_count(m_stmt); }
    qint64 int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const { return sqlite3_column_double(m_stmt, col); }
    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    QString text(int col) const;
    std::string_view textView(int col) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

// Runs one or more statements without results; false and *error on failure.
bool exec(sqlite3 *db, std::string_view sql, QString *error = nullptr);

// Single integer result of a query, or fallback.
qint64 queryInt(sqlite3 *db, std::string_view sql, qint64 fallback = 0);

// A read transaction, ended early or by the destructor: every query in it
// sees one snapshot, so an import committing meanwhile cannot shift the data
// between them.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(sqlite3 *db) : m_db(db) { m_open = exec(m_db, "BEGIN"); }
    ~ReadSnapshot() { end(); }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;
    void end()
    {
        if (m_open)
            exec(m_db, "COMMIT");
        m_open = false;
    }

private:
    sqlite3 *m_db;
    bool m_open = false;
};

} // namespace reappro::sql
