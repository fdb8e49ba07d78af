// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/uilanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace reappro {

namespace {

// Owned by the application object; re-applying a language replaces them
// instead of stacking them (the tests switch languages).
QPointer<QTranslator> g_qtTranslator;
QPointer<QTranslator> g_appTranslator;

void removeTranslator(QPointer<QTranslator> &slot)
{
    if (slot) {
        QCoreApplication::removeTranslator(slot);
        delete slot;
    }
}

bool installTranslator(QPointer<QTranslator> &slot, const QString &fileName, const QString &directory = {})
{
    auto *t = new QTranslator(QCoreApplication::instance());
    if (!t->load(fileName, directory)) {
        delete t;
        return false;
    }
    QCoreApplication::installTranslator(t);
    slot = t;
    return true;
}

} // namespace

QLocale uiLocale(Language lang)
{
    return lang == Language::French ? QLocale(QLocale::French, QLocale::France) : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

bool applyUiLanguage(Language lang)
{
    QLocale::setDefault(uiLocale(lang));
    removeTranslator(g_qtTranslator);
    removeTranslator(g_appTranslator);
    // Both catalogues are compiled from translations/*.ts into the reappro_ui
    // resources. The English one only has the plural forms of the "%n ..."
    // strings: the source strings are English.
    if (lang == Language::English)
        return installTranslator(g_appTranslator, QStringLiteral(":/i18n/reappro_en.qm"));
    // Qt's own strings: standard buttons, line edit context menu, file dialog.
    const bool qt = installTranslator(g_qtTranslator, QStringLiteral("qtbase_fr"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    const bool app = installTranslator(g_appTranslator, QStringLiteral(":/i18n/reappro_fr.qm"));
    return qt && app;
}

} // namespace reappro
