// SPDX-License-Identifier: GPL-3.0-or-later
// Product identifiers used in French hospital pharmacies and their checks.
#pragma once

#include <QString>
#include <string_view>

namespace reappro {

// GS1 mod-10 check digit (EAN-8/13, GTIN-14) over all digits but the last.
bool hasValidGs1CheckDigit(std::string_view digits);
char gs1CheckDigit(std::string_view digitsWithoutCheck);

enum class IdCheck { Ok, WrongLength, NotDigits, WrongPrefix, WrongCheckDigit };

IdCheck checkCip13(std::string_view code);   // 13 digits, "3400", GS1 check digit
IdCheck checkUcd13(std::string_view code);   // 13 digits, "34008", GS1 check digit
IdCheck checkGtin14(std::string_view code);  // 14 digits, GS1 check digit
IdCheck checkCode7(std::string_view code);   // legacy CIP7 / UCD7: 7 digits
IdCheck checkLpp(std::string_view code);     // 7 characters, letters or digits
IdCheck checkAtc(std::string_view code);     // e.g. N02BE01 (levels 1 to 5)

// GTIN-14 of a CIP13 ("0" + CIP13).
QString gtinFromCip13(const QString &cip13);

} // namespace reappro
