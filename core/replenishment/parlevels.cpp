// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replenishment/parlevels.h"
#include "core/common/csvformat.h"
#include "core/common/csvreader.h"
#include "core/forecast/forecastrun.h"
#include "core/common/parallel.h"
#include "core/domain/product.h"
#include "core/store/store.h"
#include "core/common/textparse.h"
#include "forecasting/select.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>

namespace reappro {

namespace {

// Sums of doubles in SQL leave residues where issues and returns cancel out.
constexpr double kQuantityEpsilon = 1e-9;
// A quantile of 40.0000001 is a par level of 40, not 41.
constexpr double kRoundingSlack = 1e-6;

QString fromView(std::string_view v) { return QString::fromUtf8(v.data(), qsizetype(v.size())); }

struct UnitInfo {
    QString code, label;
    int roundsPerWeek = 0;
};

double roundUp(double quantity, double pack)
{
    if (quantity <= kRoundingSlack)
        return 0.0;
    if (pack > 1.0)
        return std::ceil(quantity / pack - kRoundingSlack) * pack;
    return std::ceil(quantity - kRoundingSlack);
}

// --------------------------------------------------------------- count file

enum class CountField { Unit, Product, Quantity };

std::optional<CountField> countFieldOf(const QString &normalizedHeader)
{
    static const std::map<QString, CountField> kNames = {
        {QStringLiteral("codeuf"), CountField::Unit},
        {QStringLiteral("uf"), CountField::Unit},
        {QStringLiteral("unitefonctionnelle"), CountField::Unit},
        {QStringLiteral("codeunitefonctionnelle"), CountField::Unit},
        {QStringLiteral("careunit"), CountField::Unit},
        {QStringLiteral("careunitcode"), CountField::Unit},
        {QStringLiteral("codeproduit"), CountField::Product},
        {QStringLiteral("code"), CountField::Product},
        {QStringLiteral("produit"), CountField::Product},
        {QStringLiteral("codeucd"), CountField::Product},
        {QStringLiteral("ucd"), CountField::Product},
        {QStringLiteral("cip"), CountField::Product},
        {QStringLiteral("cip13"), CountField::Product},
        {QStringLiteral("productcode"), CountField::Product},
        {QStringLiteral("quantite"), CountField::Quantity},
        {QStringLiteral("qte"), CountField::Quantity},
        {QStringLiteral("quantitecomptee"), CountField::Quantity},
        {QStringLiteral("qtecomptee"), CountField::Quantity},
        {QStringLiteral("stock"), CountField::Quantity},
        {QStringLiteral("quantity"), CountField::Quantity},
    };
    const auto it = kNames.find(normalizedHeader);
    return it == kNames.end() ? std::nullopt : std::optional(it->second);
}

} // namespace

WardCounts readWardCounts(const Store &store, const QString &path, Language language)
{
    const bool fr = language == Language::French;
    WardCounts out;
    const auto reject = [&](qint64 line, int column, const QString &columnName, const QString &value, RejectReason reason,
                            const QString &detail = {}) {
        out.rejected.push_back({path, line, column, columnName, value, reason, detail});
    };
    CsvReader reader;
    QString error;
    if (!reader.open(path, &error)) {
        reject(0, 0, {}, {}, RejectReason::CannotOpenFile, error);
        return out;
    }
    const char decimal = reader.delimiter() == ',' ? '.' : ',';

    std::unordered_map<QString, qint64> units, products;
    {
        for (const Location &l : store.locations())
            units.emplace(l.code, l.id);
        // Codes first, then the identifiers a count sheet may print instead.
        std::vector<std::pair<QString, qint64>> identifiers;
        for (const Product &p : store.products()) {
            products.emplace(p.code, p.id);
            for (const QString *alt : {&p.ucd13, &p.ucd7, &p.cip13})
                if (!alt->isEmpty())
                    identifiers.emplace_back(*alt, p.id);
        }
        for (const auto &[id, productId] : identifiers)
            products.emplace(id, productId);   // never replaces an internal code
    }

    std::vector<std::string_view> fields;
    qint64 line = 0;
    int cols[3] = {-1, -1, -1};
    QStringList headers;
    bool found = false;
    QString firstHeaders;
    for (int record = 0; record < 10 && reader.next(fields, &line); ++record) {
        std::fill(std::begin(cols), std::end(cols), -1);
        headers.clear();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            headers << fromView(trimmed(fields[i]));
            if (const auto f = countFieldOf(normalizeHeader(headers.back())); f && cols[int(*f)] < 0)
                cols[int(*f)] = int(i);
        }
        if (record == 0)
            firstHeaders = headers.join(QStringLiteral(", "));
        if (cols[0] >= 0 && cols[1] >= 0 && cols[2] >= 0) {
            found = true;
            break;
        }
    }
    if (!found) {
        reject(0, 0, {}, firstHeaders, RejectReason::MissingColumn,
               fr ? QStringLiteral("Code UF, Code produit et Quantité (en-têtes lus : %1)").arg(firstHeaders)
                  : QStringLiteral("Code UF, Code produit and Quantité (headers read: %1)").arg(firstHeaders));
        return out;
    }

