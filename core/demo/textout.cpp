// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital, text output: Windows-1252 conversion and price texts; see
// textout.h.
#include "core/demo/textout.h"

#include <array>
#include <utility>

namespace reappro::demo {

void appendCp1252(std::string &out, QStringView s, bool field)
{
    static const std::array<std::pair<char16_t, unsigned char>, 27> kHigh = {{
        {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87},
        {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91},
        {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98},
        {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
    }};
    for (QChar ch : s) {
        const char16_t u = ch.unicode();
        if (u < 0x80 || (u >= 0xA0 && u <= 0xFF)) {
            out.push_back(field && u == ';' ? ',' : char(u));
            continue;
        }
        char c = '?';
        for (const auto &[code, byte] : kHigh)
            if (code == u)
                c = char(byte);
        out.push_back(c);
    }
}

std::string cp1252(const char *utf8)
{
    std::string out;
    appendCp1252(out, QString::fromUtf8(utf8), false);
    return out;
}

std::string priceText(Money m)
{
    std::string s;
    appendInt(s, m.units() / Money::kScale);
    s.push_back(',');
    appendPadded(s, m.units() % Money::kScale, 4);
    while (s.size() > 3 && s.back() == '0' && s[s.size() - 3] != ',')
        s.pop_back();
    return s;
}

} // namespace reappro::demo
