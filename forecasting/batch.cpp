// SPDX-License-Identifier: GPL-3.0-or-later
// The public forecasting entry points for one series and for many:
// forecastSeries turns run()'s exceptions into ForecastResult::error and adds
// the holdout when asked; forecastBatch spreads series over worker
// threads. Each series is computed alone from its own data, so results are
// identical whatever the thread count or the order the threads take them.
#include "forecasting/select_detail.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace reappro::forecasting {

using detail::holdout;
using detail::run;

ForecastResult forecastSeries(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, double level)
{
    try {
        ForecastResult r = run(y, spec, horizon, method, level);
        if (spec.holdout)
            r.holdout = holdout(y, spec, horizon, method, level);
        return r;
    } catch (const std::exception &e) {
        ForecastResult r;
        r.error = e.what();
        return r;
    }
}

std::vector<ForecastResult> forecastBatch(const std::vector<std::vector<double>> &series, const std::vector<SeriesSpec> &specs, int horizon,
                                          Method method, double level, int threads,
                                          const std::function<void(std::size_t, std::size_t)> &progress, const std::atomic<bool> *stop)
{
    const std::size_t total = series.size();
    if (!specs.empty() && specs.size() != 1 && specs.size() != total)
        throw std::invalid_argument("forecastBatch: " + std::to_string(specs.size()) + " specs for " + std::to_string(total) + " series");
    const SeriesSpec defaultSpec;
    auto specOf = [&](std::size_t i) -> const SeriesSpec & {
        return specs.empty() ? defaultSpec : specs.size() == 1 ? specs[0] : specs[i];
    };

    std::vector<ForecastResult> results(total);
    std::atomic<std::size_t> next{0};
    std::mutex progressMutex;
    std::size_t done = 0;
    // Each series is computed alone from its own data, so the result cannot
    // depend on which thread takes it or in which order.
    auto worker = [&] {
        for (std::size_t i = next.fetch_add(1); i < total; i = next.fetch_add(1)) {
            if (stop && stop->load()) {
                results[i].error = "cancelled";
            } else {
                results[i] = forecastSeries(series[i], specOf(i), horizon, method, level);
            }
            std::lock_guard lock(progressMutex);
            ++done;
            if (progress)
                progress(done, total);
        }
    };

    std::size_t nThreads = threads > 0 ? std::size_t(threads) : std::max(1u, std::thread::hardware_concurrency());
    nThreads = std::min(nThreads, std::max<std::size_t>(total, 1));
    if (nThreads <= 1) {
        worker();
        return results;
    }
    std::vector<std::jthread> pool;
    pool.reserve(nThreads);
    for (std::size_t t = 0; t < nThreads; ++t)
        pool.emplace_back(worker);
    pool.clear(); // joins
    return results;
}

} // namespace reappro::forecasting