    std::map<std::pair<qint64, qint64>, qint64> firstLine;
    while (reader.next(fields, &line)) {
        ++out.lines;
        if (fields.size() > std::size_t(headers.size())) {
            reject(line, 0, {}, {}, RejectReason::TooManyFields, QString::number(fields.size()));
            continue;
        }
        const auto cell = [&](int f) { return cols[f] < int(fields.size()) ? trimmed(fields[std::size_t(cols[f])]) : std::string_view(); };
        bool ok = true;
        for (int f = 0; f < 3; ++f)
            if (cell(f).empty()) {
                reject(line, cols[f] + 1, headers[cols[f]], {}, RejectReason::EmptyValue);
                ok = false;
            }
        if (!ok)
            continue;
        const QString unitCode = fromView(cell(0)), productCode = fromView(cell(1)), quantityText = fromView(cell(2));
        const auto unit = units.find(unitCode);
        if (unit == units.end()) {
            reject(line, cols[0] + 1, headers[cols[0]], unitCode, RejectReason::InvalidValue,
                   fr ? QStringLiteral(" : unité de soins « %1 » absente de la base (importez le fichier des unités)").arg(unitCode)
                      : QStringLiteral(": care unit \"%1\" is not in the database (import the care units file)").arg(unitCode));
            ok = false;
        }
        const auto product = products.find(productCode);
        if (product == products.end()) {
            reject(line, cols[1] + 1, headers[cols[1]], productCode, RejectReason::UnknownProduct,
                   QStringLiteral(" (%1)").arg(productCode));
            ok = false;
        }
        const std::optional<double> quantity = parseQuantity(cell(2), decimal);
        if (!quantity || !std::isfinite(*quantity)) {
            reject(line, cols[2] + 1, headers[cols[2]], quantityText, RejectReason::InvalidNumber,
                   QStringLiteral(" (%1)").arg(quantityText));
            ok = false;
        } else if (*quantity < 0.0) {
            reject(line, cols[2] + 1, headers[cols[2]], quantityText, RejectReason::InvalidValue,
                   fr ? QStringLiteral(" : un stock compté ne peut pas être négatif (%1)").arg(quantityText)
                      : QStringLiteral(": a counted stock cannot be negative (%1)").arg(quantityText));
            ok = false;
        }
        if (!ok)
            continue;
        const std::pair key{unit->second, product->second};
        if (const auto [it, added] = firstLine.emplace(key, line); !added) {
            reject(line, cols[1] + 1, headers[cols[1]], productCode, RejectReason::DuplicateKey,
                   fr ? QStringLiteral(" : UF %1, produit %2 déjà compté ligne %3").arg(unitCode, productCode).arg(it->second)
                      : QStringLiteral(": care unit %1, product %2 already counted on line %3").arg(unitCode, productCode).arg(it->second));
            continue;
        }
        out.quantities[key] = *quantity;
    }
    return out;
}

