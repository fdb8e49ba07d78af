// The local SQLite database of one hospital: schema, migrations, and the
// read queries the application needs (summary, product list, consumption
// series, stored forecasts). Writes come from the Importer, and forecast runs
// from forecastDatabase (core/forecastrun.h).
#pragma once

#include "core/money.h"
#include "core/movement.h"
#include "core/movementwriter.h"
#include "core/product.h"
#include "core/storedforecast.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <optional>
#include <vector>

struct sqlite3;

namespace reappro {

struct StoreInfo {
    qint64 products = 0, drugs = 0, devices = 0;
    qint64 careUnits = 0, suppliers = 0;
    qint64 lots = 0, movements = 0, openOrderLines = 0;
    QDate firstMovement, lastMovement;
    Money stockValue;           // sum of lot quantity x PMP
    int schemaVersion = 0;
};

struct ProductSummary {
    Product product;
    QString supplierName;
    double stockOnHand = 0.0;   // sum of lots, dispensing units
    Money stockValue;
    QDate nextExpiry;           // earliest expiry among lots in stock
    double consumption90d = 0.0; // issued to units and outpatients, last 90 days of history
};

// Consumption of one product (and care unit when unitId != 0) per period,
// zeros included, from the first to the last period of the history.
struct ConsumptionSeries {
    qint64 productId = 0;
    qint64 unitId = 0;
    QDate start;                 // first day of the first period
    std::vector<double> values;
};

// A product's consumption over a date range, with its PMP (for ABC values).
struct ProductConsumption {
    qint64 productId = 0;
    Money unitPrice;             // PMP per dispensing unit, 0 when unknown
    double quantity = 0.0;       // net: issues + outpatient dispensing - returns
};

class Store
{
public:
    static constexpr int kSchemaVersion = 3;
    static constexpr const char *kCentralPharmacyCode = "PUI";

    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens or creates the database and migrates it to targetVersion
    // (tests use an older target to build a database of a previous schema).
    bool open(const QString &path, QString *error, int targetVersion = kSchemaVersion);
    void close();
    bool isOpen() const { return m_handle != nullptr; }

    QString path() const { return m_path; }
    QSqlDatabase database() const;
    sqlite3 *handle() const { return m_handle; }
    int schemaVersion() const;

    StoreInfo info() const;
    std::vector<ProductSummary> productSummaries() const;

    // Consumption = issues to care units + outpatient dispensing - returns,
    // summed in SQL per product (and per care unit) and period.
    std::vector<ConsumptionSeries> consumption(Bucket bucket, bool perCareUnit, qint64 productId = 0) const;
    // Every product (consumption or not), by id, with its consumption
    // between two dates (inclusive).
    std::vector<ProductConsumption> consumptionTotals(QDate from, QDate to) const;

    // Forecasts: one stored run per bucket. Writing a run deletes the previous
    // run of its bucket in the same transaction as it inserts the new rows, so
    // on any failure the database keeps the previous run, whole. Sets run.id
    // and the ids of nothing else (read them back with latestForecast).
    bool replaceForecastRun(ForecastRun &run, const std::vector<StoredForecast> &series, QString *error);
    // The run of a bucket with its summary (counts per model family, demand
    // class, ABC and XYZ class; median backtest MASE).
    std::optional<ForecastRun> latestForecastRun(Bucket bucket) const;
    // One series of the latest run of a bucket, with its values; unitId 0 =
    // the whole product.
    std::optional<StoredForecast> latestForecast(Bucket bucket, qint64 productId, qint64 unitId = 0) const;
    // The whole-product series and every care-unit series of one product,
    // whole product first, then by care unit id.
    std::vector<StoredForecast> latestForecasts(Bucket bucket, qint64 productId) const;

    // Movements of one product or care unit between two dates (inclusive,
    // invalid = open), in date order, through the posting lists.
    std::vector<qint64> movementIds(PostingKind kind, qint64 key, QDate from = {}, QDate to = {}) const;
    std::vector<Movement> movements(PostingKind kind, qint64 key, QDate from = {}, QDate to = {}) const;

    // Period index helpers shared with the UI and the forecasting bridge.
    static QDate periodStart(QDate day, Bucket bucket);
    static QDate nextPeriod(QDate start, Bucket bucket);

private:
    bool migrate(int targetVersion, QString *error);

    QString m_connectionName;
    QString m_path;
    sqlite3 *m_handle = nullptr;
};

} // namespace reappro
