// SPDX-License-Identifier: GPL-3.0-or-later
// The kind handlers of the import run (importrun.h): one per kind of export
// file (suppliers, locations, products, lots, open orders, movements), each
// checking one line's fields, rejecting it through reject() or writing it
// through the ImportWriter; then what ends a file (the duplicate movement
// lines, the snapshot's rows it no longer lists, the batch counts).
#include "core/import/importrun.h"

#include "core/common/money.h"
#include "core/domain/identifiers.h"
#include "core/domain/product.h"
#include "core/domain/supplier.h"
#include "core/store/importwriter.h"
#include "core/store/movementwriter.h"
#include "core/store/store.h"

#include <QFileInfo>
#include <cmath>

namespace reappro::importdetail {

namespace {

struct Hasher {
    quint64 h = 0xcbf29ce484222325ULL;   // FNV-1a 64
    void add(const void *data, size_t n)
    {
        const auto *p = static_cast<const unsigned char *>(data);
        for (size_t i = 0; i < n; ++i)
            h = (h ^ p[i]) * 0x100000001b3ULL;
    }
    void add(qint64 v) { add(&v, sizeof v); }
    void add(std::string_view s)
    {
        add(qint64(s.size()));
        add(s.data(), s.size());
    }
};

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    return out;
}

std::optional<bool> parseYesNo(std::string_view v)
{
    const QString n = normalizeHeader(fromUtf8(v));
    if (n.isEmpty() || n == QLatin1String("n") || n == QLatin1String("non") || n == QLatin1String("no") || n == QLatin1String("0")
        || n == QLatin1String("faux") || n == QLatin1String("false"))
        return false;
    if (n == QLatin1String("o") || n == QLatin1String("oui") || n == QLatin1String("y") || n == QLatin1String("yes")
        || n == QLatin1String("1") || n == QLatin1String("x") || n == QLatin1String("vrai") || n == QLatin1String("true"))
        return true;
    return std::nullopt;
}

std::optional<VenClass> parseVen(std::string_view v)
{
    const QString n = normalizeHeader(fromUtf8(v));
    if (n == QLatin1String("v") || n == QLatin1String("vital"))
        return VenClass::Vital;
    if (n.isEmpty() || n == QLatin1String("e") || n == QLatin1String("essentiel") || n == QLatin1String("essential"))
        return VenClass::Essential;
    if (n == QLatin1String("n") || n == QLatin1String("nonessentiel") || n == QLatin1String("nonessential") || n == QLatin1String("ne"))
        return VenClass::NonEssential;
    return std::nullopt;
}

std::optional<ProductKind> parseProductKind(std::string_view v)
{
    const QString n = normalizeHeader(fromUtf8(v));
    if (n.startsWith(QLatin1String("med")) || n == QLatin1String("m") || n == QLatin1String("drug") || n == QLatin1String("specialite"))
        return ProductKind::Drug;
    if (n == QLatin1String("dm") || n.startsWith(QLatin1String("dispositif")) || n == QLatin1String("device")
        || n == QLatin1String("medicaldevice") || n == QLatin1String("dmi") || n == QLatin1String("dms"))
        return ProductKind::MedicalDevice;
    return std::nullopt;
}

std::optional<LocationKind> parseLocationKind(std::string_view v)
{
    const QString n = normalizeHeader(fromUtf8(v));
    if (n.isEmpty() || n == QLatin1String("uf") || n.startsWith(QLatin1String("service")) || n == QLatin1String("careunit")
        || n == QLatin1String("unit") || n.startsWith(QLatin1String("unite")) || n == QLatin1String("armoire"))
        return LocationKind::CareUnit;
    if (n == QLatin1String("pui") || n.startsWith(QLatin1String("pharma")) || n == QLatin1String("magasin")
        || n == QLatin1String("central"))
        return LocationKind::CentralPharmacy;
    if (n == QLatin1String("site") || n.startsWith(QLatin1String("autre")) || n == QLatin1String("other"))
        return LocationKind::OtherSite;
    return std::nullopt;
}

} // namespace

