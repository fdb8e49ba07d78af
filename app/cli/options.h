// SPDX-License-Identifier: GPL-3.0-or-later
// Options and small helpers shared by the replenishment commands of
// reappro-cli (suggest, replay, parlevels): service targets, the order rule,
// the expiry confidence, dates, numbers for CSV and percentages.
#pragma once

#include "core/domain/criticality.h"
#include "core/replenishment/replenishment.h"
#include "core/store/store.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QDate>
#include <QString>

namespace reappro::cli {

QString csvField(const QString &v);                  // a cell of a ',' CSV
QString plain(double v, int decimals = 2);           // a number as CSV writes it
QString percentText(double fraction);                // "97,1 %" in French, "97.1%" in English
bool parseDateOption(const QCommandLineParser &p, const QString &name, QDate &date);
void addServiceOptions(QCommandLineParser &p);
bool parseService(const QCommandLineParser &p, ServiceTargets &service);
bool parseExpiryConfidence(const QCommandLineParser &p, ReplenishmentSettings &settings);
// The order rule, option NAME (suggest's --policy, replay's --rule).
bool parseOrderRule(const QCommandLineParser &p, const QString &name, ReplenishmentSettings &settings);
bool writeText(const QString &path, const QByteArray &bytes);

// Limits on what a user can ask, checked before any work starts, with a
// message in the user's language:
//  - a decision day (--as-of) after the first day of the history and at
//    most kMaxDaysAhead days after its last: before, there is no history to
//    stand on; years ahead, the "present" would be an invented one;
//  - a replayed period (--from, --to) inside the history;
//  - at most kMaxThreads worker threads.
inline constexpr int kMaxDaysAhead = 366;
inline constexpr int kMaxThreads = 256;
bool checkDecisionDay(const Store &store, QDate asOf, const QString &option);
bool checkReplayedPeriod(const Store &store, QDate from, QDate to);
bool checkThreads(int threads);
// The output file can be written (its folder exists and takes a new file,
// or the file itself is writable): checked before a long computation.
bool checkOutputWritable(const QString &path);

} // namespace reappro::cli
