// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/import/: never include it from outside the folder. Finding
// the header row of an export and what kind of file it is: from a saved
// profile whose columns match, else from the header names themselves (and,
// for the error message of a file matching nothing, from its name).
#pragma once

#include "core/import/importprofile.h"
#include "core/import/importschema.h"
#include "core/import/rowsource.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <memory>
#include <optional>

namespace reappro::importdetail {

struct HeaderMatch {
    std::optional<FileKind> kind;
    const FileProfile *profile = nullptr;
    QStringList headers;
    qint64 line = 0;
    QStringList firstHeaders;   // of the first row, for the error message
};

// Opens a file and finds its header. A profile's forced delimiter or
// encoding is tried when plain detection finds no header, and applied when
// the profile matched.
std::unique_ptr<RowSource> openAndFindHeader(const QString &path, const ImportProfile *profile, HeaderMatch *hm, QString *error);

std::optional<FileKind> kindFromFileName(const QString &path);

} // namespace reappro::importdetail
