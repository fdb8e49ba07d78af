// SPDX-License-Identifier: GPL-3.0-or-later
// The styles side of the .xlsx reader (xlsxreader_detail.h): a number is
// shown as a date when its cell style's number format is a date format,
// built in or custom; such numbers are Excel serial days (1900 or 1904 date
// system), written as "yyyy-MM-dd".
#include "core/import/xlsxreader_detail.h"

#include <QDate>
#include <QHash>

#include <cmath>

namespace reappro {

namespace xlsxdetail {

namespace {

bool isBuiltinDateFormat(int id)
{
    // 18-21 and 45-47 are times of day or durations ("h:mm", "[h]:mm:ss"),
    // which are not dates: they stay numbers (fractions of a day).
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// A custom format is a date when it shows a day, a month or a year. Quoted
// literals, [colours/locales/elapsed times] and escaped characters are not
// codes; "m" next to an hour or seconds means minutes ("h:mm", "mm:ss").
bool isDateFormatCode(QStringView code)
{
    bool day = false, month = false, year = false, hour = false, second = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const char16_t c = code[i].toLower().unicode();
        if (c == u'"') {
            while (++i < code.size() && code[i] != u'"') {}
        } else if (c == u'[') {
            while (++i < code.size() && code[i] != u']') {}
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
        } else if (c == u';') {
            break;  // later sections are for negatives, zero and text
        } else if (c == u'd') {
            day = true;
        } else if (c == u'm') {
            month = true;
        } else if (c == u'y') {
            year = true;
        } else if (c == u'h') {
            hour = true;
        } else if (c == u's') {
            second = true;
        }
    }
    return day || year || (month && !hour && !second);
}

void appendTwoDigits(std::string &out, int v)
{
    out += char('0' + v / 10);
    out += char('0' + v % 10);
}

} // namespace

bool appendDate(std::string &out, double serial, bool date1904)
{
    // Excel rounds the time of day to the millisecond before showing it.
    const double day = std::floor(serial + 0.5 / 86400000.0);
    qint64 julian = 0;
    if (date1904) {
        if (day < 0 || day > 2957003)
            return false;
        julian = 2416481 + qint64(day);  // 1904-01-01
    } else {
        if (day < 1 || day > 2958465)
            return false;
        if (day == 60) {
            out += "1900-02-29";
            return true;
        }
        julian = 2415019 + qint64(day) + (day < 60 ? 1 : 0);  // 1899-12-30
    }
    const QDate date = QDate::fromJulianDay(julian);
    const int y = date.year();
    appendTwoDigits(out, y / 100);
    appendTwoDigits(out, y % 100);
    out += '-';
    appendTwoDigits(out, date.month());
    out += '-';
    appendTwoDigits(out, date.day());
    return true;
}

} // namespace xlsxdetail

using namespace xlsxdetail;

bool XlsxReader::Private::readStyles(const QString &path)
{
    QHash<int, bool> customFormats;  // numFmtId -> is a date
    std::vector<int> formatIds;
    const bool ok = parsePart(path, [&](QXmlStreamReader &reader) {
        // Only numFmts/numFmt and cellXfs/xf matter; cellStyleXfs also
        // holds <xf> elements but cells do not index into it.
        forEachElement(reader, [&] {
            const QStringView name = reader.name();
            if (name == u"styleSheet" || name == u"numFmts" || name == u"cellXfs")
                return;
            const auto attributes = reader.attributes();
            if (name == u"numFmt") {
                customFormats.insert(attributes.value(QLatin1StringView("numFmtId")).toInt(),
                                     isDateFormatCode(attributes.value(QLatin1StringView("formatCode"))));
            } else if (name == u"xf") {
                formatIds.push_back(attributes.value(QLatin1StringView("numFmtId")).toInt());
            }
            reader.skipCurrentElement();
        });
    });
    dateStyles.clear();
    for (int id : formatIds) {
        const auto custom = customFormats.constFind(id);
        dateStyles.push_back(custom != customFormats.constEnd() ? *custom : isBuiltinDateFormat(id));
    }
    return ok;
}

} // namespace reappro
