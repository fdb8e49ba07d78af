// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/import/: never include it from outside the folder. The
// pieces that the files implementing xlsxreader.h share: XlsxReader::Private,
// the state of one open workbook and sheet, with the helpers its parts use:
//  - xlsxreader.cpp: the zip package (relationships, workbook, choosing the
//    sheet) and XlsxReader's public functions;
//  - xlsxtext.cpp: the text of XML elements as UTF-8, OOXML escapes, rich
//    text, and the shared strings table;
//  - xlsxstyles.cpp: the styles that say which numbers are dates, and Excel
//    serial days as "yyyy-MM-dd";
//  - xlsxsheet.cpp: the sheet XML read row by row, cell by cell.
#pragma once

#include "core/import/xlsxreader.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QXmlStreamReader>
#include <quazip.h>
#include <quazipfile.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace reappro::xlsxdetail {

inline QString tr(const char *text) { return QCoreApplication::translate("XlsxReader", text); }

struct Relationship {
    QString id;
    QString type;
    QString target;  // resolved to a path inside the zip
};

// Calls visit() on every start element of the part; visit() reads or skips
// the element's content, or returns at once to descend into it.
template <class Visit> void forEachElement(QXmlStreamReader &xml, Visit visit)
{
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            visit();
    }
}

// --- xlsxtext.cpp ---

// Appends the text of the current element, then leaves the reader on its end.
void appendElementText(QXmlStreamReader &xml, std::string &out);

// Text of a string item (<si> or <is>): plain <t>, or rich text runs
// <r><rPr/><t/></r>. Phonetic guides (<rPh>, Japanese readings) also hold
// <t> elements but are not part of what the cell shows.
void appendRichText(QXmlStreamReader &xml, std::string &out);

// OOXML strings carry the characters XML 1.0 cannot (control characters,
// e.g. the CR of a CRLF typed in a cell) as _xHHHH_, one UTF-16 unit each;
// a literal "_x" is itself written "_x005F_x".
void decodeEscapes(std::string &s);

// --- xlsxstyles.cpp ---

// Excel serial day to "yyyy-MM-dd". The 1900 system counts the 29 February
// 1900 that Lotus 1-2-3 wrongly believed in (serial 60), so serials before
// it are one day off from a plain count. Returns false when the serial is
// not a date Excel can show.
bool appendDate(std::string &out, double serial, bool date1904);

} // namespace reappro::xlsxdetail

namespace reappro {

struct XlsxReader::Private {
    explicit Private(char separator) : decimalSeparator(separator) {}

    char decimalSeparator;
    QString fileName;   // for messages
    QString sheetName;  // the one being read
    QStringList sheetNames;
    std::unique_ptr<QuaZip> zip;
    std::unique_ptr<QuaZipFile> sheetFile;  // after zip: closed before it
    QXmlStreamReader xml;

    // Shared strings end to end in one buffer: one allocation instead of
    // one per string, which matters for tables of a million strings.
    std::string sharedText;
    std::vector<size_t> sharedEnds;
    std::vector<bool> dateStyles;  // by cellXfs index
    bool date1904 = false;

    bool inSheetData = false;
    bool finished = true;
    qint64 lastRow = 0;
    qint64 currentRow = 0;  // 0 until the row or one of its cells says
    QString error;

    // Reused for every cell so that reading allocates almost nothing.
    std::string valueText;
    std::string inlineText;
    std::string cellText;

    void reset()
    {
        xml.clear();
        sheetFile.reset();
        zip.reset();
        sheetName.clear();
        sheetNames.clear();
        sharedText.clear();
        sharedEnds.clear();
        dateStyles.clear();
        date1904 = false;
        inSheetData = false;
        finished = true;
        lastRow = 0;
        currentRow = 0;
        error.clear();
    }

    bool fail(const QString &message)
    {
        error = message;
        finished = true;
        return false;
    }

    bool hasPart(const QString &path) { return zip->setCurrentFile(path, QuaZip::csInsensitive); }

    bool damaged(const QString &part, const QString &why)
    {
        return fail(xlsxdetail::tr("“%1” is damaged: its part %2 cannot be read (%3).").arg(fileName, part, why));
    }

    template <class Parse> bool parsePart(const QString &path, Parse parse)
    {
        if (!hasPart(path))
            return damaged(path, xlsxdetail::tr("missing"));
        QuaZipFile file(zip.get());
        if (!file.open(QIODevice::ReadOnly))
            return damaged(path, xlsxdetail::tr("zip error %1").arg(file.getZipError()));
        QXmlStreamReader reader(&file);
        parse(reader);
        if (file.getZipError() != UNZ_OK)
            return damaged(path, xlsxdetail::tr("zip error %1").arg(file.getZipError()));
        if (reader.hasError())
            return damaged(path, xlsxdetail::tr("XML line %1: %2").arg(reader.lineNumber()).arg(reader.errorString()));
        file.close();
        if (file.getZipError() != UNZ_OK)
            return damaged(path, xlsxdetail::tr("zip error %1").arg(file.getZipError()));
        return true;
    }

    // xlsxreader.cpp
    bool readRelationships(const QString &partPath, std::vector<xlsxdetail::Relationship> *relationships);
    bool readWorkbook(const QString &path, std::vector<std::pair<QString, QString>> *sheets);
    bool open(const QString &path, const QString &wantedSheet);
    // xlsxstyles.cpp
    bool readStyles(const QString &path);
    // xlsxtext.cpp
    bool readSharedStrings(const QString &path);
    // xlsxsheet.cpp
    bool sheetFailed();
    // Moves to the next <row> start; false at the end of the sheet data.
    bool nextRowStart();
    // Reads one <c>, leaving the reader on its end, and puts its text in
    // cells. Returns false on error.
    bool readCell(std::vector<std::string> &cells, qint64 *column, size_t *used);
    // Reads the <row> the reader is on. cells is left empty when the row
    // holds no value (Excel writes rows that only carry a height or style).
    bool readRow(std::vector<std::string> &cells, qint64 *rowNumber);
};

} // namespace reappro
