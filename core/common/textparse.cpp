// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/textparse.h"

#include <QDate>

namespace reappro {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a thousands-separator space at position i (ASCII space,
// U+00A0 or U+202F in UTF-8), or 0.
int spaceLength(std::string_view s, size_t i)
{
    const auto u = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    if (s[i] == ' ' || s[i] == '\'')
        return 1;
    if (u(i) == 0xC2 && i + 1 < s.size() && u(i + 1) == 0xA0)
        return 2;
    if (u(i) == 0xE2 && i + 2 < s.size() && u(i + 1) == 0x80 && u(i + 2) == 0xAF)
        return 3;
    return 0;
}

std::string_view stripCurrency(std::string_view s)
{
    s = trimmed(s);
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x82\xAC") // €
        s = trimmed(s.substr(0, s.size() - 3));
    else if (s.size() >= 3 && (s.substr(s.size() - 3) == "EUR" || s.substr(s.size() - 3) == "eur"))
        s = trimmed(s.substr(0, s.size() - 3));
    return s;
}

} // namespace

std::string_view trimmed(std::string_view s)
{
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        --e;
    return s.substr(b, e - b);
}

std::optional<Decimal> parseDecimal(std::string_view text, char decimalSeparator, int digits)
{
    std::string_view s = stripCurrency(text);
    if (s.empty())
        return std::nullopt;
    bool negative = false;
    size_t i = 0;
    if (s[0] == '-' || s[0] == '+') {
        negative = s[0] == '-';
        i = 1;
    }
    const char groupSeparator = decimalSeparator == ',' ? '.' : ',';
    // A group separator is only taken as such when digit groups of three
    // follow it; otherwise a lone one is a decimal point typed the other way.
    char decimal = decimalSeparator;
    {
        int groupSeps = 0, decimals = 0;
        for (size_t k = i; k < s.size(); ++k) {
            if (s[k] == groupSeparator)
                ++groupSeps;
            else if (s[k] == decimalSeparator)
                ++decimals;
        }
        if (groupSeps == 1 && decimals == 0) {
            const size_t p = s.find(groupSeparator, i);
            size_t n = 0;
            while (p + 1 + n < s.size() && isDigit(s[p + 1 + n]))
                ++n;
            if (n != 3 || p + 1 + n != s.size() || p == i)
                decimal = groupSeparator;
        }
    }
    qint64 intPart = 0, fracPart = 0;
    int intDigits = 0, fracDigits = 0, digitsSinceGroup = -1;
    bool inFraction = false, roundUp = false, seenRoundDigit = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (isDigit(c)) {
            if (!inFraction) {
                if (++intDigits > 15)
                    return std::nullopt;
                intPart = intPart * 10 + (c - '0');
                if (digitsSinceGroup >= 0)
                    ++digitsSinceGroup;
            } else if (fracDigits < digits) {
                fracPart = fracPart * 10 + (c - '0');
                ++fracDigits;
            } else if (!seenRoundDigit) {
                roundUp = c >= '5';
                seenRoundDigit = true;
            }
            continue;
        }
        if (c == decimal && !inFraction) {
            if (digitsSinceGroup >= 0 && digitsSinceGroup != 3)
                return std::nullopt;
            inFraction = true;
            continue;
        }
        if (!inFraction && intDigits > 0) {
            int sl = c == groupSeparator && decimal != groupSeparator ? 1 : spaceLength(s, i);
            if (sl > 0) {
                if (digitsSinceGroup >= 0 && digitsSinceGroup != 3)
                    return std::nullopt;
                digitsSinceGroup = 0;
                i += sl - 1;
                continue;
            }
        }
        return std::nullopt;
    }
    if (intDigits == 0 && fracDigits == 0)
        return std::nullopt;
    if (digitsSinceGroup >= 0 && !inFraction && digitsSinceGroup != 3)
        return std::nullopt;
    qint64 pow = 1;
    for (int k = 0; k < digits; ++k)
        pow *= 10;
    for (int k = fracDigits; k < digits; ++k)
        fracPart *= 10;
    Decimal d;
    d.scaled = intPart * pow + fracPart + (roundUp ? 1 : 0);
    d.value = double(d.scaled) / double(pow);
    if (negative) {
        d.scaled = -d.scaled;
        d.value = -d.value;
    }
    return d;
}

std::optional<double> parseQuantity(std::string_view text, char decimalSeparator)
{
    auto d = parseDecimal(text, decimalSeparator, 6);
    if (!d)
        return std::nullopt;
    return d->value;
}

qint64 julianDay(int y, int m, int d)
{
    // Fliegel & Van Flandern, integer arithmetic, proleptic Gregorian.
    const qint64 a = (14 - m) / 12;
    const qint64 yy = y + 4800 - a;
    const qint64 mm = m + 12 * a - 3;
    return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
}

bool isValidDate(int y, int m, int d)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<qint64> parseDate(std::string_view text, DateOrder order)
{
    std::string_view s = trimmed(text);
    // Drop a time part.
    if (size_t t = s.find_first_of(" T"); t != std::string_view::npos && t >= 6)
        s = s.substr(0, t);
    int parts[3] = {0, 0, 0};
    int lens[3] = {0, 0, 0};
    int n = 0;
    char sep = 0;
    for (char c : s) {
        if (isDigit(c)) {
            if (lens[n] >= 8)
                return std::nullopt;
            parts[n] = parts[n] * 10 + (c - '0');
            ++lens[n];
        } else if ((c == '/' || c == '-' || c == '.') && (sep == 0 || c == sep) && n < 2 && lens[n] > 0) {
            sep = c;
            ++n;
        } else {
            return std::nullopt;
        }
    }
    int y = 0, m = 0, d = 0;
    if (n == 0) {
        if (lens[0] != 8)
            return std::nullopt;
        y = parts[0] / 10000;
        m = parts[0] / 100 % 100;
        d = parts[0] % 100;
    } else if (n == 2) {
        if (lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2) {
            y = parts[0];
            m = parts[1];
            d = parts[2];
        } else if (lens[0] <= 2 && lens[1] <= 2 && (lens[2] == 4 || lens[2] == 2)) {
            d = parts[0];
            m = parts[1];
            y = parts[2];
            if (order == DateOrder::MonthFirst)
                std::swap(d, m);
            if (lens[2] == 2)
                y += y < 70 ? 2000 : 1900;
        } else {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    if (!isValidDate(y, m, d))
        return std::nullopt;
    return julianDay(y, m, d);
}

QString normalizeHeader(const QString &header)
{
    const QString decomposed = header.normalized(QString::NormalizationForm_D).toLower();
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        const char16_t u = c.unicode();
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'))
            out.append(c);
        else if (u == 0x153) // œ
            out.append(QStringLiteral("oe"));
    }
    return out;
}

} // namespace reappro
