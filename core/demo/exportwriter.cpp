// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital, export writer: the files the Generator writes around the
// simulation. Before it: fournisseurs.csv (suppliers drawn from the
// catalogue, with their lead times and order days), unites.csv (care units,
// their UF codes and rounds) and produits.csv (each reference's codes,
// label, pack, price, supplier, criticality, and the demand and supply
// parameters the simulation then follows). After it, the final state:
// stock_lots.csv (the lots in stock on the last day) and
// commandes_en_cours.csv (the lines still on order, and those of the last
// 12 months).
#include "core/demo/generator.h"

#include "core/demo/textout.h"
#include "core/domain/identifiers.h"
#include "core/domain/supplier.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace reappro::demo {

// ------------------------------------------------------------ static files

bool Generator::writeSuppliers(QString *error)
{
    Rng r(streamSeed(m_o.seed, StreamSuppliers, 0));
    const int n = std::clamp(20 + m_o.products / 30, 40, 80);
    std::vector<const SupplierSpec *> byKind[3];
    for (const SupplierSpec &s : kSuppliers)
        byKind[s.kind].push_back(&s);
    for (auto &list : byKind)   // Fisher-Yates with our generator
        for (int i = int(list.size()) - 1; i > 0; --i)
            std::swap(list[size_t(i)], list[size_t(r.below(i + 1))]);
    const int wholesalers = std::min<int>(int(byKind[Wholesaler].size()), std::max(3, n / 12));
    const int devices = std::min<int>(int(byKind[DeviceMaker].size()), (n - wholesalers) * 2 / 5);
    const int drugs = std::min<int>(int(byKind[DrugMaker].size()), n - wholesalers - devices);
    std::vector<const SupplierSpec *> chosen;
    chosen.insert(chosen.end(), byKind[Wholesaler].begin(), byKind[Wholesaler].begin() + wholesalers);
    chosen.insert(chosen.end(), byKind[DrugMaker].begin(), byKind[DrugMaker].begin() + drugs);
    chosen.insert(chosen.end(), byKind[DeviceMaker].begin(), byKind[DeviceMaker].begin() + devices);
    for (int i = int(chosen.size()) - 1; i > 0; --i)
        std::swap(chosen[size_t(i)], chosen[size_t(r.below(i + 1))]);

    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("fournisseurs.csv")), "Code fournisseur;Nom;Délai (jours);Jours de commande", error))
        return false;
    for (size_t i = 0; i < chosen.size(); ++i) {
        Supplier s;
        s.code = "F";
        appendPadded(s.code, qint64(i + 1), 4);
        s.name = QString::fromUtf8(chosen[i]->name);
        s.kind = chosen[i]->kind;
        const double u = r.uniform();
        switch (s.kind) {
        case Wholesaler: s.leadTime = r.range(2, 3); break;
        case DrugMaker: s.leadTime = u < 0.7 ? r.range(3, 10) : u < 0.95 ? r.range(11, 21) : r.range(22, 30); break;
        case DeviceMaker: s.leadTime = u < 0.6 ? r.range(4, 12) : u < 0.9 ? r.range(13, 21) : r.range(22, 30); break;
        }
        // Wholesalers deliver every day; manufacturers take orders once or twice a week.
        if (s.kind == Wholesaler)
            s.orderMask = 0x1F;
        else if (r.chance(0.55))
            s.orderMask = 1u << r.below(5);
        else
            s.orderMask = r.chance(0.5) ? (1u << 0 | 1u << 3) : (1u << 1 | 1u << 4);
        s.reviewPeriod = 7.0 / double(std::popcount(s.orderMask));
        s.lotStyle = r.below(5);
        std::string &b = f.buffer();
        b += s.code;
        b += ';';
        appendCp1252(b, s.name);
        b += ';';
        appendInt(b, s.leadTime);
        b += ';';
        b += orderDaysText(int(s.orderMask), true).toLatin1();   // "lun,jeu", "lun-ven": ASCII
        f.endLine();
        m_suppliers.push_back(std::move(s));
    }
    m_files << f.path();
    return f.close(error);
}

