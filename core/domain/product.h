// SPDX-License-Identifier: GPL-3.0-or-later
// A stock reference of the pharmacy: a drug (UCD) or a medical device (LPP).
#pragma once

#include "core/common/money.h"

#include <QString>

namespace reappro {

// VEN: vital / essential / non-essential.
enum class VenClass { Vital, Essential, NonEssential };
enum class ProductKind { Drug, MedicalDevice };

struct Product {
    qint64 id = 0;
    QString code;            // the pharmacy software's internal code
    QString ucd13, ucd7, cip13, gtin, lpp;
    QString label;           // libellé / désignation
    QString dci;             // international non-proprietary name
    QString atc;
    QString form;            // comprimé, flacon, poche...
    QString dispensingUnit;  // unit of every quantity of this product
    double packSize = 1.0;   // dispensing units per purchase pack
    Money unitPrice;         // PMP per dispensing unit
    qint64 supplierId = 0;   // 0 when unknown
    int leadTimeDays = 0;    // 0 when unknown: the supplier's applies
    double minOrderQuantity = 0.0; // in dispensing units
    bool mitm = false;       // médicament d'intérêt thérapeutique majeur
    VenClass ven = VenClass::Essential;
    ProductKind kind = ProductKind::Drug;
};

} // namespace reappro