void ImportRun::supplierRow(FileState &fs)
{
    enum { Code, Name, LeadTime, OrderDays };
    const std::string_view code = fs.value(fs.f[Code]), name = fs.value(fs.f[Name]);
    if (code.empty()) {
        reject(fs, fs.f[Code], RejectReason::EmptyValue, code);
        return;
    }
    if (!checkKey(fs, std::string(code), fs.f[Code], code))
        return;
    const auto lead = numberField(fs, fs.f[LeadTime], false, 0, false);
    // Order days: a file without the column keeps what the database knows;
    // an empty cell says "unknown" (0).
    std::optional<int> orderDays;
    if (fs.has(fs.f[OrderDays])) {
        const std::string_view v = fs.value(fs.f[OrderDays]);
        QString word;
        orderDays = orderDaysFromText(fromUtf8(v), &word);
        if (!orderDays)
            reject(fs, fs.f[OrderDays], RejectReason::InvalidValue, v,
                   quoted(v)
                       + (m_fr ? QStringLiteral(" : %1 n'est pas un jour. Écrivez les jours séparés par des virgules "
                                                "(« lun,jeu » ou « lundi, jeudi »), une plage (« lun-ven ») ou « tous » ; "
                                                "une seule lettre est ambiguë (M = mardi ou mercredi)")
                               : QStringLiteral(": %1 is not a day. Write the days separated by commas "
                                                "(\"mon,thu\" or \"Monday, Thursday\"), a range (\"mon-fri\") or "
                                                "\"all\"; a single letter is ambiguous (T = Tuesday or Thursday)"))
                             .arg(quoted(word.toStdString()).trimmed()));
    }
    if (!lead || fs.lineRejected)
        return;
    auto it = m_supplierByCode.find(std::string(code));
    if (it == m_supplierByCode.end()) {
        const qint64 id = m_store.insertSupplier(code, name, qint64(std::lround(*lead)), orderDays.value_or(0));
        m_supplierByCode.emplace(std::string(code), id);
        m_supplierByName.emplace(normalizeHeader(fromUtf8(name)).toStdString(), id);
        ++fs.report->inserted;
        return;
    }
    const bool changed = m_store.updateSupplier(it->second, name.empty() ? code : name, qint64(std::lround(*lead)), orderDays.value_or(-1));
    (changed ? fs.report->updated : fs.report->unchanged)++;
}

void ImportRun::locationRow(FileState &fs)
{
    enum { Code, Label, Type, Rounds };
    const std::string_view code = fs.value(fs.f[Code]), label = fs.value(fs.f[Label]);
    if (code.empty()) {
        reject(fs, fs.f[Code], RejectReason::EmptyValue, code);
        return;
    }
    if (!checkKey(fs, std::string(code), fs.f[Code], code))
        return;
    const auto kind = parseLocationKind(fs.value(fs.f[Type]));
    if (!kind) {
        reject(fs, fs.f[Type], RejectReason::InvalidValue, fs.value(fs.f[Type]),
               quoted(fs.value(fs.f[Type])) + tr2(" (attendu : PUI, UF ou Site)", " (expected PUI, UF or Site)"));
        return;
    }
    const auto rounds = numberField(fs, fs.f[Rounds], false, 0, false);
    if (!rounds)
        return;
    const bool existed = m_locationByCode.count(std::string(code)) > 0;
    const auto [changed, insertedId] = m_store.upsertLocation(code, label, *kind, qint64(std::lround(*rounds)));
    if (!existed) {
        m_locationByCode.emplace(std::string(code), insertedId);
        ++fs.report->inserted;
    } else {
        (changed ? fs.report->updated : fs.report->unchanged)++;
    }
    if (*kind == LocationKind::CentralPharmacy && !m_centralId)
        m_centralId = m_locationByCode[std::string(code)];
}

