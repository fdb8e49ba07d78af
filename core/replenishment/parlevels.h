// SPDX-License-Identifier: GPL-3.0-or-later
// Ward stocks: the par level (dotation) of every product in every care unit's
// stock or automated cabinet, and the top-up to bring for the next round.
//
// For each (product, care unit) pair with consumption in the history:
//  - the care unit's consumption by ISO week up to the last complete week on
//    or before the as-of date (weekly series with a 52-week season are what
//    the forecasting benchmark validated; daily issues only show the round
//    days, not when the ward consumes), leading weeks without demand dropped
//    and weeks with more returns than issues counted as 0, as forecastDatabase
//    does;
//  - the cover: the longest interval between two rounds plus the delay from
//    the count at the round to the delivery on the ward (deliveryDelayDays,
//    0.5 day by default). The rounds come from location.rounds_per_week
//    (defaultRoundsPerWeek = 2 when 0 = unknown). One par level serves every
//    round, so it must last through the longest interval: with
//    RoundSpread::WorkingDays (default) rounds fall on Monday to Friday,
//    spread as evenly as they can be, so 1, 2, 3, 4, 5 rounds a week leave
//    at most 7, 4, 3, 3, 3 days (the weekend), 6 leave 2 (Saturday to
//    Monday), 7 and more 7/rounds; with RoundSpread::EvenWeek every interval
//    is 7/rounds days;
//  - par level = the service-level quantile of the TOTAL demand over the
//    cover (forecasting::totalDemand, cover/7 weeks), the level by the
//    product's criticality (ServiceTargets), rounded up to whole dispensing
//    units (hospitals issue units to ward stocks), or to whole packs with
//    wholePacks;
//  - the ward stock at the round: counted (WardCounts) when given, otherwise
//    estimated as par - the expected consumption of one mean interval
//    (7/rounds days), rounded down to whole units: the ward was topped up to
//    par at the previous round;
//  - top-up = par - ward stock, rounded up to whole units (or packs), never
//    negative.
// A pair without any consumption in the last 26 weeks gets par 0 and top-up
// 0, with a note suggesting to take it off the allowance.
// Results do not depend on the thread count (totalDemand is deterministic).
#pragma once

#include "core/domain/criticality.h"
#include "core/common/rejectedline.h"
#include "core/common/messages.h"

#include <QDate>
#include <QString>
#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace reappro {

class Store;

enum class RoundSpread { WorkingDays, EvenWeek };
enum class WardStockSource { Estimated, Counted };

// Counted ward stock, by (care unit id, product id), in dispensing units.
struct WardCounts {
    std::map<std::pair<qint64, qint64>, double> quantities;
    std::vector<RejectedLine> rejected;   // empty: every line was read
    qint64 lines = 0;                     // data lines read
};

// Reads a count file: CSV (';', tab or ','; UTF-8 or Windows-1252; decimal
// comma in ';' and tab files), a header among the first ten lines with the
// columns Code UF (or UF, Unité fonctionnelle), Code produit (or Code, UCD,
// CIP; the product's internal code, UCD13, UCD7 or CIP13) and Quantité (or
// Qté, Stock). Unknown units or products, bad or negative numbers and a pair
// counted twice are rejected, with the reason in `language`.
WardCounts readWardCounts(const Store &store, const QString &path, Language language);

struct ParLevelOptions {
    QDate asOf;                       // history up to this day; invalid = the last day with movements
    ServiceTargets service;
    int defaultRoundsPerWeek = 2;     // for care units whose rhythm is unknown (0)
    double deliveryDelayDays = 0.5;   // from the count at the round to the delivery on the ward
    RoundSpread spread = RoundSpread::WorkingDays;
    bool wholePacks = false;          // round par levels and top-ups up to whole packs
    int dormantWeeks = 26;            // no consumption for this long: par 0
    const WardCounts *counts = nullptr;
    int threads = 0;                  // 0 = every core
};

struct ParLevel {
    qint64 productId = 0, unitId = 0;
    QString unitCode, unitLabel;
    QString productCode, productLabel, dispensingUnit;
    double packSize = 1.0;
    Criticality criticality = Criticality::Essential;
    int roundsPerWeek = 0;            // as used (the default when unknown)
    bool roundsDefaulted = false;     // the care unit's rhythm was unknown
    double longestIntervalDays = 0.0; // between two rounds: what the par must last
    double meanIntervalDays = 0.0;    // 7 / rounds: what a round tops up on average
    double deliveryDelayDays = 0.0;
    double coverDays = 0.0;           // longest interval + delivery delay
    int historyWeeks = 0;             // weeks forecast from (leading weeks without demand dropped)
    QString model;                    // forecasting model of totalDemand
    double meanDemand = 0.0;          // expected total demand over the cover
    double serviceLevel = 0.0;        // target probability of not running out before the next delivery
    double quantile = 0.0;            // of the total demand over the cover, before rounding
    double parLevel = 0.0;            // whole units (or packs)
    double meanPerRound = 0.0;        // expected consumption over one mean interval
    WardStockSource stockSource = WardStockSource::Estimated;
    double wardStock = 0.0;           // counted, or estimated at the round
    double topUp = 0.0;
    bool packRounding = false;        // par level and top-up in whole packs of packSize
    bool dormant = false;             // no consumption over the last dormantWeeks weeks
    int weeksWithoutConsumption = 0;  // complete weeks since the last one with consumption
    int stoppedWeeks = 0;             // > 0: the unit's use has stopped (forecasting::dormantRun), not yet dormant here
    QDate lastConsumptionWeek;        // Monday of the last week with consumption
    QString error;                    // not empty: no forecast (par and top-up 0)
};

enum class ParLevelStatus { Done, NoHistory, Cancelled };

struct ParLevelResult {
    ParLevelStatus status = ParLevelStatus::Done;
    QDate asOf;                       // as used
    QDate historyFrom, historyTo;     // Monday of the first week, Sunday of the last complete one
    std::vector<ParLevel> lines;      // by care unit code, then product code
    // Counted pairs that have no consumption in the history (not in `lines`).
    std::vector<std::pair<qint64, qint64>> countedWithoutHistory;
    int failed = 0;
};

// The longest and the mean interval between two rounds, in days.
double longestRoundInterval(int roundsPerWeek, RoundSpread spread);
double meanRoundInterval(int roundsPerWeek);

// progress(done, total) over the pairs, from worker threads (under a lock);
// a set stop flag cancels (status Cancelled, no lines).
ParLevelResult computeParLevels(const Store &store, const ParLevelOptions &options,
                                const std::function<void(std::size_t, std::size_t)> &progress = {},
                                const std::atomic<bool> *stop = nullptr);

// Why the line's numbers are what they are, for a pharmacist.
QString explainParLevel(const ParLevel &line, Language language);

// UTF-8 with BOM, ';'-separated, CRLF; decimal comma in French, point in
// English; the column names are stable codes (care_unit_code, ...), the
// explanation column is in `language`.
bool writeParLevelsCsv(const QString &path, const ParLevelResult &result, Language language, QString *error);

} // namespace reappro
