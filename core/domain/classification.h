// SPDX-License-Identifier: GPL-3.0-or-later
// ABC (by consumption value) and XYZ (by variability of demand) classes of
// the products and series a forecast run covers. Pure functions on numbers:
// the forecast run (core/forecast/forecastrun.h) chooses the windows and the series.
//
// ABC, on each product's consumption value (quantity x PMP) over the last 12
// months of history. Products are ranked by value, highest first (ties by
// the order given); a product's class depends on the share of the total value
// held by the products ranked ABOVE it:
//   A  that share < 80 %  (A fills up to 80 %: the product crossing 80 % is the last A)
//   B  that share < 95 %
//   C  the rest, and every product whose value is 0 or less (no PMP, no consumption)
// Counting the products above rather than the product itself keeps the top
// product A even when it alone is most of the value, and never puts a big
// product in C because it crosses 80 % and 95 % at once. Shares are compared
// in integer Money units, so a boundary case is decided exactly.
//
// XYZ, on the coefficient of variation CV = standard deviation / mean of the
// per-period demand (population standard deviation, zero periods included):
//   X  CV < 0.5   (steady: a forecast is reliable)
//   Y  CV < 1.0   (variable)
//   Z  CV >= 1.0, or no demand at all (erratic or rare: safety stock matters more)
#pragma once

#include "core/common/money.h"

#include <QString>
#include <span>
#include <vector>

namespace reappro {

enum class AbcClass { A, B, C };
enum class XyzClass { X, Y, Z };

inline constexpr int kAbcPercentA = 80;   // cumulative value share that A fills
inline constexpr int kAbcPercentB = 95;   // ... that A and B fill
inline constexpr double kXyzCvX = 0.5;
inline constexpr double kXyzCvY = 1.0;

struct AbcRank {
    AbcClass abc = AbcClass::C;
    double shareAbove = 0.0;   // share of the total value held by the products ranked above, 0..1
};

// One rank per value, in the order of `values`.
std::vector<AbcRank> classifyAbc(std::span<const Money> values);

// NaN when the series is empty or its mean is not > 0.
double coefficientOfVariation(std::span<const double> demand);
// NaN (no demand) gives Z.
XyzClass classifyXyz(double cv);

QString abcName(AbcClass c);   // "A", "B", "C"
QString xyzName(XyzClass c);   // "X", "Y", "Z"
AbcClass abcFromName(const QString &name);   // C when unknown
XyzClass xyzFromName(const QString &name);   // Z when unknown

} // namespace reappro
