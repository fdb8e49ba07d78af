// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/supplier.h"

#include "core/common/textparse.h"

#include <QHash>
#include <QStringList>
#include <vector>

namespace reappro {

namespace {

// Full day names, Monday first; a word of three letters or more that begins
// one of them means that day ("lun", "jeudi", "thu", "Thurs"). The first
// three letters of the fourteen names all differ, so no word means two days.
constexpr const char *kDayNames[2][7] = {
    {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"},
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
};

int dayOfWord(const QString &w)
{
    if (w.size() < 3)
        return -1;
    for (const auto &names : kDayNames)
        for (int d = 0; d < 7; ++d) {
            const QLatin1String name(names[d]);
            if (name.startsWith(w) || (w.endsWith(QLatin1Char('s')) && w.chopped(1) == name))   // "lundis"
                return d;
        }
    return -1;
}

} // namespace

std::optional<int> orderDaysFromText(const QString &text, QString *unknownWord)
{
    const QString whole = normalizeHeader(text);
    if (whole.isEmpty())
        return 0;
    // Whole-value keywords. "Ouvrables" (Monday to Saturday) is not "ouvrés".
    static const QHash<QString, int> kKeywords = {
        {QStringLiteral("tous"), kEveryDay},
        {QStringLiteral("touslesjours"), kEveryDay},
        {QStringLiteral("tlj"), kEveryDay},
        {QStringLiteral("quotidien"), kEveryDay},
        {QStringLiteral("7j7"), kEveryDay},
        {QStringLiteral("7sur7"), kEveryDay},
        {QStringLiteral("all"), kEveryDay},
        {QStringLiteral("alldays"), kEveryDay},
        {QStringLiteral("everyday"), kEveryDay},
        {QStringLiteral("daily"), kEveryDay},
        {QStringLiteral("ouvres"), kEveryWeekday},
        {QStringLiteral("joursouvres"), kEveryWeekday},
        {QStringLiteral("touslesjoursouvres"), kEveryWeekday},
        {QStringLiteral("weekdays"), kEveryWeekday},
        {QStringLiteral("workingdays"), kEveryWeekday},
        {QStringLiteral("ouvrables"), kEveryWeekday | weekdayBit(6)},
        {QStringLiteral("joursouvrables"), kEveryWeekday | weekdayBit(6)},
    };
    if (const auto it = kKeywords.constFind(whole); it != kKeywords.constEnd())
        return *it;

    // Words, with '-' (or "au", "à", "to") between two days for a range.
    // ';' separates only inside a quoted field: elsewhere it ends the field.
    struct Token {
        QString raw, word;
        bool range = false;
    };
    std::vector<Token> tokens;
    QString raw;
    const auto flush = [&]() {
        const QString w = normalizeHeader(raw);
        if (!w.isEmpty())
            tokens.push_back({raw, w, w == QLatin1String("au") || w == QLatin1String("a") || w == QLatin1String("to")});
        raw.clear();
    };
    for (const QChar c : text) {
        if (c == QLatin1Char('-') || c == QChar(0x2013) || c == QChar(0x2014)) {
            flush();
            tokens.push_back({QString(c), QString(), true});
        } else if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char('/') || c == QLatin1Char('+') || c == QLatin1Char(';')
                   || c == QLatin1Char('&')) {
            flush();
        } else {
            raw += c;
        }
    }
    flush();

    static const QStringList kFillers = {QStringLiteral("et"),  QStringLiteral("and"),    QStringLiteral("le"),
                                         QStringLiteral("les"), QStringLiteral("du"),     QStringLiteral("from"),
                                         QStringLiteral("on"),  QStringLiteral("chaque"), QStringLiteral("every")};
    int mask = 0, previous = -1;
    bool pendingRange = false;
    const auto fail = [&](const QString &word) -> std::optional<int> {
        if (unknownWord)
            *unknownWord = word;
        return std::nullopt;
    };
    for (const Token &t : tokens) {
        if (t.range) {
            if (previous < 0 || pendingRange)
                return fail(t.raw);
            pendingRange = true;
            continue;
        }
        if (kFillers.contains(t.word)) {
            if (pendingRange)
                return fail(t.raw);
            continue;
        }
        const int d = dayOfWord(t.word);
        if (d < 0)
            return fail(t.raw);
        if (pendingRange) {
            // "ven-lun" wraps over the weekend.
            for (int k = previous;; k = (k + 1) % 7) {
                mask |= 1 << k;
                if (k == d)
                    break;
            }
            pendingRange = false;
            previous = -1;   // "lun-mer-ven" is not a range of ranges
            continue;
        }
        mask |= 1 << d;
        previous = d;
    }
    if (pendingRange)
        return fail(QStringLiteral("-"));
    if (mask == 0)
        return fail(text);
    return mask;
}

QString orderDaysText(int mask, bool french)
{
    static const char *const kShort[2][7] = {{"lun", "mar", "mer", "jeu", "ven", "sam", "dim"},
                                             {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}};
    const auto &names = kShort[french ? 0 : 1];
    QStringList parts;
    for (int d = 0; d < 7;) {
        if (!(mask >> d & 1)) {
            ++d;
            continue;
        }
        int e = d;
        while (e + 1 < 7 && (mask >> (e + 1) & 1))
            ++e;
        // Three days in a row or more read better as a range: "lun-ven".
        if (e - d >= 2) {
            parts << QLatin1String(names[d]) + QLatin1Char('-') + QLatin1String(names[e]);
        } else {
            for (int k = d; k <= e; ++k)
                parts << QLatin1String(names[k]);
        }
        d = e + 1;
    }
    return parts.join(QLatin1Char(','));
}

} // namespace reappro
