// SPDX-License-Identifier: GPL-3.0-or-later
// reappro: the desktop application.
//   reappro [--db FILE] [--lang fr|en] [--screenshot FILE.png]
// Without --db, reopens the database used last time, or shows an empty
// window that offers to open a database or import exports.
#include "core/common/messages.h"
#include "ui/icons.h"
#include "ui/mainwindow.h"
#include "ui/uilanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>

#include <memory>

using namespace reappro;

namespace {

// --help and --version only print: they must work without a display (a
// terminal over SSH, a package's smoke test), where a QApplication aborts.
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "-?" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    const bool textOnly = onlyPrints(argc, argv);
    std::unique_ptr<QCoreApplication> application =
        textOnly ? std::make_unique<QCoreApplication>(argc, argv) : std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Reappro"));
    QCoreApplication::setApplicationName(QStringLiteral("Reappro"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REAPPRO_VERSION));
    if (!textOnly) {
        // The desktop entry (resources/fr.reappro.Reappro.desktop) names the
        // window's application on Wayland; the icon shows in every window.
        QGuiApplication::setDesktopFileName(QStringLiteral("fr.reappro.Reappro"));
        QApplication::setWindowIcon(applicationIcon());
    }

    // The language is needed before the real parser exists, so that --help
    // and its option descriptions are already in it.
    Language lang = languageFromEnvironment();
    {
        QCommandLineParser early;
        early.addOption({QStringLiteral("lang"), QString(), QStringLiteral("LANG")});
        early.addOption({QStringLiteral("db"), QString(), QStringLiteral("FILE")});
        early.parse(app.arguments());
        if (early.isSet(QStringLiteral("lang")))
            lang = languageFromCode(early.value(QStringLiteral("lang")), lang);
    }
    applyUiLanguage(lang);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Reappro: decision support for the stock of a hospital pharmacy."));
    // Our own help and version options: Qt's descriptions of them are not
    // all translated into French.
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("main", "Shows this help."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QCoreApplication::translate("main", "Shows the version."));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("main", "SQLite database to open (created if missing). Default: the one used last time."),
        QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QCoreApplication::translate("main", "Language of the interface: fr (default) or en."),
                                        QStringLiteral("fr|en"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Saves a picture of the main window to this PNG file, then quits."),
        QStringLiteral("FILE.png"));
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    parser.addOption(dbOption);
    parser.addOption(langOption);
    parser.addOption(screenshotOption);
    parser.process(app);
    if (parser.isSet(helpOption))
        parser.showHelp(0);
    if (parser.isSet(versionOption))
        parser.showVersion();

    MainWindow window(lang);
    window.show();

    QString path = parser.value(dbOption);
    if (path.isEmpty()) {
        const QString last = QSettings().value(QStringLiteral("database/last")).toString();
        // A database that has gone (moved, unplugged drive) is not recreated empty.
        if (!last.isEmpty() && QFileInfo::exists(last))
            path = last;
        else if (!last.isEmpty())
            window.showMissingDatabase(last);
    }
    if (!path.isEmpty()) {
        QString error;
        if (!window.openDatabase(path, &error)) {
            // With --screenshot nobody is there to close a dialog: say it
            // on the terminal and fail.
            if (parser.isSet(screenshotOption)) {
                QTextStream(stderr) << QCoreApplication::translate("main", "Open a database") << ": " << error << "\n";
                return 1;
            }
            QMessageBox::warning(&window, QCoreApplication::translate("main", "Open a database"), error);
        }
    }
    if (parser.isSet(screenshotOption)) {
        // What run.sh shows when there is no display, and the README's picture.
        window.resize(1440, 860);
        QCoreApplication::processEvents();
        const QString file = parser.value(screenshotOption);
        return window.grab().save(file) ? 0 : 1;
    }
    return QApplication::exec();
}
