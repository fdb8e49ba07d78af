// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital, calendar: the French public holidays, and the days of the
// history the Generator simulates: weekdays, holidays, working days, the
// annual inventory on the last working day of December, the winter peak and
// the summer trough; see calendar.h.
#include "core/demo/calendar.h"

#include "core/demo/generator.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace reappro::demo {

namespace {

// Easter Sunday (anonymous Gregorian algorithm): Boost.Date_Time has no
// Easter, but its date arithmetic gives the holidays that hang off it.
bg::date easterSunday(int y)
{
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return bg::date(bg::greg_year(y), bg::greg_month(month), bg::greg_day(day));
}

std::vector<bg::date> frenchPublicHolidays(int y)
{
    const bg::date easter = easterSunday(y);
    return {
        bg::date(y, bg::Jan, 1), easter + bg::days(1),     bg::date(y, bg::May, 1),  bg::date(y, bg::May, 8),
        easter + bg::days(39),   easter + bg::days(50),    bg::date(y, bg::Jul, 14), bg::date(y, bg::Aug, 15),
        bg::date(y, bg::Nov, 1), bg::date(y, bg::Nov, 11), bg::date(y, bg::Dec, 25),
    };
}

} // namespace

bg::date dateOfJulianDay(qint64 jd) { return bg::date(bg::gregorian_calendar::from_day_number(bg::gregorian_calendar::date_int_type(jd))); }

// ------------------------------------------------------------ calendar

void Generator::buildCalendar()
{
    const bg::date last(m_o.endDate.year(), m_o.endDate.month(), m_o.endDate.day());
    const bg::date first = last - bg::years(m_o.years) + bg::days(1);
    m_firstJd = int(first.julian_day());
    m_days = int((last - first).days()) + 1;
    std::vector<bg::date> holidays;
    for (int y = first.year(); y <= last.year(); ++y) {
        const auto h = frenchPublicHolidays(y);
        holidays.insert(holidays.end(), h.begin(), h.end());
    }
    std::sort(holidays.begin(), holidays.end());
    m_cal.resize(size_t(m_days));
    int di = 0;
    for (bg::day_iterator it(first); *it <= last; ++it, ++di) {
        const bg::date d = *it;
        Day &day = m_cal[size_t(di)];
        day.jd = int(d.julian_day());
        day.weekday = (d.day_of_week().as_number() + 6) % 7;
        day.holiday = std::binary_search(holidays.begin(), holidays.end(), d);
        day.working = day.weekday < 5 && !day.holiday;
        day.inventory = false;
        // Winter peak mid-January covering December to February; summer
        // trough in early August when wards close beds for staff holidays.
        const double doy = d.day_of_year();
        const double w = std::cos(2.0 * kPi * (doy - 20.0) / 365.25);
        day.winter = w > 0 ? w * w : 0.0;
        const double s = (doy - 215.0) / 32.0;
        day.summer = std::abs(s) < 1.0 ? 0.5 + 0.5 * std::cos(kPi * s) : 0.0;
    }
    // The annual inventory is counted on the last working day of December.
    for (int y = first.year(); y <= last.year(); ++y) {
        for (bg::date d(y, bg::Dec, 31); d.month() == bg::Dec; d -= bg::days(1)) {
            const int idx = int(d.julian_day()) - m_firstJd;
            if (idx < 0 || idx >= m_days)
                break;
            if (m_cal[size_t(idx)].working) {
                m_cal[size_t(idx)].inventory = true;
                break;
            }
        }
    }
    m_nextWorking.assign(size_t(m_days), m_days);
    int next = m_days;
    for (int i = m_days - 1; i >= 0; --i) {
        if (m_cal[size_t(i)].working)
            next = i;
        m_nextWorking[size_t(i)] = next;
    }
    m_dates = std::make_unique<DateTexts>(m_firstJd - 400, m_firstJd + m_days + 4 * 366);
}

int Generator::nextWorking(int di) const
{
    if (di < 0)
        return 0;
    if (di >= m_days)
        return di;   // after the history: the date only matters for open orders
    const int n = m_nextWorking[size_t(di)];
    return n < m_days ? n : di;
}

double Generator::level(const Product &p, int di) const
{
    if (di < p.introDay || di >= p.endDay)
        return 0.0;
    const Day &d = m_cal[size_t(di)];
    double l = p.trend * (1.0 + p.winterAmp * d.winter - p.summerDip * d.summer);
    if (p.shiftDay >= 0 && di >= p.shiftDay)
        l *= p.shiftFactor;
    return l;
}

} // namespace reappro::demo
