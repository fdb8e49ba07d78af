// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/money.h"
#include "core/common/textparse.h"

#include <QLocale>

namespace reappro {

std::optional<Money> Money::parse(std::string_view text, char decimalSeparator)
{
    auto d = parseDecimal(text, decimalSeparator, 4);
    if (!d)
        return std::nullopt;
    return fromUnits(d->scaled);
}

qint64 Money::cents() const
{
    constexpr qint64 step = kScale / 100;
    const qint64 half = step / 2;
    return m_units >= 0 ? (m_units + half) / step : -((-m_units + half) / step);
}

QString Money::toPlainString() const
{
    const qint64 a = m_units < 0 ? -m_units : m_units;
    return QStringLiteral("%1%2.%3")
        .arg(m_units < 0 ? QStringLiteral("-") : QString())
        .arg(a / kScale)
        .arg(a % kScale, 4, 10, QLatin1Char('0'));
}

QString Money::toDisplayString(bool french) const
{
    const QLocale locale(french ? QLocale::French : QLocale::English, french ? QLocale::France : QLocale::UnitedKingdom);
    const qint64 c = cents();
    // Format the integer part exactly, then append exact cents.
    const qint64 a = c < 0 ? -c : c;
    const QString whole = locale.toString(a / 100);
    const QString frac = QStringLiteral("%1").arg(a % 100, 2, 10, QLatin1Char('0'));
    const QString sign = c < 0 ? QStringLiteral("-") : QString();
    if (french)
        return sign + whole + QLatin1Char(',') + frac + QStringLiteral("\u00a0€");
    return sign + QStringLiteral("€") + whole + QLatin1Char('.') + frac;
}

} // namespace reappro
