// SPDX-License-Identifier: GPL-3.0-or-later
// Messages of the core shown to users, in French and English. The core
// returns reasons as data; the language is chosen by whoever displays them.
#pragma once

#include <QString>

namespace reappro {

enum class Language { French, English };

// French unless the environment asks for English (LANGUAGE, LC_ALL,
// LC_MESSAGES or LANG starting with "en"), or REAPPRO_LANG=fr|en.
Language languageFromEnvironment();
Language languageFromCode(const QString &code, Language fallback);

// Why a line (or a whole file) of an import was rejected.
enum class RejectReason {
    CannotOpenFile,
    UnknownFileKind,
    MissingColumn,
    TooManyFields,
    EmptyValue,
    InvalidNumber,
    NegativeQuantity,
    InvalidDate,
    FutureDate,
    ExpiryBeforeReception,
    UnknownProduct,
    UnknownMovementType,
    InvalidIdentifier,
    DuplicateLine,
    DuplicateKey,
    InvalidValue,
    MissingCareUnit,
    UnclosedQuote,
    ValueTooLong,
    DateOutOfRange,
};

// The reason in words, with how to fix it. `detail` completes it (the
// expected format, the line of the first occurrence...).
QString rejectReasonText(RejectReason reason, Language lang, const QString &detail = {});
// Stable machine name for reports ("invalid_date").
QString rejectReasonCode(RejectReason reason);

// The sentence of an explanation (order line, par level) whose demand has
// stopped (forecasting::dormantRun): no demand for `weeks` weeks, longer than
// any gap before, at most one demand in weeks + 1 assumed.
QString stoppedUseText(int weeks, Language lang);

} // namespace reappro
