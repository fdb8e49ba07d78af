// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/classification.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace reappro {

std::vector<AbcRank> classifyAbc(std::span<const Money> values)
{
    std::vector<AbcRank> ranks(values.size());
    std::vector<size_t> order;
    qint64 total = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        if (values[i].units() > 0) {
            order.push_back(i);
            total += values[i].units();
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] > values[b]; });
    qint64 above = 0;
    for (size_t i : order) {
        // above / total < p / 100, in integers.
        AbcRank &r = ranks[i];
        r.abc = above * 100 < total * kAbcPercentA ? AbcClass::A : above * 100 < total * kAbcPercentB ? AbcClass::B : AbcClass::C;
        r.shareAbove = double(above) / double(total);
        above += values[i].units();
    }
    for (size_t i = 0; i < values.size(); ++i)
        if (values[i].units() <= 0)
            ranks[i].shareAbove = 1.0;
    return ranks;
}

double coefficientOfVariation(std::span<const double> demand)
{
    if (demand.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const double n = double(demand.size());
    const double mean = std::accumulate(demand.begin(), demand.end(), 0.0) / n;
    if (!(mean > 0.0))
        return std::numeric_limits<double>::quiet_NaN();
    double ss = 0.0;
    for (double v : demand)
        ss += (v - mean) * (v - mean);
    return std::sqrt(ss / n) / mean;
}

XyzClass classifyXyz(double cv)
{
    if (std::isnan(cv))
        return XyzClass::Z;
    return cv < kXyzCvX ? XyzClass::X : cv < kXyzCvY ? XyzClass::Y : XyzClass::Z;
}

QString abcName(AbcClass c)
{
    switch (c) {
    case AbcClass::A: return QStringLiteral("A");
    case AbcClass::B: return QStringLiteral("B");
    case AbcClass::C: return QStringLiteral("C");
    }
    return QStringLiteral("C");
}

QString xyzName(XyzClass c)
{
    switch (c) {
    case XyzClass::X: return QStringLiteral("X");
    case XyzClass::Y: return QStringLiteral("Y");
    case XyzClass::Z: return QStringLiteral("Z");
    }
    return QStringLiteral("Z");
}

AbcClass abcFromName(const QString &name)
{
    return name == QLatin1String("A") ? AbcClass::A : name == QLatin1String("B") ? AbcClass::B : AbcClass::C;
}

XyzClass xyzFromName(const QString &name)
{
    return name == QLatin1String("X") ? XyzClass::X : name == QLatin1String("Y") ? XyzClass::Y : XyzClass::Z;
}

} // namespace reappro
