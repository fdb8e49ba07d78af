// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/storedforecast.h"

#include <algorithm>

namespace reappro {

QString bucketName(Bucket bucket)
{
    switch (bucket) {
    case Bucket::Day: return QStringLiteral("day");
    case Bucket::Week: return QStringLiteral("week");
    case Bucket::Month: return QStringLiteral("month");
    }
    return QStringLiteral("week");
}

std::optional<Bucket> bucketFromName(const QString &name)
{
    for (Bucket b : {Bucket::Day, Bucket::Week, Bucket::Month})
        if (name == bucketName(b))
            return b;
    return std::nullopt;
}

QString modelFamily(const QString &model)
{
    QString out;
    int depth = 0;
    for (QChar c : model) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            depth = std::max(0, depth - 1);
        else if (depth == 0)
            out += c;
    }
    return out.simplified();
}

forecasting::DemandClass demandClassFromName(const QString &name)
{
    using forecasting::DemandClass;
    for (DemandClass c : {DemandClass::Smooth, DemandClass::Erratic, DemandClass::Intermittent, DemandClass::Lumpy}) {
        const std::string_view n = forecasting::demandClassName(c);
        if (name == QLatin1String(n.data(), qsizetype(n.size())))
            return c;
    }
    return DemandClass::NoDemand;
}

} // namespace reappro
