// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital, catalogues: the static data the demo draws its hospital
// from. Care units (with their weekday profile of demand, rounds and
// therapeutic domains), suppliers (wholesalers, drug and device makers),
// pharmaceutical forms and their packs, drugs (DCI, ATC, domain, flags,
// presentations) and medical devices, and the laboratory names printed in
// the labels of generics. The tables are in catalogue.cpp. Private to
// core/demo/.
#pragma once

#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace reappro::demo {

// Ward demand by weekday (Monday..Sunday), before normalisation to a mean of 1.
enum Profile { Flat, Ward, Theatre, DayCare, LongStay, ProfileCount };
inline constexpr double kWeekdayRaw[ProfileCount][7] = {
    {1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00},   // ICU, ER: every day alike
    {1.08, 1.08, 1.06, 1.06, 1.04, 0.80, 0.72},   // wards: fewer admissions and discharges at weekends
    {1.35, 1.35, 1.35, 1.35, 1.30, 0.18, 0.12},   // theatres: emergencies only at weekends
    {1.40, 1.40, 1.40, 1.40, 1.40, 0.00, 0.00},   // day hospitals, consultations: closed
    {1.02, 1.02, 1.01, 1.01, 1.01, 0.97, 0.96},   // long stay, nursing homes, psychiatry
};

struct UnitSpec {
    const char *label;
    Profile profile;
    int rounds;          // deliveries a week; 0 = drawn among 2 or 3 (wards) or 1 or 2 (long stay)
    const char *domains; // therapeutic domains it uses beyond the general ones (see DrugSpec::domain)
    int pole;            // first digit of the UF code
    double activity;
};

// Most common first: a small hospital takes the head of the list.
extern const std::span<const UnitSpec> kUnits;

enum SupplierKind { Wholesaler, DrugMaker, DeviceMaker };
struct SupplierSpec {
    const char *name;
    SupplierKind kind;
};

extern const std::span<const SupplierSpec> kSuppliers;

struct FormSpec {
    const char *code, *forme, *unit, *labelWord;
    std::array<int, 6> packs;   // dispensing units per purchase pack, 0 = unused slot
    bool injectable;
};

const FormSpec *formByCode(std::string_view code);

// domain: G general (every unit), A anaesthesia / critical care, I
// anti-infectives, R respiratory, C cardiology, N neurology, P psychiatry,
// O oncology / haematology, S surgery, K orthopaedics / rheumatology,
// V interventional cardiology and radiology, B obstetrics, E paediatrics,
// D nephrology / dialysis, U urology, Y ophthalmology, H digestive, M diabetes.
// flags: W winter peak, F flu season (strong), R outpatient dispensing
// (rétrocession), V often vital, M often MITM, S shortage-prone.
// presentations: "dosage:FORM:price per dispensing unit in EUR|...".
struct DrugSpec {
    const char *dci, *atc;
    char domain;
    const char *flags, *presentations;
};

extern const std::span<const DrugSpec> kDrugs;

// label: '#' is replaced by one of the variants; price in EUR per unit.
struct DeviceSpec {
    const char *label, *variants;
    double price;
    char domain;
    const char *packs, *flags;   // flags: W winter peak, V often vital, S short shelf life
};

extern const std::span<const DeviceSpec> kDevices;

// Laboratory names printed in the labels of the second and later
// references of a same presentation (generics).
extern const std::span<const char *const> kLabTags;
extern const std::span<const char *const> kDeviceTags;

std::vector<std::string_view> split(std::string_view s, char sep);

bool hasFlag(const char *flags, char f);

} // namespace reappro::demo
