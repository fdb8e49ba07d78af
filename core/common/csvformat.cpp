// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/csvformat.h"

#include <QSaveFile>

namespace reappro {

QString csvCell(QString value, QChar delimiter)
{
    if (value.contains(delimiter) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n')))
        value = QLatin1Char('"') + value.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return value;
}

QString csvNumber(double value, int decimals, QChar decimalPoint)
{
    QString s = QString::number(value, 'f', decimals);
    if (decimals > 0) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    if (s == QLatin1String("-0"))
        s = QStringLiteral("0");
    return decimalPoint == QLatin1Char('.') ? s : s.replace(QLatin1Char('.'), decimalPoint);
}

bool writeOutputFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace reappro
