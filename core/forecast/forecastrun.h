// SPDX-License-Identifier: GPL-3.0-or-later
// Forecasts the demand of a whole database and stores the run
// (Store::replaceForecastRun): one series per product, consumption or not,
// and one per product and care unit with consumption.
//
// The series (Store::consumption, the chosen bucket):
//  - history from the period of the first movement of the database to the
//    last COMPLETE period: data ending on a Wednesday drops that week, on the
//    15th that month (a day is complete once it has movements);
//  - a period whose returns exceed its issues counts as 0 demand (the
//    forecasting layer takes no negative demand);
//  - each series starts at its first period of demand (a product introduced
//    last spring is not "intermittent" because of the years before it); an
//    all-zero series keeps the whole history and gets the model "Zero".
// Seasonal period: 7 for days, 52 for weeks, 12 for months. Classes: the
// Syntetos-Boylan demand class of each series (forecasting layer), ABC of the
// product on its consumption value over the last 12 months of history, XYZ of
// each series on its history (core/domain/classification.h). Every series is also
// scored on its last `horizon` periods held out (forecasting::Holdout).
#pragma once

#include "core/store/store.h"
#include "forecasting/select.h"

#include <QString>
#include <atomic>
#include <cstddef>
#include <functional>

namespace reappro {

struct ForecastRunOptions {
    Bucket bucket = Bucket::Week;
    int horizon = 0;                 // periods; 0 = defaultHorizon(bucket)
    forecasting::Method method = forecasting::Method::Auto;
    int levelPercent = 95;           // prediction interval, 1..99
    int threads = 0;                 // 0 = every core
};

enum class ForecastRunStatus {
    Done,
    NoHistory,     // no movement, or no complete period yet: nothing stored
    Cancelled,     // nothing stored
    StoreFailed,   // the write failed: the previous run is kept whole (error says why)
};

struct ForecastRunOutcome {
    ForecastRunStatus status = ForecastRunStatus::Done;
    ForecastRun run;    // as stored, with its summary, when Done; else what was known
    QString error;      // StoreFailed: SQLite's message
};

int defaultHorizon(Bucket bucket);   // 28 days, 12 weeks, 6 months
int seasonalPeriod(Bucket bucket);   // 7, 52, 12
// Last day of the last complete period up to lastDay.
QDate lastCompleteDay(QDate lastDay, Bucket bucket);

// progress(done, total) over the series forecast, from worker threads (under
// a lock); stop cancels before anything is written.
ForecastRunOutcome forecastDatabase(Store &store, const ForecastRunOptions &options,
                                    const std::function<void(std::size_t, std::size_t)> &progress = {},
                                    const std::atomic<bool> *stop = nullptr);

} // namespace reappro
