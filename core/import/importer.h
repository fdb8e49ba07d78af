// SPDX-License-Identifier: GPL-3.0-or-later
// Import of a hospital's stock exports (CSV or XLSX) into the Store, as one
// all-or-nothing transaction. Errors users caused are data: every rejected
// line comes back with file, line, column, value and reason.
#pragma once

#include "core/import/importprofile.h"
#include "core/import/importschema.h"
#include "core/store/backups.h"
#include "core/common/messages.h"
#include "core/common/rejectedline.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <stop_token>
#include <vector>

namespace reappro {

class Store;

struct ImportFileReport {
    QString file;
    FileKind kind = FileKind::Movements;
    QString format;          // "CSV" or "XLSX"
    QString encoding;
    QString delimiter;       // ";", "tab", ","
    char decimalSeparator = ',';
    qint64 lines = 0;        // data lines read
    qint64 inserted = 0, updated = 0, unchanged = 0, removed = 0;
    qint64 rejected = 0;
    QStringList droppedPatientColumns;
    QStringList ignoredColumns;
    QStringList createdLocations, createdSuppliers;
    FileProfile profile;     // what was detected or applied, to save as a profile
};

struct ImportOptions {
    QString profilePath;     // empty = detect everything
    Language language = Language::French;
    QDate today = QDate::currentDate();   // dates after it are rejected
    int historyYears = 20;                // history dates more than this many years before today are rejected
    int keepBackups = 5;                  // backups kept of a database that holds data (backups.h); 0: none made
    qint64 maxListedRejects = 100000;     // all are counted, this many are listed
    // From this many input bytes, an import run alone on the database uses a
    // rollback journal instead of WAL while it writes (see importFiles).
    qint64 rollbackJournalFromBytes = 64 << 20;
};

struct ImportResult {
    bool committed = false;
    bool cancelled = false;
    QString error;           // a failure that is not about a line (database, profile)
    std::vector<ImportFileReport> files;
    std::vector<RejectedLine> rejected;
    qint64 rejectedCount = 0;
    std::optional<BackupInfo> backup;   // made before the import (a database that held data)
};

using ImportProgress = std::function<void(int fileIndex, int fileCount, double fileFraction)>;

class Importer
{
public:
    explicit Importer(Store &store);

    ImportResult importFiles(const QStringList &paths, const ImportOptions &options, const ImportProgress &progress = {},
                             std::stop_token stop = {});

    // file;line;column;column_name;value;reason_code;reason (UTF-8 with BOM
    // so that spreadsheet software shows the accents).
    static bool writeReport(const ImportResult &result, const QString &path, Language lang, QString *error);
    // One rejected line as "file:line:column (name): reason".
    static QString describe(const RejectedLine &r, Language lang);

private:
    Store &m_store;
};

} // namespace reappro
