// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital, simulation: mouvements.csv, day by day and product by
// product. On working days the pharmacy destroys expired lots, receives its
// deliveries and the wards' returns; the wards' rounds restock what each
// used since its previous round, issued FEFO (critical care is topped up on
// weekends and holidays too); outpatients are dispensed; rare incidents
// (breakage, counting differences, the annual inventory) are booked; and the
// min/max review orders on the supplier's order days, in emergency for
// vital or MITM products out of stock. Lots get their numbers and expiry
// dates here.
#include "core/demo/generator.h"

#include "core/demo/textout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace reappro::demo {

namespace {

// kWeekdayRaw normalised to a weekly mean of 1, so that a product's mean
// daily demand does not depend on which wards use it.
const std::array<std::array<double, 7>, ProfileCount> &weekdayFactors()
{
    static const auto table = [] {
        std::array<std::array<double, 7>, ProfileCount> t{};
        for (int p = 0; p < ProfileCount; ++p) {
            double sum = 0.0;
            for (double v : kWeekdayRaw[p])
                sum += v;
            for (int d = 0; d < 7; ++d)
                t[size_t(p)][size_t(d)] = kWeekdayRaw[p][d] * 7.0 / sum;
        }
        return t;
    }();
    return table;
}

} // namespace

void Generator::beginLine(std::string &b, int di, const std::string &type, const Product &p, const LotRec &lot, qint64 qty,
                          std::string_view from, std::string_view to)
{
    m_dates->append(b, m_cal[size_t(di)].jd);
    b += ';';
    b += type;
    b += ';';
    b += p.code;
    b += ';';
    b += lot.number.data();
    b += ';';
    m_dates->append(b, lot.expiry);
    b += ';';
    appendInt(b, qty);
    b += ';';
    b += from;
    b += ';';
    b += to;
    b += ';';
    b += p.pmp;
    b += ';';
}

void Generator::endLine(std::string &b, const char *prefix, qint64 seq, int width, qint64 order)
{
    b += prefix;
    appendPadded(b, seq, width);
    b += ';';
    if (order)
        appendOrderNumber(b, order);
    b += "\r\n";
    ++m_movements;
}

void Generator::appendOrderNumber(std::string &b, qint64 number) const
{
    b += number / 10000000000LL == OrderEmergency ? "URG" : "CDE";
    appendPadded(b, number / 100000000LL % 100, 2);
    appendPadded(b, number % 100000000LL, 6);
}

LotRec Generator::newLot(Product &p, int di, qint64 qty, double lifeFraction)
{
    LotRec lot;
    lot.serial = ++p.lotSerial;
    lot.qty = qty;
    const bg::date today = dateOfJulianDay(m_cal[size_t(std::min(di, m_days - 1))].jd);
    // Expiry dates are ends of months, as printed on boxes (GS1 day 00).
    int months = std::max(1, int(std::lround(p.shelfMonths * lifeFraction)));
    bg::date expiry = (today + bg::months(months)).end_of_month();
    while ((expiry - today).days() < 20)
        expiry = (today + bg::months(++months)).end_of_month();
    lot.expiry = int(expiry.julian_day());

    // Lot numbers in the supplier's style; the sequence part is a bijection
    // of the serial (7919 is prime to 10), so a product never repeats one.
    const quint32 mix = p.lotOffset + quint32(lot.serial) * 7919u;
    const int yy = today.year() % 100, month = today.month();
    std::string s;
    switch (p.lotStyle) {
    case 0:
        s += char('A' + (p.lotOffset / 7 + quint32(lot.serial)) % 26);
        appendPadded(s, mix % 100000, 5);
        break;
    case 1:
        appendPadded(s, yy, 2);
        s += char('A' + month - 1);
        appendPadded(s, mix % 10000, 4);
        break;
    case 2:
        s += 'L';
        appendPadded(s, yy, 2);
        appendPadded(s, mix % 100000, 5);
        break;
    case 3:
        appendPadded(s, yy, 2);
        appendPadded(s, mix % 1000000, 6);
        break;
    default:
        s += char('A' + p.lotOffset % 26);
        s += char('A' + p.lotOffset / 26 % 26);
        appendPadded(s, mix % 10000, 4);
        s += char('A' + lot.serial % 26);
        break;
    }
    std::memcpy(lot.number.data(), s.data(), std::min(s.size(), lot.number.size() - 1));
    return lot;
}

