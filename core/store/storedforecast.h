// SPDX-License-Identifier: GPL-3.0-or-later
// A demand forecast as the store keeps it, for the UI to draw and explain:
// one run per period bucket (ForecastRun) and, in it, one StoredForecast per
// product and per product-and-care-unit series, with every input of the
// decision (history, demand class, ABC/XYZ, chosen model and its parameters,
// accuracy of the same rule on the end of the history).
#pragma once

#include "core/domain/classification.h"
#include "core/common/money.h"
#include "forecasting/demandclass.h"
#include "forecasting/select.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <limits>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace reappro {

enum class Bucket { Day, Week, Month };   // week = ISO week starting Monday

struct ForecastPoint {
    int step = 0;            // 1..horizon
    QDate periodStart;       // first day of the forecast period
    double mean = 0.0, lower = 0.0, upper = 0.0;   // dispensing units in the period
};

struct StoredForecast {
    qint64 id = 0, runId = 0;
    qint64 productId = 0;
    qint64 unitId = 0;                    // care unit; 0 = the whole product
    QString model;                        // the forecasting layer's name, "SBA(alpha=0.12)"
    QString modelFamily;                  // the same without parameters, "SBA"
    std::vector<std::pair<QString, double>> parameters;   // stored as a JSON object
    forecasting::DemandProfile profile;   // Syntetos-Boylan class, ADI, CV^2 of the history
    AbcClass abc = AbcClass::C;           // the product's (care-unit series share it)
    Money abcValue;                       // the product's consumption value over the ABC window
    double abcShareAbove = 1.0;           // value share of the products ranked above it
    XyzClass xyz = XyzClass::Z;           // this series' own
    double cv = std::numeric_limits<double>::quiet_NaN();   // NaN: no demand
    QDate historyFrom;                    // first period forecast from (leading zeros dropped)
    int historyPeriods = 0;
    forecasting::Holdout holdout;       // points == 0: history too short
    QString error;                        // not empty: no forecast, values empty
    std::vector<ForecastPoint> values;
};

struct ForecastRun {
    qint64 id = 0;
    QDateTime createdAt;                  // UTC
    Bucket bucket = Bucket::Week;
    int horizon = 0;
    QString method;                       // "auto" or the forced method
    int levelPercent = 95;                // prediction interval level
    int seasonPeriod = 1;
    QDate historyFrom, historyTo;         // first day of the first period, last day of the last complete one
    int historyPeriods = 0;
    QDate abcFrom, abcTo;                 // window of the ABC values
    qint64 productSeries = 0, unitSeries = 0, failedSeries = 0;
    double seconds = 0.0;                 // series, classes and forecasts (not the write)

    // Summary (Store::latestForecastRun, forecastDatabase).
    std::vector<std::pair<QString, qint64>> models;   // model family -> series, most used first
    std::map<QString, qint64> demandClasses;          // "smooth"... -> series (all levels)
    std::map<QString, qint64> abcProducts;            // "A".. -> products
    std::map<QString, qint64> xyzProducts;            // "X".. -> products
    qint64 holdoutSeries = 0;                      // series with a finite holdout MASE
    double medianMase = std::numeric_limits<double>::quiet_NaN();

    qint64 series() const { return productSeries + unitSeries; }
};

// "day", "week", "month".
QString bucketName(Bucket bucket);
std::optional<Bucket> bucketFromName(const QString &name);
// The model's name without its parameters: "SES(alpha=0.3) x seasonal(m=52,K=2)" -> "SES x seasonal".
QString modelFamily(const QString &model);
forecasting::DemandClass demandClassFromName(const QString &name);

} // namespace reappro
