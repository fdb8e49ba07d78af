// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/import/: never include it from outside the folder. One
// import run, behind Importer::importFiles: the reference data it keeps in
// memory for the whole run (products, locations, suppliers by code), the
// state of the file being read (FileState), and one handler per kind of file.
// importrun.cpp holds the run itself (references, field parsing, reading a
// file line by line); rowhandlers.cpp the kind handlers, each checking and
// writing one line.
#pragma once

#include "core/common/messages.h"
#include "core/common/textparse.h"
#include "core/domain/location.h"
#include "core/domain/movement.h"
#include "core/import/importer.h"
#include "core/import/importprofile.h"
#include "core/import/importschema.h"
#include "core/import/rowsource.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace reappro {
class ImportWriter;
class MovementWriter;
} // namespace reappro

namespace reappro::importdetail {

// What a message may quote of a file's content: printable, at most 120
// characters (importrun.cpp).
QString printableExcerpt(const QString &text);

class ImportRun
{
public:
    ImportRun(ImportWriter &writer, const ImportOptions &opt, ImportResult &result)
        : m_store(writer), m_opt(opt), m_result(result), m_fr(opt.language == Language::French), m_today(opt.today.toJulianDay()),
          m_oldest(opt.today.addYears(-opt.historyYears).toJulianDay())
    {
        loadReferences();
    }

    void importFile(const QString &path, const ImportProfile *profile, int index, int count, const ImportProgress &progress,
                    const std::stop_token &stop);

private:
    struct FileState;

    // Reference data, kept in memory for the whole run.
    void loadReferences();
    qint64 productId(std::string_view code) const;
    qint64 ensureLocation(std::string_view code, LocationKind kind, std::string_view label, FileState &fs);
    qint64 ensureSupplier(std::string_view codeOrName, FileState &fs);

    // One handler per kind; each returns normally, rejecting through reject().
    void supplierRow(FileState &fs);
    void locationRow(FileState &fs);
    void productRow(FileState &fs);
    void lotRow(FileState &fs);
    void orderRow(FileState &fs);
    void movementRow(FileState &fs);
    void finishFile(FileState &fs);

    void reject(FileState &fs, int field, RejectReason reason, std::string_view value, const QString &detail = {});
    // The same at a column of the file (1-based; 0 = the whole line), for
    // what is wrong before any field is mapped.
    void rejectAtColumn(FileState &fs, int column, RejectReason reason, std::string_view value, const QString &detail = {});
    // No field of the line longer than kMaxFieldCharacters; false: rejected.
    static constexpr size_t kMaxFieldCharacters = 1000;
    bool checkFieldLengths(FileState &fs);
    QString quoted(std::string_view v) const
    {
        return m_fr ? QStringLiteral(" « %1 »").arg(fromUtf8(v)) : QStringLiteral(" \"%1\"").arg(fromUtf8(v));
    }
    QString tr2(const char *fr, const char *en) const { return QString::fromUtf8(m_fr ? fr : en); }
    bool checkKey(FileState &fs, const std::string &key, int field, std::string_view value);
    std::optional<qint64> dateField(FileState &fs, int field, bool required, bool notFuture);
    std::optional<double> numberField(FileState &fs, int field, bool required, double fallback, bool allowNegative);

    ImportWriter &m_store;
    const ImportOptions &m_opt;
    ImportResult &m_result;
    const bool m_fr;
    const qint64 m_today;
    const qint64 m_oldest;   // history dates before it are refused
    std::unordered_map<std::string, qint64> m_productByCode, m_productByAltId;
    std::unordered_map<std::string, qint64> m_locationByCode, m_supplierByCode, m_supplierByName;
    qint64 m_centralId = 0;
    std::string m_lastLocationCode;   // "PUI" on most lines: skip the hash lookup
    qint64 m_lastLocationId = 0;
    // Movements are deduplicated in memory by their line identity and
    // written by a MovementWriter: far cheaper than a statement, a
    // unique-index probe and two index insertions per line.
    bool beginMovementFile(FileState &fs);
    void endMovementFile(FileState &fs);
    bool isKnownLine(qint64 hash) const { return std::binary_search(m_knownLines.begin(), m_knownLines.end(), hash); }
    void addKnownLines(const qint64 *sorted, size_t n)
    {
        const size_t mid = m_knownLines.size();
        m_knownLines.insert(m_knownLines.end(), sorted, sorted + n);
        std::inplace_merge(m_knownLines.begin(), m_knownLines.begin() + std::ptrdiff_t(mid), m_knownLines.end());
    }

    MovementWriter *m_writer = nullptr;                  // m_store's, once a movements file begins
    std::vector<qint64> m_knownLines;                    // sorted identities already stored
    bool m_knownLoaded = false;
    std::vector<std::pair<qint64, qint64>> m_fileLines;  // (identity, line) of this file
};

struct ImportRun::FileState {
    ImportFileReport *report = nullptr;
    FileKind kind = FileKind::Movements;
    ColumnMapping mapping;
    QStringList headers;
    std::vector<std::string_view> fields;
    qint64 line = 0;
    qint64 batchId = 0;
    char decimal = ',';
    DateOrder dateOrder = DateOrder::DayFirst;
    const FileProfile *profile = nullptr;
    bool lineRejected = false;
    std::unordered_map<std::string, qint64> keyLine;   // duplicate keys within the file
    std::vector<qint64> touched;                       // snapshot rows seen (lots, orders)
    std::unordered_set<qint64> lotLocations;
    std::vector<int> f;                                // field index by FieldSpec order
    std::unordered_map<std::string, std::optional<MovementType>> typeCache;
    struct DateCache {
        int field = -1;
        std::string text;
        qint64 day = 0;
    };
    std::array<DateCache, 4> lastDates;

    std::string_view value(int field) const
    {
        if (field < 0)
            return {};
        const int col = mapping.columnOfField[size_t(field)];
        if (col < 0 || size_t(col) >= fields.size())
            return {};
        return trimmed(fields[size_t(col)]);
    }
    bool has(int field) const { return field >= 0 && mapping.columnOfField[size_t(field)] >= 0; }
};

} // namespace reappro::importdetail