void Generator::insertLot(Product &p, const LotRec &lot)
{
    const auto it = std::upper_bound(p.lots.begin(), p.lots.end(), lot, [](const LotRec &a, const LotRec &b) {
        return a.expiry != b.expiry ? a.expiry < b.expiry : a.serial < b.serial;
    });
    p.lots.insert(it, lot);
}

void Generator::dropEmptyLots(Product &p)
{
    p.lots.erase(std::remove_if(p.lots.begin(), p.lots.end(), [](const LotRec &l) { return l.qty <= 0; }), p.lots.end());
}

// Stock on the first day, booked as an inventory so that every lot is
// traceable; new references start empty. Both fill the pharmacy's memory
// of demand with its estimate.
void Generator::openingStock(Product &p, int di)
{
    const double avg = p.expectedDaily(level(p, di));
    p.requests.fill(avg);
    p.requestSum = avg * kWindow;
    if (di > 0 || avg <= 0.0)
        return;
    const Supplier &s = m_suppliers[size_t(p.supplier)];
    const double low = avg * (p.lead + 1 + s.reviewPeriod + p.safetyDays);
    const double high = low + std::max(avg * p.cycleDays, 1.0);
    const qint64 stock = std::max<qint64>(1, std::llround(low + p.rng.uniform() * (high - low)));
    const qint64 older =
        stock > 2 * p.pack && p.rng.chance(0.6) ? std::max<qint64>(1, std::llround(double(stock) * p.rng.uniform(0.2, 0.5))) : 0;
    for (const qint64 qty : {older, stock - older}) {
        if (qty <= 0)
            continue;
        const LotRec lot = newLot(p, di, qty, qty == older ? p.rng.uniform(0.1, 0.6) : p.rng.uniform(0.5, 1.0));
        insertLot(p, lot);
        p.onHand += qty;
        std::string &b = m_buf[PhaseOpening];
        beginLine(b, di, m_tAdjust, p, lot, qty, {}, m_pui);
        endLine(b, "INI", ++m_seqOpening, 7);
    }
}

void Generator::destroyExpired(Product &p, int di)
{
    const int jd = m_cal[size_t(di)].jd;
    size_t n = 0;
    while (n < p.lots.size() && p.lots[n].expiry < jd) {
        const LotRec &lot = p.lots[n++];
        std::string &b = m_buf[PhaseExpired];
        beginLine(b, di, m_tExpired, p, lot, lot.qty, m_pui, {});
        endLine(b, "DES", ++m_seqExpired, 7);
        p.onHand -= lot.qty;
    }
    p.lots.erase(p.lots.begin(), p.lots.begin() + std::ptrdiff_t(n));
}

void Generator::receive(Product &p, int di)
{
    for (size_t k = 0; k < p.deliveries.size();) {
        const Delivery d = p.deliveries[k];
        if (d.due > di) {
            ++k;
            continue;
        }
        p.deliveries.erase(p.deliveries.begin() + std::ptrdiff_t(k));
        // Now and then a delivery holds two lots.
        qint64 second = d.qty >= 2 && p.rng.chance(0.08) ? std::max<qint64>(1, std::llround(double(d.qty) * p.rng.uniform(0.2, 0.5))) : 0;
        for (const qint64 qty : {d.qty - second, second}) {
            if (qty <= 0)
                continue;
            const LotRec lot = newLot(p, di, qty, p.rng.uniform(0.75, 1.0));
            insertLot(p, lot);
            std::string &b = m_buf[PhaseReception];
            beginLine(b, di, m_tReception, p, lot, qty, m_suppliers[size_t(p.supplier)].code, m_pui);
            endLine(b, "REC", ++m_seqReception, 8, m_orders[size_t(d.orderLine)].number);
        }
        p.onHand += d.qty;
        p.onOrder -= d.qty;
        m_orders[size_t(d.orderLine)].received += d.qty;
        if (d.emergency)
            --p.emergencyOpen;
    }
}

