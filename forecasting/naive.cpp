// SPDX-License-Identifier: GPL-3.0-or-later
// Naive and seasonal naive; see naive.h.
#include "forecasting/naive.h"

namespace reappro::forecasting {

ModelFit fitSeasonalNaive(std::span<const double> y, int period)
{
    const std::string label = period == 1 ? "Naive" : "Seasonal naive";
    validateSeries(y, label);
    if (period < 1)
        throw std::invalid_argument(label + ": period must be >= 1, got " + std::to_string(period));
    const std::size_t m = std::size_t(period);
    if (y.size() < m)
        throw std::invalid_argument(label + ": needs at least one full season (" + std::to_string(m) + " periods), got "
                                    + std::to_string(y.size()));
    ModelFit fit;
    fit.name = period == 1 ? "Naive" : "Seasonal naive(m=" + std::to_string(period) + ")";
    std::vector<double> fitted(y.size());
    for (std::size_t t = 0; t < y.size(); ++t)
        fitted[t] = t >= m ? y[t - m] : y[t];
    setInSample(fit, y, std::move(fitted));
    fit.state.assign(y.end() - std::ptrdiff_t(m), y.end());
    fit.nParams = 0;
    fit.project = [last = fit.state](int h) {
        Eigen::VectorXd mean(h);
        for (int j = 0; j < h; ++j)
            mean[j] = last[std::size_t(j) % last.size()];
        return mean;
    };
    return fit;
}

ModelFit fitNaive(std::span<const double> y) { return fitSeasonalNaive(y, 1); }

} // namespace reappro::forecasting
