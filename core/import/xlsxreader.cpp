// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming .xlsx worksheet reader. open() reads the small package parts
// (relations, workbook, styles, shared strings); next() then pulls the sheet
// XML out of the zip entry one row at a time. This file holds the package
// side (relationships, the workbook and its sheets, open()) and the public
// functions; xlsxreader_detail.h says which file holds each other part.
#include "core/import/xlsxreader.h"
#include "core/import/xlsxreader_detail.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace reappro {

using namespace xlsxdetail;

namespace {

struct SheetEntry {
    QString name;
    QString path;
    bool worksheet = false;  // chart sheets have no cells
};

// Relationship types differ between transitional and strict OOXML only in
// their prefix, so they are recognised by their last segment.
bool hasType(const Relationship &rel, QLatin1StringView kind) { return rel.type.endsWith(QLatin1Char('/') + kind); }

QString dirOf(const QString &partPath)
{
    const qsizetype slash = partPath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : partPath.left(slash);
}

QString relsPathOf(const QString &partPath)
{
    const QString dir = dirOf(partPath);
    const QString file = partPath.mid(dir.isEmpty() ? 0 : dir.size() + 1);
    return (dir.isEmpty() ? QString() : dir + QLatin1Char('/')) + QStringLiteral("_rels/") + file + QStringLiteral(".rels");
}

// Targets are URIs relative to the folder of the part owning the relation,
// or absolute from the package root ("/xl/worksheets/sheet1.xml").
QString resolvePartPath(const QString &baseDir, const QString &target)
{
    const QString decoded = QUrl::fromPercentEncoding(target.toUtf8());
    QStringList parts;
    if (!decoded.startsWith(QLatin1Char('/')))
        parts = baseDir.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : decoded.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String("..")) {
            if (!parts.isEmpty())
                parts.removeLast();
            continue;
        }
        parts << segment;
    }
    return parts.join(QLatin1Char('/'));
}

} // namespace

bool XlsxReader::Private::readRelationships(const QString &partPath, std::vector<Relationship> *relationships)
{
    const QString relsPath = relsPathOf(partPath);
    if (!hasPart(relsPath))
        return true;
    const QString baseDir = dirOf(partPath);
    return parsePart(relsPath, [&](QXmlStreamReader &reader) {
        forEachElement(reader, [&] {
            if (reader.name() == u"Relationships")
                return;
            if (reader.name() == u"Relationship") {
                const auto attributes = reader.attributes();
                if (attributes.value(QLatin1StringView("TargetMode")) != u"External") {
                    relationships->push_back({attributes.value(QLatin1StringView("Id")).toString(),
                                              attributes.value(QLatin1StringView("Type")).toString(),
                                              resolvePartPath(baseDir, attributes.value(QLatin1StringView("Target")).toString())});
                }
            }
            reader.skipCurrentElement();
        });
    });
}

bool XlsxReader::Private::readWorkbook(const QString &path, std::vector<std::pair<QString, QString>> *sheets)
{
    return parsePart(path, [&](QXmlStreamReader &reader) {
        forEachElement(reader, [&] {
            const QStringView name = reader.name();
            if (name == u"workbook" || name == u"sheets")
                return;
            if (name == u"workbookPr") {
                const QStringView v = reader.attributes().value(QLatin1StringView("date1904"));
                date1904 = v == u"1" || v == u"true";
            } else if (name == u"sheet") {
                QString sheet, relationId;
                for (const QXmlStreamAttribute &a : reader.attributes()) {
                    if (a.name() == u"name" && a.prefix().isEmpty())
                        sheet = a.value().toString();
                    else if (a.name() == u"id" && !a.prefix().isEmpty())  // r:id
                        relationId = a.value().toString();
                }
                sheets->emplace_back(sheet, relationId);
            }
            reader.skipCurrentElement();
        });
    });
}

