#include "core/import/importer.h"

#include "core/common/csvformat.h"
#include "core/common/csvreader.h"
#include "core/domain/identifiers.h"
#include "core/domain/location.h"
#include "core/store/importwriter.h"
#include "core/store/movementwriter.h"
#include "core/store/store.h"
#include "core/common/textparse.h"
#include "core/import/xlsxreader.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace reappro {

namespace {

// ---------------------------------------------------------------- sources

class RowSource
{
public:
    virtual ~RowSource() = default;
    virtual bool next(std::vector<std::string_view> &fields, qint64 *line) = 0;
    virtual double fraction() const = 0;
    virtual quint64 fingerprint() const = 0;
    QString format, encoding, delimiter;
};

class CsvSource final : public RowSource
{
public:
    bool open(const QString &path, const FileProfile *p, QString *error)
    {
        if (!m_reader.open(path, error, p ? p->delimiter : 0, p ? p->encoding : std::nullopt))
            return false;
        format = QStringLiteral("CSV");
        encoding = encodingName(m_reader.encoding());
        delimiter = m_reader.delimiter() == '\t' ? QStringLiteral("tab") : QString(QLatin1Char(m_reader.delimiter()));
        return true;
    }
    bool next(std::vector<std::string_view> &fields, qint64 *line) override { return m_reader.next(fields, line); }
    double fraction() const override
    {
        return m_reader.fileSize() > 0 ? double(m_reader.bytesRead()) / double(m_reader.fileSize()) : 1.0;
    }
    quint64 fingerprint() const override { return m_reader.fingerprint(); }
    char csvDelimiter() const { return m_reader.delimiter(); }
    TextEncoding textEncoding() const { return m_reader.encoding(); }

private:
    CsvReader m_reader;
};

class XlsxSource final : public RowSource
{
public:
    bool open(const QString &path, QString *error)
    {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray all = f.readAll();
            m_fingerprint = fingerprintBytes(0, all.constData(), all.size());
        }
        if (!m_reader.open(path, error))
            return false;
        format = QStringLiteral("XLSX");
        encoding = QStringLiteral("UTF-8");
        return true;
    }
    bool next(std::vector<std::string_view> &fields, qint64 *line) override
    {
        if (!m_reader.next(m_cells, line))
            return false;
        fields.assign(m_cells.begin(), m_cells.end());
        return true;
    }
    double fraction() const override { return 0.0; }
    quint64 fingerprint() const override { return m_fingerprint; }
    QString error() const { return m_reader.error(); }

private:
    XlsxReader m_reader{','};
    std::vector<std::string> m_cells;
    quint64 m_fingerprint = 0;
};

bool isXlsx(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(4) == QByteArray("PK\x03\x04", 4);
}

// ---------------------------------------------------------------- helpers

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