void Generator::takeReturns(Product &p, int di)
{
    const int jd = m_cal[size_t(di)].jd;
    for (size_t k = 0; k < p.returns.size();) {
        const PendingReturn r = p.returns[k];
        if (r.due > di) {
            ++k;
            continue;
        }
        p.returns.erase(p.returns.begin() + std::ptrdiff_t(k));
        if (r.lot.expiry < jd)
            continue;   // expired on the ward: destroyed there
        auto it = std::find_if(p.lots.begin(), p.lots.end(), [&](const LotRec &l) { return l.serial == r.lot.serial; });
        if (it != p.lots.end())
            it->qty += r.lot.qty;
        else
            insertLot(p, r.lot);
        p.onHand += r.lot.qty;
        std::string &b = m_buf[PhaseReturn];
        beginLine(b, di, m_tReturn, p, r.lot, r.lot.qty, m_units[size_t(r.unit)].code, m_pui);
        endLine(b, "RET", ++m_seqReturn, 7);
    }
}

qint64 Generator::requestOf(Product &p, Use &use)
{
    if (p.cls == Smooth || p.cls == Erratic) {
        const Profile prof = m_units[size_t(use.unit)].profile;
        const double lambda = use.share * (p.cum[size_t(prof)] - use.lastCum);
        use.lastCum = p.cum[size_t(prof)];
        return p.rng.poisson(lambda);
    }
    const qint64 q = use.pending;
    use.pending = 0;
    return q;
}

void Generator::record(Product &p, int di, qint64 qty)
{
    p.requests[size_t(di % kWindow)] += double(qty);
    p.requestSum += double(qty);
}

// FEFO: the first lots to expire go first; what the stock cannot serve is
// not issued (a stockout: the ward waits for its next round).
void Generator::issue(Product &p, int di, int unit, qint64 qty)
{
    Unit &u = m_units[size_t(unit)];
    const int jd = m_cal[size_t(di)].jd;
    for (LotRec &lot : p.lots) {
        if (qty <= 0)
            break;
        if (lot.expiry < jd || lot.qty <= 0)
            continue;   // expired over a weekend, destroyed on the next working day
        const qint64 take = std::min(qty, lot.qty);
        lot.qty -= take;
        qty -= take;
        p.onHand -= take;
        std::string &b = m_buf[PhaseIssue];
        beginLine(b, di, m_tIssue, p, lot, take, m_pui, u.code);
        if (!u.note) {
            u.note = ++m_seqNote;
            u.noteLine = 0;
        }
        b += "BL";
        appendPadded(b, u.note, 8);
        b += '-';
        appendPadded(b, ++u.noteLine, 3);
        b += ";\r\n";
        ++m_movements;
        // A few items come back unused (patient transferred, treatment stopped).
        if (p.rng.chance(0.0015)) {
            PendingReturn r;
            r.due = nextWorking(di + p.rng.range(1, 10));
            r.unit = unit;
            r.lot = lot;
            r.lot.qty = 1 + p.rng.below(int(std::max<qint64>(1, take / 3)));
            if (r.due < m_days)
                p.returns.push_back(r);
        }
    }
    dropEmptyLots(p);
}

