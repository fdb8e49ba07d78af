// Streaming .xlsx worksheet reader. open() reads the small package parts
// (relations, workbook, styles, shared strings); next() then pulls the sheet
// XML out of the zip entry one row at a time.
#include "core/import/xlsxreader.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QUrl>
#include <QXmlStreamReader>
#include <quazip.h>
#include <quazipfile.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace reappro {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("XlsxReader", text); }

// XFD: the last column Excel and LibreOffice know. A larger reference is a
// damaged file, and must not make us allocate a gigantic row.
constexpr qint64 kMaxColumns = 16384;

struct Relationship {
    QString id;
    QString type;
    QString target;  // resolved to a path inside the zip
};

struct SheetEntry {
    QString name;
    QString path;
    bool worksheet = false;  // chart sheets have no cells
};

enum class CellType { Number, SharedString, InlineString, FormulaString, Boolean, Error, IsoDate };

// Relationship types differ between transitional and strict OOXML only in
// their prefix, so they are recognised by their last segment.
bool hasType(const Relationship &rel, QLatin1StringView kind)
{
    return rel.type.endsWith(QLatin1Char('/') + kind);
}

QString dirOf(const QString &partPath)
{
    const qsizetype slash = partPath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : partPath.left(slash);
}

QString relsPathOf(const QString &partPath)
{
    const QString dir = dirOf(partPath);
    const QString file = partPath.mid(dir.isEmpty() ? 0 : dir.size() + 1);
    return (dir.isEmpty() ? QString() : dir + QLatin1Char('/')) + QStringLiteral("_rels/") + file
        + QStringLiteral(".rels");
}

// Targets are URIs relative to the folder of the part owning the relation,
// or absolute from the package root ("/xl/worksheets/sheet1.xml").
QString resolvePartPath(const QString &baseDir, const QString &target)
{
    const QString decoded = QUrl::fromPercentEncoding(target.toUtf8());
    QStringList parts;
    if (!decoded.startsWith(QLatin1Char('/')))
        parts = baseDir.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : decoded.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String("..")) {
            if (!parts.isEmpty())
                parts.removeLast();
            continue;
        }
        parts << segment;
    }
    return parts.join(QLatin1Char('/'));
}

void appendCodePoint(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Straight into the cell buffer: going through QString::toUtf8() would
// allocate twice per cell on sheets of millions of cells.
void appendUtf8(std::string &out, QStringView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t u = text[i].unicode();
        if (u < 0x80) {
            out += char(u);
            continue;
        }
        if (QChar::isHighSurrogate(u) && i + 1 < n && text[i + 1].isLowSurrogate())
            u = QChar::surrogateToUcs4(char16_t(u), text[++i].unicode());
        else if (QChar::isSurrogate(u))
            u = 0xFFFD;
        appendCodePoint(out, u);
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool escapeAt(const std::string &s, size_t p, char16_t *unit)
{
    if (p + 7 > s.size() || s[p] != '_' || s[p + 1] != 'x' || s[p + 6] != '_')
        return false;
    int value = 0;
    for (size_t k = p + 2; k < p + 6; ++k) {
        const int h = hexValue(s[k]);
        if (h < 0)
            return false;
        value = value * 16 + h;
    }
    *unit = char16_t(value);
    return true;
}

// OOXML strings carry the characters XML 1.0 cannot (control characters,
// e.g. the CR of a CRLF typed in a cell) as _xHHHH_, one UTF-16 unit each;
// a literal "_x" is itself written "_x005F_x".
void decodeEscapes(std::string &s)
{
    if (s.find("_x") == std::string::npos)
        return;
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        char16_t unit = 0;
        if (!escapeAt(s, i, &unit)) {
            out += s[i++];
            continue;
        }
        char32_t cp = unit;
        size_t length = 7;
        char16_t low = 0;
        if (QChar::isHighSurrogate(unit) && escapeAt(s, i + 7, &low) && QChar::isLowSurrogate(low)) {
            cp = QChar::surrogateToUcs4(unit, low);
            length = 14;
        } else if (QChar::isSurrogate(unit)) {
            cp = 0xFFFD;
        }
        appendCodePoint(out, cp);
        i += length;
    }
    s.swap(out);
}

// Appends the text of the current element, then leaves the reader on its end.
void appendElementText(QXmlStreamReader &xml, std::string &out)
{
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::Characters)
            appendUtf8(out, xml.text());
        else if (token == QXmlStreamReader::StartElement)
            xml.skipCurrentElement();
        else if (token == QXmlStreamReader::EndElement)
            return;
    }
}

