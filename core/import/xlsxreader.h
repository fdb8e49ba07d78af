// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming reader of one worksheet of an .xlsx file, row by row like a CSV,
// so the importer reads spreadsheet exports with the same code as text ones.
#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <memory>
#include <string>
#include <vector>

namespace reappro {

// The sheet XML is parsed straight out of the zip entry as rows are asked
// for: a million-line export never sits in memory, only the shared strings
// table does. Cells come back as the text a user would read in Excel:
//  - strings exactly as stored (no trimming), rich text runs joined;
//  - booleans "1" / "0", errors as their text ("#N/A");
//  - numbers with a date format as "yyyy-MM-dd" (1900 or 1904 date system),
//    the time of day dropped;
//  - other numbers as the shortest decimal that reads back to the same
//    double, without exponent or thousands separator, written with the
//    given decimal separator ("25,14", "1234", "0,0345").
class XlsxReader
{
public:
    explicit XlsxReader(char decimalSeparator = ',');
    ~XlsxReader();
    XlsxReader(const XlsxReader &) = delete;
    XlsxReader &operator=(const XlsxReader &) = delete;

    // Opens the worksheet named sheetName (exact name, else ignoring case),
    // or the first worksheet when empty. On failure returns false and sets
    // *error (if given) and error() to a sentence meant for the user.
    bool open(const QString &path, QString *error, const QString &sheetName = {});

    // The worksheets of the open workbook in tab order (chart sheets left
    // out); also filled when open() failed only because the sheet is missing.
    QStringList sheetNames() const;

    // Reads the next row holding at least one non-empty cell. cells[i] is
    // column i (A = 0): missing cells are "", trailing empty cells dropped.
    // *rowNumber (if given) is the 1-based spreadsheet row number. Returns
    // false (cells emptied) at the end of the sheet, or on error, which
    // error() then tells.
    bool next(std::vector<std::string> &cells, qint64 *rowNumber);

    QString error() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reappro
