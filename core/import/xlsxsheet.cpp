// SPDX-License-Identifier: GPL-3.0-or-later
// The sheet side of the .xlsx reader (xlsxreader_detail.h): the worksheet
// XML pulled out of its zip entry one <row> at a time, each <c> turned into
// the text Excel shows (shared or inline string, boolean, error, date or
// shortest round-trip decimal), with row and column taken from the cell
// references.
#include "core/import/xlsxreader_detail.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace reappro {

using namespace xlsxdetail;

namespace {

// XFD: the last column Excel and LibreOffice know. A larger reference is a
// damaged file, and must not make us allocate a gigantic row.
constexpr qint64 kMaxColumns = 16384;

enum class CellType { Number, SharedString, InlineString, FormulaString, Boolean, Error, IsoDate };

// "BC12" -> column 54 (0-based), row 12; row 0 when there are no digits.
bool parseCellRef(QStringView ref, qint64 *column, qint64 *row)
{
    qsizetype i = 0;
    qint64 col = 0;
    for (; i < ref.size(); ++i) {
        const char16_t c = ref[i].toUpper().unicode();
        if (c < u'A' || c > u'Z')
            break;
        col = std::min(col * 26 + (c - u'A' + 1), kMaxColumns + 1);
    }
    if (i == 0)
        return false;
    qint64 r = 0;
    for (; i < ref.size(); ++i) {
        const char16_t c = ref[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        r = std::min<qint64>(r * 10 + (c - u'0'), Q_INT64_C(1) << 40);
    }
    *column = col - 1;
    *row = r;
    return true;
}

void appendNumber(std::string &out, double value, char decimalSeparator)
{
    if (value == 0) {  // no "-0"
        out += '0';
        return;
    }
    // Shortest round-trip digits, then laid out without exponent: the
    // importer parses "0,0345", not "3.45e-02".
    char buffer[40];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string_view s(buffer, size_t(result.ptr - buffer));
    if (s.front() == '-') {
        out += '-';
        s.remove_prefix(1);
    }
    const size_t e = s.find('e');
    std::string_view exponentText = s.substr(e + 1);
    if (!exponentText.empty() && exponentText.front() == '+')
        exponentText.remove_prefix(1);
    int exponent = 0;
    std::from_chars(exponentText.data(), exponentText.data() + exponentText.size(), exponent);
    std::string digits;
    for (char c : s.substr(0, e))
        if (c != '.')
            digits += c;
    const qsizetype n = qsizetype(digits.size());
    const qsizetype point = exponent + 1;  // digits before the decimal separator
    if (point >= n) {
        out += digits;
        out.append(size_t(point - n), '0');
    } else if (point <= 0) {
        out += '0';
        out += decimalSeparator;
        out.append(size_t(-point), '0');
        out += digits;
    } else {
        out.append(digits, 0, size_t(point));
        out += decimalSeparator;
        out.append(digits, size_t(point), std::string::npos);
    }
}

std::string_view trimmedView(const std::string &s)
{
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
        --e;
    return std::string_view(s).substr(b, e - b);
}

} // namespace

bool XlsxReader::Private::sheetFailed()
{
    if (sheetFile->getZipError() != UNZ_OK) {
        return fail(tr("Sheet “%1” of “%2” is damaged after row %3 (zip error %4).")
                        .arg(sheetName, fileName)
                        .arg(lastRow)
                        .arg(sheetFile->getZipError()));
    }
    return fail(tr("Sheet “%1” of “%2” is damaged after row %3 (XML line %4: %5).")
                    .arg(sheetName, fileName)
                    .arg(lastRow)
                    .arg(xml.lineNumber())
                    .arg(xml.errorString()));
}

bool XlsxReader::Private::nextRowStart()
{
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            if (name == u"row" && inSheetData)
                return true;
            if (name == u"sheetData")
                inSheetData = true;
            else if (name != u"worksheet")
                xml.skipCurrentElement();  // sheetPr, cols, ...
        } else if (token == QXmlStreamReader::EndElement && xml.name() == u"sheetData") {
            // Merged cells, filters and the rest hold no values.
            finished = true;
            return false;
        }
    }
    if (xml.hasError())
        return sheetFailed();
    finished = true;
    return false;
}

