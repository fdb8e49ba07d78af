// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the tests: files written byte for byte, in a temp dir.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace testutil {

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// UTF-8 text -> Windows-1252 bytes (the accents French exports use).
inline QByteArray toCp1252(const QString &text)
{
    QByteArray out;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x100)
            out.append(char(u));
        else if (u == 0x20AC)
            out.append(char(0x80));
        else if (u == 0x153)
            out.append(char(0x9C));
        else if (u == 0x152)
            out.append(char(0x8C));
        else
            out.append('?');
    }
    return out;
}

inline QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

// Writes an .xlsx from a make_xlsx spec (see tests/fixtures/make_xlsx.cpp).
inline bool makeXlsx(const QTemporaryDir &dir, const QString &out, const QString &spec)
{
#ifdef REAPPRO_MAKE_XLSX
    const QString specPath = writeFile(dir, QFileInfo(out).fileName() + QStringLiteral(".tsv"), spec.toUtf8());
    return QProcess::execute(QStringLiteral(REAPPRO_MAKE_XLSX), {out, specPath}) == 0;
#else
    Q_UNUSED(dir);
    Q_UNUSED(out);
    Q_UNUSED(spec);
    return false;
#endif
}

struct RunResult {
    int exitCode = -1;
    QString out, err;
};

inline RunResult runCli(const QStringList &args, const QStringList &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(REAPPRO_CLI), args);
    if (!p.waitForFinished(600000))
        qWarning("reappro-cli timed out");
    RunResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace testutil