bool Generator::writeUnits(QString *error)
{
    Rng r(streamSeed(m_o.seed, StreamUnits, 0));
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("unites.csv")), "Code UF;Libellé UF;Type;Tournées/semaine", error))
        return false;
    f.buffer() += cp1252("PUI;Pharmacie à usage intérieur;PUI;");
    f.endLine();
    const int specs = int(std::size(kUnits));
    std::array<int, 10> perPole{};
    std::vector<int> used;
    for (int i = 0; i < m_o.units; ++i) {
        const UnitSpec &spec = kUnits[i % specs];
        Unit u;
        u.label = QString::fromUtf8(spec.label);
        if (i >= specs)   // a CHU has several wards of a kind
            u.label += QStringLiteral(" %1").arg(i / specs + 1);
        u.profile = spec.profile;
        u.activity = spec.activity * r.lognormal(1.0, 0.25);
        u.domains = spec.domains;
        u.rounds = spec.rounds ? spec.rounds : spec.profile == Ward ? (r.chance(0.6) ? 3 : 2) : (r.chance(0.5) ? 1 : 2);
        switch (u.rounds) {
        case 5: u.roundMask = 0x1F; break;
        case 3: u.roundMask = 1u << 0 | 1u << 2 | 1u << 4; break;
        case 2: u.roundMask = i % 2 ? (1u << 1 | 1u << 4) : (1u << 0 | 1u << 3); break;
        default: u.roundMask = 1u << (i % 5); break;
        }
        // UF codes: the pole's digit, then a number within the pole.
        int code = spec.pole * 1000 + 10 * (++perPole[size_t(spec.pole)]) + r.below(10);
        while (code > 9999 || std::find(used.begin(), used.end(), code) != used.end())
            code = code > 9999 ? 1000 : code + 1;
        used.push_back(code);
        u.code = std::to_string(code);
        std::string &b = f.buffer();
        b += u.code;
        b += ';';
        appendCp1252(b, u.label);
        b += ";UF;";
        appendInt(b, u.rounds);
        f.endLine();
        m_units.push_back(std::move(u));
    }
    m_files << f.path();
    return f.close(error);
}

