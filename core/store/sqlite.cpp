// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/sqlite.h"

#include <string>

namespace reappro::sql {

Statement::Statement(sqlite3 *db, std::string_view sql) : m_db(db)
{
    if (sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
        m_stmt = nullptr;
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement &Statement::operator=(Statement &&o) noexcept
{
    if (this != &o) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = o.m_stmt;
        o.m_stmt = nullptr;
    }
    return *this;
}

void Statement::bind(int i, const QString &v)
{
    const QByteArray utf8 = v.toUtf8();
    sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

bool Statement::exec()
{
    int rc;
    while ((rc = step()) == SQLITE_ROW) {}
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return rc == SQLITE_DONE;
}

qint64 Statement::stepForId()
{
    const qint64 id = step() == SQLITE_ROW ? int64(0) : 0;
    while (step() == SQLITE_ROW) {}
    reset();
    return id;
}

QString Statement::text(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col)) : QString();
}

std::string_view Statement::textView(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, col))) : std::string_view();
}

bool exec(sqlite3 *db, std::string_view sql, QString *error)
{
    char *msg = nullptr;
    const std::string s(sql);
    if (sqlite3_exec(db, s.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(msg ? msg : "unknown SQLite error");
        sqlite3_free(msg);
        return false;
    }
    return true;
}

qint64 queryInt(sqlite3 *db, std::string_view sql, qint64 fallback)
{
    Statement st(db, sql);
    if (st.isValid() && st.step() == SQLITE_ROW && !st.isNull(0))
        return st.int64(0);
    return fallback;
}

} // namespace reappro::sql
