// SPDX-License-Identifier: GPL-3.0-or-later
// Syntetos-Boylan demand classification; see demandclass.h.
#include "forecasting/demandclass.h"

namespace reappro::forecasting {

DemandProfile classifyDemand(std::span<const double> series)
{
    DemandProfile p;
    double sum = 0.0, sumSq = 0.0;
    for (double v : series) {
        if (v > 0.0) {
            ++p.nonZeroPeriods;
            sum += v;
            sumSq += v * v;
        }
    }
    if (p.nonZeroPeriods == 0)
        return p;
    // ADI over the whole series length: a product used once in a year is
    // intermittent even if that use was in the last period.
    p.adi = double(series.size()) / p.nonZeroPeriods;
    const double mean = sum / p.nonZeroPeriods;
    const double var = p.nonZeroPeriods > 1 ? (sumSq - p.nonZeroPeriods * mean * mean) / (p.nonZeroPeriods - 1) : 0.0;
    p.cv2 = var > 0.0 ? var / (mean * mean) : 0.0;
    const bool intermittent = p.adi >= kAdiCut;
    const bool variable = p.cv2 >= kCv2Cut;
    p.demandClass = intermittent ? (variable ? DemandClass::Lumpy : DemandClass::Intermittent)
                                 : (variable ? DemandClass::Erratic : DemandClass::Smooth);
    return p;
}

std::string_view demandClassName(DemandClass c)
{
    switch (c) {
    case DemandClass::Smooth: return "smooth";
    case DemandClass::Erratic: return "erratic";
    case DemandClass::Intermittent: return "intermittent";
    case DemandClass::Lumpy: return "lumpy";
    case DemandClass::NoDemand: return "none";
    }
    return "none";
}

} // namespace reappro::forecasting
