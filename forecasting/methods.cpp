// SPDX-License-Identifier: GPL-3.0-or-later
// The table of forecasting methods (see methods.h) and the name lookups that
// read it. The rows follow the Method enum, which static_asserts below check
// at compile time. The interval rules restate, per method, what
// intervals.cpp does with the fit that fitMethod (selection.cpp) gives it:
// in them sigma is the one-step residual scale (after the warm-up, divided by
// the residual degrees of freedom), v_h the h-step variance, c_j the
// state-space weight of an innovation j periods later, m the period.
#include "forecasting/methods.h"

#include <array>
#include <cstddef>

namespace reappro::forecasting {

namespace {

// The same rule for the five: intervals.cpp's empiricalInterval.
constexpr std::string_view kCrostonInterval =
    "empirical: quantiles of the demand of the last min(n, 104) periods, rescaled outwards by forecast / window "
    "mean; a lower bound of 0 gives the upper tail the whole miss budget; erratic demand: split-conformal upper rank";

constexpr std::array<MethodInfo, 14> kMethods{{
    {Method::Auto, "auto", "automatic",
     "that of the model chosen (rows below); with a seasonal decomposition each side is multiplied by the index and "
     "the index's standard error times the forecast is added in quadrature; all-zero history: [0, 0]",
     "Per-series choice by Syntetos-Boylan demand class: SES or damped Holt by AICc, the Croston family by hold-out "
     "MAE, rolling origins between the two for erratic demand, after a harmonic seasonal decomposition"},
    {Method::Ses, "ses", "exponential smoothing",
     "parametric: ETS(A,N,N) variance v_h = sigma^2 (1 + (h-1) alpha^2), Student t quantiles, widened to the "
     "empirical residual quantiles (40+ residuals) and to the quantiles of the h-step errors inside the history (30+ "
     "origins)",
     "Simple exponential smoothing, ETS(A,N,N) (Brown 1959; Hyndman et al. 2008)"},
    {Method::Holt, "holt", "exponential smoothing",
     "parametric: ETS(A,A,N) variance v_h = sigma^2 (1 + sum_{j<h} c_j^2), c_j = alpha + beta* j, Student t "
     "quantiles, widened to the empirical residual quantiles (40+ residuals) and to the quantiles of the h-step "
     "errors inside the history (30+ origins)",
     "Holt's linear trend, ETS(A,A,N) (Holt 1957)"},
    {Method::HoltDamped, "holt-damped", "exponential smoothing",
     "parametric: ETS(A,Ad,N) variance v_h = sigma^2 (1 + sum_{j<h} c_j^2), c_j = alpha + beta* (phi + ... + "
     "phi^j), Student t quantiles, widened to the empirical residual quantiles (40+ residuals) and to the quantiles "
     "of the h-step errors inside the history (30+ origins)",
     "Holt's trend damped by phi, ETS(A,Ad,N) (Gardner & McKenzie 1985)"},
    {Method::HwAdd, "hw-add", "exponential smoothing",
     "parametric: ETS(A,A,A) variance v_h = sigma^2 (1 + sum_{j<h} c_j^2), c_j = alpha + beta* j + gamma* [j mod m "
     "== 0], Student t quantiles, widened to the empirical residual quantiles (40+ residuals after the first season)",
     "Holt-Winters with additive seasonality, one state per period of the season (Winters 1960)"},
    {Method::HwMul, "hw-mul", "exponential smoothing",
     "parametric, approximate: the additive-error variance of hw-add (c_j = alpha + beta* j + gamma* [j mod m == "
     "0]), Student t quantiles, widened to the empirical residual quantiles (40+ residuals after the first season)",
     "Holt-Winters with multiplicative seasonality; needs every period > 0 (Winters 1960)"},
    {Method::Croston, "croston", "Croston family", kCrostonInterval,
     "Sizes and intervals between demands smoothed separately (Croston 1972)"},
    {Method::Sba, "sba", "Croston family", kCrostonInterval,
     "Syntetos-Boylan approximation, Croston x (1 - alpha/2) without its bias (Syntetos & Boylan 2005)"},
    {Method::Tsb, "tsb", "Croston family", kCrostonInterval,
     "Teunter-Syntetos-Babai: the probability of demand smoothed every period, so it decays when use stops "
     "(Teunter et al. 2011)"},
    {Method::Adida, "adida", "Croston family", kCrostonInterval,
     "Aggregate-disaggregate: SES on buckets of the mean inter-demand interval, spread evenly (Nikolopoulos et al. "
     "2011)"},
    {Method::Imapa, "imapa", "Croston family", kCrostonInterval,
     "Mean of the ADIDA forecasts at every aggregation level 1..K (Petropoulos & Kourentzes 2015)"},
    {Method::Naive, "naive", "naive",
     "parametric random walk: v_h = sigma^2 h, Student t quantiles, widened to the empirical residual quantiles (40+ "
     "residuals)",
     "Last value repeated: the benchmark every model must beat"},
    {Method::SNaive, "snaive", "naive",
     "parametric: v_h = sigma^2 (1 + floor((h-1)/m)), Student t quantiles, widened to the empirical residual "
     "quantiles (40+ residuals after the first season)",
     "Value one season ago repeated: the seasonal benchmark"},
    {Method::Theta, "theta", "theta",
     "parametric as ses: the SES variance v_h = sigma^2 (1 + (h-1) alpha^2) (the drift adds none), Student t "
     "quantiles, widened to the empirical residual quantiles (40+ residuals) and to the quantiles of the h-step "
     "errors of the SES level inside the history (30+ origins)",
     "SES plus half the least-squares slope (Assimakopoulos & Nikolopoulos 2000; as SES with drift, Hyndman & "
     "Billah 2003)"},
}};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kMethods.size(); ++i)
        if (kMethods[i].method != Method(i))
            return false;
    return true;
}
static_assert(inEnumOrder(), "methods(): one row per Method, in enum order");
// Theta is the last enumerator: a Method added after it needs a row here and this check updated.
static_assert(kMethods.size() == std::size_t(Method::Theta) + 1, "methods(): one row per Method");

} // namespace

std::span<const MethodInfo> methods() { return kMethods; }

std::optional<Method> methodFromName(std::string_view name)
{
    for (const auto &m : kMethods)
        if (m.name == name)
            return m.method;
    return std::nullopt;
}

std::string_view methodName(Method method)
{
    for (const auto &m : kMethods)
        if (m.method == method)
            return m.name;
    return {};
}

std::string methodNamesList()
{
    std::string list;
    for (const auto &m : kMethods) {
        if (!list.empty())
            list += ", ";
        list += m.name;
    }
    return list;
}

} // namespace reappro::forecasting
