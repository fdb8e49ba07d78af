// SPDX-License-Identifier: GPL-3.0-or-later
// A supplier (laboratory, wholesaler, distributor).
#pragma once

#include <QString>
#include <optional>

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

// A supplier's order days as a weekday mask (bit 0 = Monday,
// as above). Accepts French and English day names and their abbreviations of
// three letters or more ("lun,jeu", "lundi et jeudi", "Mon/Thu", "jeu."),
// separated by ',', '/', '+', '&', spaces or ';' (inside quotes); ranges
// with '-' or "au" / "to" ("lun-ven", "du lundi au vendredi", "ven-lun" wraps);
// "tous" / "all" (every day), "jours ouvrés" / "weekdays" (Monday to Friday),
// "jours ouvrables" (Monday to Saturday). Empty text gives 0 (unknown).
// Single letters are refused: "M" could be Tuesday or Wednesday. On failure
// *unknownWord is the word that is not a day.
std::optional<int> orderDaysFromText(const QString &text, QString *unknownWord = nullptr);
// "lun,jeu", "lun-ven" (three days or more in a row), "" for 0: what
// orderDaysFromText reads back.
QString orderDaysText(int mask, bool french);

} // namespace reappro
