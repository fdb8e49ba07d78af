// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital, text output: the bytes of the exports, ';'-separated,
// Windows-1252, CRLF, decimal comma. appendCp1252 and cp1252 turn texts into
// Windows-1252, appendInt and appendPadded write integers without going
// through a locale, priceText writes a price as "25,14", and OutFile is the
// buffered writer of each file. Private to core/demo/.
#pragma once

#include "core/common/money.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <cstddef>
#include <string>

namespace reappro::demo {

// Windows-1252 bytes of a UTF-16 string: Latin-1 maps to itself, the
// 0x80-0x9F block holds the typographic characters. In a field, ';' would
// split the line, so it becomes ','.
void appendCp1252(std::string &out, QStringView s, bool field = true);

// Whole lines and fixed texts.
std::string cp1252(const char *utf8);

inline void appendInt(std::string &out, qint64 v)
{
    char buf[24];
    int n = 0;
    const bool negative = v < 0;
    quint64 u = negative ? quint64(-(v + 1)) + 1 : quint64(v);
    do {
        buf[n++] = char('0' + u % 10);
        u /= 10;
    } while (u);
    if (negative)
        out.push_back('-');
    while (n)
        out.push_back(buf[--n]);
}

inline void appendPadded(std::string &out, qint64 v, int width)
{
    char buf[24];
    int n = 0;
    quint64 u = quint64(std::max<qint64>(0, v));
    do {
        buf[n++] = char('0' + u % 10);
        u /= 10;
    } while (u);
    for (int i = n; i < width; ++i)
        out.push_back('0');
    while (n)
        out.push_back(buf[--n]);
}

// Money units (1/10000 EUR) as "25,14", "0,0345", "12,50": two to four
// decimals, no thousands separator.
std::string priceText(Money m);

// Buffered file writer that remembers the first error.
class OutFile
{
public:
    bool open(const QString &path, const char *headerUtf8, QString *error)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), m_file.errorString());
            return false;
        }
        m_buf = cp1252(headerUtf8);
        m_buf += "\r\n";
        return true;
    }
    std::string &buffer() { return m_buf; }
    void endLine()
    {
        m_buf += "\r\n";
        if (m_buf.size() > (4u << 20))
            flush();
    }
    void append(const std::string &chunk)
    {
        if (m_buf.size() + chunk.size() > (4u << 20))
            flush();
        if (chunk.size() > (4u << 20))
            write(chunk.data(), chunk.size());
        else
            m_buf += chunk;
    }
    void flush()
    {
        write(m_buf.data(), m_buf.size());
        m_buf.clear();
    }
    bool close(QString *error)
    {
        flush();
        if (m_ok && !m_file.flush())
            m_ok = false;
        if (!m_ok && error)
            *error = QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        m_file.close();
        return m_ok;
    }
    QString path() const { return QFileInfo(m_file).absoluteFilePath(); }

private:
    void write(const char *data, size_t size)
    {
        if (m_ok && size && m_file.write(data, qint64(size)) != qint64(size))
            m_ok = false;
    }
    QFile m_file;
    std::string m_buf;
    bool m_ok = true;
};

} // namespace reappro::demo
