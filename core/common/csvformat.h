// SPDX-License-Identifier: GPL-3.0-or-later
// How Reappro writes the cells of the CSV files it produces (import
// report, orders, par levels, replay details), so they read back the same
// everywhere.
#pragma once

#include <QByteArray>
#include <QChar>
#include <QString>

namespace reappro {

// The value as is, or quoted (inner quotes doubled) when it holds the
// delimiter, a quote or a line break (RFC 4180).
QString csvCell(QString value, QChar delimiter);

// Fixed `decimals`, trailing zeros and a bare point dropped, "-0" as "0";
// no thousands separator (spreadsheets read "1234,5", not "1 234,5").
QString csvNumber(double value, int decimals, QChar decimalPoint = QLatin1Char('.'));

// Writes the whole file or nothing (QSaveFile: a failure leaves any earlier
// file at `path` as it was). False on failure, with *error when `error` is
// given.
bool writeOutputFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace reappro
