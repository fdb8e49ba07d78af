// A supplier (laboratory, wholesaler, distributor).
#pragma once

#include <QString>

namespace reappro {

// Weekdays as bits of a mask: bit 0 = Monday ... bit 6 = Sunday (ISO order,
// QDate::dayOfWeek() - 1). 0 means unknown.
inline constexpr int kEveryWeekday = 0x1F;   // Monday to Friday
inline constexpr int kEveryDay = 0x7F;
inline constexpr int weekdayBit(int isoDayOfWeek) { return 1 << (isoDayOfWeek - 1); }   // 1 = Monday

struct Supplier {
    qint64 id = 0;
    QString code;
    QString name;
    int leadTimeDays = 0; // usual delay between order and reception
    int orderDays = 0;    // weekdays it takes orders (mask above), 0 = unknown
};

} // namespace reappro
