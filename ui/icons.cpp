// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/icons.h"

#include <QString>

// The resources of a static library are registered explicitly, once; the
// macro may not be used inside a namespace.
static void registerReapproResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(reappro);
        return true;
    }();
    Q_UNUSED(done);
}

namespace reappro {

QIcon applicationIcon()
{
    registerReapproResources();
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/reappro-%1.png").arg(size), QSize(size, size));
    return icon;
}

QIcon actionIcon(const char *name)
{
    registerReapproResources();
    return QIcon(QStringLiteral(":/icons/actions/%1.png").arg(QLatin1String(name)));
}

} // namespace reappro