void ImportRun::productRow(FileState &fs)
{
    enum {
        Code,
        Label,
        Ucd13,
        Ucd7,
        Cip13,
        Gtin,
        Lpp,
        Dci,
        Atc,
        Form,
        Unit,
        PackSize,
        UnitPrice,
        Supplier,
        LeadTime,
        Moq,
        Mitm,
        Ven,
        Kind
    };
    const std::string_view code = fs.value(fs.f[Code]);
    if (code.empty()) {
        reject(fs, fs.f[Code], RejectReason::EmptyValue, code);
        return;
    }
    if (!checkKey(fs, std::string(code), fs.f[Code], code))
        return;
    const std::string_view label = fs.value(fs.f[Label]);
    if (label.empty())
        reject(fs, fs.f[Label], RejectReason::EmptyValue, label);

    const auto idCheck = [&](int field, IdCheck (*check)(std::string_view), const char *what) {
        const std::string_view v = fs.value(fs.f[field]);
        if (v.empty())
            return;
        const IdCheck r = check(v);
        if (r == IdCheck::Ok)
            return;
        const char *why = r == IdCheck::WrongCheckDigit ? (m_fr ? "clé de contrôle fausse" : "wrong check digit")
                          : r == IdCheck::WrongLength   ? (m_fr ? "longueur incorrecte" : "wrong length")
                          : r == IdCheck::WrongPrefix   ? (m_fr ? "préfixe incorrect" : "wrong prefix")
                                                        : (m_fr ? "caractères non autorisés" : "characters not allowed");
        reject(fs, fs.f[field], RejectReason::InvalidIdentifier, v,
               QStringLiteral(" %1%2 : %3").arg(QString::fromLatin1(what), quoted(v), QString::fromUtf8(why)));
    };
    // A 7-digit code in the UCD column is a legacy UCD7.
    std::string_view ucd13 = fs.value(fs.f[Ucd13]), ucd7 = fs.value(fs.f[Ucd7]);
    if (ucd13.size() == 7 && ucd7.empty()) {
        ucd7 = ucd13;
        ucd13 = {};
        if (checkCode7(ucd7) != IdCheck::Ok)
            reject(fs, fs.f[Ucd13], RejectReason::InvalidIdentifier, ucd7, QStringLiteral(" UCD7") + quoted(ucd7));
    } else {
        idCheck(Ucd13, checkUcd13, "UCD13");
        idCheck(Ucd7, checkCode7, "UCD7");
    }
    idCheck(Cip13, checkCip13, "CIP13");
    idCheck(Lpp, checkLpp, "LPP");
    std::string gtin(fs.value(fs.f[Gtin]));
    if (gtin.size() == 13) {
        if (!hasValidGs1CheckDigit(gtin))
            reject(fs, fs.f[Gtin], RejectReason::InvalidIdentifier, gtin, QStringLiteral(" EAN13") + quoted(gtin));
        gtin = "0" + gtin;
    } else {
        idCheck(Gtin, checkGtin14, "GTIN");
    }
    const std::string_view cip13 = fs.value(fs.f[Cip13]);
    if (gtin.empty() && !cip13.empty())
        gtin = "0" + std::string(cip13);
    const std::string atc = upper(fs.value(fs.f[Atc]));
    if (!atc.empty() && checkAtc(atc) != IdCheck::Ok)
        reject(fs, fs.f[Atc], RejectReason::InvalidIdentifier, atc, QStringLiteral(" ATC") + quoted(atc));

    const auto pack = numberField(fs, fs.f[PackSize], false, 1.0, false);
    if (pack && *pack <= 0)
        reject(fs, fs.f[PackSize], RejectReason::InvalidValue, fs.value(fs.f[PackSize]),
               quoted(fs.value(fs.f[PackSize])) + tr2(" (le conditionnement doit être positif)", " (pack size must be positive)"));
    std::optional<Money> price = Money();
    if (const std::string_view v = fs.value(fs.f[UnitPrice]); !v.empty()) {
        price = Money::parse(v, fs.decimal);
        if (!price)
            reject(fs, fs.f[UnitPrice], RejectReason::InvalidNumber, v, quoted(v));
        else if (*price < Money())
            reject(fs, fs.f[UnitPrice], RejectReason::InvalidValue, v, quoted(v) + tr2(" (prix négatif)", " (negative price)"));
    }
    const auto lead = numberField(fs, fs.f[LeadTime], false, 0, false);
    const auto moq = numberField(fs, fs.f[Moq], false, 0, false);
    const auto mitm = parseYesNo(fs.value(fs.f[Mitm]));
    if (!mitm)
        reject(fs, fs.f[Mitm], RejectReason::InvalidValue, fs.value(fs.f[Mitm]),
               quoted(fs.value(fs.f[Mitm])) + tr2(" (attendu : O ou N)", " (expected Y or N)"));
    const auto ven = parseVen(fs.value(fs.f[Ven]));
    if (!ven)
        reject(fs, fs.f[Ven], RejectReason::InvalidValue, fs.value(fs.f[Ven]),
               quoted(fs.value(fs.f[Ven])) + tr2(" (attendu : V, E ou N)", " (expected V, E or N)"));
    std::optional<ProductKind> kind;
    if (const std::string_view v = fs.value(fs.f[Kind]); !v.empty()) {
        kind = parseProductKind(v);
        if (!kind)
            reject(fs, fs.f[Kind], RejectReason::InvalidValue, v,
                   quoted(v) + tr2(" (attendu : Médicament ou DM)", " (expected Drug or Device)"));
    } else {
        kind = !fs.value(fs.f[Lpp]).empty() && ucd13.empty() && cip13.empty() ? ProductKind::MedicalDevice : ProductKind::Drug;
    }
    if (fs.lineRejected)
        return;

    qint64 supplierId = 0;
    if (const std::string_view s = fs.value(fs.f[Supplier]); !s.empty())
        supplierId = ensureSupplier(s, fs);

    const auto existing = m_productByCode.find(std::string(code));
    const bool exists = existing != m_productByCode.end();
    ProductRecord record;
    record.code = code;
    record.ucd13 = ucd13;
    record.ucd7 = ucd7;
    record.cip13 = cip13;
    record.gtin = gtin;
    record.lpp = fs.value(fs.f[Lpp]);
    record.label = label;
    record.dci = fs.value(fs.f[Dci]);
    record.atc = atc;
    record.form = fs.value(fs.f[Form]);
    record.dispensingUnit = fs.value(fs.f[Unit]);
    record.packSize = *pack;
    record.unitPriceUnits = price->units();
    record.supplierId = supplierId;
    record.leadTimeDays = qint64(std::lround(*lead));
    record.minOrderQuantity = *moq;
    record.mitm = *mitm;
    record.ven = qint64(*ven);
    record.kind = qint64(*kind);
    qint64 id;
    if (exists) {
        id = existing->second;
        (m_store.updateProduct(record) ? fs.report->updated : fs.report->unchanged)++;
    } else {
        id = m_store.insertProduct(record);
        m_productByCode.emplace(std::string(code), id);
        ++fs.report->inserted;
    }
    for (std::string_view alt : {ucd13, ucd7, cip13, std::string_view(gtin)})
        if (!alt.empty())
            m_productByAltId.emplace(std::string(alt), id);
}

