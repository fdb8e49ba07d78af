// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/options.h"

#include "app/cli/common.h"
#include "core/common/csvformat.h"
#include "core/common/textparse.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QLocale>

#include <cmath>

namespace reappro::cli {

QString csvField(const QString &v) { return csvCell(v, QLatin1Char(',')); }

QString plain(double v, int decimals) { return csvNumber(v, decimals); }

// "97,1 %" in French, "97.1%" in English.
QString percentText(double fraction)
{
    const bool fr = g_lang == Language::French;
    return QLocale(fr ? QLocale::French : QLocale::English).toString(fraction * 100.0, 'f', 1)
           + (fr ? QStringLiteral(" %") : QStringLiteral("%"));
}

bool parseDateOption(const QCommandLineParser &p, const QString &name, QDate &date)
{
    if (!p.isSet(name))
        return true;
    const QByteArray text = p.value(name).toUtf8();
    const auto day = parseDate(std::string_view(text.constData(), std::size_t(text.size())));
    date = day ? QDate::fromJulianDay(*day) : QDate();
    if (date.isValid())
        return true;
    err() << t("Date invalide pour --", "Invalid date for --") << name << " : " << p.value(name)
          << t(" (attendu JJ/MM/AAAA ou AAAA-MM-JJ)\n", " (expected DD/MM/YYYY or YYYY-MM-DD)\n");
    return false;
}

void addServiceOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("expiry-confidence"),
                 t("Probabilité minimale que la dernière unité commandée soit utilisée avant péremption (défaut 95).",
                   "Smallest probability that the last unit ordered is used before it expires (default 95)."),
                 QStringLiteral("PCT")});
    p.addOption({QStringLiteral("vital-expiry-confidence"),
                 t("La même pour les produits vitaux / MITM (défaut 90).", "The same for vital / MITM products (default 90)."),
                 QStringLiteral("PCT")});
    p.addOption({QStringLiteral("service"),
                 t("Taux de service visés par classe, atteints en moyenne sur la classe, et planchers par produit, "
                   "ex. vital=99,essential=98.5,other=98,vital_min=97,essential_min=85,other_min=80.",
                   "Service targets per class, met on average over the class, and per-product floors, "
                   "e.g. vital=99,essential=98.5,other=98,vital_min=97,essential_min=85,other_min=80."),
                 QStringLiteral("LIST")});
    p.addOption(
        {QStringLiteral("uniform-service"), t("Chaque produit vise exactement le taux de sa classe (pas de répartition au moindre coût).",
                                              "Every product aims at exactly its class target (no least-cost allocation).")});
}

bool parseService(const QCommandLineParser &p, ServiceTargets &service)
{
    service.perProduct = !p.isSet(QStringLiteral("uniform-service"));
    QString error;
    if (p.isSet(QStringLiteral("service")) && !service.parse(p.value(QStringLiteral("service")), &error)) {
        err() << error << "\n";
        return false;
    }
    return true;
}

// --expiry-confidence P and --vital-expiry-confidence P: percent (50-99.9)
// or fraction.
bool parseExpiryConfidence(const QCommandLineParser &p, ReplenishmentSettings &settings)
{
    for (const auto &[name, target] : {std::pair{QStringLiteral("expiry-confidence"), &settings.expiryConfidence},
                                       std::pair{QStringLiteral("vital-expiry-confidence"), &settings.vitalExpiryConfidence}}) {
        if (!p.isSet(name))
            continue;
        bool ok = false;
        double v = p.value(name).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
        if (ok && v > 1.0)
            v /= 100.0;
        if (!ok || v < 0.5 || v > 0.999) {
            err() << "--" << name << t(" : une probabilité entre 50 et 99,9 (%)\n", ": a probability between 50 and 99.9 (%)\n");
            return false;
        }
        *target = v;
    }
    return true;
}

// The order rule, option NAME (suggest's --policy, replay's --rule): rs
// (periodic order-up-to) or ss (reorder point).
bool parseOrderRule(const QCommandLineParser &p, const QString &name, ReplenishmentSettings &settings)
{
    if (!p.isSet(name))
        return true;
    const QString v = p.value(name);
    if (v != QLatin1String("rs") && v != QLatin1String("ss")) {
        err() << "--" << name << t(" : rs ou ss\n", ": rs or ss\n");
        return false;
    }
    settings.policy = v == QLatin1String("ss") ? PolicyKind::ReorderPoint : PolicyKind::OrderUpTo;
    return true;
}

bool writeText(const QString &path, const QByteArray &bytes)
{
    QString error;
    if (writeOutputFile(path, bytes, &error))
        return true;
    err() << t("Écriture impossible : ", "Cannot write: ") << path << " (" << error << ")\n";
    return false;
}

bool checkDecisionDay(const Store &store, QDate asOf, const QString &option)
{
    const StoreInfo info = store.info();
    if (!info.firstMovement.isValid() || !asOf.isValid())
        return true;   // no history: the command says so itself
    const QDate latest = info.lastMovement.addDays(kMaxDaysAhead);
    if (asOf > info.firstMovement && asOf <= latest)
        return true;
    err() << "--" << option
          << t(" : le %1 est hors de l'historique de la base (du %2 au %3) ; choisissez un jour après le %2 et au plus tard le %4.\n",
               ": %1 is outside the database's history (%2 to %3); choose a day after %2 and no later than %4.\n")
                 .arg(dateText(asOf), dateText(info.firstMovement), dateText(info.lastMovement), dateText(latest));
    return false;
}

bool checkReplayedPeriod(const Store &store, QDate from, QDate to)
{
    const StoreInfo info = store.info();
    if (!info.firstMovement.isValid())
        return true;
    if (from > info.firstMovement && to <= info.lastMovement)
        return true;
    err() << t("--from/--to : la période rejouée (du %1 au %2) doit tenir dans l'historique de la base, après le %3 et jusqu'au %4.\n",
               "--from/--to: the replayed period (%1 to %2) must lie within the database's history, after %3 and up to %4.\n")
                 .arg(dateText(from), dateText(to), dateText(info.firstMovement), dateText(info.lastMovement));
    return false;
}

bool checkThreads(int threads)
{
    if (threads >= 0 && threads <= kMaxThreads)
        return true;
    err() << t("--threads : entre 0 (tous les cœurs) et %1.\n", "--threads: between 0 (all cores) and %1.\n").arg(kMaxThreads);
    return false;
}

bool checkOutputWritable(const QString &path)
{
    const QFileInfo f(path);
    bool ok = f.exists() ? f.isFile() && f.isWritable() : false;
    if (!f.exists()) {
        QTemporaryFile probe(f.absoluteDir().filePath(QStringLiteral(".reappro-XXXXXX")));
        ok = f.absoluteDir().exists() && probe.open();
    }
    if (!ok)
        err() << t("Écriture impossible : ", "Cannot write: ") << path
              << t(" (dossier absent ou protégé en écriture) ; rien n'a été calculé.\n",
                   " (missing or write-protected folder); nothing was computed.\n");
    return ok;
}

} // namespace reappro::cli
