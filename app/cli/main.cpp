// SPDX-License-Identifier: GPL-3.0-or-later
// reappro-cli: the headless face of Reappro. Every command works on a local
// database and files, prints what it did, and returns a meaningful exit code
// (0 done, 1 failure, 2 input rejected, 64 usage).
#include "app/cli/common.h"
#include "core/common/messages.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace reappro;

namespace {

using namespace reappro::cli;

void usage(QTextStream &s)
{
    s << t("Usage : reappro-cli COMMANDE [options]   (COMMANDE --help pour le détail)\n\n"
           "Commandes :\n"
           "  demo     écrit les exports d'un hôpital de démonstration\n"
           "  import   importe des exports CSV/XLSX dans une base (tout ou rien)\n"
           "  forecast prévoit la demande des produits d'une base (ou de séries du kit de benchmark)\n"
           "  info     résume le contenu d'une base\n"
           "  parlevels dotations des services et compléments de la prochaine tournée\n"
           "  suggest  propose les commandes du jour, chaque ligne expliquée\n"
           "  replay   rejoue une politique de réapprovisionnement sur l'historique (alias : backtest)\n"
           "  backup   liste, fait ou restaure les sauvegardes de la base\n",
           "Usage: reappro-cli COMMAND [options]   (COMMAND --help for details)\n\n"
           "Commands:\n"
           "  demo     writes the exports of a demo hospital\n"
           "  import   imports CSV/XLSX exports into a database (all or nothing)\n"
           "  forecast forecasts the demand of a database's products (or of benchmark kit series)\n"
           "  info     summarises a database\n"
           "  parlevels ward stock par levels and the top-ups of the next round\n"
           "  suggest  suggests today's orders, each line explained\n"
           "  replay   replays a replenishment policy over the history (alias: backtest)\n"
           "  backup   lists, makes or restores the database's backups\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("reappro-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REAPPRO_VERSION));
    g_lang = languageFromEnvironment();
    QStringList args = app.arguments();
    // --lang before the command applies to usage too.
    for (int i = 1; i + 1 < args.size(); ++i)
        if (args[i] == QLatin1String("--lang"))
            g_lang = languageFromCode(args[i + 1], g_lang);
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h") || args[1] == QLatin1String("help")) {
        usage(args.size() < 2 ? err() : out());
        return args.size() < 2 ? kExitUsage : kExitOk;
    }
    if (args[1] == QLatin1String("--version")) {
        out() << "reappro-cli " << REAPPRO_VERSION << "\n";
        return kExitOk;
    }
    const QString command = args[1];
    QStringList rest = args;
    rest.removeAt(1);   // the parser sees "reappro-cli --option ..."
    if (command == QLatin1String("demo"))
        return cmdDemo(rest);
    if (command == QLatin1String("import"))
        return cmdImport(rest);
    if (command == QLatin1String("info"))
        return cmdInfo(rest);
    if (command == QLatin1String("forecast"))
        return cmdForecast(rest);
    if (command == QLatin1String("parlevels"))
        return cmdParLevels(rest);
    if (command == QLatin1String("suggest"))
        return cmdSuggest(rest);
    // "backtest" is the replay's former name, kept for scripts.
    if (command == QLatin1String("replay") || command == QLatin1String("backtest"))
        return cmdReplay(rest);
    if (command == QLatin1String("backup"))
        return cmdBackup(rest);
    err() << t("Commande inconnue : ", "Unknown command: ") << command << "\n\n";
    usage(err());
    return kExitUsage;
}
