// SPDX-License-Identifier: GPL-3.0-or-later
// The application's icons, compiled in from resources/reappro.qrc: the
// application icon at every size the desktop asks for (16 to 256 px, from
// one SVG drawing) and the small action icons of the menus and tabs. PNG
// only, so no SVG image plugin is needed at run time.
#pragma once

#include <QIcon>

namespace reappro {

QIcon applicationIcon();
// An icon of resources/icons/actions/ by its file name without extension
// ("import", "orders", "par-levels", "replay", "about", "quit"...); its
// @2x file serves high-density screens.
QIcon actionIcon(const char *name);

} // namespace reappro