QString fromUtf8(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

std::optional<bool> parseYesNo(std::string_view v)
{
    const QString n = normalizeHeader(fromUtf8(v));
    if (n.isEmpty() || n == QLatin1String("n") || n == QLatin1String("non") || n == QLatin1String("no")
        || n == QLatin1String("0") || n == QLatin1String("faux") || n == QLatin1String("false"))
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
    if (n == QLatin1String("n") || n == QLatin1String("nonessentiel") || n == QLatin1String("nonessential")
        || n == QLatin1String("ne"))
        return VenClass::NonEssential;
    return std::nullopt;
}

std::optional<ProductKind> parseProductKind(std::string_view v)
{
    const QString n = normalizeHeader(fromUtf8(v));
    if (n.startsWith(QLatin1String("med")) || n == QLatin1String("m") || n == QLatin1String("drug")
        || n == QLatin1String("specialite"))
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

// ---------------------------------------------------------------- the run

class ImportRun
{
public:
    ImportRun(ImportWriter &writer, const ImportOptions &opt, ImportResult &result)
        : m_store(writer), m_opt(opt), m_result(result), m_fr(opt.language == Language::French),
          m_today(opt.today.toJulianDay())
    {
        loadReferences();
    }

    void importFile(const QString &path, const ImportProfile *profile, int index, int count,
                    const ImportProgress &progress, const std::stop_token &stop);

private:
    struct FileState;

    // Reference data, kept in memory for the whole run.
    void loadReferences();
    qint64 productId(std::string_view code) const;
    qint64 ensureLocation(std::string_view code, LocationKind kind, std::string_view label, FileState &fs);
    qint64 ensureSupplier(std::string_view codeOrName, FileState &fs);

    // One handler per kind; each returns normally, rejecting through reject().
    void supplierRow(FileState &fs);
    void locationRow(FileState &fs);
    void productRow(FileState &fs);
    void lotRow(FileState &fs);
    void orderRow(FileState &fs);
    void movementRow(FileState &fs);
    void finishFile(FileState &fs);

    void reject(FileState &fs, int field, RejectReason reason, std::string_view value, const QString &detail = {});
    QString quoted(std::string_view v) const
    {
        return m_fr ? QStringLiteral(" « %1 »").arg(fromUtf8(v)) : QStringLiteral(" \"%1\"").arg(fromUtf8(v));
    }
    QString tr2(const char *fr, const char *en) const { return QString::fromUtf8(m_fr ? fr : en); }
    bool checkKey(FileState &fs, const std::string &key, int field, std::string_view value);
    std::optional<qint64> dateField(FileState &fs, int field, bool required, bool notFuture);
    std::optional<double> numberField(FileState &fs, int field, bool required, double fallback, bool allowNegative);

    ImportWriter &m_store;
    const ImportOptions &m_opt;
    ImportResult &m_result;
    const bool m_fr;
    const qint64 m_today;
    std::unordered_map<std::string, qint64> m_productByCode, m_productByAltId;
    std::unordered_map<std::string, qint64> m_locationByCode, m_supplierByCode, m_supplierByName;
    qint64 m_centralId = 0;
    std::string m_lastLocationCode;   // "PUI" on most lines: skip the hash lookup
    qint64 m_lastLocationId = 0;
    // Movements are deduplicated in memory by their line identity and
    // written by a MovementWriter: far cheaper than a statement, a
    // unique-index probe and two index insertions per line.
    bool beginMovementFile(FileState &fs);
    void endMovementFile(FileState &fs);
    bool isKnownLine(qint64 hash) const { return std::binary_search(m_knownLines.begin(), m_knownLines.end(), hash); }
    void addKnownLines(const qint64 *sorted, size_t n)
    {
        const size_t mid = m_knownLines.size();
        m_knownLines.insert(m_knownLines.end(), sorted, sorted + n);
        std::inplace_merge(m_knownLines.begin(), m_knownLines.begin() + std::ptrdiff_t(mid), m_knownLines.end());
    }

    MovementWriter *m_writer = nullptr;                  // m_store's, once a movements file begins
    std::vector<qint64> m_knownLines;                    // sorted identities already stored
    bool m_knownLoaded = false;
    std::vector<std::pair<qint64, qint64>> m_fileLines;  // (identity, line) of this file
};

struct ImportRun::FileState {
    ImportFileReport *report = nullptr;
    FileKind kind = FileKind::Movements;
    ColumnMapping mapping;
    QStringList headers;
    std::vector<std::string_view> fields;
    qint64 line = 0;
    qint64 batchId = 0;
    char decimal = ',';
    DateOrder dateOrder = DateOrder::DayFirst;
    const FileProfile *profile = nullptr;
    bool lineRejected = false;
    std::unordered_map<std::string, qint64> keyLine;   // duplicate keys within the file
    std::vector<qint64> touched;                       // snapshot rows seen (lots, orders)
    std::unordered_set<qint64> lotLocations;
    std::vector<int> f;                                // field index by FieldSpec order
    std::unordered_map<std::string, std::optional<MovementType>> typeCache;
    struct DateCache {
        int field = -1;
        std::string text;
        qint64 day = 0;
    };
    std::array<DateCache, 4> lastDates;

    std::string_view value(int field) const
    {
        if (field < 0)
            return {};
        const int col = mapping.columnOfField[size_t(field)];
        if (col < 0 || size_t(col) >= fields.size())
            return {};
        return trimmed(fields[size_t(col)]);
    }
    bool has(int field) const { return field >= 0 && mapping.columnOfField[size_t(field)] >= 0; }
};

void ImportRun::loadReferences()
{
    for (ProductKey &p : m_store.productKeys()) {
        m_productByCode.emplace(std::move(p.code), p.id);
        for (std::string &alt : p.identifiers)
            if (!alt.empty())
                m_productByAltId.emplace(std::move(alt), p.id);
    }
    for (LocationKey &l : m_store.locationKeys()) {
        if (l.kind == LocationKind::CentralPharmacy && (!m_centralId || l.code == Store::kCentralPharmacyCode))
            m_centralId = l.id;
        m_locationByCode.emplace(std::move(l.code), l.id);
    }
    for (SupplierKey &s : m_store.supplierKeys()) {
        m_supplierByCode.emplace(std::move(s.code), s.id);
        m_supplierByName.emplace(normalizeHeader(s.name).toStdString(), s.id);
    }
}

qint64 ImportRun::productId(std::string_view code) const
{
    const std::string key(code);
    if (auto it = m_productByCode.find(key); it != m_productByCode.end())
        return it->second;
    if (auto it = m_productByAltId.find(key); it != m_productByAltId.end())
        return it->second;
    return 0;
}

qint64 ImportRun::ensureLocation(std::string_view code, LocationKind kind, std::string_view label, FileState &fs)
{
    if (code == m_lastLocationCode)
        return m_lastLocationId;
    const std::string key(code);
    if (auto it = m_locationByCode.find(key); it != m_locationByCode.end()) {
        m_lastLocationCode = key;
        m_lastLocationId = it->second;
        return it->second;
    }
    const qint64 id = m_store.insertLocation(code, label, kind);
    m_locationByCode.emplace(key, id);
    if (fs.report->createdLocations.size() < 200)
        fs.report->createdLocations << fromUtf8(code);
    return id;
}

qint64 ImportRun::ensureSupplier(std::string_view codeOrName, FileState &fs)
{
    const std::string key(codeOrName);
    if (auto it = m_supplierByCode.find(key); it != m_supplierByCode.end())
        return it->second;
    const std::string name = normalizeHeader(fromUtf8(codeOrName)).toStdString();
    if (auto it = m_supplierByName.find(name); it != m_supplierByName.end())
        return it->second;
    const qint64 id = m_store.insertSupplier(codeOrName);
    m_supplierByCode.emplace(key, id);
    m_supplierByName.emplace(name, id);
    if (fs.report->createdSuppliers.size() < 200)
        fs.report->createdSuppliers << fromUtf8(codeOrName);
    return id;
}

void ImportRun::reject(FileState &fs, int field, RejectReason reason, std::string_view value, const QString &detail)
{
    fs.lineRejected = true;
    ++m_result.rejectedCount;
    ++fs.report->rejected;
    if (qint64(m_result.rejected.size()) >= m_opt.maxListedRejects)
        return;
    RejectedLine r;
    r.file = fs.report->file;
    r.line = fs.line;
    if (field >= 0 && size_t(field) < fs.mapping.columnOfField.size() && fs.mapping.columnOfField[size_t(field)] >= 0) {
        const int col = fs.mapping.columnOfField[size_t(field)];
        r.column = col + 1;
        r.columnName = fs.headers.value(col);
    }
    r.value = fromUtf8(value);
    r.reason = reason;
    r.detail = detail;
    m_result.rejected.push_back(std::move(r));
}

bool ImportRun::checkKey(FileState &fs, const std::string &key, int field, std::string_view value)
{
    const auto [it, inserted] = fs.keyLine.emplace(key, fs.line);
    if (!inserted) {
        reject(fs, field, RejectReason::DuplicateKey, value,
               quoted(value) + (m_fr ? QStringLiteral(" (déjà à la ligne %1)") : QStringLiteral(" (already on line %1)")).arg(it->second));
        return false;
    }
    return true;
}

std::optional<qint64> ImportRun::dateField(FileState &fs, int field, bool required, bool notFuture)
{
    const std::string_view v = fs.value(field);
    if (v.empty()) {
        if (required)
            reject(fs, field, RejectReason::EmptyValue, v);
        return std::nullopt;
    }
    // Exports list many lines per day and per lot: remember the last text
    // of each date column and its parse.
    auto &cache = fs.lastDates[size_t(field) % fs.lastDates.size()];
    std::optional<qint64> d;
    if (cache.field == field && cache.text == v) {
        d = cache.day;
    } else {
        d = parseDate(v, fs.dateOrder);
        if (d)
            cache = {field, std::string(v), *d};
    }
    if (!d) {
        reject(fs, field, RejectReason::InvalidDate, v, quoted(v));
        return std::nullopt;
    }
    if (notFuture && *d > m_today) {
        reject(fs, field, RejectReason::FutureDate, v,
               quoted(v) + (m_fr ? QStringLiteral(" (après le %1)") : QStringLiteral(" (after %1)"))
                               .arg(m_opt.today.toString(m_fr ? QStringLiteral("dd/MM/yyyy") : QStringLiteral("yyyy-MM-dd"))));
        return std::nullopt;
    }
    return d;
}

std::optional<double> ImportRun::numberField(FileState &fs, int field, bool required, double fallback, bool allowNegative)
{
    const std::string_view v = fs.value(field);
    if (v.empty()) {
        if (required) {
            reject(fs, field, RejectReason::EmptyValue, v);
            return std::nullopt;
        }
        return fallback;
    }
    const auto q = parseQuantity(v, fs.decimal);
    if (!q) {
        reject(fs, field, RejectReason::InvalidNumber, v, quoted(v));
        return std::nullopt;
    }
    if (*q < 0 && !allowNegative) {
        reject(fs, field, RejectReason::NegativeQuantity, v, quoted(v));
        return std::nullopt;
    }
    return q;
}

// ------------------------------------------------------------ kind handlers

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
                   quoted(v) + (m_fr ? QStringLiteral(" : %1 n'est pas un jour. Écrivez les jours séparés par des virgules "
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
    const bool changed = m_store.updateSupplier(it->second, name.empty() ? code : name, qint64(std::lround(*lead)),
                                                orderDays.value_or(-1));
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
    enum { Code, Label, Ucd13, Ucd7, Cip13, Gtin, Lpp, Dci, Atc, Form, Unit, PackSize, UnitPrice, Supplier, LeadTime,
           Moq, Mitm, Ven, Kind };
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
            : r == IdCheck::WrongLength                 ? (m_fr ? "longueur incorrecte" : "wrong length")
            : r == IdCheck::WrongPrefix                 ? (m_fr ? "préfixe incorrect" : "wrong prefix")
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
    enum { Date, Type, ProductCode, Quantity, LotNumber, Expiry, StoreCode, Unit, UnitLabel, From, To, UnitCost,
           DocumentRef, OrderRef, SupplierCode };
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
    case MovementType::InventoryAdjustment:
        toId = pharmacy(!from.empty() ? from : to);
        break;
    case MovementType::Transfer:
        fromId = pharmacy(from);
        if (const std::string_view dest = !to.empty() ? to : unit; !dest.empty())
            toId = ensureLocation(dest, LocationKind::OtherSite, {}, fs);
        break;
    case MovementType::DestructionExpired:
    case MovementType::DestructionOther:
    case MovementType::OutpatientDispensing:
        fromId = pharmacy(from);
        break;
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
               (m_fr ? QStringLiteral(" (identique à la ligne %1)") : QStringLiteral(" (same as line %1)"))
                   .arg(m_fileLines[first].second));
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

std::unique_ptr<RowSource> openSource(const QString &path, const FileProfile *profile, QString *error)
{
    if (isXlsx(path)) {
        auto x = std::make_unique<XlsxSource>();
        if (!x->open(path, error))
            return nullptr;
        return x;
    }
    auto c = std::make_unique<CsvSource>();
    if (!c->open(path, profile, error))
        return nullptr;
    return c;
}

struct HeaderMatch {
    std::optional<FileKind> kind;
    const FileProfile *profile = nullptr;
    QStringList headers;
    qint64 line = 0;
    QStringList firstHeaders;   // of the first row, for the error message
};

// The header is the first of the first ten rows that some kind's required
// columns match: exports often start with a title or an extraction date.
HeaderMatch findHeader(RowSource &src, const QString &path, const ImportProfile *profile)
{
    HeaderMatch m;
    std::vector<std::string_view> fields;
    qint64 line = 0;
    for (int row = 0; row < 10 && src.next(fields, &line); ++row) {
        QStringList headers;
        for (std::string_view f : fields)
            headers << fromUtf8(trimmed(f));
        if (row == 0)
            m.firstHeaders = headers;
        if (profile)
            for (const FileProfile &fp : profile->files) {
                const ColumnMapping cm = mapColumns(fp.kind, headers, fp.columns);
                bool allForced = true;
                for (const auto &[key, header] : fp.columns)
                    allForced = allForced && cm.columnOfField[size_t(fieldIndex(fp.kind, key.toUtf8().constData()))] >= 0;
                if (allForced && cm.hasAllRequired()) {
                    m.kind = fp.kind;
                    m.profile = &fp;
                    break;
                }
            }
        if (!m.kind)
            m.kind = detectFileKind(headers, path);
        if (m.kind) {
            m.headers = headers;
            m.line = line;
            return m;
        }
    }
    return m;
}

// Opens a file and finds its header. A profile's forced delimiter or
// encoding is tried when plain detection finds no header, and applied when
// the profile matched.
std::unique_ptr<RowSource> openAndFindHeader(const QString &path, const ImportProfile *profile, HeaderMatch *hm, QString *error)
{
    auto src = openSource(path, nullptr, error);
    if (!src)
        return nullptr;
    *hm = findHeader(*src, path, profile);
    if (!profile || src->format != QLatin1String("CSV"))
        return src;
    std::vector<const FileProfile *> tries;
    if (hm->profile)
        tries.push_back(hm->profile);
    else if (!hm->kind)
        for (const FileProfile &fp : profile->files)
            tries.push_back(&fp);
    for (const FileProfile *fp : tries) {
        if (!fp->delimiter && !fp->encoding)
            continue;
        auto again = openSource(path, fp, error);
        if (!again)
            return nullptr;
        HeaderMatch m = findHeader(*again, path, profile);
        if (m.kind) {
            *hm = m;
            return again;
        }
    }
    if (!hm->kind)   // report on the plainly detected reading
        *hm = findHeader(*(src = openSource(path, nullptr, error)), path, profile);
    return src;
}

std::optional<FileKind> kindFromFileName(const QString &path)
{
    // Only for the error message of a file whose columns match nothing: the
    // most specific kinds first ("mouvements_uf.csv" is about movements).
    for (FileKind k : {FileKind::Movements, FileKind::Products, FileKind::Lots, FileKind::OpenOrders,
                       FileKind::Suppliers, FileKind::Locations})
        if (fileNameSuggests(path, k))
            return k;
    return std::nullopt;
}

void ImportRun::importFile(const QString &path, const ImportProfile *profile, int index, int count,
                           const ImportProgress &progress, const std::stop_token &stop)
{
    m_result.files.emplace_back();
    FileState fs;
    fs.report = &m_result.files.back();
    fs.report->file = path;
    const auto fileReject = [&](RejectReason reason, const QString &detail, qint64 line = 0) {
        fs.line = line;
        reject(fs, -1, reason, {}, detail);
    };
    QString error;
    HeaderMatch hm;
    auto src = openAndFindHeader(path, profile, &hm, &error);
    if (!src) {
        fileReject(RejectReason::CannotOpenFile, error.isEmpty() ? path : error);
        return;
    }
    if (!hm.kind) {
        if (const auto k = kindFromFileName(path)) {
            fs.mapping = mapColumns(*k, hm.firstHeaders);
            fs.report->kind = *k;
            fileReject(RejectReason::MissingColumn, fs.mapping.missingRequired(m_fr).join(QStringLiteral(", ")), 1);
        } else {
            fileReject(RejectReason::UnknownFileKind, hm.firstHeaders.join(QStringLiteral(" | ")), 1);
        }
        return;
    }
    fs.kind = *hm.kind;
    fs.profile = hm.profile;
    fs.headers = hm.headers;
    fs.mapping = mapColumns(fs.kind, fs.headers, hm.profile ? hm.profile->columns : std::vector<std::pair<QString, QString>>{});
    ImportFileReport &rep = *fs.report;
    rep.kind = fs.kind;
    rep.format = src->format;
    rep.encoding = src->encoding;
    rep.delimiter = src->delimiter;
    for (int c : fs.mapping.patientColumns)
        rep.droppedPatientColumns << fs.headers.value(c);
    for (int c : fs.mapping.ignoredColumns)
        rep.ignoredColumns << fs.headers.value(c);
    const char csvDelimiter = src->delimiter == QLatin1String("tab") ? '\t' : src->delimiter.isEmpty() ? ';' : src->delimiter.at(0).toLatin1();
    fs.decimal = hm.profile && hm.profile->decimalSeparator ? hm.profile->decimalSeparator : (csvDelimiter == ',' ? '.' : ',');
    fs.dateOrder = hm.profile ? hm.profile->dateOrder : DateOrder::DayFirst;
    rep.decimalSeparator = fs.decimal;
    rep.profile.kind = fs.kind;
    rep.profile.decimalSeparator = fs.decimal;
    rep.profile.dateOrder = fs.dateOrder;
    if (src->format == QLatin1String("CSV")) {
        auto *csv = static_cast<CsvSource *>(src.get());
        rep.profile.delimiter = csv->csvDelimiter();
        rep.profile.encoding = csv->textEncoding();
    }
    const auto &specs = fieldsOf(fs.kind);
    for (size_t i = 0; i < specs.size(); ++i) {
        fs.f.push_back(int(i));
        if (fs.mapping.columnOfField[i] >= 0)
            rep.profile.columns.emplace_back(QString::fromLatin1(specs[i].key), fs.headers.value(fs.mapping.columnOfField[i]));
    }
    if (!fs.mapping.hasAllRequired()) {
        fileReject(RejectReason::MissingColumn, fs.mapping.missingRequired(m_fr).join(QStringLiteral(", ")), hm.line);
        return;
    }

    fs.batchId = m_store.insertBatch(QFileInfo(path).fileName(), fileKindCode(fs.kind),
                                     QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (fs.kind == FileKind::Movements && !beginMovementFile(fs))
        return;

    qint64 n = 0;
    while (src->next(fs.fields, &fs.line)) {
        if (std::all_of(fs.fields.begin(), fs.fields.end(), [](std::string_view f) { return trimmed(f).empty(); }))
            continue;
        ++rep.lines;
        fs.lineRejected = false;
        if (fs.fields.size() > size_t(fs.headers.size())) {
            bool extra = false;
            for (size_t k = size_t(fs.headers.size()); k < fs.fields.size(); ++k)
                extra = extra || !trimmed(fs.fields[k]).empty();
            if (extra) {
                reject(fs, -1, RejectReason::TooManyFields, {},
                       QStringLiteral("%1 / %2").arg(fs.fields.size()).arg(fs.headers.size()));
                continue;
            }
        }
        switch (fs.kind) {
        case FileKind::Suppliers: supplierRow(fs); break;
        case FileKind::Locations: locationRow(fs); break;
        case FileKind::Products: productRow(fs); break;
        case FileKind::Lots: lotRow(fs); break;
        case FileKind::OpenOrders: orderRow(fs); break;
        case FileKind::Movements: movementRow(fs); break;
        }
        if (!m_result.error.isEmpty())
            return;
        if ((++n & 0xFFF) == 0) {
            if (stop.stop_requested()) {
                m_result.cancelled = true;
                return;
            }
            if (progress && (n & 0xFFFF) == 0)
                progress(index, count, src->fraction());
        }
    }
    if (auto *x = dynamic_cast<XlsxSource *>(src.get()); x && !x->error().isEmpty()) {
        fileReject(RejectReason::CannotOpenFile, x->error());
        return;
    }
    finishFile(fs);   // first: it waits for the movement writer thread
    m_store.setBatchFingerprint(fs.batchId, QStringLiteral("%1").arg(src->fingerprint(), 16, 16, QLatin1Char('0')));
    if (progress)
        progress(index, count, 1.0);
}

} // namespace

// ------------------------------------------------------------------ Importer

Importer::Importer(Store &store) : m_store(store) {}

ImportResult Importer::importFiles(const QStringList &paths, const ImportOptions &options,
                                   const ImportProgress &progress, std::stop_token stop)
{
    ImportResult result;
    if (!m_store.isOpen()) {
        result.error = QStringLiteral("database not open");
        return result;
    }
    std::optional<ImportProfile> profile;
    if (!options.profilePath.isEmpty()) {
        profile = ImportProfile::load(options.profilePath, &result.error);
        if (!profile)
            return result;
    }
    // Referenced data first: suppliers, care units, products, then the rest.
    std::vector<std::pair<int, QString>> ordered;
    for (const QString &p : paths) {
        int rank = int(std::size(kAllFileKinds));
        QString error;
        HeaderMatch hm;
        if (openAndFindHeader(p, profile ? &*profile : nullptr, &hm, &error) && hm.kind)
            rank = int(*hm.kind);
        ordered.emplace_back(rank, p);
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    // A big import with no other connection open (the command line, a first
    // import) leaves WAL for a rollback journal meanwhile (ImportWriter::begin).
    qint64 inputBytes = 0;
    for (const QString &p : paths)
        inputBytes += QFileInfo(p).size();
    ImportWriter writer(m_store);
    if (!writer.begin(inputBytes >= options.rollbackJournalFromBytes, &result.error))
        return result;
    {
        ImportRun run(writer, options, result);
        int i = 0;
        for (const auto &entry : ordered) {
            run.importFile(entry.second, profile ? &*profile : nullptr, i++, int(ordered.size()), progress, stop);
            if (!result.error.isEmpty() || result.cancelled)
                break;
        }
    }
    if (result.error.isEmpty() && !result.cancelled && result.rejectedCount == 0)
        result.committed = writer.commit(&result.error);
    else
        writer.rollback();
    return result;
}

QString Importer::describe(const RejectedLine &r, Language lang)
{
    QString where = r.file;
    if (r.line > 0)
        where += QStringLiteral(":%1").arg(r.line);
    if (r.column > 0)
        where += QStringLiteral(":%1 (%2)").arg(r.column).arg(r.columnName);
    return where + QStringLiteral(": ") + rejectReasonText(r.reason, lang, r.detail);
}

bool Importer::writeReport(const ImportResult &result, const QString &path, Language lang, QString *error)
{
    const auto field = [](const QString &v) { return csvCell(v, QLatin1Char(';')); };
    QByteArray out("\xEF\xBB\xBF");
    out += lang == Language::French ? "fichier;ligne;colonne;nom_colonne;valeur;code_motif;motif\r\n"
                                    : "file;line;column;column_name;value;reason_code;reason\r\n";
    for (const RejectedLine &r : result.rejected) {
        const QStringList cells = {field(r.file), QString::number(r.line), QString::number(r.column), field(r.columnName),
                                   field(r.value), rejectReasonCode(r.reason), field(rejectReasonText(r.reason, lang, r.detail))};
        out += cells.join(QLatin1Char(';')).toUtf8() + "\r\n";
    }
    return writeOutputFile(path, out, error);
}

} // namespace reappro
