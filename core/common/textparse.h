// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing of the numbers, dates and headers found in French stock exports.
// These run once per field of multi-million-line files: no allocation.
#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>
#include <string_view>

namespace reappro {

struct Decimal {
    qint64 scaled = 0;   // value * 10^digits, rounded half away from zero
    double value = 0.0;  // the same value as a double
};

// Parses a decimal written with the given decimal separator (',' or '.'):
// "1 234,56" (space, no-break space or narrow no-break space as thousands
// separator), "1.234,56", "-3", "+2,5", "12,50 €", "7 EUR". A lone '.' in a
// comma file ("25.14") is read as a decimal point, as users type it.
std::optional<Decimal> parseDecimal(std::string_view text, char decimalSeparator, int digits);

// Quantities in dispensing units (up to 6 decimals).
std::optional<double> parseQuantity(std::string_view text, char decimalSeparator);

enum class DateOrder { DayFirst, MonthFirst };

// Returns the Julian day number (as QDate::toJulianDay) of dd/MM/yyyy,
// dd/MM/yy, d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy, yyyy-MM-dd, yyyy/MM/dd,
// yyyyMMdd, each optionally followed by a time ("12:30", "T12:30:00"),
// which is ignored. Two-digit years pivot at 70 (69 -> 2069, 70 -> 1970).
std::optional<qint64> parseDate(std::string_view text, DateOrder order = DateOrder::DayFirst);

qint64 julianDay(int year, int month, int day);  // no validation
bool isValidDate(int year, int month, int day);

// "N° lot" -> "nlot", "Date de péremption" -> "datedeperemption":
// lower case, accents removed, only [a-z0-9] kept.
QString normalizeHeader(const QString &header);

// Trims ASCII spaces and tabs.
std::string_view trimmed(std::string_view s);

} // namespace reappro
