// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the commands of reappro-cli: messages in the user's language,
// output streams, option parsing and opening the database.
#pragma once

#include "core/common/messages.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <cstddef>
#include <functional>

namespace reappro::cli {

inline constexpr int kExitOk = 0, kExitFailure = 1, kExitRejected = 2, kExitUsage = 64;

extern Language g_lang;

// The French or the English text, by g_lang.
QString t(const char *fr, const char *en);
QTextStream &out();
QTextStream &err();
QString number(qint64 n);   // grouped digits in the user's language
QString decimal(double v, int decimals); // a decimal number in the user's language
QString dateText(QDate d);  // dd/MM/yyyy in French, ISO in English, "-" if invalid

void addCommonOptions(QCommandLineParser &p);
// Parses; prints help or errors. Returns -1 to continue, else an exit code.
int parse(QCommandLineParser &p, const QStringList &args, const QString &description);
// A progress line on stderr ("Prévision : 12 / 300") for a person watching;
// empty (no progress at all) when stderr is not a terminal, so logs and
// pipes stay clean.
std::function<void(std::size_t, std::size_t)> terminalProgress(const char *labelFr, const char *labelEn);
// kExitOk, or the exit code after saying why on stderr: kExitUsage without --db,
// kExitFailure when the database is missing (mustExist) or cannot be opened.
int openStore(Store &store, const QString &path, bool mustExist);

// One function per command, one file per command group.
int cmdDemo(const QStringList &args);        // app/cli/data.cpp
int cmdImport(const QStringList &args);      // app/cli/data.cpp
int cmdInfo(const QStringList &args);        // app/cli/data.cpp
int cmdForecast(const QStringList &args);    // app/cli/forecast.cpp
int cmdParLevels(const QStringList &args);   // app/cli/parlevels.cpp
int cmdSuggest(const QStringList &args);     // app/cli/suggest.cpp
int cmdReplay(const QStringList &args);      // app/cli/replay.cpp (alias: backtest)
int cmdBackup(const QStringList &args);      // app/cli/backup.cpp

} // namespace reappro::cli
