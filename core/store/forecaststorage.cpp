// SPDX-License-Identifier: GPL-3.0-or-later
// How the store keeps forecast runs (one per bucket, replaced whole) and the
// class aims of the last replay (service calibration): written in one
// transaction each, so a failure leaves the previous run or aims whole.
#include "core/store/store.h"

#include "core/store/sqlite.h"
#include "core/store/storerows.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <algorithm>
#include <cmath>
#include <map>

namespace reappro {

using storerows::bindReal;
using storerows::fromJulian;
using storerows::realOrNaN;

namespace {

QString parametersJson(const std::vector<std::pair<QString, double>> &parameters)
{
    QJsonObject o;
    for (const auto &[name, value] : parameters)
        o.insert(name, std::isfinite(value) ? QJsonValue(value) : QJsonValue());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::vector<std::pair<QString, double>> parametersFromJson(const QString &text)
{
    std::vector<std::pair<QString, double>> out;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.emplace_back(it.key(), it.value().isDouble() ? it.value().toDouble() : std::numeric_limits<double>::quiet_NaN());
    return out;
}

constexpr const char *kForecastSeriesColumns =
    "s.id, s.run_id, s.product_id, s.unit_id, s.model, s.model_family, s.parameters, s.demand_class, s.adi, s.cv2, "
    "s.nonzero_periods, s.abc, s.abc_value, s.abc_share_above, s.xyz, s.cv, s.history_from, s.history_periods, "
    "s.holdout_points, s.holdout_mae, s.holdout_mase, s.holdout_bias, s.holdout_coverage, s.error";

StoredForecast forecastFromRow(const sql::Statement &st)
{
    StoredForecast f;
    f.id = st.int64(0);
    f.runId = st.int64(1);
    f.productId = st.int64(2);
    f.unitId = st.isNull(3) ? 0 : st.int64(3);
    f.model = st.text(4);
    f.modelFamily = st.text(5);
    f.parameters = parametersFromJson(st.text(6));
    f.profile.demandClass = demandClassFromName(st.text(7));
    f.profile.adi = st.real(8);
    f.profile.cv2 = st.real(9);
    f.profile.nonZeroPeriods = int(st.int64(10));
    f.abc = abcFromName(st.text(11));
    f.abcValue = Money::fromUnits(st.int64(12));
    f.abcShareAbove = st.real(13);
    f.xyz = xyzFromName(st.text(14));
    f.cv = realOrNaN(st, 15);
    f.historyFrom = QDate::fromJulianDay(st.int64(16));
    f.historyPeriods = int(st.int64(17));
    f.holdout.points = int(st.int64(18));
    f.holdout.mae = realOrNaN(st, 19);
    f.holdout.mase = realOrNaN(st, 20);
    f.holdout.bias = realOrNaN(st, 21);
    f.holdout.coverage = realOrNaN(st, 22);
    f.error = st.text(23);
    return f;
}

void loadForecastValues(sqlite3 *db, StoredForecast &f)
{
    sql::Statement st(db, "SELECT step, period_start, mean, lower, upper FROM forecast_value WHERE series_id = ?1 ORDER BY step");
    st.bind(1, f.id);
    while (st.step() == SQLITE_ROW)
        f.values.push_back({int(st.int64(0)), QDate::fromJulianDay(st.int64(1)), st.real(2), st.real(3), st.real(4)});
}

} // namespace

bool Store::replaceForecastRun(ForecastRun &run, const std::vector<StoredForecast> &series, QString *error)
{
    QString err;
    if (!m_handle) {
        err = QStringLiteral("the database is not open");
    } else if (sql::exec(m_handle, "BEGIN IMMEDIATE", &err)) {
        const auto fail = [&](const QString &what) {
            err = what;
            sql::exec(m_handle, "ROLLBACK");
            return false;
        };
        const auto write = [&]() {
            sql::Statement del(m_handle, "DELETE FROM forecast_run WHERE bucket = ?1");
            sql::Statement runRow(m_handle, R"sql(
INSERT INTO forecast_run(bucket, created_at, horizon, method, level, season_period, history_from, history_to,
                         history_periods, abc_from, abc_to, product_series, unit_series, failed_series, seconds)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15))sql");
            sql::Statement seriesRow(m_handle, R"sql(
INSERT INTO forecast_series(run_id, product_id, unit_id, model, model_family, parameters, demand_class, adi, cv2,
                            nonzero_periods, abc, abc_value, abc_share_above, xyz, cv, history_from, history_periods,
                            holdout_points, holdout_mae, holdout_mase, holdout_bias, holdout_coverage, error)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23))sql");
            sql::Statement valueRow(m_handle, "INSERT INTO forecast_value(series_id, step, period_start, mean, lower, upper) "
                                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
            for (const sql::Statement *st : {&del, &runRow, &seriesRow, &valueRow})
                if (!st->isValid())
                    return fail(QString::fromUtf8(sqlite3_errmsg(m_handle)));
            del.bind(1, bucketName(run.bucket));
            if (!del.exec())
                return fail(del.error());
            runRow.bind(1, bucketName(run.bucket));
            runRow.bind(2, run.createdAt.toUTC().toString(Qt::ISODate));
            runRow.bind(3, run.horizon);
            runRow.bind(4, run.method);
            runRow.bind(5, run.levelPercent);
            runRow.bind(6, run.seasonPeriod);
            runRow.bind(7, run.historyFrom.toJulianDay());
            runRow.bind(8, run.historyTo.toJulianDay());
            runRow.bind(9, run.historyPeriods);
            runRow.bind(10, run.abcFrom.toJulianDay());
            runRow.bind(11, run.abcTo.toJulianDay());
            runRow.bind(12, run.productSeries);
            runRow.bind(13, run.unitSeries);
            runRow.bind(14, run.failedSeries);
            runRow.bind(15, run.seconds);
            if (!runRow.exec())
                return fail(runRow.error());
            const qint64 runId = sqlite3_last_insert_rowid(m_handle);
            for (const StoredForecast &f : series) {
                seriesRow.bind(1, runId);
                seriesRow.bind(2, f.productId);
                seriesRow.bindOptional(3, f.unitId);
                seriesRow.bind(4, f.model);
                seriesRow.bind(5, f.modelFamily);
                seriesRow.bind(6, parametersJson(f.parameters));
                seriesRow.bind(7, forecasting::demandClassName(f.profile.demandClass));
                bindReal(seriesRow, 8, f.profile.adi);
                bindReal(seriesRow, 9, f.profile.cv2);
                seriesRow.bind(10, f.profile.nonZeroPeriods);
                seriesRow.bind(11, abcName(f.abc));
                seriesRow.bind(12, f.abcValue.units());
                seriesRow.bind(13, f.abcShareAbove);
                seriesRow.bind(14, xyzName(f.xyz));
                bindReal(seriesRow, 15, f.cv);
                seriesRow.bind(16, f.historyFrom.toJulianDay());
                seriesRow.bind(17, f.historyPeriods);
                seriesRow.bind(18, f.holdout.points);
                if (f.holdout.points > 0) {
                    bindReal(seriesRow, 19, f.holdout.mae);
                    bindReal(seriesRow, 20, f.holdout.mase);
                    bindReal(seriesRow, 21, f.holdout.bias);
                    bindReal(seriesRow, 22, f.holdout.coverage);
                }
                if (!f.error.isEmpty())
                    seriesRow.bind(23, f.error);
                if (!seriesRow.exec())
                    return fail(seriesRow.error());
                const qint64 seriesId = sqlite3_last_insert_rowid(m_handle);
                for (const ForecastPoint &v : f.values) {
                    valueRow.bind(1, seriesId);
                    valueRow.bind(2, v.step);
                    valueRow.bind(3, v.periodStart.toJulianDay());
                    valueRow.bind(4, v.mean);
                    valueRow.bind(5, v.lower);
                    valueRow.bind(6, v.upper);
                    if (!valueRow.exec())
                        return fail(valueRow.error());
                }
            }
            if (!sql::exec(m_handle, "COMMIT", &err))
                return fail(err);
            run.id = runId;
            return true;
        };
        if (write())
            return true;
    }
    if (error)
        *error = err;
    return false;
}

bool Store::saveServiceCalibration(const ServiceCalibration &calibration, QString *error)
{
    QString err;
    if (!m_handle) {
        err = QStringLiteral("the database is not open");
    } else if (sql::exec(m_handle, "BEGIN IMMEDIATE", &err)) {
        sql::Statement row(m_handle, "INSERT INTO service_calibration(criticality, target, aim, replay_from, replay_to, computed_at) "
                                     "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        bool ok = row.isValid() && sql::exec(m_handle, "DELETE FROM service_calibration", &err);
        for (const auto &[c, aim] : calibration.aim) {
            const auto target = calibration.target.find(c);
            if (!ok || target == calibration.target.end())
                continue;
            row.bind(1, criticalityCode(c));
            row.bind(2, target->second);
            row.bind(3, aim);
            row.bind(4, calibration.from.toJulianDay());
            row.bind(5, calibration.to.toJulianDay());
            row.bind(6, calibration.computedAt.toUTC().toString(Qt::ISODate));
            ok = row.exec();
        }
        if (ok && sql::exec(m_handle, "COMMIT", &err))
            return true;
        if (err.isEmpty())
            err = QString::fromUtf8(sqlite3_errmsg(m_handle));
        sql::exec(m_handle, "ROLLBACK");
    }
    if (error)
        *error = err;
    return false;
}

std::optional<ServiceCalibration> Store::serviceCalibration() const
{
    if (!m_handle)
        return std::nullopt;
    sql::Statement st(m_handle, "SELECT criticality, target, aim, replay_from, replay_to, computed_at FROM service_calibration");
    ServiceCalibration c;
    while (st.isValid() && st.step() == SQLITE_ROW) {
        for (Criticality k : kAllCriticalities) {
            if (st.text(0) != criticalityCode(k))
                continue;
            c.target[k] = st.real(1);
            c.aim[k] = st.real(2);
        }
        c.from = QDate::fromJulianDay(st.int64(3));
        c.to = QDate::fromJulianDay(st.int64(4));
        c.computedAt = QDateTime::fromString(st.text(5), Qt::ISODate);
    }
    if (c.aim.empty())
        return std::nullopt;
    return c;
}

std::optional<ForecastRun> Store::latestForecastRun(Bucket bucket) const
{
    if (!m_handle)
        return std::nullopt;
    sql::Statement st(m_handle, "SELECT id, created_at, horizon, method, level, season_period, history_from, history_to, "
                                "history_periods, abc_from, abc_to, product_series, unit_series, failed_series, seconds "
                                "FROM forecast_run WHERE bucket = ?1");
    st.bind(1, bucketName(bucket));
    if (st.step() != SQLITE_ROW)
        return std::nullopt;
    ForecastRun r;
    r.id = st.int64(0);
    r.createdAt = QDateTime::fromString(st.text(1), Qt::ISODate);
    r.bucket = bucket;
    r.horizon = int(st.int64(2));
    r.method = st.text(3);
    r.levelPercent = int(st.int64(4));
    r.seasonPeriod = int(st.int64(5));
    r.historyFrom = QDate::fromJulianDay(st.int64(6));
    r.historyTo = QDate::fromJulianDay(st.int64(7));
    r.historyPeriods = int(st.int64(8));
    r.abcFrom = QDate::fromJulianDay(st.int64(9));
    r.abcTo = QDate::fromJulianDay(st.int64(10));
    r.productSeries = st.int64(11);
    r.unitSeries = st.int64(12);
    r.failedSeries = st.int64(13);
    r.seconds = st.real(14);

    const auto counts = [&](const char *sqlText, const auto &add) {
        sql::Statement c(m_handle, sqlText);
        c.bind(1, r.id);
        while (c.step() == SQLITE_ROW)
            add(c.text(0), c.int64(1));
    };
    counts("SELECT model_family, COUNT(*) FROM forecast_series WHERE run_id = ?1 AND error IS NULL "
           "GROUP BY 1 ORDER BY 2 DESC, 1",
           [&](const QString &k, qint64 n) { r.models.emplace_back(k, n); });
    counts("SELECT demand_class, COUNT(*) FROM forecast_series WHERE run_id = ?1 GROUP BY 1",
           [&](const QString &k, qint64 n) { r.demandClasses[k] = n; });
    counts("SELECT abc, COUNT(*) FROM forecast_series WHERE run_id = ?1 AND unit_id IS NULL GROUP BY 1",
           [&](const QString &k, qint64 n) { r.abcProducts[k] = n; });
    counts("SELECT xyz, COUNT(*) FROM forecast_series WHERE run_id = ?1 AND unit_id IS NULL GROUP BY 1",
           [&](const QString &k, qint64 n) { r.xyzProducts[k] = n; });
    std::vector<double> mase;
    sql::Statement m(m_handle, "SELECT holdout_mase FROM forecast_series WHERE run_id = ?1 AND holdout_mase IS NOT NULL ORDER BY 1");
    m.bind(1, r.id);
    while (m.step() == SQLITE_ROW)
        mase.push_back(m.real(0));
    r.holdoutSeries = qint64(mase.size());
    if (!mase.empty()) {
        const size_t k = mase.size() / 2;
        r.medianMase = mase.size() % 2 ? mase[k] : (mase[k - 1] + mase[k]) / 2.0;
    }
    return r;
}

std::optional<StoredForecast> Store::latestForecast(Bucket bucket, qint64 productId, qint64 unitId) const
{
    if (!m_handle)
        return std::nullopt;
    sql::Statement st(m_handle, std::string("SELECT ") + kForecastSeriesColumns
                                    + " FROM forecast_series s JOIN forecast_run r ON r.id = s.run_id"
                                      " WHERE r.bucket = ?1 AND s.product_id = ?2 AND s.unit_id IS ?3");
    st.bind(1, bucketName(bucket));
    st.bind(2, productId);
    st.bindOptional(3, unitId);
    if (st.step() != SQLITE_ROW)
        return std::nullopt;
    StoredForecast f = forecastFromRow(st);
    loadForecastValues(m_handle, f);
    return f;
}

std::vector<StoredForecast> Store::latestForecasts(Bucket bucket, qint64 productId) const
{
    std::vector<StoredForecast> out;
    if (!m_handle)
        return out;
    sql::Statement st(m_handle, std::string("SELECT ") + kForecastSeriesColumns
                                    + " FROM forecast_series s JOIN forecast_run r ON r.id = s.run_id"
                                      " WHERE r.bucket = ?1 AND s.product_id = ?2 ORDER BY s.unit_id IS NOT NULL, s.unit_id");
    st.bind(1, bucketName(bucket));
    st.bind(2, productId);
    while (st.step() == SQLITE_ROW)
        out.push_back(forecastFromRow(st));
    for (StoredForecast &f : out)
        loadForecastValues(m_handle, f);
    return out;
}

} // namespace reappro
