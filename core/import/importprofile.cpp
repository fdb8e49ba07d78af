// SPDX-License-Identifier: GPL-3.0-or-later
// Saved column-mapping profiles (importprofile.h) as JSON files: one entry
// per kind of file with its delimiter, encoding, decimal separator, date
// order, columns and movement type names; and where profiles are kept.
#include "core/import/importprofile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace reappro {

namespace {
QString delimiterName(char d) { return d == '\t' ? QStringLiteral("tab") : QString(QLatin1Char(d)); }
char delimiterFromName(const QString &s)
{
    if (s == QLatin1String("tab") || s == QLatin1String("\t"))
        return '\t';
    return s.size() == 1 ? s.at(0).toLatin1() : 0;
}
std::optional<TextEncoding> encodingFromName(const QString &s)
{
    const QString n = s.toLower().remove(QLatin1Char('-')).remove(QLatin1Char(' '));
    if (n == QLatin1String("utf8"))
        return TextEncoding::Utf8;
    if (n == QLatin1String("utf8(bom)") || n == QLatin1String("utf8bom"))
        return TextEncoding::Utf8Bom;
    if (n == QLatin1String("utf16le"))
        return TextEncoding::Utf16LE;
    if (n == QLatin1String("utf16be"))
        return TextEncoding::Utf16BE;
    if (n == QLatin1String("windows1252") || n == QLatin1String("cp1252") || n == QLatin1String("iso88591") || n == QLatin1String("latin1"))
        return TextEncoding::Windows1252;
    return std::nullopt;
}
} // namespace

const FileProfile *ImportProfile::forKind(FileKind kind) const
{
    for (const FileProfile &f : files)
        if (f.kind == kind)
            return &f;
    return nullptr;
}

void ImportProfile::setForKind(const FileProfile &p)
{
    for (FileProfile &f : files)
        if (f.kind == p.kind) {
            f = p;
            return;
        }
    files.push_back(p);
}

std::optional<ImportProfile> ImportProfile::load(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1: JSON error at offset %2: %3").arg(path).arg(pe.offset).arg(pe.errorString());
        return std::nullopt;
    }
    ImportProfile p;
    const QJsonObject root = doc.object();
    p.name = root.value(QLatin1String("name")).toString(QFileInfo(path).completeBaseName());
    const QJsonObject files = root.value(QLatin1String("files")).toObject();
    for (auto it = files.begin(); it != files.end(); ++it) {
        const auto kind = fileKindFromCode(it.key());
        if (!kind) {
            *error =
                QStringLiteral("%1: unknown file kind \"%2\" (expected suppliers, care-units, products, lots, open-orders or movements)")
                    .arg(path, it.key());
            return std::nullopt;
        }
        const QJsonObject o = it.value().toObject();
        FileProfile fp;
        fp.kind = *kind;
        fp.delimiter = delimiterFromName(o.value(QLatin1String("delimiter")).toString());
        fp.encoding = encodingFromName(o.value(QLatin1String("encoding")).toString());
        const QString dec = o.value(QLatin1String("decimal")).toString();
        fp.decimalSeparator = dec.size() == 1 ? dec.at(0).toLatin1() : 0;
        fp.dateOrder =
            o.value(QLatin1String("dateOrder")).toString() == QLatin1String("month-first") ? DateOrder::MonthFirst : DateOrder::DayFirst;
        const QJsonObject cols = o.value(QLatin1String("columns")).toObject();
        for (auto c = cols.begin(); c != cols.end(); ++c) {
            if (fieldIndex(*kind, c.key().toUtf8().constData()) < 0) {
                *error = QStringLiteral("%1: unknown field \"%2\" for %3").arg(path, c.key(), it.key());
                return std::nullopt;
            }
            fp.columns.emplace_back(c.key(), c.value().toString());
        }
        const QJsonObject types = o.value(QLatin1String("movementTypes")).toObject();
        for (auto t = types.begin(); t != types.end(); ++t) {
            std::optional<MovementType> type;
            for (MovementType mt : kAllMovementTypes)
                if (movementTypeCode(mt) == t.value().toString())
                    type = mt;
            if (!type) {
                *error = QStringLiteral("%1: unknown movement type \"%2\"").arg(path, t.value().toString());
                return std::nullopt;
            }
            fp.movementTypes.insert(normalizeHeader(t.key()), *type);
        }
        p.files.push_back(std::move(fp));
    }
    return p;
}

bool ImportProfile::save(const QString &path, QString *error) const
{
    QJsonObject files;
    for (const FileProfile &fp : this->files) {
        QJsonObject o;
        if (fp.delimiter)
            o.insert(QLatin1String("delimiter"), delimiterName(fp.delimiter));
        if (fp.encoding)
            o.insert(QLatin1String("encoding"), encodingName(*fp.encoding));
        if (fp.decimalSeparator)
            o.insert(QLatin1String("decimal"), QString(QLatin1Char(fp.decimalSeparator)));
        o.insert(QLatin1String("dateOrder"),
                 fp.dateOrder == DateOrder::MonthFirst ? QStringLiteral("month-first") : QStringLiteral("day-first"));
        QJsonObject cols;
        for (const auto &[key, header] : fp.columns)
            cols.insert(key, header);
        o.insert(QLatin1String("columns"), cols);
        if (!fp.movementTypes.isEmpty()) {
            QJsonObject types;
            for (auto it = fp.movementTypes.begin(); it != fp.movementTypes.end(); ++it)
                types.insert(it.key(), movementTypeCode(it.value()));
            o.insert(QLatin1String("movementTypes"), types);
        }
        files.insert(fileKindCode(fp.kind), o);
    }
    QJsonObject root;
    root.insert(QLatin1String("name"), name);
    root.insert(QLatin1String("files"), files);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(root).toJson());
    if (!f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QString ImportProfile::directory()
{
    const QString env = qEnvironmentVariable("REAPPRO_PROFILE_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/reappro/profiles");
}

QString ImportProfile::resolve(const QString &nameOrPath)
{
    if (nameOrPath.contains(QLatin1Char('/')) || nameOrPath.endsWith(QLatin1String(".json")))
        return nameOrPath;
    return directory() + QLatin1Char('/') + nameOrPath + QStringLiteral(".json");
}

} // namespace reappro