bool XlsxReader::Private::open(const QString &path, const QString &wantedSheet)
{
    reset();
    fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot open “%1”: %2.").arg(fileName, file.errorString()));
    const QByteArray magic = file.read(4);
    file.close();
    if (magic == QByteArray("\xD0\xCF\x11\xE0", 4))
        return fail(tr("“%1” is an old Excel 97-2003 file (.xls): open it in Excel or LibreOffice "
                       "and save it as .xlsx or CSV.")
                        .arg(fileName));
    zip = std::make_unique<QuaZip>(path);
    if (!zip->open(QuaZip::mdUnzip))
        return fail(tr("“%1” is not an Excel .xlsx file (it is not a zip archive).").arg(fileName));

    // The package says where its workbook is; every writer we know
    // uses xl/workbook.xml, which is the fallback.
    QString workbookPath;
    std::vector<Relationship> packageRelationships;
    if (!readRelationships(QString(), &packageRelationships))
        return false;
    for (const Relationship &rel : packageRelationships)
        if (hasType(rel, QLatin1StringView("officeDocument")) && hasPart(rel.target))
            workbookPath = rel.target;
    if (workbookPath.isEmpty())
        workbookPath = QStringLiteral("xl/workbook.xml");
    if (!hasPart(workbookPath))
        return fail(tr("“%1” is a zip archive but not an Excel workbook.").arg(fileName));

    std::vector<std::pair<QString, QString>> sheets;  // name, relationship id
    std::vector<Relationship> relationships;
    if (!readWorkbook(workbookPath, &sheets) || !readRelationships(workbookPath, &relationships))
        return false;

    std::vector<SheetEntry> entries;
    for (const auto &[name, id] : sheets) {
        const auto rel = std::find_if(relationships.begin(), relationships.end(), [&](const Relationship &r) { return r.id == id; });
        if (rel == relationships.end())
            continue;
        entries.push_back({name, rel->target, hasType(*rel, QLatin1StringView("worksheet"))});
        if (entries.back().worksheet)
            sheetNames << name;
    }

    const SheetEntry *chosen = nullptr;
    if (wantedSheet.isEmpty()) {
        const auto first = std::find_if(entries.begin(), entries.end(), [](const SheetEntry &e) { return e.worksheet; });
        if (first == entries.end())
            return fail(tr("“%1” contains no worksheet.").arg(fileName));
        chosen = &*first;
    } else {
        // Excel sheet names are unique ignoring case, and users type them.
        for (Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
            for (const SheetEntry &e : entries) {
                if (!chosen && e.name.compare(wantedSheet, cs) == 0)
                    chosen = &e;
            }
        }
        if (!chosen) {
            return fail(tr("“%1” has no sheet named “%2” (sheets: %3).").arg(fileName, wantedSheet, sheetNames.join(QStringLiteral(", "))));
        }
        if (!chosen->worksheet)
            return fail(tr("Sheet “%1” of “%2” is a chart, not a table.").arg(chosen->name, fileName));
    }
    sheetName = chosen->name;
    const QString sheetPath = chosen->path;

    QString stylesPath, sharedStringsPath;
    for (const Relationship &rel : relationships) {
        if (hasType(rel, QLatin1StringView("styles")))
            stylesPath = rel.target;
        else if (hasType(rel, QLatin1StringView("sharedStrings")))
            sharedStringsPath = rel.target;
    }
    const QString workbookDir = dirOf(workbookPath);
    if (stylesPath.isEmpty())
        stylesPath = resolvePartPath(workbookDir, QStringLiteral("styles.xml"));
    if (sharedStringsPath.isEmpty())
        sharedStringsPath = resolvePartPath(workbookDir, QStringLiteral("sharedStrings.xml"));
    if (hasPart(stylesPath) && !readStyles(stylesPath))
        return false;
    if (hasPart(sharedStringsPath) && !readSharedStrings(sharedStringsPath))
        return false;

    if (!hasPart(sheetPath))
        return damaged(sheetPath, tr("missing"));
    sheetFile = std::make_unique<QuaZipFile>(zip.get());
    if (!sheetFile->open(QIODevice::ReadOnly))
        return damaged(sheetPath, tr("zip error %1").arg(sheetFile->getZipError()));
    xml.setDevice(sheetFile.get());
    finished = false;
    return true;
}

XlsxReader::XlsxReader(char decimalSeparator) : d(std::make_unique<Private>(decimalSeparator)) {}

XlsxReader::~XlsxReader() { d->reset(); }

bool XlsxReader::open(const QString &path, QString *error, const QString &sheetName)
{
    const bool ok = d->open(path, sheetName);
    if (!ok && error)
        *error = d->error;
    return ok;
}

QStringList XlsxReader::sheetNames() const { return d->sheetNames; }

bool XlsxReader::next(std::vector<std::string> &cells, qint64 *rowNumber)
{
    while (!d->finished && d->nextRowStart()) {
        qint64 row = 0;
        if (!d->readRow(cells, &row))
            return false;
        if (!cells.empty()) {
            if (rowNumber)
                *rowNumber = row;
            return true;
        }
    }
    cells.clear();
    return false;
}

QString XlsxReader::error() const { return d->error; }

} // namespace reappro
