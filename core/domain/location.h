// SPDX-License-Identifier: GPL-3.0-or-later
// A place where stock is held: the central pharmacy store (PUI), a care
// unit (UF) with its ward stock, or another site.
#pragma once

#include <QString>

namespace reappro {

enum class LocationKind { CentralPharmacy, CareUnit, OtherSite };

struct Location {
    qint64 id = 0;
    QString code;          // "PUI", UF code "4021"
    QString label;
    LocationKind kind = LocationKind::CareUnit;
    int roundsPerWeek = 0; // restocking rounds of a ward stock, 0 if unknown
};

} // namespace reappro
