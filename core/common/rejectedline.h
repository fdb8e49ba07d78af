// SPDX-License-Identifier: GPL-3.0-or-later
// A line of a user's file that was not taken, and why: errors users caused
// are data (file, line, column, value, reason), shown in the import report,
// the import dialog and the par levels' count files alike.
#pragma once

#include "core/common/messages.h"

#include <QString>
#include <QtGlobal>

namespace reappro {

struct RejectedLine {
    QString file;
    qint64 line = 0;         // 1-based physical line (CSV) or row (XLSX); 0 = the whole file
    int column = 0;          // 1-based, 0 = the whole line
    QString columnName;      // header of that column
    QString value;
    RejectReason reason = RejectReason::InvalidValue;
    QString detail;          // completes the reason, already in the report's language
};

} // namespace reappro
