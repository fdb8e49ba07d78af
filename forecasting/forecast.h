// SPDX-License-Identifier: GPL-3.0-or-later
// Common result types of the forecasting models: every family fits a
// series into a ModelFit and projects it with forecast(), so the selection
// step (written apart from the models) compares fits without knowing them.
#pragma once

#include <Eigen/Core>

#include <cmath>
#include <cstdio>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace reappro::forecasting {

struct ModelFit {
    std::string name;               // "SBA(alpha=0.12)": enough to redo the fit by hand
    std::vector<double> params;     // smoothing parameters, in the order of the name
    double sse = 0.0;               // sum of squared one-step in-sample errors
    int nParams = 0;                // estimated quantities (parameters + initial states), for information criteria
    std::vector<double> fitted;     // one-step in-sample forecasts, same length as the history
    std::vector<double> residuals;  // history - fitted
    std::vector<double> state;      // final states (level, trend, seasons...; per family, see its header)
    // Non-seasonal ETS only (else empty): level and trend after each period,
    // so the selection step can measure multi-step errors inside the history.
    std::vector<double> levels, trends;
    // Captures the final state by value so a fit outlives its history and
    // stays copyable; may return negative values, forecast() clamps them.
    std::function<Eigen::VectorXd(int h)> project;
};

struct Forecast {
    std::string model;
    Eigen::VectorXd mean; // h values
};

// Consumption cannot be negative: a trend extrapolated below zero means
// "nothing to order", so the point forecast is clamped at 0.
inline Forecast forecast(const ModelFit &fit, int h)
{
    if (h < 0)
        throw std::invalid_argument("forecast: horizon must be >= 0, got " + std::to_string(h));
    if (!fit.project)
        throw std::invalid_argument("forecast: model '" + fit.name + "' was not fitted");
    Forecast f{fit.name, h > 0 ? fit.project(h) : Eigen::VectorXd()};
    f.mean = f.mean.cwiseMax(0.0);
    return f;
}

// Callers pass data read from files: reject what no model can use with a
// message that says where the bad value is.
inline void validateSeries(std::span<const double> y, const std::string &model)
{
    if (y.empty())
        throw std::invalid_argument(model + ": empty series");
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (!std::isfinite(y[i]))
            throw std::invalid_argument(model + ": value at period " + std::to_string(i) + " is not a finite number");
        if (y[i] < 0.0) {
            char value[32];
            std::snprintf(value, sizeof value, "%g", y[i]);
            throw std::invalid_argument(model + ": negative consumption " + value + " at period " + std::to_string(i));
        }
    }
}

// Shared by the families so every fit fills fitted/residuals/sse the same way.
inline void setInSample(ModelFit &fit, std::span<const double> y, std::vector<double> fitted)
{
    fit.fitted = std::move(fitted);
    fit.residuals.resize(y.size());
    fit.sse = 0.0;
    for (std::size_t t = 0; t < y.size(); ++t) {
        fit.residuals[t] = y[t] - fit.fitted[t];
        fit.sse += fit.residuals[t] * fit.residuals[t];
    }
}

} // namespace reappro::forecasting
