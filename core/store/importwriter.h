// SPDX-License-Identifier: GPL-3.0-or-later
// What an import writes, and the reference data it resolves names against:
// the store's side of the Importer (core/import/importer.h), so that every
// SQL statement of an import lives here and a schema change touches only
// core/store/. The importer parses and checks the lines; this class upserts
// them and reports whether each row was inserted, changed or left as it was.
//
// One ImportWriter serves one import: begin() opens the all-or-nothing
// transaction (foreign-key probes off, since the importer resolves every
// reference itself; a rollback journal instead of WAL for big imports run
// alone on the database), commit() or rollback() closes it and restores the
// connection's settings. Movement lines go through movementWriter(), which
// inserts them on a writer thread; the other writes lock it out meanwhile.
#pragma once

#include "core/domain/location.h"

#include <QString>
#include <QtGlobal>

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct sqlite3;

namespace reappro {

class MovementWriter;
class Store;

// A product's internal code and the identifiers a line may name it by
// (UCD13, UCD7, CIP13, GTIN; empty when unknown).
struct ProductKey {
    qint64 id = 0;
    std::string code;
    std::array<std::string, 4> identifiers;
};

struct LocationKey {
    qint64 id = 0;
    std::string code;
    LocationKind kind = LocationKind::CareUnit;
};

struct SupplierKey {
    qint64 id = 0;
    std::string code;
    QString name;
};

// One line of the products file, checked; empty text = NULL.
struct ProductRecord {
    std::string_view code, ucd13, ucd7, cip13, gtin, lpp, label, dci, atc, form, dispensingUnit;
    double packSize = 1.0;
    qint64 unitPriceUnits = 0;   // Money::units()
    qint64 supplierId = 0;       // 0 = none
    qint64 leadTimeDays = 0;
    double minOrderQuantity = 0.0;
    bool mitm = false;
    qint64 ven = 0;              // VenClass
    qint64 kind = 0;             // ProductKind
};

// One line of the open-orders file, checked; days are Julian day numbers,
// 0 = unknown.
struct OrderLineRecord {
    std::string_view orderNumber;
    qint64 orderDay = 0;
    qint64 supplierId = 0;       // 0 = none
    qint64 productId = 0;
    double ordered = 0.0;
    double received = 0.0;
    qint64 expectedDay = 0;
    qint64 unitPriceUnits = 0;
};

class ImportWriter
{
public:
    explicit ImportWriter(Store &store);
    ~ImportWriter();
    ImportWriter(const ImportWriter &) = delete;
    ImportWriter &operator=(const ImportWriter &) = delete;

    // The transaction. begin() leaves WAL for a rollback journal when
    // useRollbackJournal (see Importer::importFiles); false and *error when
    // the database is locked or cannot be written.
    bool begin(bool useRollbackJournal, QString *error);
    bool commit(QString *error);   // false: rolled back, *error says why
    void rollback();

    // Reference data, read once per import.
    std::vector<ProductKey> productKeys() const;
    std::vector<LocationKey> locationKeys() const;
    std::vector<SupplierKey> supplierKeys() const;

    // A location or supplier a line names but no reference file defined.
    qint64 insertLocation(std::string_view code, std::string_view label, LocationKind kind);
    qint64 insertSupplier(std::string_view codeOrName);

    // Suppliers file: a new supplier (its id), or an update that leaves the
    // order days alone when orderDays < 0; true when the row changed.
    qint64 insertSupplier(std::string_view code, std::string_view name, qint64 leadTimeDays, int orderDays);
    bool updateSupplier(qint64 id, std::string_view name, qint64 leadTimeDays, int orderDays);
    // Care units file: inserted or updated by code. changed: the row is new
    // or differs; insertedId: the new row's id (meaningful when it is new).
    struct Upsert {
        bool changed = false;
        qint64 insertedId = 0;
    };
    Upsert upsertLocation(std::string_view code, std::string_view label, LocationKind kind, qint64 roundsPerWeek);
    // Products file.
    qint64 insertProduct(const ProductRecord &p);
    bool updateProduct(const ProductRecord &p);   // by code; true when it changed
    // Stock-by-lot file: the lot's id at that location, 0 if new.
    qint64 findLot(qint64 productId, std::string_view lotNumber, qint64 locationId) const;
    bool updateLot(qint64 id, qint64 expiryDay, double quantity, qint64 asOfDay);
    qint64 insertLot(qint64 productId, std::string_view lotNumber, qint64 expiryDay, qint64 locationId, double quantity, qint64 asOfDay);
    // Open-orders file (statements prepared once per import: such files may
    // list a year of lines).
    qint64 supplierOfProduct(qint64 productId);
    qint64 findOrderLine(std::string_view orderNumber, qint64 productId);
    bool updateOrderLine(const OrderLineRecord &o);   // true when it changed
    qint64 insertOrderLine(const OrderLineRecord &o);
    // A snapshot file (lots, open orders) lists what is there now: the rows
    // it did not touch have left (lots: at the locations it covers). Returns
    // the number of rows removed.
    qint64 removeUntouchedLots(const std::vector<qint64> &touched, const std::unordered_set<qint64> &locations);
    qint64 removeUntouchedOrderLines(const std::vector<qint64> &touched);

    // Import batches: one per file.
    qint64 insertBatch(const QString &fileName, const QString &kindCode, const QString &importedAt);
    void setBatchCounts(qint64 batchId, qint64 lines, qint64 inserted, qint64 updated, qint64 unchanged);
    void setBatchFingerprint(qint64 batchId, const QString &fingerprint);
    // Movement identities: each batch keeps the sorted identities of the lines
    // it added; fn is called once per batch.
    void forEachStoredLineIdentities(const std::function<void(const qint64 *sorted, std::size_t n)> &fn) const;
    bool keepLineIdentities(qint64 batchId, const std::vector<qint64> &sorted, QString *error);

    // The movement writer of this import, created on first use.
    MovementWriter &movementWriter();

private:
    sqlite3 *m_db;
    std::unique_ptr<MovementWriter> m_movements;
    struct Prepared;
    std::unique_ptr<Prepared> m_prepared;
    bool m_foreignKeysOff = false, m_leftWal = false;
    qint64 m_cacheSize = 0;
    void restoreSettings();
};

} // namespace reappro