bool Generator::writeProducts(QString *error)
{
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("produits.csv")),
                "Code;Code UCD;CIP13;LPP;Libellé;DCI;ATC;Forme;Unité;Conditionnement;PMP;Fournisseur;Délai (j);"
                "Qté min commande;MITM;VEN;Type",
                error))
        return false;

    Rng ids(streamSeed(m_o.seed, StreamIds, 0));
    const qint64 ucdOffset = ids.below(10000000), cipOffset = ids.below(10000000), lppOffset = ids.below(1000000);
    const int nDrugs = std::max(m_o.products > 1 ? 1 : 0, int(std::lround(m_o.products * 0.7)));
    const int nDevices = m_o.products - nDrugs;
    const int drugGap = std::clamp(800000 / std::max(1, nDrugs), 1, 9);
    const int deviceGap = std::clamp(800000 / std::max(1, nDevices), 1, 9);
    int drugCode = 100000, deviceCode = 100000;
    std::map<std::string, int> labelUses;

    std::vector<int> bySupplierKind[3];
    for (int s = 0; s < int(m_suppliers.size()); ++s)
        bySupplierKind[m_suppliers[size_t(s)].kind].push_back(s);
    const auto pickSupplier = [&](Rng &r, SupplierKind kind) {
        const std::vector<int> &list = bySupplierKind[kind].empty() ? bySupplierKind[DrugMaker] : bySupplierKind[kind];
        // A few large suppliers hold most references.
        return list[size_t(std::min<double>(double(list.size()) - 1, std::floor(double(list.size()) * std::pow(r.uniform(), 1.6))))];
    };

    const std::string typeDrug = cp1252("Médicament"), typeDevice = "DM";
    m_products.resize(size_t(m_o.products));
    for (int i = 0; i < m_o.products; ++i) {
        Product &p = m_products[size_t(i)];
        Rng r(streamSeed(m_o.seed, StreamCatalogue, quint64(i)));
        p.rng = Rng(streamSeed(m_o.seed, StreamSimulation, quint64(i)));
        p.drug = i < nDrugs;

        std::string ucd, cip, lpp, label, dci, atc, forme, unit;
        const char *domainFlags = "";
        char domain = 'G';
        double price = 1.0;
        std::vector<int> packs;
        bool injectable = false, retro = false;
        if (p.drug) {
            const DrugSpec &d = kDrugs[r.below(int(std::size(kDrugs)))];
            const auto presentations = split(d.presentations, '|');
            const auto parts = split(presentations[size_t(r.below(int(presentations.size())))], ':');
            const FormSpec *form = formByCode(parts[1]);
            Q_ASSERT(form && parts.size() == 3);
            std::string key = std::string(d.dci) + ' ' + std::string(parts[0]) + ' ' + form->labelWord;
            const int seen = labelUses[key]++;
            label = d.dci;
            if (seen > 0) {   // another laboratory's generic of the same presentation
                label += ' ';
                label += kLabTags[(seen - 1) % int(std::size(kLabTags))];
                if (seen > int(std::size(kLabTags)))
                    label += ' ' + std::to_string((seen - 1) / int(std::size(kLabTags)) + 1);
            }
            label += ' ';
            label += parts[0];
            label += ' ';
            label += form->labelWord;
            dci = d.dci;
            atc = d.atc;
            forme = cp1252(form->forme);
            unit = form->unit;
            price = std::strtod(std::string(parts[2]).c_str(), nullptr) * r.lognormal(1.0, 0.3);
            for (int pk : form->packs)
                if (pk)
                    packs.push_back(pk);
            injectable = form->injectable;
            domain = d.domain;
            domainFlags = d.flags;
            retro = hasFlag(d.flags, 'R');

            std::string digits = "34008";
            appendPadded(digits, (ucdOffset + qint64(i) * 7919) % 10000000, 7);
            ucd = digits + gs1CheckDigit(digits);
            digits = "34009";
            appendPadded(digits, (cipOffset + qint64(i) * 104729) % 10000000, 7);
            cip = digits + gs1CheckDigit(digits);
            drugCode += 1 + r.below(drugGap);
            p.code = "M";
            appendPadded(p.code, drugCode, 6);
        } else {
            const DeviceSpec &d = kDevices[r.below(int(std::size(kDevices)))];
            const auto variants = split(d.variants, '|');
            const int v = r.below(int(variants.size()));
            const std::string_view tmpl = d.label;
            const size_t hash = tmpl.find('#');
            std::string base = std::string(tmpl.substr(0, hash)) + std::string(variants[size_t(v)]) + std::string(tmpl.substr(hash + 1));
            const int seen = labelUses[base]++;
            label = cp1252(base.c_str());
            if (seen > 0) {
                label += ' ';
                label += kDeviceTags[(seen - 1) % int(std::size(kDeviceTags))];
                if (seen > int(std::size(kDeviceTags)))
                    label += " REF " + std::to_string(100 + seen);
            }
            unit = "U";
            price = d.price * (1.0 + 0.15 * v) * r.lognormal(1.0, 0.35);
            for (std::string_view pk : split(d.packs, ','))
                packs.push_back(std::atoi(std::string(pk).c_str()));
            domain = d.domain;
            domainFlags = d.flags;
            if (r.chance(0.5)) {
                lpp = std::to_string(1 + r.below(3));
                appendPadded(lpp, (lppOffset + qint64(i) * 7919) % 1000000, 6);
            }
            deviceCode += 1 + r.below(deviceGap);
            p.code = "D";
            appendPadded(p.code, deviceCode, 6);
        }
        p.price = Money::fromUnits(std::clamp<qint64>(std::llround(price * Money::kScale), 123, 2500 * Money::kScale));
        p.pmp = priceText(p.price);

        // Criticality.
        const bool vitalish = hasFlag(domainFlags, 'V');
        p.ven = r.chance(vitalish ? 0.45 : 0.03) ? 'V' : r.chance(0.56) ? 'E' : 'N';
        p.mitm = p.drug && r.chance(hasFlag(domainFlags, 'M') ? 0.5 : 0.1);

        // Demand: the four Syntetos-Boylan classes in equal shares. The
        // volume falls with the price: tablets by the thousand, implants by
        // the unit.
        p.cls = DemandClass(r.below(4));
        const double priceEur = p.price.toDouble();
        const double weekly = std::clamp(40.0 * std::pow(priceEur, -0.45) * r.lognormal(1.0, 0.9), 0.5, 20000.0);
        const double retroScale = retro ? 0.3 : 1.0;   // mostly dispensed to outpatients
        switch (p.cls) {
        case Smooth:
            p.baseDaily = std::max(weekly * 1.5, 10.0) * retroScale / 7.0;
            p.shockShape = 40.0;
            break;
        case Erratic:
            p.baseDaily = std::max(weekly, 5.0) * retroScale / 7.0;
            p.shockShape = r.uniform(0.6, 1.0);
            break;
        case Intermittent:
        case Lumpy: {
            // ADI = 1 / P(a week has a request) stays above 1.32.
            const double perWeek = r.uniform(0.2, 0.9);
            p.eventsPerDay = perWeek / 7.0;
            if (p.cls == Intermittent) {
                p.sizeMean = std::max(1.0, weekly * 0.4 * retroScale / perWeek);
                p.sizeParam = r.uniform(4.0, 12.0);   // gamma shape: CV 0.3-0.5
            } else {
                p.sizeMean = std::max(2.0, weekly * 0.6 * retroScale / perWeek);
                p.sizeParam = r.uniform(0.9, 1.4);    // lognormal sigma: CV2 1.2-6
            }
            break;
        }
        }
        if (hasFlag(domainFlags, 'F'))
            p.winterAmp = r.uniform(1.0, 2.5);
        else if (hasFlag(domainFlags, 'W'))
            p.winterAmp = r.uniform(0.2, 0.6);
        else if (r.chance(0.08))
            p.winterAmp = r.uniform(0.05, 0.2);
        if (r.chance(0.7))
            p.summerDip = r.uniform(0.03, 0.15);
        const double growth = std::clamp(0.08 * r.normal(), -0.2, 0.2);
        p.dailyGrowth = std::pow(1.0 + growth, 1.0 / 365.25);
        if (r.chance(0.12) && m_days > 90) {   // new protocol, market switch, ward opening
            p.shiftDay = r.range(30, m_days - 30);
            p.shiftFactor = std::clamp(r.lognormal(1.0, 0.35), 0.5, 1.8);
            if (std::abs(p.shiftFactor - 1.0) < 0.15)
                p.shiftFactor = p.shiftFactor < 1.0 ? 0.8 : 1.25;
        }
        const double life = r.uniform();
        if (life < 0.04 && m_days > 180)
            p.introDay = r.range(60, m_days - 60);         // new reference
        else if (life < 0.07 && m_days > 180)
            p.endDay = r.range(60, m_days - 30);           // replaced, stock left to expire
        if (retro) {
            // Fewer patients for the costly treatments (hepatitis C, biologics).
            p.retroPerDay = r.uniform(0.3, 3.0) * std::clamp(std::sqrt(2.0 / priceEur), 0.05, 1.0);
            const std::string_view u = unit;
            p.retroQty = (u == "CP" || u == "GEL") ? (r.chance(0.5) ? 28 : 30) : (u == "SER" || u == "STYLO") ? r.range(1, 4) : 1;
        }

        // Who uses it: general references in many wards, specialised ones in a few.
        std::vector<int> candidates;
        for (int u = 0; u < int(m_units.size()); ++u)
            if (domain == 'G' || m_units[size_t(u)].domains.find(domain) != std::string::npos)
                candidates.push_back(u);
        if (candidates.empty())
            for (int u = 0; u < int(m_units.size()); ++u)
                candidates.push_back(u);
        int k;
        switch (p.cls) {
        case Smooth: k = 1 + int(std::lround(r.lognormal(2.0, 0.8))); break;
        case Erratic: k = 1 + int(std::lround(r.lognormal(1.5, 0.8))); break;
        default: {
            const double u = r.uniform();
            k = u < 0.5 ? 1 : u < 0.8 ? 2 : 3;
        }
        }
        k = std::min<int>(k, int(candidates.size()));
        p.useBegin = int(m_uses.size());
        double total = 0.0;
        for (int j = 0; j < k; ++j) {
            double sum = 0.0;
            for (int c : candidates)
                sum += m_units[size_t(c)].activity;
            double x = r.uniform() * sum;
            size_t pick = 0;
            while (pick + 1 < candidates.size() && (x -= m_units[size_t(candidates[pick])].activity) > 0)
                ++pick;
            Use use;
            use.unit = candidates[pick];
            use.share = m_units[size_t(use.unit)].activity * r.lognormal(1.0, 0.6);
            total += use.share;
            candidates.erase(candidates.begin() + std::ptrdiff_t(pick));
            m_uses.push_back(use);
        }
        p.useCount = k;
        for (int j = 0; j < k; ++j) {
            Use &use = m_uses[size_t(p.useBegin + j)];
            use.share /= total;
            const Profile prof = m_units[size_t(use.unit)].profile;
            p.profileShare[prof] += use.share;
            p.profileMask |= 1u << prof;
            // Weekend top-ups for critical care: vital products and fast movers.
            use.onCall = prof == Flat && (p.ven == 'V' || use.share * p.baseDaily >= 8.0);
        }

        // Supply.
        const SupplierKind kind = p.drug ? (r.chance(0.15) ? Wholesaler : DrugMaker) : (r.chance(0.05) ? Wholesaler : DeviceMaker);
        p.supplier = pickSupplier(r, kind);
        const int supplierLead = m_suppliers[size_t(p.supplier)].leadTime;
        const bool ownLead = r.chance(0.15);
        p.lead = ownLead ? std::clamp(supplierLead + r.range(-2, 10), 2, 30) : supplierLead;
        const double expected = p.expectedDaily(1.0);
        // Packs: the largest that holds at most four weeks (one for costly
        // items); cheap ones sometimes come in a big box anyway.
        std::sort(packs.begin(), packs.end());
        p.pack = packs.front();
        for (int pk : packs)
            if (pk <= expected * (priceEur > 50.0 ? 7.0 : 28.0))
                p.pack = pk;
        if (priceEur < 5.0 && r.chance(0.2))
            p.pack = packs[size_t(r.below(int(packs.size())))];
        if (r.chance(0.25)) {
            static const int kMultiples[] = {2, 3, 5, 10};
            const qint64 m = qint64(p.pack) * kMultiples[r.below(4)];
            if (double(m) <= expected * 56.0)
                p.moq = m;
        }
        p.shelfMonths = injectable && r.chance(0.06) ? r.range(2, 4) : std::array{6, 9, 12, 18, 24, 24, 36, 36}[size_t(r.below(8))];
        const double shortageRisk = hasFlag(domainFlags, 'S') ? 0.35 : p.mitm ? 0.05 : p.drug ? 0.015 : 0.01;
        if (m_days > 120 && r.chance(shortageRisk)) {
            const int windows = r.chance(0.2) ? 2 : 1;
            for (int w = 0; w < windows; ++w) {
                p.shortageFrom[size_t(w)] = r.range(30, m_days - 30);
                p.shortageTo[size_t(w)] = p.shortageFrom[size_t(w)] + r.range(14, 70);
            }
        }
        // Safety stock in days of demand, on top of lead time and review period.
        static const double kSafetyDays[] = {5.0, 9.0, 12.0, 14.0};
        p.safetyDays = kSafetyDays[p.cls] + (p.ven == 'V' ? 4.0 : 0.0) + (p.mitm ? 3.0 : 0.0) + 0.15 * p.lead;
        if (priceEur > 100.0)
            p.safetyDays *= 0.5;   // costly items are watched closely and reordered at once
        const double annualValue = expected * 365.0 * priceEur;
        p.cycleDays = annualValue > 100000 ? 3 : annualValue > 20000 ? 5 : annualValue > 2000 ? 7 : annualValue > 200 ? 10 : 21;
        p.lotStyle = m_suppliers[size_t(p.supplier)].lotStyle;
        p.lotOffset = quint32(r.below(1000000));

        std::string &b = f.buffer();
        b += p.code;
        b += ';';
        b += ucd;
        b += ';';
        b += cip;
        b += ';';
        b += lpp;
        b += ';';
        b += label;
        b += ';';
        b += dci;
        b += ';';
        b += atc;
        b += ';';
        b += forme;
        b += ';';
        b += unit;
        b += ';';
        appendInt(b, p.pack);
        b += ';';
        b += p.pmp;
        b += ';';
        b += m_suppliers[size_t(p.supplier)].code;
        b += ';';
        if (ownLead)
            appendInt(b, p.lead);
        b += ';';
        if (p.moq)
            appendInt(b, p.moq);
        b += ';';
        b += p.mitm ? 'O' : 'N';
        b += ';';
        b += p.ven;
        b += ';';
        b += p.drug ? typeDrug : typeDevice;
        f.endLine();
    }
    m_files << f.path();
    return f.close(error);
}

