// SPDX-License-Identifier: GPL-3.0-or-later
// The series file format of the forecast benchmark kit (shared/bench):
// series.csv "series_id,t,value", meta.csv "series_id,period", and
// forecasts.csv "series_id,h,forecast,loNN,hiNN".
#pragma once

#include <QString>
#include <string>
#include <vector>

namespace reappro {

// The largest value a series file may hold (a trillion units a period).
inline constexpr double kMaxValue = 1e12;

struct SeriesSet {
    std::vector<std::string> ids;              // in order of first appearance
    std::vector<std::vector<double>> values;   // by t
    std::vector<int> periods;                  // from meta.csv, 1 when absent
};

// Reads series.csv (and meta.csv when metaPath is not empty). On bad input
// returns false with "file:line: what is wrong" in *error.
bool readSeriesSet(const QString &seriesPath, const QString &metaPath, SeriesSet *set, QString *error);

struct SeriesForecast {
    std::vector<double> mean, lower, upper;
};

// Writes forecasts.csv; level 95 names the interval columns lo95,hi95.
bool writeForecasts(const QString &path, const SeriesSet &set, const std::vector<SeriesForecast> &forecasts, int level, QString *error);

} // namespace reappro
