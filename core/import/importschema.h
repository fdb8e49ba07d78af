// SPDX-License-Identifier: GPL-3.0-or-later
// What each kind of export file contains: its fields, which are required,
// and the header names (French and English) that mean each field.
#pragma once

#include "core/domain/movement.h"
#include "core/domain/supplier.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace reappro {

// Files are imported in this order so references resolve within one import.
enum class FileKind { Suppliers, Locations, Products, Lots, OpenOrders, Movements };
inline constexpr FileKind kAllFileKinds[] = {FileKind::Suppliers, FileKind::Locations,  FileKind::Products,
                                             FileKind::Lots,      FileKind::OpenOrders, FileKind::Movements};

QString fileKindCode(FileKind kind);                // "movements"
std::optional<FileKind> fileKindFromCode(const QString &code);
QString fileKindLabel(FileKind kind, bool french);  // "mouvements de stock"

struct FieldSpec {
    const char *key;          // canonical name, used in profiles: "product_code"
    bool required;
    const char *labelFr;      // for messages: "Code produit"
    const char *labelEn;
    QStringList synonyms;     // normalised header names (see normalizeHeader)
};

const std::vector<FieldSpec> &fieldsOf(FileKind kind);
int fieldIndex(FileKind kind, const char *key);     // -1 if absent

// A mapping from the fields of a kind to the file's columns (-1 = absent).
struct ColumnMapping {
    FileKind kind = FileKind::Movements;
    std::vector<int> columnOfField;
    std::vector<int> patientColumns;   // dropped, never read
    std::vector<int> ignoredColumns;   // neither a known field nor patient data
    int matchedFields() const;
    bool hasAllRequired() const;
    QStringList missingRequired(bool french) const;
};

// Maps headers to fields. `forced` maps field keys to header names as in a
// profile (matched after normalisation); other fields use the synonyms.
ColumnMapping mapColumns(FileKind kind, const QStringList &headers, const std::vector<std::pair<QString, QString>> &forced = {});

// Whether a file's name hints at a kind ("mouvements_2025.csv": movements).
bool fileNameSuggests(const QString &fileName, FileKind kind);

// The kind whose required fields the headers cover best; the file name
// breaks ties ("mouvements_2025.csv"). Empty when no kind fits.
std::optional<FileKind> detectFileKind(const QStringList &headers, const QString &fileName);

// Columns that identify patients (IPP, NIP, name, birth date, stay number):
// never stored. "Nom" alone counts only where no field of the kind uses it.
bool isPatientColumn(const QString &normalizedHeader);

// "Délivrance UF" -> IssueToUnit ... (normalised value).
std::optional<MovementType> movementTypeFromText(const QString &normalizedValue);
QString movementTypeCode(MovementType t);          // "issue"
QString movementTypeLabel(MovementType t, bool french);

} // namespace reappro
