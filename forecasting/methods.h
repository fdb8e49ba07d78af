// SPDX-License-Identifier: GPL-3.0-or-later
// The forecasting methods a caller can ask for, in one table: the Method
// value, the name a user types (CLI --method, stored forecasts), its family,
// how its prediction interval is built, and one line saying what it is and
// where it comes from. methodFromName, methodName and methodNamesList all
// read this table, so a new method is added in one place (methods.cpp) and
// the CLI's help, the parser and the documentation cannot drift apart. The
// interval rules are summaries of what select.h describes in full.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace reappro::forecasting {

enum class Method { Auto, Ses, Holt, HoltDamped, HwAdd, HwMul, Croston, Sba, Tsb, Adida, Imapa, Naive, SNaive, Theta };

struct MethodInfo {
    Method method;
    std::string_view name;         // "ses", "holt-damped"...: exact, lower case
    std::string_view family;       // "automatic", "exponential smoothing", "theta", "Croston family", "naive"
    std::string_view intervalRule; // how forecastSeries builds its prediction interval
    std::string_view description;  // one English line, with the paper it comes from if any
};

// Every Method once, in enum order (Auto first).
std::span<const MethodInfo> methods();

// "auto","ses","holt","holt-damped","hw-add","hw-mul","croston","sba","tsb",
// "adida","imapa","naive","snaive","theta" (exact, lower case).
std::optional<Method> methodFromName(std::string_view name);
std::string_view methodName(Method method);

// The names methodFromName accepts, in table order, joined by ", "
// ("auto, ses, holt, ..."): for a command line's --help.
std::string methodNamesList();

} // namespace reappro::forecasting
