// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/criticality.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace reappro {

Criticality criticalityOf(const Product &product)
{
    if (product.mitm || product.ven == VenClass::Vital)
        return Criticality::Vital;
    return product.ven == VenClass::Essential ? Criticality::Essential : Criticality::Other;
}

std::vector<Criticality> applyCalibration(const ServiceCalibration &calibration, ServiceTargets &targets)
{
    std::vector<Criticality> applied;
    for (Criticality c : kAllCriticalities) {
        const auto target = calibration.target.find(c), aim = calibration.aim.find(c);
        if (target == calibration.target.end() || aim == calibration.aim.end() || std::abs(target->second - targets.of(c)) > 1e-9)
            continue;
        targets.of(c) = aim->second;
        applied.push_back(c);
    }
    return applied;
}

QString calibrationText(const ServiceCalibration &calibration, const std::vector<Criticality> &classes, Language language)
{
    const bool fr = language == Language::French;
    const QLocale locale(fr ? QLocale::French : QLocale::English);
    const auto pct = [&](double v) { return locale.toString(v * 100.0, 'f', 1) + (fr ? QStringLiteral(" %") : QStringLiteral("%")); };
    QStringList parts;
    for (Criticality c : kAllCriticalities) {
        if (!classes.empty() && std::find(classes.begin(), classes.end(), c) == classes.end())
            continue;
        const auto aim = calibration.aim.find(c), target = calibration.target.find(c);
        if (aim == calibration.aim.end() || target == calibration.target.end())
            continue;
        parts << (fr ? QStringLiteral("%1 %2 (cible %3)") : QStringLiteral("%1 %2 (target %3)"))
                     .arg(criticalityLabel(c, language), pct(aim->second), pct(target->second));
    }
    return parts.join(QStringLiteral(", "));
}

QString criticalityCode(Criticality c)
{
    switch (c) {
    case Criticality::Vital: return QStringLiteral("vital");
    case Criticality::Essential: return QStringLiteral("essential");
    case Criticality::Other: return QStringLiteral("other");
    }
    return {};
}

QString criticalityLabel(Criticality c, Language language)
{
    const bool fr = language == Language::French;
    switch (c) {
    case Criticality::Vital: return fr ? QStringLiteral("vital / MITM") : QStringLiteral("vital / MITM");
    case Criticality::Essential: return fr ? QStringLiteral("essentiel") : QStringLiteral("essential");
    case Criticality::Other: return fr ? QStringLiteral("autre") : QStringLiteral("other");
    }
    return {};
}

double ServiceTargets::of(Criticality c) const { return const_cast<ServiceTargets *>(this)->of(c); }

double &ServiceTargets::of(Criticality c)
{
    switch (c) {
    case Criticality::Vital: return vital;
    case Criticality::Essential: return essential;
    case Criticality::Other: return other;
    }
    return other;
}

double ServiceTargets::lowest(Criticality c) const
{
    switch (c) {
    case Criticality::Vital: return std::min(vitalMin, vital);
    case Criticality::Essential: return std::min(essentialMin, essential);
    case Criticality::Other: return std::min(otherMin, other);
    }
    return other;
}

bool ServiceTargets::parse(const QString &text, QString *error)
{
    ServiceTargets t = *this;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList kv = item.trimmed().split(QLatin1Char('='));
        bool ok = kv.size() == 2;
        double v = ok ? kv[1].trimmed().toDouble(&ok) : 0.0;
        if (ok && v > 1.0)
            v /= 100.0;
        ok = ok && v > 0.5 && v <= 0.9999;
        const QString key = kv.value(0).trimmed().toLower();
        if (ok && key == QLatin1String("vital"))
            t.vital = v;
        else if (ok && key == QLatin1String("essential"))
            t.essential = v;
        else if (ok && key == QLatin1String("other"))
            t.other = v;
        else if (ok && key == QLatin1String("vital_min"))
            t.vitalMin = v;
        else if (ok && key == QLatin1String("essential_min"))
            t.essentialMin = v;
        else if (ok && key == QLatin1String("other_min"))
            t.otherMin = v;
        else {
            if (error)
                *error = QStringLiteral("service level '%1': expected vital|essential|other[_min]=LEVEL, "
                                        "LEVEL between 50 and 99.99 (percent) or 0.5 and 0.9999")
                             .arg(item.trimmed());
            return false;
        }
    }
    *this = t;
    return true;
}

} // namespace reappro
