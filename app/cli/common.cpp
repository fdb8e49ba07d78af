// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/common.h"

#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cstdio>
#ifdef _WIN32
#include <io.h>
#define REAPPRO_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define REAPPRO_ISATTY(fd) isatty(fd)
#endif

namespace reappro::cli {

Language g_lang = Language::French;

QString t(const char *fr, const char *en) { return QString::fromUtf8(g_lang == Language::French ? fr : en); }

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString number(qint64 n) { return (g_lang == Language::French ? QLocale(QLocale::French) : QLocale(QLocale::English)).toString(n); }
QString decimal(double v, int decimals)
{
    return (g_lang == Language::French ? QLocale(QLocale::French) : QLocale(QLocale::English)).toString(v, 'f', decimals);
}
QString dateText(QDate d)
{
    if (!d.isValid())
        return QStringLiteral("-");
    return d.toString(g_lang == Language::French ? QStringLiteral("dd/MM/yyyy") : QStringLiteral("yyyy-MM-dd"));
}

void addCommonOptions(QCommandLineParser &p)
{
    p.addHelpOption();
    p.addOption({QStringLiteral("lang"), t("Langue des messages : fr ou en.", "Message language: fr or en."), QStringLiteral("fr|en")});
}

int parse(QCommandLineParser &p, const QStringList &args, const QString &description)
{
    p.setApplicationDescription(description);
    if (!p.parse(args)) {
        err() << p.errorText() << "\n\n" << p.helpText();
        return kExitUsage;
    }
    if (p.isSet(QStringLiteral("lang")))
        g_lang = languageFromCode(p.value(QStringLiteral("lang")), g_lang);
    if (p.isSet(QStringLiteral("help"))) {
        out() << p.helpText();
        return kExitOk;
    }
    return -1;
}

std::function<void(std::size_t, std::size_t)> terminalProgress(const char *labelFr, const char *labelEn)
{
    if (!REAPPRO_ISATTY(2))   // progress only on a terminal
        return {};
    err().flush();
    const char *label = g_lang == Language::French ? labelFr : labelEn;
    return [label, step = std::size_t(0)](std::size_t done, std::size_t total) mutable {
        if (done != total && done < step)
            return;
        step = done + std::max<std::size_t>(1, total / 100);
        std::fprintf(stderr, "\r%s %zu / %zu%s", label, done, total, done == total ? "\n" : "");
        std::fflush(stderr);
    };
}

int openStore(Store &store, const QString &path, bool mustExist)
{
    if (path.isEmpty()) {
        err() << t("--db FICHIER est obligatoire.\n", "--db FILE is required.\n");
        return kExitUsage;
    }
    if (mustExist && !QFileInfo::exists(path)) {
        err() << t("Base introuvable : ", "Database not found: ") << path << "\n";
        return kExitFailure;
    }
    QString error;
    store.setLanguage(g_lang);
    if (!store.open(path, &error)) {
        err() << error << "\n";
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace reappro::cli
