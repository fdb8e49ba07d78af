// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the store's query files: how rows hold dates (Julian day
// numbers, 0 = none), consumption in SQL, and reals that may be NaN.
// Private to core/store/.
#pragma once

#include "core/store/sqlite.h"

#include <QDate>
#include <cmath>
#include <limits>

namespace reappro::storerows {

inline QDate fromJulian(qint64 jd) { return jd > 0 ? QDate::fromJulianDay(jd) : QDate(); }

// Signed consumption of one movement row, in SQL.
inline constexpr const char *kConsumptionExpr = "SUM(CASE type WHEN 3 THEN -quantity ELSE quantity END)";
inline constexpr const char *kConsumptionTypes = "type IN (2, 3, 8)";

// NaN and infinities are stored as NULL (SQLite would do it for NaN anyway;
// saying so keeps infinities out too).
inline void bindReal(sql::Statement &st, int i, double v)
{
    if (std::isfinite(v))
        st.bind(i, v);
    else
        st.bindNull(i);
}

inline double realOrNaN(const sql::Statement &st, int col)
{
    return st.isNull(col) ? std::numeric_limits<double>::quiet_NaN() : st.real(col);
}

} // namespace reappro::storerows
