// SPDX-License-Identifier: GPL-3.0-or-later
// Syntetos-Boylan demand classification of a consumption series.
// Pure C++: the forecasting layer knows periods, never dates.
#pragma once

#include <span>
#include <string_view>

namespace reappro::forecasting {

enum class DemandClass { Smooth, Erratic, Intermittent, Lumpy, NoDemand };

struct DemandProfile {
    DemandClass demandClass = DemandClass::NoDemand;
    double adi = 0.0;        // average inter-demand interval, in periods
    double cv2 = 0.0;        // squared coefficient of variation of non-zero sizes
    int nonZeroPeriods = 0;
};

// Cut-offs of Syntetos, Boylan & Croston (2005).
inline constexpr double kAdiCut = 1.32;
inline constexpr double kCv2Cut = 0.49;

DemandProfile classifyDemand(std::span<const double> series);
std::string_view demandClassName(DemandClass c);

} // namespace reappro::forecasting