// Text of a string item (<si> or <is>): plain <t>, or rich text runs
// <r><rPr/><t/></r>. Phonetic guides (<rPh>, Japanese readings) also hold
// <t> elements but are not part of what the cell shows.
void appendRichText(QXmlStreamReader &xml, std::string &out)
{
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            if (name == u"t")
                appendElementText(xml, out);
            else if (name == u"r")
                ++depth;
            else
                xml.skipCurrentElement();
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 0)
                return;
            --depth;
        }
    }
}

// Calls visit() on every start element of the part; visit() reads or skips
// the element's content, or returns at once to descend into it.
template<class Visit>
void forEachElement(QXmlStreamReader &xml, Visit visit)
{
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            visit();
    }
}

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

void appendTwoDigits(std::string &out, int v)
{
    out += char('0' + v / 10);
    out += char('0' + v % 10);
}

// Excel serial day to "yyyy-MM-dd". The 1900 system counts the 29 February
// 1900 that Lotus 1-2-3 wrongly believed in (serial 60), so serials before
// it are one day off from a plain count. Returns false when the serial is
// not a date Excel can show.
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

struct XlsxReader::Private {
    explicit Private(char separator) : decimalSeparator(separator) {}

    char decimalSeparator;
    QString fileName;   // for messages
    QString sheetName;  // the one being read
    QStringList sheetNames;
    std::unique_ptr<QuaZip> zip;
    std::unique_ptr<QuaZipFile> sheetFile;  // after zip: closed before it
    QXmlStreamReader xml;

    // Shared strings end to end in one buffer: one allocation instead of
    // one per string, which matters for tables of a million strings.
    std::string sharedText;
    std::vector<size_t> sharedEnds;
    std::vector<bool> dateStyles;  // by cellXfs index
    bool date1904 = false;

    bool inSheetData = false;
    bool finished = true;
    qint64 lastRow = 0;
    qint64 currentRow = 0;  // 0 until the row or one of its cells says
    QString error;

    // Reused for every cell so that reading allocates almost nothing.
    std::string valueText;
    std::string inlineText;
    std::string cellText;

    void reset()
    {
        xml.clear();
        sheetFile.reset();
        zip.reset();
        sheetName.clear();
        sheetNames.clear();
        sharedText.clear();
        sharedEnds.clear();
        dateStyles.clear();
        date1904 = false;
        inSheetData = false;
        finished = true;
        lastRow = 0;
        currentRow = 0;
        error.clear();
    }

    bool fail(const QString &message)
    {
        error = message;
        finished = true;
        return false;
    }

    bool hasPart(const QString &path) { return zip->setCurrentFile(path, QuaZip::csInsensitive); }

    bool damaged(const QString &part, const QString &why)
    {
        return fail(tr("“%1” is damaged: its part %2 cannot be read (%3).").arg(fileName, part, why));
    }

    template<class Parse>
    bool parsePart(const QString &path, Parse parse)
    {
        if (!hasPart(path))
            return damaged(path, tr("missing"));
        QuaZipFile file(zip.get());
        if (!file.open(QIODevice::ReadOnly))
            return damaged(path, tr("zip error %1").arg(file.getZipError()));
        QXmlStreamReader reader(&file);
        parse(reader);
        if (file.getZipError() != UNZ_OK)
            return damaged(path, tr("zip error %1").arg(file.getZipError()));
        if (reader.hasError())
            return damaged(path, tr("XML line %1: %2").arg(reader.lineNumber()).arg(reader.errorString()));
        file.close();
        if (file.getZipError() != UNZ_OK)
            return damaged(path, tr("zip error %1").arg(file.getZipError()));
        return true;
    }

