// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/import/: never include it from outside the folder. The
// sources the importer reads rows from: a CSV file (CsvReader) or the first
// worksheet of an .xlsx file (XlsxReader), both giving each row as UTF-8
// fields, with the format, encoding and delimiter the file report shows and
// a fingerprint of the file's bytes.
#pragma once

#include "core/common/csvreader.h"
#include "core/import/importprofile.h"
#include "core/import/xlsxreader.h"

#include <QString>
#include <QtGlobal>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reappro::importdetail {

class RowSource
{
public:
    virtual ~RowSource() = default;
    virtual bool next(std::vector<std::string_view> &fields, qint64 *line) = 0;
    virtual double fraction() const = 0;
    virtual quint64 fingerprint() const = 0;
    QString format, encoding, delimiter;
};

class CsvSource final : public RowSource
{
public:
    bool open(const QString &path, const FileProfile *p, QString *error);
    bool next(std::vector<std::string_view> &fields, qint64 *line) override { return m_reader.next(fields, line); }
    double fraction() const override { return m_reader.fileSize() > 0 ? double(m_reader.bytesRead()) / double(m_reader.fileSize()) : 1.0; }
    quint64 fingerprint() const override { return m_reader.fingerprint(); }
    char csvDelimiter() const { return m_reader.delimiter(); }
    std::optional<CsvReader::UnclosedQuote> unclosedQuote() const { return m_reader.unclosedQuote(); }
    TextEncoding textEncoding() const { return m_reader.encoding(); }

private:
    CsvReader m_reader;
};

class XlsxSource final : public RowSource
{
public:
    bool open(const QString &path, QString *error);
    bool next(std::vector<std::string_view> &fields, qint64 *line) override
    {
        if (!m_reader.next(m_cells, line))
            return false;
        fields.assign(m_cells.begin(), m_cells.end());
        return true;
    }
    double fraction() const override { return 0.0; }
    quint64 fingerprint() const override { return m_fingerprint; }
    QString error() const { return m_reader.error(); }

private:
    XlsxReader m_reader{','};
    std::vector<std::string> m_cells;
    quint64 m_fingerprint = 0;
};

// An .xlsx file (a zip archive, whatever its name) or else a CSV file, read
// with the profile's forced delimiter and encoding if given. Null on failure,
// *error then saying why.
std::unique_ptr<RowSource> openSource(const QString &path, const FileProfile *profile, QString *error);

inline QString fromUtf8(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

} // namespace reappro::importdetail