void ImportRun::lotRow(FileState &fs)
{
    enum { ProductCode, LotNumber, Expiry, Quantity, Location, AsOf, ReceptionDate };
    const std::string_view code = fs.value(fs.f[ProductCode]);
    const qint64 pid = productId(code);
    if (code.empty())
        reject(fs, fs.f[ProductCode], RejectReason::EmptyValue, code);
    else if (!pid)
        reject(fs, fs.f[ProductCode], RejectReason::UnknownProduct, code, quoted(code));
    const std::string_view lot = fs.value(fs.f[LotNumber]);
    if (lot.empty())
        reject(fs, fs.f[LotNumber], RejectReason::EmptyValue, lot);
    const auto expiry = dateField(fs, fs.f[Expiry], true, false);
    const auto qty = numberField(fs, fs.f[Quantity], true, 0, false);
    const auto asOf = dateField(fs, fs.f[AsOf], false, true);
    const auto received = dateField(fs, fs.f[ReceptionDate], false, true);
    if (expiry && received && *expiry < *received)
        reject(fs, fs.f[Expiry], RejectReason::ExpiryBeforeReception, fs.value(fs.f[Expiry]),
               quoted(fs.value(fs.f[Expiry])) + QStringLiteral(" < ") + fromUtf8(fs.value(fs.f[ReceptionDate])));
    std::string_view loc = fs.value(fs.f[Location]);
    if (loc.empty())
        loc = Store::kCentralPharmacyCode;
    if (fs.lineRejected)
        return;
    if (!checkKey(fs, std::string(code) + '\x1f' + std::string(lot) + '\x1f' + std::string(loc), fs.f[LotNumber], lot))
        return;
    const qint64 locationId = ensureLocation(loc, LocationKind::CareUnit, {}, fs);
    fs.lotLocations.insert(locationId);
    const qint64 snapshot = asOf && fs.has(fs.f[AsOf]) ? *asOf : m_today;
    if (const qint64 id = m_store.findLot(pid, lot, locationId)) {
        (m_store.updateLot(id, *expiry, *qty, snapshot) ? fs.report->updated : fs.report->unchanged)++;
        fs.touched.push_back(id);
        return;
    }
    fs.touched.push_back(m_store.insertLot(pid, lot, *expiry, locationId, *qty, snapshot));
    ++fs.report->inserted;
}

