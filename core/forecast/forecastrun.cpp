// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/forecast/forecastrun.h"
#include "core/domain/classification.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

namespace reappro {

namespace {

// Sums of doubles in SQL leave residues such as 1e-16 where issues and
// returns cancel out; they must not count as a period of demand.
constexpr double kQuantityEpsilon = 1e-9;

struct SeriesKey {
    qint64 productId = 0, unitId = 0;
    int offset = 0;   // periods dropped before the first demand
};

// Demand for the forecasting layer: no negative periods, no residues, and
// the leading periods without demand dropped (all kept when there is none).
std::vector<double> demandHistory(std::vector<double> values, int *offset)
{
    for (double &v : values)
        v = v > kQuantityEpsilon ? v : 0.0;
    const auto first = std::find_if(values.begin(), values.end(), [](double v) { return v > 0.0; });
    *offset = first == values.end() ? 0 : int(first - values.begin());
    values.erase(values.begin(), values.begin() + *offset);
    return values;
}

// The forecasting layer names a model with its parameters, "SBA(alpha=0.12)";
// it may also list them (ForecastResult::parameters), which is preferred.
std::vector<std::pair<QString, double>> parametersOf(const forecasting::ForecastResult &r)
{
    std::vector<std::pair<QString, double>> out;
    for (const auto &[name, value] : r.parameters)
        out.emplace_back(QString::fromStdString(name), value);
    if (!out.empty())
        return out;
    static const QRegularExpression pair(QStringLiteral("(\\w+)=([^,()\\s]+)"));
    auto it = pair.globalMatch(QString::fromStdString(r.model));
    while (it.hasNext()) {
        const auto m = it.next();
        bool ok = false;
        const double v = m.captured(2).toDouble(&ok);
        if (ok)
            out.emplace_back(m.captured(1), v);
    }
    return out;
}

} // namespace

int defaultHorizon(Bucket bucket)
{
    switch (bucket) {
    case Bucket::Day: return 28;
    case Bucket::Week: return 12;
    case Bucket::Month: return 6;
    }
    return 12;
}

int seasonalPeriod(Bucket bucket)
{
    switch (bucket) {
    case Bucket::Day: return 7;
    case Bucket::Week: return 52;
    case Bucket::Month: return 12;
    }
    return 1;
}

QDate lastCompleteDay(QDate lastDay, Bucket bucket)
{
    const QDate start = Store::periodStart(lastDay, bucket);
    const QDate end = Store::nextPeriod(start, bucket).addDays(-1);
    return end == lastDay ? lastDay : start.addDays(-1);
}

ForecastRunOutcome forecastDatabase(Store &store, const ForecastRunOptions &options,
                                    const std::function<void(std::size_t, std::size_t)> &progress, const std::atomic<bool> *stop)
{
    QElapsedTimer timer;
    timer.start();
    ForecastRunOutcome out;
    ForecastRun &run = out.run;
    run.createdAt = QDateTime::currentDateTimeUtc();
    run.bucket = options.bucket;
    run.horizon = options.horizon > 0 ? options.horizon : defaultHorizon(options.bucket);
    const std::string_view method = forecasting::methodName(options.method);
    run.method = QString::fromLatin1(method.data(), qsizetype(method.size()));
    run.levelPercent = options.levelPercent;
    run.seasonPeriod = seasonalPeriod(options.bucket);

    // One snapshot for every read: an import committing meanwhile (the GUI
    // imports on its own connection) cannot shift the history between queries.
    StoreSnapshot snapshot(store);
    const StoreInfo info = store.info();
    if (!info.firstMovement.isValid()) {
        out.status = ForecastRunStatus::NoHistory;
        return out;
    }
    run.historyFrom = Store::periodStart(info.firstMovement, run.bucket);
    run.historyTo = lastCompleteDay(info.lastMovement, run.bucket);
    for (QDate d = run.historyFrom; d <= run.historyTo; d = Store::nextPeriod(d, run.bucket))
        ++run.historyPeriods;
    if (run.historyPeriods == 0) {
        out.status = ForecastRunStatus::NoHistory;
        return out;
    }
    const size_t n = size_t(run.historyPeriods);

    // ABC: every product, on the last 12 months of the history.
    run.abcTo = run.historyTo;
    run.abcFrom = std::max(run.historyTo.addMonths(-12).addDays(1), info.firstMovement);
    const std::vector<ProductConsumption> totals = store.consumptionTotals(run.abcFrom, run.abcTo);
    std::vector<Money> values;
    values.reserve(totals.size());
    for (const ProductConsumption &c : totals)
        values.push_back(c.unitPrice.times(std::max(c.quantity, 0.0)));
    const std::vector<AbcRank> ranks = classifyAbc(values);
    std::map<qint64, size_t> productIndex;
    for (size_t i = 0; i < totals.size(); ++i)
        productIndex.emplace(totals[i].productId, i);

    // The series: every product, then every product and care unit with consumption.
    std::vector<SeriesKey> keys;
    std::vector<std::vector<double>> histories;
    {
        std::map<qint64, std::vector<double>> byProduct;
        for (ConsumptionSeries &s : store.consumption(run.bucket, false)) {
            s.values.resize(n, 0.0);   // drops the incomplete last period
            byProduct.emplace(s.productId, std::move(s.values));
        }
        for (const ProductConsumption &c : totals) {
            auto it = byProduct.find(c.productId);
            SeriesKey k{c.productId, 0, 0};
            histories.push_back(demandHistory(it == byProduct.end() ? std::vector<double>(n, 0.0) : std::move(it->second), &k.offset));
            keys.push_back(k);
        }
    }
    for (ConsumptionSeries &s : store.consumption(run.bucket, true)) {
        s.values.resize(n, 0.0);
        SeriesKey k{s.productId, s.unitId, 0};
        histories.push_back(demandHistory(std::move(s.values), &k.offset));
        keys.push_back(k);
    }

    snapshot.end();

    const std::vector<forecasting::SeriesSpec> specs{{run.seasonPeriod, /*holdout=*/true}};
    const auto results = forecasting::forecastBatch(histories, specs, run.horizon, options.method, options.levelPercent / 100.0,
                                                    options.threads, progress, stop);
    if (stop && stop->load()) {
        out.status = ForecastRunStatus::Cancelled;
        return out;
    }

    std::vector<QDate> periodStarts(size_t(run.horizon));
    for (QDate d = Store::nextPeriod(Store::periodStart(run.historyTo, run.bucket), run.bucket); QDate & p : periodStarts) {
        p = d;
        d = Store::nextPeriod(d, run.bucket);
    }
    std::vector<StoredForecast> stored(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
        const SeriesKey &k = keys[i];
        const forecasting::ForecastResult &r = results[i];
        StoredForecast &f = stored[i];
        f.productId = k.productId;
        f.unitId = k.unitId;
        (k.unitId ? run.unitSeries : run.productSeries) += 1;
        const AbcRank &rank = ranks[productIndex.at(k.productId)];
        f.abc = rank.abc;
        f.abcValue = values[productIndex.at(k.productId)];
        f.abcShareAbove = rank.shareAbove;
        f.cv = coefficientOfVariation(histories[i]);
        f.xyz = classifyXyz(f.cv);
        f.historyFrom = run.historyFrom;
        for (int j = 0; j < k.offset; ++j)
            f.historyFrom = Store::nextPeriod(f.historyFrom, run.bucket);
        f.historyPeriods = int(histories[i].size());
        if (!r.error.empty()) {
            f.error = QString::fromStdString(r.error);
            f.profile = forecasting::classifyDemand(histories[i]);
            ++run.failedSeries;
            continue;
        }
        f.model = QString::fromStdString(r.model);
        f.modelFamily = modelFamily(f.model);
        f.parameters = parametersOf(r);
        f.profile = r.profile;
        f.holdout = r.holdout;
        f.values.reserve(size_t(r.mean.size()));
        for (Eigen::Index h = 0; h < r.mean.size(); ++h)
            f.values.push_back({int(h) + 1, periodStarts[size_t(h)], r.mean[h], r.lower[h], r.upper[h]});
    }
    run.seconds = timer.elapsed() / 1000.0;

    if (!store.replaceForecastRun(run, stored, &out.error)) {
        out.status = ForecastRunStatus::StoreFailed;
        return out;
    }
    if (auto summary = store.latestForecastRun(run.bucket))
        run = *summary;
    out.status = ForecastRunStatus::Done;
    return out;
}

} // namespace reappro