double longestRoundInterval(int roundsPerWeek, RoundSpread spread)
{
    if (roundsPerWeek <= 0)
        return 7.0;
    if (spread == RoundSpread::EvenWeek || roundsPerWeek >= 7)
        return 7.0 / roundsPerWeek;
    // Monday to Friday, as evenly as they go: Friday to Monday is 3 days
    // whenever both have a round; two rounds (Monday and Thursday, or Tuesday
    // and Friday) leave 4 days; six include Saturday, leaving 2.
    static constexpr double kLongest[] = {7.0, 7.0, 4.0, 3.0, 3.0, 3.0, 2.0};
    return kLongest[roundsPerWeek];
}

double meanRoundInterval(int roundsPerWeek) { return roundsPerWeek > 0 ? 7.0 / roundsPerWeek : 7.0; }

ParLevelResult computeParLevels(const Store &store, const ParLevelOptions &options,
                                const std::function<void(std::size_t, std::size_t)> &progress, const std::atomic<bool> *stop)
{
    ParLevelResult result;
    StoreSnapshot snapshot(store);
    const StoreInfo info = store.info();
    if (!info.firstMovement.isValid()) {
        result.status = ParLevelStatus::NoHistory;
        return result;
    }
    result.asOf = options.asOf.isValid() ? options.asOf : info.lastMovement;
    result.historyFrom = Store::periodStart(info.firstMovement, Bucket::Week);
    result.historyTo = lastCompleteDay(std::min(result.asOf, info.lastMovement), Bucket::Week);
    if (result.historyTo < result.historyFrom) {
        result.status = ParLevelStatus::NoHistory;
        return result;
    }
    const std::size_t weeks = std::size_t((result.historyFrom.daysTo(result.historyTo) + 1) / 7);

    std::unordered_map<qint64, UnitInfo> units;
    {
        for (const Location &l : store.locations())
            units.emplace(l.id, UnitInfo{l.code, l.label, l.roundsPerWeek});
    }
    std::unordered_map<qint64, Product> products;
    {
        for (Product &p : store.products()) {
            if (!(p.packSize > 0.0))
                p.packSize = 1.0;
            products.emplace(p.id, std::move(p));
        }
    }
    std::vector<ConsumptionSeries> series = store.consumption(Bucket::Week, true);
    snapshot.end();

    // The pairs with consumption by the as-of date, and their lines.
    std::vector<std::vector<double>> histories;
    std::vector<ParLevel> &lines = result.lines;
    for (ConsumptionSeries &s : series) {
        std::vector<double> &v = s.values;
        v.resize(weeks, 0.0);   // drops the weeks after the as-of date
        for (double &x : v)
            x = x > kQuantityEpsilon ? x : 0.0;
        const auto first = std::find_if(v.begin(), v.end(), [](double x) { return x > 0.0; });
        if (first == v.end())
            continue;
        const auto unit = units.find(s.unitId);
        const auto product = products.find(s.productId);
        if (unit == units.end() || product == products.end())
            continue;   // foreign keys make this a bug, not data
        ParLevel l;
        l.productId = s.productId;
        l.unitId = s.unitId;
        l.unitCode = unit->second.code;
        l.unitLabel = unit->second.label;
        l.productCode = product->second.code;
        l.productLabel = product->second.label;
        l.dispensingUnit = product->second.dispensingUnit;
        l.packSize = product->second.packSize;
        l.criticality = criticalityOf(product->second);
        l.serviceLevel = options.service.of(l.criticality);
        l.roundsDefaulted = unit->second.roundsPerWeek <= 0;
        l.roundsPerWeek = l.roundsDefaulted ? std::max(1, options.defaultRoundsPerWeek) : unit->second.roundsPerWeek;
        l.longestIntervalDays = longestRoundInterval(l.roundsPerWeek, options.spread);
        l.meanIntervalDays = meanRoundInterval(l.roundsPerWeek);
        l.deliveryDelayDays = std::max(0.0, options.deliveryDelayDays);
        l.coverDays = l.longestIntervalDays + l.deliveryDelayDays;
        const auto last = std::find_if(v.rbegin(), v.rend(), [](double x) { return x > 0.0; });
        const std::size_t lastIndex = std::size_t(v.rend() - last) - 1;
        l.lastConsumptionWeek = result.historyFrom.addDays(qint64(7 * lastIndex));
        l.weeksWithoutConsumption = int(weeks - lastIndex - 1);
        l.dormant = l.weeksWithoutConsumption >= std::max(1, options.dormantWeeks);
        l.packRounding = options.wholePacks && l.packSize > 1.0;
        v.erase(v.begin(), first);
        l.historyWeeks = int(v.size());
        if (options.counts) {
            const auto c = options.counts->quantities.find({l.unitId, l.productId});
            if (c != options.counts->quantities.end()) {
                l.stockSource = WardStockSource::Counted;
                l.wardStock = c->second;
            }
        }
        lines.push_back(std::move(l));
        histories.push_back(std::move(v));
    }
    if (options.counts) {
        std::set<std::pair<qint64, qint64>> computed;
        for (const ParLevel &l : lines)
            computed.emplace(l.unitId, l.productId);
        for (const auto &[key, quantity] : options.counts->quantities)
            if (!computed.count(key))
                result.countedWithoutHistory.push_back(key);
    }

    std::mutex progressLock;
    std::size_t done = 0;
    const forecasting::SeriesSpec spec{seasonalPeriod(Bucket::Week), false};
    parallelFor(lines.size(), options.threads, stop, [&](std::size_t i) {
        ParLevel &l = lines[i];
        const double pack = l.packRounding ? l.packSize : 1.0;
        if (!l.dormant) {
            const forecasting::TotalDemand d = forecasting::totalDemand(histories[i], spec, l.coverDays / 7.0);
            if (!d.error.empty()) {
                l.error = QString::fromStdString(d.error);
            } else {
                l.model = QString::fromStdString(d.model);
                l.stoppedWeeks = int(d.dormantPeriods);
                l.meanDemand = d.mean;
                l.quantile = d.quantile(l.serviceLevel);
                l.parLevel = roundUp(l.quantile, pack);
                // The forecast's daily rate over the cover, for one mean interval.
                l.meanPerRound = l.coverDays > 0.0 ? d.mean * l.meanIntervalDays / l.coverDays : 0.0;
            }
        }
        if (l.stockSource == WardStockSource::Counted) {
            l.topUp = roundUp(std::max(0.0, l.parLevel - l.wardStock), pack);
        } else {
            // Topped up to par at the previous round, the ward has used one
            // interval's expected consumption since (whole units left).
            l.wardStock = std::max(0.0, std::floor(l.parLevel - l.meanPerRound + kRoundingSlack));
            l.topUp = roundUp(l.parLevel - l.wardStock, pack);
        }
        std::vector<double>().swap(histories[i]);
        if (progress) {
            const std::lock_guard lock(progressLock);
            progress(++done, lines.size());
        }
    });
    if (stop && stop->load()) {
        result.status = ParLevelStatus::Cancelled;
        result.lines.clear();
        return result;
    }
    for (const ParLevel &l : lines)
        result.failed += l.error.isEmpty() ? 0 : 1;
    std::sort(lines.begin(), lines.end(), [](const ParLevel &a, const ParLevel &b) {
        return a.unitCode != b.unitCode ? a.unitCode < b.unitCode : a.productCode < b.productCode;
    });
    return result;
}