// ------------------------------------------------------------ final state

bool Generator::writeLots(QString *error)
{
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("stock_lots.csv")), "Code produit;N° lot;Date de péremption;Quantité;Emplacement;Date stock",
                error))
        return false;
    const int lastJd = m_cal.back().jd;
    for (const Product &p : m_products) {
        for (const LotRec &lot : p.lots) {
            if (lot.qty <= 0)
                continue;
            std::string &b = f.buffer();
            b += p.code;
            b += ';';
            b += lot.number.data();
            b += ';';
            m_dates->append(b, lot.expiry);
            b += ';';
            appendInt(b, lot.qty);
            b += ";PUI;";
            m_dates->append(b, lastJd);
            f.endLine();
            ++m_lots;
        }
    }
    m_files << f.path();
    return f.close(error);
}

bool Generator::writeOpenOrders(QString *error)
{
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("commandes_en_cours.csv")),
                "N° commande;Date commande;Fournisseur;Code produit;Qté commandée;Qté reçue;Date livraison prévue;Prix unitaire", error))
        return false;
    // Every line still on order, and the lines of the last 12 months received
    // in full (Qté reçue = Qté commandée), as order-tracking exports list
    // them: their order dates give the lead times of the receptions that
    // carry their numbers.
    const int recent = int(m_o.endDate.addYears(-1).addDays(1).toJulianDay()) - m_firstJd;
    std::vector<const OrderLine *> lines;
    int open = 0;
    for (const OrderLine &o : m_orders) {
        if (o.received < o.ordered)
            ++open;
        if (o.received < o.ordered || o.orderDay >= recent)
            lines.push_back(&o);
    }
    std::sort(lines.begin(), lines.end(), [](const OrderLine *a, const OrderLine *b) {
        return std::tie(a->orderDay, a->number, a->product) < std::tie(b->orderDay, b->number, b->product);
    });
    for (const OrderLine *o : lines) {
        const Product &p = m_products[size_t(o->product)];
        std::string &b = f.buffer();
        appendOrderNumber(b, o->number);
        b += ';';
        m_dates->append(b, m_cal[size_t(o->orderDay)].jd);
        b += ';';
        b += m_suppliers[size_t(p.supplier)].code;
        b += ';';
        b += p.code;
        b += ';';
        appendInt(b, o->ordered);
        b += ';';
        appendInt(b, o->received);
        b += ';';
        m_dates->append(b, m_firstJd + o->expectedDay);
        b += ';';
        b += p.pmp;
        f.endLine();
    }
    m_openLines = open;
    m_orderLines = int(lines.size());
    m_files << f.path();
    return f.close(error);
}

} // namespace reappro::demo