void ImportRun::orderRow(FileState &fs)
{
    enum { OrderNumber, OrderDate, Supplier, ProductCode, Ordered, Received, Expected, UnitPrice };
    const std::string_view number = fs.value(fs.f[OrderNumber]), code = fs.value(fs.f[ProductCode]);
    if (number.empty())
        reject(fs, fs.f[OrderNumber], RejectReason::EmptyValue, number);
    const qint64 pid = productId(code);
    if (code.empty())
        reject(fs, fs.f[ProductCode], RejectReason::EmptyValue, code);
    else if (!pid)
        reject(fs, fs.f[ProductCode], RejectReason::UnknownProduct, code, quoted(code));
    const auto orderDate = dateField(fs, fs.f[OrderDate], false, true);
    const auto expected = dateField(fs, fs.f[Expected], false, false);
    const auto ordered = numberField(fs, fs.f[Ordered], true, 0, false);
    const auto received = numberField(fs, fs.f[Received], false, 0, false);
    std::optional<Money> price = Money();
    if (const std::string_view v = fs.value(fs.f[UnitPrice]); !v.empty()) {
        price = Money::parse(v, fs.decimal);
        if (!price)
            reject(fs, fs.f[UnitPrice], RejectReason::InvalidNumber, v, quoted(v));
    }
    if (fs.lineRejected)
        return;
    if (!checkKey(fs, std::string(number) + '\x1f' + std::string(code), fs.f[ProductCode], code))
        return;
    // Order-tracking exports may list a year of lines, most received in
    // full: the store prepares these statements once per import.
    qint64 supplierId = 0;
    if (const std::string_view s = fs.value(fs.f[Supplier]); !s.empty())
        supplierId = ensureSupplier(s, fs);
    else
        supplierId = m_store.supplierOfProduct(pid);
    const qint64 existing = m_store.findOrderLine(number, pid);
    OrderLineRecord record;
    record.orderNumber = number;
    record.orderDay = orderDate ? *orderDate : 0;
    record.supplierId = supplierId;
    record.productId = pid;
    record.ordered = *ordered;
    record.received = *received;
    record.expectedDay = expected ? *expected : 0;
    record.unitPriceUnits = price->units();
    if (existing) {
        (m_store.updateOrderLine(record) ? fs.report->updated : fs.report->unchanged)++;
        fs.touched.push_back(existing);
    } else {
        ++fs.report->inserted;
        fs.touched.push_back(m_store.insertOrderLine(record));
    }
}

