// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming reader of delimited text exports: detects the encoding (UTF-8
// with or without BOM, UTF-16 with BOM, Windows-1252 / ISO-8859-1) and the
// delimiter (';', tab, ','), handles quoted fields spanning lines, and hands
// out one record at a time as UTF-8 views. The file is opened read-only and
// never held whole in memory.
#pragma once

#include <QFile>
#include <QString>
#include <QStringDecoder>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reappro {

enum class TextEncoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };
QString encodingName(TextEncoding e);
quint64 fingerprintBytes(quint64 seed, const char *data, qint64 size);

class CsvReader
{
public:
    CsvReader();
    ~CsvReader();

    // delimiter 0 = detect; forcedEncoding empty = detect.
    bool open(const QString &path, QString *error, char delimiter = 0, std::optional<TextEncoding> forcedEncoding = std::nullopt);

    TextEncoding encoding() const { return m_encoding; }
    char delimiter() const { return m_delimiter; }

    // The next record (blank lines skipped). Views stay valid until the next
    // call. *line = physical line where the record starts (1-based). False
    // at the end of the file, or at an unclosed quote (see unclosedQuote).
    bool next(std::vector<std::string_view> &fields, qint64 *line);

    // A quoted field that never closes (or spans more than kMaxQuotedLines
    // lines, which no line-per-record export means): the record that holds
    // it would swallow the rest of the file, so reading stops there. Where
    // it opens: the record's line and the field's 1-based position.
    static constexpr qint64 kMaxQuotedLines = 100;
    struct UnclosedQuote {
        qint64 line = 0;
        int column = 0;
    };
    std::optional<UnclosedQuote> unclosedQuote() const { return m_unclosedQuote; }

    qint64 bytesRead() const { return m_bytesRead; }
    // Hash of the raw bytes read so far (all of them once next() returned false).
    quint64 fingerprint() const { return m_fingerprint; }
    qint64 fileSize() const { return m_fileSize; }

private:
    bool fill();   // decodes one more chunk into m_buf; false at end of file
    void decodeChunk(const char *data, qint64 size, bool last);

    QFile m_file;
    TextEncoding m_encoding = TextEncoding::Utf8;
    char m_delimiter = ';';
    std::unique_ptr<QStringDecoder> m_utf16;
    std::string m_pendingBytes;   // incomplete UTF-8 sequence at a chunk end
    std::string m_buf;            // decoded UTF-8 not yet consumed
    size_t m_pos = 0;
    bool m_eof = false;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0, m_fileSize = 0;
    quint64 m_fingerprint = 0;
    std::string m_record;         // unescaped quoted fields of the current record
    struct FieldRef {
        const char *p;          // into m_buf, when scratchOffset == npos
        size_t len;
        size_t scratchOffset;   // into m_record
    };
    std::vector<FieldRef> m_refs;
    std::vector<char> m_chunk;
    std::optional<UnclosedQuote> m_unclosedQuote;
};

} // namespace reappro
