// SPDX-License-Identifier: GPL-3.0-or-later
// Money as a fixed-point integer: never a binary float.
// The unit is 1/10,000 of a euro because the weighted average price (PMP)
// of one tablet is often below a cent (0,0345 EUR), so cents would lose it.
#pragma once

#include <QString>
#include <QtGlobal>
#include <cmath>
#include <compare>
#include <optional>
#include <string_view>

namespace reappro {

class Money
{
public:
    static constexpr qint64 kScale = 10000; // units per euro

    constexpr Money() = default;
    static constexpr Money fromUnits(qint64 units)
    {
        Money m;
        m.m_units = units;
        return m;
    }
    static constexpr Money fromCents(qint64 cents) { return fromUnits(cents * (kScale / 100)); }
    static constexpr Money fromEuros(qint64 euros) { return fromUnits(euros * kScale); }

    // Parses "25,14", "1 234,5678", "1.234,56", "12.5" (decimalSeparator
    // decides), an optional leading '-', and a trailing "€"/"EUR".
    // Digits beyond the fourth decimal are rounded half away from zero.
    static std::optional<Money> parse(std::string_view text, char decimalSeparator = ',');

    constexpr qint64 units() const { return m_units; }
    qint64 cents() const;                       // rounded half away from zero
    double toDouble() const { return double(m_units) / kScale; } // display/charts only

    // Price of a quantity in dispensing units (quantities are doubles).
    Money times(double quantity) const { return fromUnits(std::llround(double(m_units) * quantity)); }

    constexpr Money operator+(Money o) const { return fromUnits(m_units + o.m_units); }
    constexpr Money operator-(Money o) const { return fromUnits(m_units - o.m_units); }
    Money &operator+=(Money o)
    {
        m_units += o.m_units;
        return *this;
    }
    constexpr auto operator<=>(const Money &) const = default;

    // "1234.5600" (dot, 4 decimals): exact, for CSV and JSON outputs.
    QString toPlainString() const;
    // "1 234,56 €" or "€1,234.56" per locale, rounded to cents.
    QString toDisplayString(bool french = true) const;

private:
    qint64 m_units = 0;
};

} // namespace reappro
