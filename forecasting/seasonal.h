// SPDX-License-Identifier: GPL-3.0-or-later
// Seasonal indices for series too short or too noisy for Holt-Winters to
// estimate one state per period (52 weekly indices from three years of
// history is mostly noise).
//
// Method (classical decomposition, then a smooth seasonal curve):
//  1. trend-cycle = centred moving average over one period (2 x m MA for an
//     even m), defined for periods m/2 .. n-1-m/2;
//  2. ratios r_t = y_t / trend_t where the trend is > 0;
//  3. r_t is regressed on K harmonics, 1 + sum_k a_k cos(2 pi k t/m)
//     + b_k sin(2 pi k t/m), for K = 0 .. Kmax, Kmax = min(m/2, 12) and at
//     most a quarter as many coefficients as ratios; the smallest BIC picks
//     K. K = 0 means "no seasonality found": a flat index;
//  4. the harmonic coefficients are shrunk towards 0 (positive-part
//     James-Stein), so a pattern barely above the noise is damped;
//  5. the curve, evaluated at each phase, floored at kMinSeasonalIndex and
//     scaled to mean 1 over a period, is the multiplicative seasonal index;
//     its standard error at each phase (from the regression) widens the
//     prediction intervals.
// A few harmonics describe a yearly epidemic wave with few coefficients, so
// the index is estimated from all years at once instead of one noisy value
// per week. Hyndman & Athanasopoulos, FPP3, sections 3.4 and 12.1 (harmonic
// regression for long seasonal periods).
#pragma once

#include <span>
#include <vector>

namespace reappro::forecasting {

inline constexpr double kMinSeasonalIndex = 0.1;

struct SeasonalIndex {
    int period = 1;
    int harmonics = 0;         // K chosen; 0 = flat index (no seasonality)
    double strength = 0.0;     // James-Stein factor applied to the harmonics, in (0, 1]
    std::vector<double> index; // `period` values, mean 1; index[t % period] applies to period t
    std::vector<double> error; // standard error of each index (same scale), for prediction intervals

    bool seasonal() const { return harmonics > 0; }
    // Harmonic coefficients estimated (2K, one less when the last harmonic is
    // the Nyquist one, whose sine is zero).
    int coefficients() const { return 2 * harmonics - (period % 2 == 0 && 2 * harmonics == period ? 1 : 0); }
    double at(std::size_t t) const { return index.empty() ? 1.0 : index[t % index.size()]; }
    double errorAt(std::size_t t) const { return error.empty() ? 0.0 : error[t % error.size()]; }
};

// Needs period >= 2 and two full periods of history, else returns a flat
// index. y must be valid (finite, >= 0).
SeasonalIndex estimateSeasonality(std::span<const double> y, int period);

} // namespace reappro::forecasting
