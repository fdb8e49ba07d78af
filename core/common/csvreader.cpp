// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/csvreader.h"

#include <QObject>
#include <algorithm>
#include <array>
#include <cstring>

namespace reappro {

namespace {

constexpr qint64 kChunk = 1 << 20;

// Windows-1252 0x80-0x9F; the five undefined bytes keep their Latin-1 value.
constexpr std::array<char16_t, 32> kCp1252High = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                                  0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                                  0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(char(c));
    } else if (c < 0x800) {
        out.push_back(char(0xC0 | (c >> 6)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else {
        out.push_back(char(0xE0 | (c >> 12)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

char32_t cp1252(unsigned char b) { return b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : b; }

// Length of the valid UTF-8 sequence at p (1..4), 0 if invalid, -1 if it
// may be valid but is cut by the end of the buffer.
int utf8Length(const unsigned char *p, const unsigned char *end)
{
    const unsigned char b = p[0];
    int n;
    if (b < 0x80)
        return 1;
    else if (b >= 0xC2 && b <= 0xDF)
        n = 2;
    else if (b >= 0xE0 && b <= 0xEF)
        n = 3;
    else if (b >= 0xF0 && b <= 0xF4)
        n = 4;
    else
        return 0;
    for (int i = 1; i < n; ++i) {
        if (p + i >= end)
            return -1;
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    if (n == 3 && b == 0xE0 && p[1] < 0xA0)
        return 0;
    if (n == 4 && b == 0xF0 && p[1] < 0x90)
        return 0;
    return n;
}

bool looksLikeUtf8(const unsigned char *p, const unsigned char *end)
{
    while (p < end) {
        const int n = utf8Length(p, end);
        if (n == 0)
            return false;
        if (n < 0)
            return true;  // cut at the sample's end
        p += n;
    }
    return true;
}

} // namespace

quint64 fingerprintBytes(quint64 h, const char *data, qint64 size)
{
    // A fast 64-bit multiply-xor hash: identifies a file in the import log.
    constexpr quint64 kMul = 0x9E3779B97F4A7C15ULL;
    qint64 i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 w;
        std::memcpy(&w, data + i, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    }
    for (; i < size; ++i)
        h = (h ^ static_cast<unsigned char>(data[i])) * kMul;
    return h ^ (h >> 32) ^ quint64(size);
}

QString encodingName(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Utf8: return QStringLiteral("UTF-8");
    case TextEncoding::Utf8Bom: return QStringLiteral("UTF-8 (BOM)");
    case TextEncoding::Utf16LE: return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE: return QStringLiteral("UTF-16BE");
    case TextEncoding::Windows1252: return QStringLiteral("Windows-1252");
    }
    return {};
}

CsvReader::CsvReader() = default;
CsvReader::~CsvReader() = default;

namespace {

// UTF-16 without a byte-order mark (some Windows tools write it): text
// never holds NUL bytes, but in UTF-16 every character of the Latin range
// has one, always on the same side of the pair. Nullopt when it is not so.
std::optional<TextEncoding> utf16WithoutBom(const unsigned char *u, qint64 n)
{
    const qint64 pairs = std::min<qint64>(n, 4096) / 2;
    if (pairs < 2)
        return std::nullopt;
    qint64 zeroFirst = 0, zeroSecond = 0;
    for (qint64 i = 0; i < pairs; ++i) {
        zeroFirst += u[2 * i] == 0;
        zeroSecond += u[2 * i + 1] == 0;
    }
    if (zeroSecond * 10 >= pairs * 4 && zeroFirst * 20 < pairs)
        return TextEncoding::Utf16LE;
    if (zeroFirst * 10 >= pairs * 4 && zeroSecond * 20 < pairs)
        return TextEncoding::Utf16BE;
    return std::nullopt;
}

} // namespace

bool CsvReader::open(const QString &path, QString *error, char delimiter, std::optional<TextEncoding> forcedEncoding)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    m_fileSize = m_file.size();
    m_chunk.resize(size_t(kChunk));
    const qint64 n = m_file.read(m_chunk.data(), kChunk);
    if (n < 0) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    m_bytesRead = n;
    m_fingerprint = fingerprintBytes(0, m_chunk.data(), n);
    const auto *u = reinterpret_cast<const unsigned char *>(m_chunk.data());
    qint64 skip = 0;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        m_encoding = TextEncoding::Utf8Bom;
        skip = 3;
    } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        m_encoding = TextEncoding::Utf16LE;
        skip = 2;
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        m_encoding = TextEncoding::Utf16BE;
        skip = 2;
    } else if (const auto utf16 = utf16WithoutBom(u, n)) {
        m_encoding = *utf16;
    } else {
        m_encoding = looksLikeUtf8(u, u + n) ? TextEncoding::Utf8 : TextEncoding::Windows1252;
    }
    if (forcedEncoding)
        m_encoding = *forcedEncoding;
    if (m_encoding == TextEncoding::Utf16LE || m_encoding == TextEncoding::Utf16BE)
        m_utf16 =
            std::make_unique<QStringDecoder>(m_encoding == TextEncoding::Utf16LE ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
    m_eof = n < kChunk;
    decodeChunk(m_chunk.data() + skip, n - skip, m_eof);

    m_delimiter = delimiter;
    if (!m_delimiter) {
        // Count candidates outside quotes on the first non-empty line.
        std::array<int, 3> counts = {0, 0, 0};
        constexpr std::array<char, 3> kCandidates = {';', '\t', ','};
        bool quoted = false, seen = false;
        for (char c : m_buf) {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) {
                if (seen)
                    break;
                continue;
            }
            seen = true;
            if (!quoted)
                for (size_t k = 0; k < kCandidates.size(); ++k)
                    counts[k] += c == kCandidates[k];
        }
        size_t best = 0;  // ties go to ';' then tab: French exports first
        for (size_t k = 1; k < kCandidates.size(); ++k)
            if (counts[k] > counts[best])
                best = k;
        m_delimiter = kCandidates[best];
    }
    return true;
}

void CsvReader::decodeChunk(const char *data, qint64 size, bool last)
{
    if (m_utf16) {
        const QString s = (*m_utf16)(QByteArrayView(data, size));
        const QByteArray utf8 = s.toUtf8();
        m_buf.append(utf8.constData(), size_t(utf8.size()));
        return;
    }
    if (m_encoding == TextEncoding::Windows1252) {
        qint64 i = 0;
        while (i < size) {
            qint64 j = i;
            while (j < size && static_cast<unsigned char>(data[j]) < 0x80)
                ++j;
            m_buf.append(data + i, size_t(j - i));
            if (j < size)
                appendUtf8(m_buf, cp1252(static_cast<unsigned char>(data[j++])));
            i = j;
        }
        return;
    }
    // UTF-8: copy valid sequences; a stray byte (a Windows-1252 accent in an
    // otherwise UTF-8 file) is decoded as Windows-1252 rather than lost.
    std::string joined;
    if (!m_pendingBytes.empty()) {
        joined = std::move(m_pendingBytes) + std::string(data, size_t(size));
        m_pendingBytes.clear();
        data = joined.data();
        size = qint64(joined.size());
    }
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    const auto *end = p + size;
    while (p < end) {
        const unsigned char *q = p;
        while (q < end && *q < 0x80)
            ++q;
        m_buf.append(reinterpret_cast<const char *>(p), size_t(q - p));
        p = q;
        if (p >= end)
            break;
        const int n = utf8Length(p, end);
        if (n > 0) {
            m_buf.append(reinterpret_cast<const char *>(p), size_t(n));
            p += n;
        } else if (n < 0 && !last) {
            m_pendingBytes.assign(reinterpret_cast<const char *>(p), size_t(end - p));
            break;
        } else {
            appendUtf8(m_buf, cp1252(*p));
            ++p;
        }
    }
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    // Drop what was consumed before appending more.
    if (m_pos > 0) {
        m_buf.erase(0, m_pos);
        m_pos = 0;
    }
    const qint64 n = m_file.read(m_chunk.data(), kChunk);
    if (n <= 0) {
        m_eof = true;
        decodeChunk(nullptr, 0, true);
        return true;
    }
    m_bytesRead += n;
    m_fingerprint = fingerprintBytes(m_fingerprint, m_chunk.data(), n);
    m_eof = n < kChunk;
    decodeChunk(m_chunk.data(), n, m_eof);
    return true;
}

bool CsvReader::next(std::vector<std::string_view> &fields, qint64 *line)
{
    // Unquoted fields are views straight into m_buf; only quoted fields are
    // copied (unescaped) into m_record. Nothing moves m_buf until the next call.
    for (;;) {
        m_record.clear();
        m_refs.clear();
        const char *const begin = m_buf.data();
        const char *const end = begin + m_buf.size();
        const char *c = begin + m_pos;
        qint64 lines = 0;
        bool complete = false, needMore = false, anyChar = false;
        const char delim = m_delimiter;
        for (;;) {
            if (c >= end) {
                needMore = !m_eof;
                break;
            }
            if (*c == '"') {
                // Quoted field: copy, unescaping "", until the closing quote.
                anyChar = true;
                const size_t off = m_record.size();
                ++c;
                bool closed = false;
                while (c < end) {
                    const char *q = static_cast<const char *>(std::memchr(c, '"', size_t(end - c)));
                    const char *stop = q ? q : end;
                    for (const char *k = c; k < stop; ++k)
                        lines += *k == '\n';
                    m_record.append(c, size_t(stop - c));
                    if (!q) {
                        c = end;
                        break;
                    }
                    if (q + 1 < end && q[1] == '"') {
                        m_record.push_back('"');
                        c = q + 2;
                        continue;
                    }
                    if (q + 1 >= end && !m_eof) {
                        c = end;   // cannot tell "" from " yet
                        break;
                    }
                    c = q + 1;
                    closed = true;
                    break;
                }
                // A quote that never closes swallows every line after it: in
                // a line-per-record export that is a stray quote, not a cell
                // of kMaxQuotedLines lines. The file stops being read there.
                if ((!closed && m_eof) || lines > kMaxQuotedLines) {
                    m_unclosedQuote = UnclosedQuote{m_line, int(m_refs.size()) + 1};
                    m_pos = m_buf.size();
                    return false;
                }
                if (!closed) {
                    needMore = true;
                    break;
                }
                // Text after the closing quote belongs to the field too.
                while (c < end && *c != delim && *c != '\n' && *c != '\r')
                    m_record.push_back(*c++);
                m_refs.push_back({nullptr, m_record.size() - off, off});
            } else {
                const char *f = c;
                while (c < end && *c != delim && *c != '\n' && *c != '\r')
                    ++c;
                anyChar = anyChar || c > f;
                m_refs.push_back({f, size_t(c - f), std::string::npos});
            }
            if (c >= end) {
                needMore = !m_eof;
                if (!needMore)
                    complete = true;
                break;
            }
            if (*c == delim) {
                anyChar = true;
                ++c;
                if (c >= end && m_eof) {   // "a;b;" at the very end: a last, empty field
                    m_refs.push_back({c, 0, std::string::npos});
                    complete = true;
                    break;
                }
                continue;
            }
            // End of line: "\r\n", "\n" or a lone "\r".
            if (*c == '\r') {
                if (c + 1 >= end && !m_eof) {
                    needMore = true;
                    break;
                }
                c += (c + 1 < end && c[1] == '\n') ? 2 : 1;
            } else {
                ++c;
            }
            ++lines;
            complete = true;
            break;
        }
        if (needMore) {
            fill();
            continue;
        }
        const qint64 startLine = m_line;
        m_line += lines;
        m_pos = size_t(c - begin);
        if (!complete && !anyChar)
            return false;   // end of input
        if (!anyChar)
            continue;       // blank line
        fields.clear();
        for (const FieldRef &r : m_refs)
            fields.emplace_back(r.scratchOffset == std::string::npos ? r.p : m_record.data() + r.scratchOffset, r.len);
        if (line)
            *line = startLine;
        return true;
    }
}

} // namespace reappro