void ImportRun::movementRow(FileState &fs)
{
    enum {
        Date,
        Type,
        ProductCode,
        Quantity,
        LotNumber,
        Expiry,
        StoreCode,
        Unit,
        UnitLabel,
        From,
        To,
        UnitCost,
        DocumentRef,
        OrderRef,
        SupplierCode
    };
    const auto day = dateField(fs, Date, true, true);

    std::optional<MovementType> type;
    const std::string_view rawType = fs.value(Type);
    if (rawType.empty()) {
        reject(fs, Type, RejectReason::EmptyValue, rawType);
    } else {
        auto it = fs.typeCache.find(std::string(rawType));
        if (it == fs.typeCache.end()) {
            const QString n = normalizeHeader(fromUtf8(rawType));
            std::optional<MovementType> t;
            if (fs.profile && fs.profile->movementTypes.contains(n))
                t = fs.profile->movementTypes.value(n);
            else
                t = movementTypeFromText(n);
            it = fs.typeCache.emplace(std::string(rawType), t).first;
            if (t)
                fs.report->profile.movementTypes.insert(n, *t);
        }
        type = it->second;
        if (!type)
            reject(fs, Type, RejectReason::UnknownMovementType, rawType, quoted(rawType));
    }

    const std::string_view code = fs.value(ProductCode);
    const qint64 pid = code.empty() ? 0 : productId(code);
    if (code.empty())
        reject(fs, ProductCode, RejectReason::EmptyValue, code);
    else if (!pid)
        reject(fs, ProductCode, RejectReason::UnknownProduct, code, quoted(code));

    std::optional<double> qty;
    if (const std::string_view v = fs.value(Quantity); v.empty()) {
        reject(fs, Quantity, RejectReason::EmptyValue, v);
    } else if (!(qty = parseQuantity(v, fs.decimal))) {
        reject(fs, Quantity, RejectReason::InvalidNumber, v, quoted(v));
    } else if (*qty < 0 && type && *type != MovementType::InventoryAdjustment) {
        reject(fs, Quantity, RejectReason::NegativeQuantity, v, quoted(v));
    }

    const auto expiry = dateField(fs, Expiry, false, false);
    if (expiry && day && type == MovementType::Reception && *expiry < *day)
        reject(fs, Expiry, RejectReason::ExpiryBeforeReception, fs.value(Expiry),
               quoted(fs.value(Expiry)) + QStringLiteral(" < ") + fromUtf8(fs.value(Date)));

    std::optional<Money> cost;
    if (const std::string_view v = fs.value(UnitCost); !v.empty()) {
        cost = Money::parse(v, fs.decimal);
        if (!cost)
            reject(fs, UnitCost, RejectReason::InvalidNumber, v, quoted(v));
    }
    if (fs.lineRejected)
        return;

    // Where the stock went: explicit origin and destination win; otherwise
    // the type says which side is the pharmacy and which the care unit.
    const std::string_view store = fs.value(StoreCode), unit = fs.value(Unit), unitLabel = fs.value(UnitLabel);
    const std::string_view from = fs.value(From), to = fs.value(To);
    const auto pharmacy = [&](std::string_view c) {
        if (c.empty())
            c = store;
        return c.empty() ? m_centralId : ensureLocation(c, LocationKind::CentralPharmacy, {}, fs);
    };
    qint64 fromId = 0, toId = 0, unitId = 0, supplierId = 0;
    switch (*type) {
    case MovementType::Reception: {
        toId = pharmacy(to);
        const std::string_view origin = !from.empty() ? from : fs.value(SupplierCode);
        if (!origin.empty()) {
            if (auto it = m_locationByCode.find(std::string(origin)); it != m_locationByCode.end())
                fromId = it->second;
            else
                supplierId = ensureSupplier(origin, fs);
        }
        break;
    }
    case MovementType::IssueToUnit:
    case MovementType::Return: {
        const bool issue = *type == MovementType::IssueToUnit;
        const std::string_view unitCode = !(issue ? to : from).empty() ? (issue ? to : from) : unit;
        if (unitCode.empty()) {
            reject(fs, issue ? (fs.has(To) ? To : Unit) : (fs.has(From) ? From : Unit), RejectReason::MissingCareUnit, unitCode);
            return;
        }
        unitId = ensureLocation(unitCode, LocationKind::CareUnit, unitLabel, fs);
        (issue ? toId : fromId) = unitId;
        (issue ? fromId : toId) = pharmacy(issue ? from : to);
        break;
    }
    case MovementType::InventoryAdjustment: toId = pharmacy(!from.empty() ? from : to); break;
    case MovementType::Transfer:
        fromId = pharmacy(from);
        if (const std::string_view dest = !to.empty() ? to : unit; !dest.empty())
            toId = ensureLocation(dest, LocationKind::OtherSite, {}, fs);
        break;
    case MovementType::DestructionExpired:
    case MovementType::DestructionOther:
    case MovementType::OutpatientDispensing: fromId = pharmacy(from); break;
    }

    const std::string_view lot = fs.value(LotNumber), doc = fs.value(DocumentRef), order = fs.value(OrderRef);
    // The identity of a line leaves out prices and labels, which later
    // exports of the same history may print differently.
    Hasher h;
    h.add(*day);
    h.add(pid);
    h.add(qint64(*type));
    h.add(qint64(std::llround(*qty * 1e6)));
    h.add(fromId);
    h.add(toId);
    h.add(supplierId);
    h.add(lot);
    h.add(doc);
    h.add(order);
    const qint64 hash = qint64(h.h);

    if (isKnownLine(hash)) {
        ++fs.report->unchanged;   // imported before, from this or an overlapping export
        return;
    }
    m_fileLines.emplace_back(hash, fs.line);
    MovementRecord rec;
    rec.day = *day;
    rec.productId = pid;
    rec.type = qint64(*type);
    rec.from = fromId;
    rec.to = toId;
    rec.supplier = supplierId;
    rec.expiry = expiry.value_or(0);
    rec.unit = unitId;
    rec.line = fs.line;
    rec.quantity = *qty;
    if (cost)
        rec.cost = cost->units();
    rec.lot.assign(lot);
    rec.document.assign(doc);
    rec.order.assign(order);
    m_writer->add(std::move(rec));
}

