// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/identifiers.h"

#include <algorithm>

namespace reappro {

namespace {
bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

IdCheck checkGs1(std::string_view code, size_t length, std::string_view prefix)
{
    if (!allDigits(code))
        return code.size() == length ? IdCheck::NotDigits : IdCheck::WrongLength;
    if (code.size() != length)
        return IdCheck::WrongLength;
    if (!prefix.empty() && code.substr(0, prefix.size()) != prefix)
        return IdCheck::WrongPrefix;
    return hasValidGs1CheckDigit(code) ? IdCheck::Ok : IdCheck::WrongCheckDigit;
}
} // namespace

char gs1CheckDigit(std::string_view d)
{
    // Weights 3,1,3,1... from the rightmost data digit.
    int sum = 0;
    for (size_t i = 0; i < d.size(); ++i) {
        const int digit = d[d.size() - 1 - i] - '0';
        sum += digit * (i % 2 == 0 ? 3 : 1);
    }
    return char('0' + (10 - sum % 10) % 10);
}

bool hasValidGs1CheckDigit(std::string_view digits)
{
    if (digits.size() < 2 || !allDigits(digits))
        return false;
    return gs1CheckDigit(digits.substr(0, digits.size() - 1)) == digits.back();
}

IdCheck checkCip13(std::string_view code) { return checkGs1(code, 13, "3400"); }
IdCheck checkUcd13(std::string_view code) { return checkGs1(code, 13, "34008"); }
IdCheck checkGtin14(std::string_view code) { return checkGs1(code, 14, {}); }

IdCheck checkCode7(std::string_view code)
{
    if (code.size() != 7)
        return IdCheck::WrongLength;
    return allDigits(code) ? IdCheck::Ok : IdCheck::NotDigits;
}

IdCheck checkLpp(std::string_view code)
{
    if (code.size() != 7)
        return IdCheck::WrongLength;
    const bool ok = std::all_of(code.begin(), code.end(),
                                [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
    return ok ? IdCheck::Ok : IdCheck::NotDigits;
}

IdCheck checkAtc(std::string_view code)
{
    // Shape L DD L L DD, any leading level.
    static constexpr char kShape[] = "ADDAADD";
    if (code.empty() || code.size() > 7 || code.size() == 2 || code.size() == 6)
        return IdCheck::WrongLength;
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        const bool ok = kShape[i] == 'D' ? (c >= '0' && c <= '9') : (c >= 'A' && c <= 'Z');
        if (!ok)
            return IdCheck::NotDigits;
    }
    return IdCheck::Ok;
}

QString gtinFromCip13(const QString &cip13) { return QStringLiteral("0") + cip13; }

} // namespace reappro
