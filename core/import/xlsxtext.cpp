// SPDX-License-Identifier: GPL-3.0-or-later
// The text side of the .xlsx reader (xlsxreader_detail.h): XML text written
// straight into UTF-8 cell buffers, the _xHHHH_ escapes of OOXML strings,
// rich text runs joined, and the shared strings table read into one buffer.
#include "core/import/xlsxreader_detail.h"

#include <algorithm>

namespace reappro {

namespace xlsxdetail {

namespace {

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

} // namespace

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

} // namespace xlsxdetail

using namespace xlsxdetail;

bool XlsxReader::Private::readSharedStrings(const QString &path)
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

} // namespace reappro