bool ImportRun::beginMovementFile(FileState &fs)
{
    if (!m_knownLoaded) {
        // Each batch keeps the sorted identities of the lines it added.
        m_store.forEachStoredLineIdentities([this](const qint64 *sorted, size_t n) { addKnownLines(sorted, n); });
        m_knownLoaded = true;
    }
    m_fileLines.clear();
    m_fileLines.reserve(size_t(QFileInfo(fs.report->file).size() / 60));
    m_writer = &m_store.movementWriter();
    return m_writer->begin(fs.batchId, &m_result.error);
}

void ImportRun::endMovementFile(FileState &fs)
{
    // Identical lines within the file: each later copy is rejected, naming
    // the first.
    std::sort(m_fileLines.begin(), m_fileLines.end());
    for (size_t i = 1; i < m_fileLines.size(); ++i) {
        if (m_fileLines[i].first != m_fileLines[i - 1].first)
            continue;
        size_t first = i - 1;
        while (first > 0 && m_fileLines[first - 1].first == m_fileLines[i].first)
            --first;
        fs.line = m_fileLines[i].second;
        reject(fs, -1, RejectReason::DuplicateLine, {},
               (m_fr ? QStringLiteral(" (identique à la ligne %1)") : QStringLiteral(" (same as line %1)")).arg(m_fileLines[first].second));
    }
    const bool keep = m_result.rejectedCount == 0 && m_result.error.isEmpty();
    QString error;
    if (!m_writer->finish(keep, &error) && m_result.error.isEmpty())
        m_result.error = error;
    fs.report->inserted = m_writer->count();
    if (!keep || !m_result.error.isEmpty())
        return;   // everything is rolled back
    std::vector<qint64> added;
    added.reserve(m_fileLines.size());
    for (const auto &l : m_fileLines)
        added.push_back(l.first);
    if (!m_store.keepLineIdentities(fs.batchId, added, &m_result.error))
        return;
    addKnownLines(added.data(), added.size());
    m_fileLines.clear();
    m_fileLines.shrink_to_fit();
}

void ImportRun::finishFile(FileState &fs)
{
    if (fs.kind == FileKind::Movements)
        endMovementFile(fs);
    // A stock-by-lot or open-orders export is a snapshot: what it no longer
    // lists (at the locations it covers) has left the stock or been received.
    if ((fs.kind == FileKind::Lots || fs.kind == FileKind::OpenOrders) && m_result.rejectedCount == 0) {
        if (fs.kind == FileKind::Lots)
            fs.report->removed += m_store.removeUntouchedLots(fs.touched, fs.lotLocations);
        else
            fs.report->removed += m_store.removeUntouchedOrderLines(fs.touched);
    }
    m_store.setBatchCounts(fs.batchId, fs.report->lines, fs.report->inserted, fs.report->updated, fs.report->unchanged);
}

} // namespace reappro::importdetail
