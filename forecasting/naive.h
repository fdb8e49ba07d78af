// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks every other model must beat: naive (last value) and seasonal
// naive (value one season ago).
//
// Fitted values: y[t-1] (naive) or y[t-m] (seasonal naive); the first 1 or m
// periods have no predecessor and are fitted by themselves (residual 0).
// ModelFit::state: the values repeated by the forecast.
#pragma once

#include "forecasting/forecast.h"

namespace reappro::forecasting {

ModelFit fitNaive(std::span<const double> y);
// Throws std::invalid_argument if period < 1 or the history is shorter than
// one full season.
ModelFit fitSeasonalNaive(std::span<const double> y, int period);

} // namespace reappro::forecasting
