// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/formatting.h"

#include <QDateEdit>

#include <cmath>

namespace reappro {

namespace {
const QString kDateFormat = QStringLiteral("dd/MM/yyyy");
}

QString formatQuantity(double value, const QLocale &locale)
{
    const double rounded = std::round(value * 100.0) / 100.0;
    if (rounded == std::trunc(rounded))
        return locale.toString(qint64(rounded));
    QString s = locale.toString(rounded, 'f', 2);
    if (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    return s;
}

QString formatCount(qint64 value, const QLocale &locale) { return locale.toString(value); }

QString formatMoneyAmount(Money value, const QLocale &locale)
{
    const qint64 c = value.cents();
    const qint64 a = c < 0 ? -c : c;
    return (c < 0 ? locale.negativeSign() : QString()) + locale.toString(a / 100) + locale.decimalPoint()
           + QStringLiteral("%1").arg(a % 100, 2, 10, QLatin1Char('0'));
}

QString formatDate(QDate date) { return date.isValid() ? date.toString(kDateFormat) : QString(); }

QDateEdit *newDateEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(kDateFormat);
    return edit;
}

QString errorHtml(const QString &text) { return QStringLiteral("<span style='color:#b71c1c'>%1</span>").arg(text.toHtmlEscaped()); }

} // namespace reappro
