// SPDX-License-Identifier: GPL-3.0-or-later
// Accuracy of the forecasting rule on the held-out end of the history
// (SeriesSpec::holdout, ForecastResult::holdout): the last h periods are
// held out, the same rule (run(), same method and level) forecasts them from
// the rest, and the errors are summarised in the series' unit:
//   mae = mean |forecast - actual|, bias = mean (forecast - actual),
//   mase = mae / in-sample MAE of the seasonal naive on the shortened history
//   (lag = period, 1 if that history is not longer than a period; NaN if 0),
//   coverage = share of held-out actuals inside [lower, upper].
// Needs max(2h, 8) periods; a failure on the shortened history leaves the
// holdout empty (points = 0) rather than failing the whole forecast.
#include "forecasting/select_detail.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <exception>
#include <limits>
#include <span>

namespace reappro::forecasting::detail {

// Holds out the last `horizon` periods and forecasts them by the same rule
// from the rest. A failure on the shortened history is no error for the
// whole forecast: the holdout is then simply absent.
Holdout holdout(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, double level)
{
    Holdout b;
    const std::size_t h = std::size_t(std::max(horizon, 0));
    if (h == 0 || y.size() < std::max<std::size_t>(2 * h, 8))
        return b;
    const auto train = y.first(y.size() - h);
    const auto test = y.last(h);
    ForecastResult r;
    try {
        r = run(train, spec, horizon, method, level);
    } catch (const std::exception &) {
        return b;
    }
    const std::size_t lag = train.size() > std::size_t(spec.period) ? std::size_t(spec.period) : 1;
    double scale = 0.0;
    for (std::size_t t = lag; t < train.size(); ++t)
        scale += std::abs(train[t] - train[t - lag]);
    scale /= double(train.size() - lag);
    double inside = 0.0;
    for (std::size_t i = 0; i < h; ++i) {
        const Eigen::Index k = Eigen::Index(i);
        const double e = r.mean[k] - test[i];
        b.mae += std::abs(e);
        b.bias += e;
        inside += (test[i] >= r.lower[k] && test[i] <= r.upper[k]) ? 1.0 : 0.0;
    }
    b.points = int(h);
    b.mae /= double(h);
    b.bias /= double(h);
    b.coverage = inside / double(h);
    b.mase = scale > 0.0 ? b.mae / scale : std::numeric_limits<double>::quiet_NaN();
    return b;
}

} // namespace reappro::forecasting::detail
