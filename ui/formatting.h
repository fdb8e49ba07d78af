// SPDX-License-Identifier: GPL-3.0-or-later
// How numbers, money and dates look on screen, in one place so that the
// table, the summary strip and the import dialog agree.
#pragma once

#include "core/common/money.h"

#include <QDate>
#include <QLocale>
#include <QString>

class QDateEdit;
class QWidget;

namespace reappro {

// "1 234" or "12,5": quantities in dispensing units, at most 2 decimals,
// no trailing zeros.
QString formatQuantity(double value, const QLocale &locale);
// "1 234" (group separators) for counts.
QString formatCount(qint64 value, const QLocale &locale);
// "1 234,56" rounded to cents, exact (from integer cents, never a float),
// without the currency sign: the column header carries it.
QString formatMoneyAmount(Money value, const QLocale &locale);
// dd/MM/yyyy, the way French hospital software shows dates; empty if invalid.
QString formatDate(QDate date);
// A date field with a calendar, showing its date as formatDate does.
QDateEdit *newDateEdit(const QString &objectName, QWidget *parent);
// Plain text, escaped, in the error red, for a rich-text label.
QString errorHtml(const QString &text);

} // namespace reappro
