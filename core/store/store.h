// SPDX-License-Identifier: GPL-3.0-or-later
// The local SQLite database of one hospital: schema, migrations, and the
// read queries the application needs (summary, product list, consumption
// series, stored forecasts, the reference data, stock, orders and observed
// lead times replenishment works from). Every SQL statement of Reappro lives
// in this folder: store.cpp (open, summary), schema.cpp (schema and
// migrations), queries.cpp (reads), forecaststorage.cpp (forecast runs and
// the replay's class aims), importwriter.h (what an import writes) and
// movementwriter.h (movement lines in bulk). Forecast runs come from
// forecastDatabase (core/forecast/forecastrun.h).
#pragma once

#include "core/common/messages.h"
#include "core/common/money.h"
#include "core/domain/criticality.h"
#include "core/domain/location.h"
#include "core/domain/lot.h"
#include "core/domain/movement.h"
#include "core/store/movementwriter.h"
#include "core/domain/openorderline.h"
#include "core/domain/product.h"
#include "core/store/storedforecast.h"
#include "core/domain/supplier.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct sqlite3;

namespace reappro {

namespace sql {
class ReadSnapshot;
}

struct StoreInfo {
    qint64 products = 0, drugs = 0, devices = 0;
    qint64 careUnits = 0, suppliers = 0;
    qint64 lots = 0, movements = 0;
    qint64 openOrderLines = 0;  // still on order: received < ordered
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

// One delivery of an order line: the reception movements that carry the
// line's order number, for its product, on one day (several lots summed).
struct LeadTimeObservation {
    qint64 productId = 0;
    qint64 supplierId = 0;       // the order line's, else the reception's; 0 unknown
    QString orderNumber;
    QDate orderDate;
    QDate expectedDate;          // invalid when the export has none
    QDate receptionDate;
    int days = 0;                // receptionDate - orderDate, >= 0
    double quantity = 0.0;       // received that day for that line
    bool partial = false;        // the line was ordered for more than this delivery
    bool lineOpen = false;       // the line still waits for more (received < ordered)
};

// A reception with its lot's expiry: the shelf life left at delivery.
struct ReceptionShelfLife {
    qint64 productId = 0;
    qint64 supplierId = 0;       // 0 when the movement names none
    QDate received;
    QDate expiry;
    double quantity = 0.0;
    int remainingDays() const { return int(received.daysTo(expiry)); }
};

// A movement that changes the central stock other than by consumption:
// receptions, destructions, inventory adjustments and transfers. Location
// kinds: 0 = the central pharmacy, -1 = none.
struct StockChange {
    qint64 productId = 0;
    qint64 day = 0;              // Julian day number
    MovementType type = MovementType::Reception;
    double quantity = 0.0;
    bool hasExpiry = false;      // the line names a lot expiry
    int toKind = -1, fromKind = -1;
};

class Store
{
public:
    static constexpr int kSchemaVersion = 6;
    static constexpr const char *kCentralPharmacyCode = "PUI";

    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens or creates the database and migrates it to targetVersion
    // (tests use an older target to build a database of a previous schema),
    // then checks it (checkOnOpen): a damaged database is not opened.
    bool open(const QString &path, QString *error, int targetVersion = kSchemaVersion);

    // The language of the messages open() and checkIntegrity() return.
    void setLanguage(Language language) { m_language = language; }

    // Before any command or window uses a database: every table of the
    // schema is there and SQLite's quick_check finds nothing wrong. The
    // quick_check (a few seconds on a CHU's database) is skipped while the
    // file, its WAL and its schema version are as they were at the last
    // successful check on this machine. False and *error (what is wrong and
    // what to do) otherwise.
    bool checkOnOpen(QString *error);
    // The full integrity_check, on demand: "ok", or the problems found
    // (at most 20 lines) in *report.
    bool checkIntegrity(QString *report) const;
    // The tables the schema of kSchemaVersion has.
    static const QStringList &expectedTables();
    void close();
    bool isOpen() const { return m_handle != nullptr; }
    // Opened read-only: the file or its folder cannot be written by this user.
    bool isReadOnly() const { return m_readOnly; }

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

    // Reference data, by id: every supplier (with its order days and lead
    // time) and every product.
    std::vector<Supplier> suppliers() const;
    std::vector<Product> products() const;
    // Every location (central pharmacy, care units, other sites), by id.
    std::vector<Location> locations() const;
    // The stock-by-lot snapshot rows, by product, expiry and id.
    std::vector<Lot> lots() const;
    // Order lines still on order (received < ordered), by product, order
    // date and number; with includeFullyReceived, every line the last
    // open-orders file listed (lines received in full serve lead times only).
    std::vector<OpenOrderLine> openOrderLines(bool includeFullyReceived = false) const;
    // Order-to-reception delays: every reception (on or after `since` when
    // valid) whose order number and product match an order line with an
    // order date, one observation per line and reception day, by product,
    // reception day and order number. Receptions dated before their order
    // are left out. One scan of the movements.
    std::vector<LeadTimeObservation> observedLeadTimes(QDate since = {}) const;
    // Every reception with a lot expiry (on or after `since` when valid), by
    // product and day. One scan of the movements.
    std::vector<ReceptionShelfLife> receptionShelfLives(QDate since = {}) const;
    // Every StockChange, in storage order. One scan of the movements.
    void forEachStockChange(const std::function<void(const StockChange &)> &fn) const;
    // The day of the last movement; invalid when there is none.
    QDate lastMovementDay() const;
    // Products or movements are stored: there is something to back up.
    bool holdsData() const;

    // Forecasts: one stored run per bucket. Writing a run deletes the previous
    // run of its bucket in the same transaction as it inserts the new rows, so
    // on any failure the database keeps the previous run, whole. Sets run.id
    // and the ids of nothing else (read them back with latestForecast).
    bool replaceForecastRun(ForecastRun &run, const std::vector<StoredForecast> &series, QString *error);
    // The run of a bucket with its summary (counts per model family, demand
    // class, ABC and XYZ class; median holdout MASE).
    std::optional<ForecastRun> latestForecastRun(Bucket bucket) const;
    // The class aims of the last replay (criticality.h), replacing the
    // previous ones in one transaction; none stored yet: nullopt.
    bool saveServiceCalibration(const ServiceCalibration &calibration, QString *error);
    std::optional<ServiceCalibration> serviceCalibration() const;
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
    QString text(const char *french, const char *english) const;   // in m_language

    QString m_connectionName;
    QString m_path;
    sqlite3 *m_handle = nullptr;
    bool m_readOnly = false;
    Language m_language = languageFromEnvironment();
};

// A read transaction, ended early or by the destructor: every query of the
// store in it sees one snapshot, so an import committing meanwhile (the GUI
// imports on its own connection) cannot shift the data between them.
class StoreSnapshot
{
public:
    explicit StoreSnapshot(const Store &store);
    ~StoreSnapshot();
    StoreSnapshot(const StoreSnapshot &) = delete;
    StoreSnapshot &operator=(const StoreSnapshot &) = delete;
    void end();

private:
    std::unique_ptr<sql::ReadSnapshot> m_snapshot;
};

} // namespace reappro