    bool readRelationships(const QString &partPath, std::vector<Relationship> *relationships)
    {
        const QString relsPath = relsPathOf(partPath);
        if (!hasPart(relsPath))
            return true;
        const QString baseDir = dirOf(partPath);
        return parsePart(relsPath, [&](QXmlStreamReader &reader) {
            forEachElement(reader, [&] {
                if (reader.name() == u"Relationships")
                    return;
                if (reader.name() == u"Relationship") {
                    const auto attributes = reader.attributes();
                    if (attributes.value(QLatin1StringView("TargetMode")) != u"External") {
                        relationships->push_back(
                            {attributes.value(QLatin1StringView("Id")).toString(),
                             attributes.value(QLatin1StringView("Type")).toString(),
                             resolvePartPath(baseDir, attributes.value(QLatin1StringView("Target")).toString())});
                    }
                }
                reader.skipCurrentElement();
            });
        });
    }

    bool readWorkbook(const QString &path, std::vector<std::pair<QString, QString>> *sheets)
    {
        return parsePart(path, [&](QXmlStreamReader &reader) {
            forEachElement(reader, [&] {
                const QStringView name = reader.name();
                if (name == u"workbook" || name == u"sheets")
                    return;
                if (name == u"workbookPr") {
                    const QStringView v = reader.attributes().value(QLatin1StringView("date1904"));
                    date1904 = v == u"1" || v == u"true";
                } else if (name == u"sheet") {
                    QString sheet, relationId;
                    for (const QXmlStreamAttribute &a : reader.attributes()) {
                        if (a.name() == u"name" && a.prefix().isEmpty())
                            sheet = a.value().toString();
                        else if (a.name() == u"id" && !a.prefix().isEmpty())  // r:id
                            relationId = a.value().toString();
                    }
                    sheets->emplace_back(sheet, relationId);
                }
                reader.skipCurrentElement();
            });
        });
    }

    bool readStyles(const QString &path)
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

    bool readSharedStrings(const QString &path)
    {
        std::string item;
        return parsePart(path, [&](QXmlStreamReader &reader) {
            forEachElement(reader, [&] {
                const QStringView name = reader.name();
                if (name == u"sst") {
                    const qint64 count = reader.attributes().value(QLatin1StringView("uniqueCount")).toLongLong();
                    sharedEnds.reserve(size_t(std::clamp<qint64>(count, 0, 1 << 20)));
                    return;
                }
                if (name == u"si") {
                    item.clear();
                    appendRichText(reader, item);
                    decodeEscapes(item);
                    sharedText += item;
                    sharedEnds.push_back(sharedText.size());
                } else {
                    reader.skipCurrentElement();
                }
            });
        });
    }