void Generator::dispenseOutpatient(Product &p, int di, qint64 qty)
{
    const int jd = m_cal[size_t(di)].jd;
    for (LotRec &lot : p.lots) {
        if (qty <= 0)
            break;
        if (lot.expiry < jd || lot.qty <= 0)
            continue;
        const qint64 take = std::min(qty, lot.qty);
        lot.qty -= take;
        qty -= take;
        p.onHand -= take;
        std::string &b = m_buf[PhaseRetro];
        beginLine(b, di, m_tRetro, p, lot, take, m_pui, {});
        endLine(b, "ORD", ++m_seqRetro, 8);
    }
    dropEmptyLots(p);
}

void Generator::accrue(Product &p, int di)
{
    const double lvl = level(p, di);
    if (lvl <= 0.0)
        return;
    const Day &d = m_cal[size_t(di)];
    const int t = d.dayType();
    const auto &f = weekdayFactors();
    if (p.cls == Smooth || p.cls == Erratic) {
        // Erratic products move by weeks: an outbreak, a surgeon's list, a
        // patient on a heavy protocol. Smooth ones barely.
        if (d.weekday == 0 || di == 0)
            p.shock = p.rng.gamma(p.shockShape) / p.shockShape;
        const double base = p.baseDaily * lvl * p.shock;
        for (int prof = 0; prof < ProfileCount; ++prof)
            if (p.profileMask >> prof & 1u)
                p.cum[size_t(prof)] += base * f[size_t(prof)][size_t(t)];
        return;
    }
    double mix = 0.0;
    for (int prof = 0; prof < ProfileCount; ++prof)
        mix += p.profileShare[size_t(prof)] * f[size_t(prof)][size_t(t)];
    const qint64 events = p.rng.poisson(p.eventsPerDay * lvl * mix);
    for (qint64 e = 0; e < events; ++e) {
        double x = p.rng.uniform() * mix;
        int j = 0;
        for (; j + 1 < p.useCount; ++j) {
            const Use &use = m_uses[size_t(p.useBegin + j)];
            x -= use.share * f[size_t(m_units[size_t(use.unit)].profile)][size_t(t)];
            if (x <= 0.0)
                break;
        }
        const double size = p.cls == Intermittent ? p.sizeMean * p.rng.gamma(p.sizeParam) / p.sizeParam
                                                  : p.rng.lognormal(p.sizeMean * std::exp(-0.5 * p.sizeParam * p.sizeParam), p.sizeParam);
        m_uses[size_t(p.useBegin + j)].pending += std::max<qint64>(1, std::llround(size));
    }
}

void Generator::adjust(Product &p, int di, LotRec &lot, qint64 delta, const char *prefix, qint64 seq)
{
    std::string &b = m_buf[PhaseAdjust];
    beginLine(b, di, m_tAdjust, p, lot, delta, {}, m_pui);
    endLine(b, prefix, seq, 7);
    lot.qty += delta;
    p.onHand += delta;
}

// Breakage, counting differences and the annual inventory: rare lines that
// real exports always contain.
void Generator::incidents(Product &p, int di)
{
    Rng &r = p.rng;
    if (p.onHand > 0 && r.chance(0.0012)) {
        LotRec &lot = p.lots[size_t(r.below(int(p.lots.size())))];
        const qint64 q = std::min<qint64>(lot.qty, 1 + r.below(4));
        std::string &b = m_buf[PhaseOther];
        beginLine(b, di, m_tOther, p, lot, q, m_pui, {});
        endLine(b, "CAS", ++m_seqOther, 7);
        lot.qty -= q;
        p.onHand -= q;
        dropEmptyLots(p);
    }
    if (p.onHand > 0 && r.chance(0.0004)) {
        LotRec &lot = p.lots[size_t(r.below(int(p.lots.size())))];
        const qint64 delta = r.chance(0.6) ? -std::min<qint64>(lot.qty, 1 + r.below(3)) : 1 + r.below(3);
        adjust(p, di, lot, delta, "INV", ++m_seqAdjust);
        dropEmptyLots(p);
    }
    if (m_cal[size_t(di)].inventory && p.onHand > 0 && r.chance(0.12)) {
        LotRec &lot = p.lots[size_t(r.below(int(p.lots.size())))];
        const qint64 size = std::max<qint64>(1, std::llround(double(lot.qty) * r.uniform(0.005, 0.04)));
        const qint64 delta = r.chance(0.7) ? -std::min(size, lot.qty) : size;
        adjust(p, di, lot, delta, "INV", ++m_seqAdjust);
        dropEmptyLots(p);
    }
}

