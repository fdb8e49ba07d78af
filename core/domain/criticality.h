// SPDX-License-Identifier: GPL-3.0-or-later
// Criticality classes of the replenishment rules and their service-level
// targets: the probability that a replenishment cycle (or a ward's restocking
// round) ends without running out.
#pragma once

#include "core/common/messages.h"
#include "core/domain/product.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <array>
#include <map>
#include <vector>

namespace reappro {

// Vital = VEN vital or MITM (a shortage is a patient risk); Essential = VEN
// essential; Other = VEN non-essential.
enum class Criticality { Vital, Essential, Other };
inline constexpr std::array kAllCriticalities = {Criticality::Vital, Criticality::Essential, Criticality::Other};

Criticality criticalityOf(const Product &product);

// Stable lower-case code for files and JSON: "vital", "essential", "other".
QString criticalityCode(Criticality c);
// For people: "vital / MITM", "essentiel", "autre" in French.
QString criticalityLabel(Criticality c, Language language);

// A class target is met on average over the class's products (cycles
// pooled, as the replay measures it). Each product gets its own target, at
// least the class's floor: see serviceallocation.h. The defaults serve at
// least as often as the min/max of the pharmacy software (1-2 months of
// cover serve 98% of cycles in every class): a pharmacist does not trade
// service for stock, and a stockout of a product of no clinical
// criticality still costs an urgent order.
struct ServiceTargets {
    double vital = 0.99, essential = 0.985, other = 0.98;         // configurable; each in (0.5, 0.9999]
    double vitalMin = 0.97, essentialMin = 0.85, otherMin = 0.80; // floors of a product's own target
    bool perProduct = true; // false: every product gets its class target

    double of(Criticality c) const;
    double &of(Criticality c);
    // The floor, never above the class target.
    double lowest(Criticality c) const;
    // Parses "vital=0.99,essential=0.985,other=0.98,vital_min=0.97" (any
    // subset, percent or fraction: "vital=99" works too). Returns false and
    // sets *error otherwise.
    bool parse(const QString &text, QString *error);
};

// What a replay of the hospital's history (replay.h) learned: the
// class aims at which its per-product targets achieved each class target.
// The allocation reads service off the forecasts' distributions, whose
// tails are not exactly the hospital's (on the demo hospitals, aiming 97% in
// the essential class serves 98.5% of cycles). Stored with the database
// (Store::saveServiceCalibration) so that `suggest` and the orders tab
// order as the replay did.
struct ServiceCalibration {
    QDate from, to;          // replayed days
    QDateTime computedAt;    // UTC
    std::map<Criticality, double> target, aim;
};

// Aims each class at the calibration's aim when the class's target is the
// one the calibration was replayed with (another target was never
// measured); returns the classes so aimed. The floors stay.
std::vector<Criticality> applyCalibration(const ServiceCalibration &calibration, ServiceTargets &targets);
// "essentiel 97,1 % (cible 98,5 %), autre 95,4 % (cible 98,0 %)" for these
// classes (empty: every class of the calibration).
QString calibrationText(const ServiceCalibration &calibration, const std::vector<Criticality> &classes, Language language);

} // namespace reappro
