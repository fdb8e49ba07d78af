// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital, calendar: the Day the simulation walks through (weekday,
// public holiday, working day of the pharmacy, annual inventory, winter and
// summer curves), Julian days to Boost.Date_Time dates, and DateTexts, the
// dd/MM/yyyy texts of the exports. calendar.cpp also builds the French
// public holidays and the Generator's days (buildCalendar, nextWorking, and
// a product's demand level on a day). Private to core/demo/.
#pragma once

#include <QtGlobal>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace reappro::demo {

namespace bg = boost::gregorian;

bg::date dateOfJulianDay(qint64 jd);

struct Day {
    int jd;
    int weekday;        // 0 = Monday
    bool holiday;
    bool working;       // the pharmacy's weekday service: not weekends, not holidays
    bool inventory;     // annual inventory: last working day of December
    double winter;      // 0..1, peak mid-January, about zero from April to October
    double summer;      // 0..1, peak early August (beds closed for staff holidays)
    int dayType() const { return holiday ? 6 : weekday; }   // holidays behave like Sundays
};

// dd/MM/yyyy for any Julian day, cached over the range the demo writes.
class DateTexts
{
public:
    DateTexts(int firstJd, int lastJd) : m_first(firstJd)
    {
        m_text.resize(size_t(lastJd - firstJd + 1));
        for (int jd = firstJd; jd <= lastJd; ++jd)
            m_text[size_t(jd - firstJd)] = compute(jd);
    }
    void append(std::string &out, int jd) const
    {
        if (jd >= m_first && size_t(jd - m_first) < m_text.size()) {
            out.append(m_text[size_t(jd - m_first)].data(), 10);
        } else {
            const auto t = compute(jd);
            out.append(t.data(), 10);
        }
    }

private:
    static std::array<char, 10> compute(int jd)
    {
        const bg::date d = dateOfJulianDay(jd);
        const int y = d.year(), m = d.month(), dd = d.day();
        return {char('0' + dd / 10),  char('0' + dd % 10),      '/',
                char('0' + m / 10),   char('0' + m % 10),       '/',
                char('0' + y / 1000), char('0' + y / 100 % 10), char('0' + y / 10 % 10),
                char('0' + y % 10)};
    }
    int m_first;
    std::vector<std::array<char, 10>> m_text;
};

} // namespace reappro::demo