// Min/max on the supplier's order days, from the mean of the last 8 weeks
// of ward requests; emergency orders for vital or MITM products at zero.
void Generator::review(Product &p, int di)
{
    if (di >= p.endDay)
        return;   // a replaced reference is not reordered
    const double avg = p.requestSum / kWindow;
    if (avg <= 1e-9)
        return;
    const Supplier &s = m_suppliers[size_t(p.supplier)];
    double low = avg * (p.lead + 1 + s.reviewPeriod + p.safetyDays);
    if (p.cls == Intermittent || p.cls == Lumpy)
        low = std::max(low, (p.price.toDouble() > 100.0 ? 0.25 : 0.5) * p.sizeMean);   // part of a usual request
    const double high = low + std::max(avg * p.cycleDays, 1.0);
    const double position = double(p.onHand + p.onOrder);
    if (s.orderMask >> m_cal[size_t(di)].weekday & 1u) {
        if (position <= low)
            placeOrder(p, di, qint64(std::ceil(high - position)), false);
        return;
    }
    if (p.onHand == 0 && p.emergencyOpen == 0 && (p.ven == 'V' || p.mitm)) {
        for (const Delivery &d : p.deliveries)
            if (d.due <= di + 2)
                return;
        placeOrder(p, di, qint64(std::ceil(std::max(high - position, avg * 14.0))), true);
    }
}

void Generator::placeOrder(Product &p, int di, qint64 qty, bool emergency)
{
    Rng &r = p.rng;
    qty = std::max<qint64>((qty + p.pack - 1) / p.pack * p.pack, p.moq);
    if (qty <= 0)
        return;
    Supplier &s = m_suppliers[size_t(p.supplier)];
    const qint64 yy = dateOfJulianDay(m_cal[size_t(di)].jd).year() % 100;
    qint64 number;
    if (emergency) {
        number = OrderEmergency * 10000000000LL + yy * 100000000LL + ++m_seqEmergency;
    } else {
        if (!s.todaysOrder)   // one order a supplier a day, one line a product
            s.todaysOrder = yy * 100000000LL + ++m_seqOrder;
        number = s.todaysOrder;
    }
    const int nominal = emergency ? std::max(1, p.lead / 3) : p.lead;
    const int line = int(m_orders.size());
    m_orders.push_back({number, di, di + nominal, int(&p - m_products.data()), qty});
    p.onOrder += qty;

    int lead = std::max(1, int(std::lround(nominal * std::exp(0.2 * r.normal()))));
    if (!emergency && r.chance(0.04))
        lead += r.range(3, 20);   // late delivery
    const int due = di + lead;
    for (size_t w = 0; w < p.shortageFrom.size(); ++w) {
        if (p.shortageFrom[w] < 0 || due < p.shortageFrom[w] || di > p.shortageTo[w])
            continue;
        // Supplier shortage: an allocation now and then, the rest after it ends.
        const int after = p.shortageTo[w] + r.range(1, std::max(2, nominal));
        if (r.chance(0.5)) {
            const qint64 first = qint64(double(qty) * r.uniform(0.3, 0.6)) / p.pack * p.pack;
            if (first > 0) {
                scheduleDelivery(p, di, line, first, due, emergency);
                qty -= first;
            }
        }
        scheduleDelivery(p, di, line, qty, after, emergency);
        return;
    }
    if (qty >= 2 * p.pack && r.chance(0.04)) {   // delivered in two parts
        const qint64 first = std::max<qint64>(p.pack, std::llround(double(qty) * r.uniform(0.5, 0.9)) / p.pack * p.pack);
        if (first < qty) {
            scheduleDelivery(p, di, line, first, due, emergency);
            scheduleDelivery(p, di, line, qty - first, due + r.range(3, 15), emergency);
            return;
        }
    }
    scheduleDelivery(p, di, line, qty, due, emergency);
}

