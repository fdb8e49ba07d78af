// SPDX-License-Identifier: GPL-3.0-or-later
// The row sources of rowsource.h: opening a CSV or .xlsx file, and telling
// which of the two a file is from its first bytes.
#include "core/import/rowsource.h"

#include <QByteArray>
#include <QFile>

namespace reappro::importdetail {

namespace {

bool isXlsx(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(4) == QByteArray("PK\x03\x04", 4);
}

} // namespace

bool CsvSource::open(const QString &path, const FileProfile *p, QString *error)
{
    if (!m_reader.open(path, error, p ? p->delimiter : 0, p ? p->encoding : std::nullopt))
        return false;
    format = QStringLiteral("CSV");
    encoding = encodingName(m_reader.encoding());
    delimiter = m_reader.delimiter() == '\t' ? QStringLiteral("tab") : QString(QLatin1Char(m_reader.delimiter()));
    return true;
}

bool XlsxSource::open(const QString &path, QString *error)
{
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        const QByteArray all = f.readAll();
        m_fingerprint = fingerprintBytes(0, all.constData(), all.size());
    }
    if (!m_reader.open(path, error))
        return false;
    format = QStringLiteral("XLSX");
    encoding = QStringLiteral("UTF-8");
    return true;
}

std::unique_ptr<RowSource> openSource(const QString &path, const FileProfile *profile, QString *error)
{
    if (isXlsx(path)) {
        auto x = std::make_unique<XlsxSource>();
        if (!x->open(path, error))
            return nullptr;
        return x;
    }
    auto c = std::make_unique<CsvSource>();
    if (!c->open(path, profile, error))
        return nullptr;
    return c;
}

} // namespace reappro::importdetail
