// Criticality classes of the replenishment rules and their service-level
// targets: the probability that a replenishment cycle (or a ward's restocking
// round) ends without running out.
#pragma once

#include "core/messages.h"
#include "core/product.h"

#include <QString>

#include <array>

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

struct ServiceTargets {
    double vital = 0.99, essential = 0.97, other = 0.95; // configurable; each in (0.5, 0.9999]

    double of(Criticality c) const;
    // Parses "vital=0.99,essential=0.97,other=0.95" (any subset, percent or
    // fraction: "vital=99" works too). Returns false and sets *error otherwise.
    bool parse(const QString &text, QString *error);
};

} // namespace reappro