QString explainParLevel(const ParLevel &l, Language language)
{
    const bool fr = language == Language::French;
    const QLocale loc(fr ? QLocale::French : QLocale::English);
    // Up to `decimals` decimals, trailing zeros dropped: 3,5 j, 4 j, 99,5 %.
    const auto num = [&](double v, int decimals) {
        QString s = loc.toString(v, 'f', decimals);
        if (decimals > 0 && s.contains(loc.decimalPoint())) {
            while (s.endsWith(QLatin1Char('0')))
                s.chop(1);
            if (s.endsWith(loc.decimalPoint()))
                s.chop(loc.decimalPoint().size());
        }
        return s;
    };
    const auto qty = [&](double v) { return num(v, 2); };
    const QString unit = l.dispensingUnit.isEmpty() ? (fr ? QStringLiteral("unités") : QStringLiteral("units")) : l.dispensingUnit;
    const QString crit = criticalityLabel(l.criticality, language);
    QStringList parts;

    if (l.dormant) {
        parts
            << (fr ? QStringLiteral(
                         "Plus consommé depuis %1 semaines (dernière consommation la semaine du %2) : retirer de la dotation ? Dotation 0.")
                         .arg(l.weeksWithoutConsumption)
                         .arg(l.lastConsumptionWeek.toString(QStringLiteral("dd/MM/yyyy")))
                   : QStringLiteral("Not used for %1 weeks (last consumption in the week of %2): remove from the allowance? Par level 0.")
                         .arg(l.weeksWithoutConsumption)
                         .arg(l.lastConsumptionWeek.toString(Qt::ISODate)));
        if (l.stockSource == WardStockSource::Counted && l.wardStock > 0.0)
            parts << (fr ? QStringLiteral("Stock compté dans le service : %1 %2, à reprendre par la PUI ?").arg(qty(l.wardStock), unit)
                         : QStringLiteral("Counted ward stock: %1 %2, to take back to the pharmacy?").arg(qty(l.wardStock), unit));
        else
            parts << (fr ? QStringLiteral("Pas de complément.") : QStringLiteral("No top-up."));
        return parts.join(QLatin1Char(' '));
    }
    if (!l.error.isEmpty())
        return fr ? QStringLiteral("Prévision impossible : %1. Dotation non calculée : à fixer à la main.").arg(l.error)
                  : QStringLiteral("No forecast possible: %1. Par level not computed: set it by hand.").arg(l.error);

    const bool one = l.roundsPerWeek == 1;
    QString rhythm = fr ? QStringLiteral("%1 tournée%2/sem").arg(l.roundsPerWeek).arg(one ? "" : "s")
                        : QStringLiteral("%1 round%2/week").arg(l.roundsPerWeek).arg(one ? "" : "s");
    if (l.roundsDefaulted)
        rhythm = fr ? QStringLiteral("rythme du service inconnu, %1 par défaut").arg(rhythm)
                    : QStringLiteral("the unit's rhythm is unknown, %1 by default").arg(rhythm);
    if (std::abs(l.longestIntervalDays - l.meanIntervalDays) < 1e-9)
        rhythm += fr ? QStringLiteral(" : %1 j entre deux").arg(num(l.longestIntervalDays, 2))
                     : QStringLiteral(": %1 d between rounds").arg(num(l.longestIntervalDays, 2));
    else
        rhythm += fr ? QStringLiteral(" du lundi au vendredi : jusqu'à %1 j entre deux").arg(num(l.longestIntervalDays, 2))
                     : QStringLiteral(" Monday to Friday: up to %1 d between rounds").arg(num(l.longestIntervalDays, 2));
    const QString pct = num(l.serviceLevel * 100.0, 2);
    QString par =
        fr ? QStringLiteral("dotation %1 %2").arg(qty(l.parLevel), unit) : QStringLiteral("par level %1 %2").arg(qty(l.parLevel), unit);
    if (l.packRounding && l.parLevel > 0.0)
        par += fr ? QStringLiteral(" (%1 boîte%2 de %3)")
                        .arg(qty(l.parLevel / l.packSize), l.parLevel > l.packSize ? "s" : "", qty(l.packSize))
                  : QStringLiteral(" (%1 pack%2 of %3)")
                        .arg(qty(l.parLevel / l.packSize), l.parLevel > l.packSize ? "s" : "", qty(l.packSize));
    parts << (fr ? QStringLiteral("Demande prévue sur %1 j (%2, + %3 j de livraison) : %4 %5 en moyenne ; quantile %6 % (%7) : %8 → %9.")
                       .arg(num(l.coverDays, 2), rhythm, num(l.deliveryDelayDays, 2), num(l.meanDemand, 1), unit, pct, crit,
                            num(l.quantile, 1), par)
                 : QStringLiteral("Forecast demand over %1 d (%2, + %3 d delivery): %4 %5 on average; %6% quantile (%7): %8 → %9.")
                       .arg(num(l.coverDays, 2), rhythm, num(l.deliveryDelayDays, 2), num(l.meanDemand, 1), unit, pct, crit,
                            num(l.quantile, 1), par));
    if (l.stoppedWeeks > 0)
        parts << stoppedUseText(l.stoppedWeeks, language);
    if (l.stockSource == WardStockSource::Counted)
        parts << (fr ? QStringLiteral("Stock compté dans le service : %1 → complément %2.").arg(qty(l.wardStock), qty(l.topUp))
                     : QStringLiteral("Counted ward stock: %1 → top-up %2.").arg(qty(l.wardStock), qty(l.topUp)));
    else
        parts
            << (fr ? QStringLiteral(
                         "Stock du service estimé (pas d'inventaire fourni) : dotation − consommation moyenne depuis la tournée précédente "
                         "(%1 j : %2) = %3 → complément %4.")
                         .arg(num(l.meanIntervalDays, 2), num(l.meanPerRound, 1), qty(l.wardStock), qty(l.topUp))
                   : QStringLiteral("Ward stock estimated (no count given): par level − mean consumption since the previous round "
                                    "(%1 d: %2) = %3 → top-up %4.")
                         .arg(num(l.meanIntervalDays, 2), num(l.meanPerRound, 1), qty(l.wardStock), qty(l.topUp)));
    if (l.historyWeeks < 8)
        parts << (fr ? QStringLiteral("Historique court (%1 semaine(s)) : à vérifier.").arg(l.historyWeeks)
                     : QStringLiteral("Short history (%1 week(s)): check it.").arg(l.historyWeeks));
    return parts.join(QLatin1Char(' '));
}

