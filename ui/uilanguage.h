// SPDX-License-Identifier: GPL-3.0-or-later
// The language of the user interface: Qt translators and the locale used to
// format numbers and dates. French is the default; the core's messages take
// the same Language value so that one choice drives every text on screen.
#pragma once

#include "core/common/messages.h"

#include <QLocale>

namespace reappro {

// Installs Qt's own French strings (qtbase: dialog buttons, context menus)
// and Reappro's, and makes the matching locale the default. In English only
// the plural forms need a catalogue: the source strings are English. Returns
// false when a catalogue could not be loaded (the UI then shows the source
// strings).
bool applyUiLanguage(Language lang);

// French (France) or English (United Kingdom: day-first dates, like France).
QLocale uiLocale(Language lang);

} // namespace reappro
