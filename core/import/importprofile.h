// SPDX-License-Identifier: GPL-3.0-or-later
// A saved column-mapping profile: how one source software's exports map to
// Reappro's fields, so a pharmacist confirms a mapping once per source.
#pragma once

#include "core/common/csvreader.h"
#include "core/import/importschema.h"
#include "core/common/textparse.h"

#include <QHash>
#include <QString>
#include <optional>
#include <utility>
#include <vector>

namespace reappro {

struct FileProfile {
    FileKind kind = FileKind::Movements;
    char delimiter = 0;                        // 0 = detect
    std::optional<TextEncoding> encoding;      // empty = detect
    char decimalSeparator = 0;                 // 0 = from the delimiter
    DateOrder dateOrder = DateOrder::DayFirst;
    std::vector<std::pair<QString, QString>> columns;   // field key -> header
    QHash<QString, MovementType> movementTypes;         // normalised value -> type
};

struct ImportProfile {
    QString name;
    std::vector<FileProfile> files;

    const FileProfile *forKind(FileKind kind) const;
    void setForKind(const FileProfile &p);

    static std::optional<ImportProfile> load(const QString &path, QString *error);
    bool save(const QString &path, QString *error) const;

    // $REAPPRO_PROFILE_DIR, else the user's config folder + /profiles.
    static QString directory();
    // A NAME is looked up in directory() as NAME.json; a path is a path.
    static QString resolve(const QString &nameOrPath);
};

} // namespace reappro
