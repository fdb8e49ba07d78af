// SPDX-License-Identifier: GPL-3.0-or-later
// The import run of importrun.h: the reference data it loads and extends
// (products, locations, suppliers), the rejection of a line with its file,
// line, column, value and reason, the parsing of date and number fields, and
// importFile(), which finds a file's header and feeds each line to the
// handler of its kind (rowhandlers.cpp).
#include "core/import/importrun.h"

#include "core/import/headermatch.h"
#include "core/store/importwriter.h"
#include "core/store/store.h"

#include <QDateTime>
#include <QFileInfo>

namespace reappro::importdetail {

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
    int column = 0;
    if (field >= 0 && size_t(field) < fs.mapping.columnOfField.size() && fs.mapping.columnOfField[size_t(field)] >= 0)
        column = fs.mapping.columnOfField[size_t(field)] + 1;
    rejectAtColumn(fs, column, reason, value, detail);
}

void ImportRun::rejectAtColumn(FileState &fs, int column, RejectReason reason, std::string_view value, const QString &detail)
{
    fs.lineRejected = true;
    ++m_result.rejectedCount;
    ++fs.report->rejected;
    if (qint64(m_result.rejected.size()) >= m_opt.maxListedRejects)
        return;
    RejectedLine r;
    r.file = fs.report->file;
    r.line = fs.line;
    if (column > 0) {
        r.column = column;
        r.columnName = fs.headers.value(column - 1);
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

// What a message may quote of a file's content: control characters (a
// binary file's bytes, terminal escapes) shown as '?', at most 120
// characters.
QString printableExcerpt(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (out.size() >= 120) {
            out += QChar(0x2026);
            break;
        }
        out += (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c == QChar::ReplacementCharacter
                || c.category() == QChar::Other_NotAssigned)
                   ? QLatin1Char('?')
                   : c;
    }
    return out;
}

bool ImportRun::checkFieldLengths(FileState &fs)
{
    for (size_t k = 0; k < fs.fields.size(); ++k) {
        const std::string_view f = fs.fields[k];
        if (f.size() <= kMaxFieldCharacters)
            continue;   // fewer bytes than the limit: fewer characters too
        const auto characters =
            size_t(std::count_if(f.begin(), f.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        if (characters <= kMaxFieldCharacters)
            continue;
        // The value is not echoed whole: its start says which it is.
        rejectAtColumn(
            fs, int(k) + 1, RejectReason::ValueTooLong, {},
            (m_fr ? QStringLiteral(" (%1 caractères, commençant par « %2… »)") : QStringLiteral(" (%1 characters, starting \"%2...\")"))
                .arg(characters)
                .arg(QString::fromUtf8(f.data(), qsizetype(std::min<size_t>(f.size(), 40))).trimmed()));
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
    // History dates (movements, receptions, orders, stock dates) within the
    // accepted window: a default date such as 01/01/1900 would stretch every
    // series over a century.
    if (notFuture && *d < m_oldest) {
        const QString format = m_fr ? QStringLiteral("dd/MM/yyyy") : QStringLiteral("yyyy-MM-dd");
        reject(fs, field, RejectReason::DateOutOfRange, v,
               quoted(v)
                   + (m_fr ? QStringLiteral(" (avant le %1, plus de %2 ans avant l'import)")
                           : QStringLiteral(" (before %1, more than %2 years before the import)"))
                         .arg(QDate::fromJulianDay(m_oldest).toString(format))
                         .arg(m_opt.historyYears));
        return std::nullopt;
    }
    if (notFuture && *d > m_today) {
        reject(fs, field, RejectReason::FutureDate, v,
               quoted(v)
                   + (m_fr ? QStringLiteral(" (après le %1)") : QStringLiteral(" (after %1)"))
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

void ImportRun::importFile(const QString &path, const ImportProfile *profile, int index, int count, const ImportProgress &progress,
                           const std::stop_token &stop)
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
            fileReject(RejectReason::UnknownFileKind, printableExcerpt(hm.firstHeaders.join(QStringLiteral(" | "))), 1);
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
    const char csvDelimiter = src->delimiter == QLatin1String("tab") ? '\t'
                              : src->delimiter.isEmpty()             ? ';'
                                                                     : src->delimiter.at(0).toLatin1();
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

    fs.batchId =
        m_store.insertBatch(QFileInfo(path).fileName(), fileKindCode(fs.kind), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
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
                reject(fs, -1, RejectReason::TooManyFields, {}, QStringLiteral("%1 / %2").arg(fs.fields.size()).arg(fs.headers.size()));
                continue;
            }
        }
        if (!checkFieldLengths(fs))
            continue;
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
    // A stray quote would have swallowed the rest of the file: refused where
    // it opens, so that no line after it is silently lost.
    if (auto *c = dynamic_cast<CsvSource *>(src.get()); c && c->unclosedQuote()) {
        const CsvReader::UnclosedQuote q = *c->unclosedQuote();
        fs.line = q.line;
        rejectAtColumn(fs, q.column, RejectReason::UnclosedQuote, {},
                       m_fr ? QStringLiteral(" (le reste du fichier, à partir de la ligne %1, n'a pas été lu)").arg(q.line)
                            : QStringLiteral(" (the rest of the file, from line %1, was not read)").arg(q.line));
        return;
    }
    finishFile(fs);   // first: it waits for the movement writer thread
    m_store.setBatchFingerprint(fs.batchId, QStringLiteral("%1").arg(src->fingerprint(), 16, 16, QLatin1Char('0')));
    if (progress)
        progress(index, count, 1.0);
}

} // namespace reappro::importdetail