void Generator::scheduleDelivery(Product &p, int di, int line, qint64 qty, int due, bool emergency)
{
    p.deliveries.push_back({nextWorking(std::max(due, di + 1)), line, qty, emergency});
    if (emergency)
        ++p.emergencyOpen;
}

void Generator::simulateDay(Product &p, int di)
{
    const Day &d = m_cal[size_t(di)];
    const size_t slot = size_t(di % kWindow);
    p.requestSum -= p.requests[slot];
    p.requests[slot] = 0.0;
    if (di == p.introDay && di > 0)
        openingStock(p, di);
    if (d.working) {
        destroyExpired(p, di);
        receive(p, di);
        takeReturns(p, di);
    }
    // Rounds restock what each ward used since its previous round; on
    // weekends and holidays critical care is topped up for what cannot wait.
    for (int j = 0; j < p.useCount; ++j) {
        Use &use = m_uses[size_t(p.useBegin + j)];
        if (!(m_units[size_t(use.unit)].roundToday || (!d.working && use.onCall)))
            continue;
        const qint64 q = requestOf(p, use);
        if (q > 0) {
            record(p, di, q);
            issue(p, di, use.unit, q);
        }
    }
    if (d.working && p.retroPerDay > 0.0) {
        const qint64 patients = p.rng.poisson(p.retroPerDay * level(p, di));
        for (qint64 k = 0; k < patients; ++k) {
            record(p, di, p.retroQty);
            dispenseOutpatient(p, di, p.retroQty);
        }
    }
    accrue(p, di);
    if (d.working) {
        incidents(p, di);
        review(p, di);
    }
    p.trend *= p.dailyGrowth;
}

bool Generator::simulate(QString *error)
{
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("mouvements.csv")),
                "Date;Type de mouvement;Code produit;N° lot;Date de péremption;Quantité;Origine;Destination;PMP;N° pièce;"
                "N° commande",
                error))
        return false;
    m_tReception = cp1252("Réception");
    m_tIssue = cp1252("Délivrance UF");
    m_tReturn = cp1252("Retour UF");
    m_tExpired = cp1252("Destruction périmé");
    m_tOther = cp1252("Destruction autre");
    m_tAdjust = cp1252("Régularisation inventaire");
    m_tRetro = cp1252("Rétrocession");

    for (Product &p : m_products)
        if (p.introDay == 0)
            openingStock(p, 0);
    for (int di = 0; di < m_days; ++di) {
        const Day &d = m_cal[size_t(di)];
        for (Unit &u : m_units) {
            const bool scheduled = u.roundMask >> d.weekday & 1u;
            u.note = 0;
            u.noteLine = 0;
            if (d.working) {
                u.roundToday = scheduled || u.missedRound;
                u.missedRound = false;
            } else {
                u.roundToday = false;
                u.missedRound = u.missedRound || scheduled;
            }
        }
        for (Supplier &s : m_suppliers)
            s.todaysOrder = 0;
        for (Product &p : m_products)
            simulateDay(p, di);
        // Within a day: opening stock, destructions of expired lots,
        // receptions, returns, issues, outpatients, other destructions,
        // adjustments. Replaying the file in this order never takes a lot
        // below zero.
        for (std::string &b : m_buf) {
            f.append(b);
            b.clear();
        }
        if (m_progress && (di % 8 == 0 || di == m_days - 1))
            m_progress(0.02 + 0.96 * double(di + 1) / double(m_days));
    }
    m_files << f.path();
    return f.close(error);
}

} // namespace reappro::demo