bool writeParLevelsCsv(const QString &path, const ParLevelResult &result, Language language, QString *error)
{
    const bool fr = language == Language::French;
    const auto field = [](const QString &v) { return csvCell(v, QLatin1Char(';')); };
    const auto num = [fr](double v, int decimals) { return csvNumber(v, decimals, fr ? QLatin1Char(',') : QLatin1Char('.')); };
    QByteArray out("\xEF\xBB\xBF");
    out += "care_unit_code;care_unit_label;product_code;label;dispensing_unit;criticality;rounds_per_week;interval_days;"
           "delivery_days;cover_days;mean_demand;service_level;quantile;par_level;mean_per_round;ward_stock;ward_stock_source;"
           "top_up;status;model;explanation\r\n";
    for (const ParLevel &l : result.lines) {
        const QString status = !l.error.isEmpty() ? QStringLiteral("error") : l.dormant ? QStringLiteral("dormant") : QStringLiteral("ok");
        const QStringList cells = {
            field(l.unitCode),
            field(l.unitLabel),
            field(l.productCode),
            field(l.productLabel),
            field(l.dispensingUnit),
            criticalityCode(l.criticality),
            QString::number(l.roundsPerWeek),
            num(l.longestIntervalDays, 2),
            num(l.deliveryDelayDays, 2),
            num(l.coverDays, 2),
            num(l.meanDemand, 2),
            num(l.serviceLevel * 100.0, 2),
            num(l.quantile, 2),
            num(l.parLevel, 2),
            num(l.meanPerRound, 2),
            num(l.wardStock, 2),
            l.stockSource == WardStockSource::Counted ? QStringLiteral("counted") : QStringLiteral("estimated"),
            num(l.topUp, 2),
            status,
            field(l.model),
            field(explainParLevel(l, language)),
        };
        out += cells.join(QLatin1Char(';')).toUtf8() + "\r\n";
    }
    return writeOutputFile(path, out, error);
}

} // namespace reappro