    bool open(const QString &path, const QString &wantedSheet)
    {
        reset();
        fileName = QFileInfo(path).fileName();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot open “%1”: %2.").arg(fileName, file.errorString()));
        const QByteArray magic = file.read(4);
        file.close();
        if (magic == QByteArray("\xD0\xCF\x11\xE0", 4))
            return fail(tr("“%1” is an old Excel 97-2003 file (.xls): open it in Excel or LibreOffice "
                           "and save it as .xlsx or CSV.").arg(fileName));
        zip = std::make_unique<QuaZip>(path);
        if (!zip->open(QuaZip::mdUnzip))
            return fail(tr("“%1” is not an Excel .xlsx file (it is not a zip archive).").arg(fileName));

        // The package says where its workbook is; every writer we know
        // uses xl/workbook.xml, which is the fallback.
        QString workbookPath;
        std::vector<Relationship> packageRelationships;
        if (!readRelationships(QString(), &packageRelationships))
            return false;
        for (const Relationship &rel : packageRelationships)
            if (hasType(rel, QLatin1StringView("officeDocument")) && hasPart(rel.target))
                workbookPath = rel.target;
        if (workbookPath.isEmpty())
            workbookPath = QStringLiteral("xl/workbook.xml");
        if (!hasPart(workbookPath))
            return fail(tr("“%1” is a zip archive but not an Excel workbook.").arg(fileName));

        std::vector<std::pair<QString, QString>> sheets;  // name, relationship id
        std::vector<Relationship> relationships;
        if (!readWorkbook(workbookPath, &sheets) || !readRelationships(workbookPath, &relationships))
            return false;

        std::vector<SheetEntry> entries;
        for (const auto &[name, id] : sheets) {
            const auto rel = std::find_if(relationships.begin(), relationships.end(),
                                          [&](const Relationship &r) { return r.id == id; });
            if (rel == relationships.end())
                continue;
            entries.push_back({name, rel->target, hasType(*rel, QLatin1StringView("worksheet"))});
            if (entries.back().worksheet)
                sheetNames << name;
        }

        const SheetEntry *chosen = nullptr;
        if (wantedSheet.isEmpty()) {
            const auto first = std::find_if(entries.begin(), entries.end(),
                                            [](const SheetEntry &e) { return e.worksheet; });
            if (first == entries.end())
                return fail(tr("“%1” contains no worksheet.").arg(fileName));
            chosen = &*first;
        } else {
            // Excel sheet names are unique ignoring case, and users type them.
            for (Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
                for (const SheetEntry &e : entries) {
                    if (!chosen && e.name.compare(wantedSheet, cs) == 0)
                        chosen = &e;
                }
            }
            if (!chosen) {
                return fail(tr("“%1” has no sheet named “%2” (sheets: %3).")
                                .arg(fileName, wantedSheet, sheetNames.join(QStringLiteral(", "))));
            }
            if (!chosen->worksheet)
                return fail(tr("Sheet “%1” of “%2” is a chart, not a table.").arg(chosen->name, fileName));
        }
        sheetName = chosen->name;
        const QString sheetPath = chosen->path;

        QString stylesPath, sharedStringsPath;
        for (const Relationship &rel : relationships) {
            if (hasType(rel, QLatin1StringView("styles")))
                stylesPath = rel.target;
            else if (hasType(rel, QLatin1StringView("sharedStrings")))
                sharedStringsPath = rel.target;
        }
        const QString workbookDir = dirOf(workbookPath);
        if (stylesPath.isEmpty())
            stylesPath = resolvePartPath(workbookDir, QStringLiteral("styles.xml"));
        if (sharedStringsPath.isEmpty())
            sharedStringsPath = resolvePartPath(workbookDir, QStringLiteral("sharedStrings.xml"));
        if (hasPart(stylesPath) && !readStyles(stylesPath))
            return false;
        if (hasPart(sharedStringsPath) && !readSharedStrings(sharedStringsPath))
            return false;

        if (!hasPart(sheetPath))
            return damaged(sheetPath, tr("missing"));
        sheetFile = std::make_unique<QuaZipFile>(zip.get());
        if (!sheetFile->open(QIODevice::ReadOnly))
            return damaged(sheetPath, tr("zip error %1").arg(sheetFile->getZipError()));
        xml.setDevice(sheetFile.get());
        finished = false;
        return true;
    }

    bool sheetFailed()
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

    // Moves to the next <row> start; false at the end of the sheet data.
    bool nextRowStart()
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

    // Reads one <c>, leaving the reader on its end, and puts its text in
    // cells. Returns false on error.
    bool readCell(std::vector<std::string> &cells, qint64 *column, size_t *used)
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
            return fail(tr("Sheet “%1” of “%2”, row %3: a cell lies beyond the last column (XFD).")
                            .arg(sheetName, fileName)
                            .arg(reportedRow));
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
            if (parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size()
                || index >= sharedEnds.size()) {
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
        case CellType::Error:
            cellText.swap(valueText);
            break;
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

    // Reads the <row> the reader is on. cells is left empty when the row
    // holds no value (Excel writes rows that only carry a height or style).
    bool readRow(std::vector<std::string> &cells, qint64 *rowNumber)
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
};

XlsxReader::XlsxReader(char decimalSeparator) : d(std::make_unique<Private>(decimalSeparator)) {}

XlsxReader::~XlsxReader()
{
    d->reset();
}

bool XlsxReader::open(const QString &path, QString *error, const QString &sheetName)
{
    const bool ok = d->open(path, sheetName);
    if (!ok && error)
        *error = d->error;
    return ok;
}

QStringList XlsxReader::sheetNames() const
{
    return d->sheetNames;
}

bool XlsxReader::next(std::vector<std::string> &cells, qint64 *rowNumber)
{
    while (!d->finished && d->nextRowStart()) {
        qint64 row = 0;
        if (!d->readRow(cells, &row))
            return false;
        if (!cells.empty()) {
            if (rowNumber)
                *rowNumber = row;
            return true;
        }
    }
    cells.clear();
    return false;
}

QString XlsxReader::error() const
{
    return d->error;
}

} // namespace reappro