bool XlsxReader::Private::readCell(std::vector<std::string> &cells, qint64 *column, size_t *used)
{
    CellType type = CellType::Number;
    int style = -1;
    bool located = false;
    for (const QXmlStreamAttribute &a : xml.attributes()) {
        const QStringView name = a.name();
        const QStringView value = a.value();
        if (name == u"r") {
            qint64 row = 0;
            located = parseCellRef(value, column, &row);
            if (located && row > 0 && currentRow == 0)
                currentRow = row;
        } else if (name == u"t") {
            if (value == u"s")
                type = CellType::SharedString;
            else if (value == u"inlineStr")
                type = CellType::InlineString;
            else if (value == u"str")
                type = CellType::FormulaString;
            else if (value == u"b")
                type = CellType::Boolean;
            else if (value == u"e")
                type = CellType::Error;
            else if (value == u"d")
                type = CellType::IsoDate;
        } else if (name == u"s") {
            style = value.toInt();
        }
    }
    if (!located)
        ++*column;  // no reference: the cell after the previous one
    const qint64 reportedRow = currentRow > 0 ? currentRow : lastRow + 1;
    if (*column >= kMaxColumns) {
        return fail(tr("Sheet “%1” of “%2”, row %3: a cell lies beyond the last column (XFD).").arg(sheetName, fileName).arg(reportedRow));
    }

    valueText.clear();
    inlineText.clear();
    bool hasInline = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            if (name == u"v") {
                appendElementText(xml, valueText);
            } else if (name == u"is") {
                appendRichText(xml, inlineText);
                hasInline = true;
            } else {
                xml.skipCurrentElement();  // <f>: the cached <v> is what Excel shows
            }
        } else if (token == QXmlStreamReader::EndElement) {
            break;
        }
    }
    if (xml.hasError())
        return sheetFailed();

    cellText.clear();
    switch (type) {
    case CellType::SharedString: {
        const std::string_view digits = trimmedView(valueText);
        if (digits.empty())
            break;
        size_t index = 0;
        const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), index);
        if (parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size() || index >= sharedEnds.size()) {
            return fail(tr("Sheet “%1” of “%2”, row %3: the cell refers to a shared string "
                           "that does not exist (%4).")
                            .arg(sheetName, fileName)
                            .arg(reportedRow)
                            .arg(QString::fromStdString(valueText)));
        }
        const size_t begin = index == 0 ? 0 : sharedEnds[index - 1];
        cellText.assign(sharedText, begin, sharedEnds[index] - begin);
        break;
    }
    case CellType::InlineString:
        cellText.swap(hasInline ? inlineText : valueText);
        decodeEscapes(cellText);
        break;
    case CellType::FormulaString:
        cellText.swap(valueText);
        decodeEscapes(cellText);
        break;
    case CellType::Error: cellText.swap(valueText); break;
    case CellType::Boolean: {
        const std::string_view v = trimmedView(valueText);
        if (!v.empty())
            cellText = (v == "1" || v == "true") ? "1" : "0";
        break;
    }
    case CellType::IsoDate: {
        // "2026-03-15T00:00:00": the date part, like a date-formatted number.
        const std::string_view v = trimmedView(valueText);
        cellText.assign(v.substr(0, v.size() >= 10 && v[4] == '-' && v[7] == '-' ? 10 : v.size()));
        break;
    }
    case CellType::Number: {
        std::string_view v = trimmedView(valueText);
        if (v.empty())
            break;
        if (v.front() == '+')
            v.remove_prefix(1);
        double number = 0;
        const auto parsed = std::from_chars(v.data(), v.data() + v.size(), number);
        if (parsed.ec != std::errc() || parsed.ptr != v.data() + v.size() || !std::isfinite(number)) {
            cellText.assign(trimmedView(valueText));  // not a number after all: show what is there
            break;
        }
        const bool isDate = style >= 0 && size_t(style) < dateStyles.size() && dateStyles[size_t(style)];
        if (!isDate || !appendDate(cellText, number, date1904))
            appendNumber(cellText, number, decimalSeparator);
        break;
    }
    }

    if (!cellText.empty()) {
        const size_t index = size_t(*column);
        if (index >= cells.size())
            cells.resize(index + 1);
        cells[index].swap(cellText);
        *used = std::max(*used, index + 1);
    }
    return true;
}

bool XlsxReader::Private::readRow(std::vector<std::string> &cells, qint64 *rowNumber)
{
    currentRow = std::max<qint64>(0, xml.attributes().value(QLatin1StringView("r")).toLongLong());
    for (std::string &cell : cells)
        cell.clear();
    size_t used = 0;
    qint64 column = -1;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"c") {
                if (!readCell(cells, &column, &used))
                    return false;
            } else {
                xml.skipCurrentElement();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            break;
        }
    }
    if (xml.hasError())
        return sheetFailed();
    lastRow = currentRow > 0 ? currentRow : lastRow + 1;
    *rowNumber = lastRow;
    cells.resize(used);
    return true;
}

} // namespace reappro
