// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of XlsxReader on workbooks written by libxlsxwriter (shared and
// inline strings, number formats) and on hand-made packages covering what
// other writers do (x: prefix, 1904 dates, missing references, damage).
#include "core/import/xlsxreader.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <functional>
#include <type_traits>

#ifdef REAPPRO_HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#if defined(REAPPRO_HAVE_XLSXWRITER) && defined(__GLIBC__)
#include <dlfcn.h>
#endif

using namespace reappro;

namespace {

struct Row {
    qint64 number = 0;
    QStringList cells;
};

QStringList toList(const std::vector<std::string> &cells)
{
    QStringList list;
    for (const std::string &cell : cells)
        list << QString::fromStdString(cell);
    return list;
}

// Reads the whole sheet; *error gets open()'s or next()'s error.
std::vector<Row> readAll(const QString &path, QString *error, const QString &sheet = {}, char separator = ',')
{
    XlsxReader reader(separator);
    std::vector<Row> rows;
    if (!reader.open(path, error, sheet))
        return rows;
    std::vector<std::string> cells;
    qint64 number = 0;
    while (reader.next(cells, &number))
        rows.push_back({number, toList(cells)});
    *error = reader.error();
    return rows;
}

// Excel 1900 serial of a date after February 1900.
double excelSerial(QDate date) { return double(date.toJulianDay() - QDate(1899, 12, 30).toJulianDay()); }

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A zip with stored (uncompressed) entries: enough to hand-make packages
// that libxlsxwriter would never write, without a zip library in the tests.
bool writeStoredZip(const QString &path, const std::vector<std::pair<QString, QByteArray>> &entries)
{
    QByteArray out, directory;
    const auto le16 = [](QByteArray &b, quint32 v) {
        b.append(char(v & 0xFF));
        b.append(char((v >> 8) & 0xFF));
    };
    const auto le32 = [&](QByteArray &b, quint32 v) {
        le16(b, v & 0xFFFF);
        le16(b, v >> 16);
    };
    for (const auto &[name, data] : entries) {
        const QByteArray fileName = name.toUtf8();
        const quint32 crc = crc32(data);
        const quint32 offset = quint32(out.size());
        le32(out, 0x04034b50);
        le16(out, 20);       // version needed
        le16(out, 0);        // flags
        le16(out, 0);        // stored
        le16(out, 0);        // time
        le16(out, 0x21);     // 1980-01-01
        le32(out, crc);
        le32(out, quint32(data.size()));
        le32(out, quint32(data.size()));
        le16(out, quint32(fileName.size()));
        le16(out, 0);
        out += fileName;
        out += data;

        le32(directory, 0x02014b50);
        le16(directory, 20);
        le16(directory, 20);
        le16(directory, 0);
        le16(directory, 0);
        le16(directory, 0);
        le16(directory, 0x21);
        le32(directory, crc);
        le32(directory, quint32(data.size()));
        le32(directory, quint32(data.size()));
        le16(directory, quint32(fileName.size()));
        le16(directory, 0);  // extra
        le16(directory, 0);  // comment
        le16(directory, 0);  // disk
        le16(directory, 0);  // internal attributes
        le32(directory, 0);  // external attributes
        le32(directory, offset);
        directory += fileName;
    }
    const quint32 directoryOffset = quint32(out.size());
    out += directory;
    le32(out, 0x06054b50);
    le16(out, 0);
    le16(out, 0);
    le16(out, quint32(entries.size()));
    le16(out, quint32(entries.size()));
    le32(out, quint32(directory.size()));
    le32(out, directoryOffset);
    le16(out, 0);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(out) == out.size();
}

const QByteArray kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const QByteArray kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const QByteArray kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

QByteArray relationship(const QByteArray &id, const QByteArray &kind, const QByteArray &target)
{
    return "<Relationship Id=\"" + id + "\" Type=\"" + kRelNs + "/" + kind + "\" Target=\"" + target + "\"/>";
}

// The smallest package Excel opens: one sheet, optional shared strings.
bool writeMinimalXlsx(const QString &path, const QByteArray &sheetData, const QByteArray &sharedStrings = {})
{
    QByteArray rels = relationship("rId1", "worksheet", "worksheets/sheet1.xml");
    if (!sharedStrings.isEmpty())
        rels += relationship("rId2", "sharedStrings", "sharedStrings.xml");
    std::vector<std::pair<QString, QByteArray>> entries = {
        {QStringLiteral("_rels/.rels"), "<Relationships xmlns=\"" + kPackageRelNs + "\">"
                                            + relationship("rId1", "officeDocument", "xl/workbook.xml") + "</Relationships>"},
        {QStringLiteral("xl/workbook.xml"), "<workbook xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs
                                                + "\"><sheets><sheet name=\"Feuil1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {QStringLiteral("xl/_rels/workbook.xml.rels"), "<Relationships xmlns=\"" + kPackageRelNs + "\">" + rels + "</Relationships>"},
        {QStringLiteral("xl/worksheets/sheet1.xml"),
         "<worksheet xmlns=\"" + kMainNs + "\"><sheetData>" + sheetData + "</sheetData></worksheet>"},
    };
    if (!sharedStrings.isEmpty())
        entries.push_back({QStringLiteral("xl/sharedStrings.xml"), "<sst xmlns=\"" + kMainNs + "\">" + sharedStrings + "</sst>"});
    return writeStoredZip(path, entries);
}

#ifdef REAPPRO_HAVE_XLSXWRITER
// libquazip (linked in through reappro_core) exports the minizip zip*
// functions rebuilt on its own QIODevice I/O, and the dynamic linker finds
// them before libminizip's: libxlsxwriter would call QuaZip's zipOpen() and
// crash. Forwarding a few symbols is not enough (libminizip's internal calls
// are interposed too), so on glibc libxlsxwriter is loaded a second time in
// a link-map namespace of its own, where only libminizip provides zip*.
struct XlsxWriterApi {
    decltype(&workbook_new_opt) workbookNew = workbook_new_opt;
    decltype(&workbook_add_worksheet) addWorksheet = workbook_add_worksheet;
    decltype(&workbook_add_format) addFormat = workbook_add_format;
    decltype(&workbook_close) close = workbook_close;
    decltype(&format_set_num_format) setNumFormat = format_set_num_format;
    decltype(&format_set_num_format_index) setNumFormatIndex = format_set_num_format_index;
    decltype(&format_set_bold) setBold = format_set_bold;
    decltype(&worksheet_write_string) writeString = worksheet_write_string;
    decltype(&worksheet_write_number) writeNumber = worksheet_write_number;
    decltype(&worksheet_write_datetime) writeDatetime = worksheet_write_datetime;
    decltype(&worksheet_write_boolean) writeBoolean = worksheet_write_boolean;
    decltype(&worksheet_write_formula_str) writeFormulaStr = worksheet_write_formula_str;
    decltype(&worksheet_write_formula_num) writeFormulaNum = worksheet_write_formula_num;
    decltype(&worksheet_write_blank) writeBlank = worksheet_write_blank;
    decltype(&worksheet_set_row) setRow = worksheet_set_row;
};

XlsxWriterApi loadXlsxWriter()
{
    XlsxWriterApi api;
#ifdef __GLIBC__
    Dl_info info{};
    void *library = nullptr;
    if (dladdr(reinterpret_cast<void *>(&workbook_new_opt), &info) && info.dli_fname)
        library = dlmopen(LM_ID_NEWLM, info.dli_fname, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        qWarning("dlmopen of libxlsxwriter failed (%s): writing may crash", dlerror());
        return api;
    }
    const auto resolve = [&](auto &function, const char *name) {
        if (void *symbol = dlsym(library, name))
            function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(symbol);
        else
            qFatal("%s missing from %s", name, info.dli_fname);
    };
    resolve(api.workbookNew, "workbook_new_opt");
    resolve(api.addWorksheet, "workbook_add_worksheet");
    resolve(api.addFormat, "workbook_add_format");
    resolve(api.close, "workbook_close");
    resolve(api.setNumFormat, "format_set_num_format");
    resolve(api.setNumFormatIndex, "format_set_num_format_index");
    resolve(api.setBold, "format_set_bold");
    resolve(api.writeString, "worksheet_write_string");
    resolve(api.writeNumber, "worksheet_write_number");
    resolve(api.writeDatetime, "worksheet_write_datetime");
    resolve(api.writeBoolean, "worksheet_write_boolean");
    resolve(api.writeFormulaStr, "worksheet_write_formula_str");
    resolve(api.writeFormulaNum, "worksheet_write_formula_num");
    resolve(api.writeBlank, "worksheet_write_blank");
    resolve(api.setRow, "worksheet_set_row");
#endif
    return api;
}

const XlsxWriterApi &lxw()
{
    static const XlsxWriterApi api = loadXlsxWriter();
    return api;
}

using Fill = std::function<void(lxw_workbook *, lxw_worksheet *)>;

// constantMemory makes libxlsxwriter write inline strings instead of a
// shared strings table: both paths of the reader get exercised.
bool writeWorkbook(const QString &path, bool constantMemory, const Fill &fill)
{
    lxw_workbook_options options = {};
    options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook *workbook = lxw().workbookNew(path.toUtf8().constData(), &options);
    if (!workbook)
        return false;
    fill(workbook, lxw().addWorksheet(workbook, "Stock"));
    return lxw().close(workbook) == LXW_NO_ERROR;
}
#endif

} // namespace

class TestXlsxReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("book%1.xlsx").arg(++m_files)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void strings_data();
    void strings();
    void numbers_data();
    void numbers();
    void dates_data();
    void dates();
    void booleansAndFormulas();
    void gapsAndEmptyRows_data();
    void gapsAndEmptyRows();
    void sheetByName();
    void missingSheet();
    void manyRows();
    void handMadePackage();
    void damagedSheet_data();
    void damagedSheet();
    void notAnXlsx_data();
    void notAnXlsx();
};

void TestXlsxReader::strings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("constantMemory");
    const std::vector<std::pair<const char *, QString>> cases = {
        {"accents", QStringLiteral("Paracétamol 500 mg, conserver entre 2 et 8 °C")},
        {"ligature", QStringLiteral("Œdème du cœur")},
        {"spaces kept", QStringLiteral("  N° lot  ")},
        {"entities", QStringLiteral("a & b < c > d \"e\" 'f'")},
        {"line breaks", QStringLiteral("ligne 1\nligne 2\r\nligne 3")},
        {"tab", QStringLiteral("a\tb")},
        {"digits as text", QStringLiteral("3400930000000")},
        {"beyond BMP", QStringLiteral("dose \U0001F48A")},
    };
    for (const auto &[tag, text] : cases) {
        QTest::addRow("%s/shared", tag) << text << false;
        QTest::addRow("%s/inline", tag) << text << true;
    }
}

void TestXlsxReader::strings()
{
#ifdef REAPPRO_HAVE_XLSXWRITER
    QFETCH(QString, text);
    QFETCH(bool, constantMemory);
    const QString path = newPath();
    const QByteArray utf8 = text.toUtf8();
    QVERIFY(writeWorkbook(path, constantMemory,
                          [&](lxw_workbook *, lxw_worksheet *sheet) { lxw().writeString(sheet, 0, 0, utf8.constData(), nullptr); }));
    QString error;
    const auto rows = readAll(path, &error);
    QCOMPARE(error, QString());
    QCOMPARE(rows.size(), size_t(1));
    QCOMPARE(rows[0].number, qint64(1));
    QCOMPARE(rows[0].cells, QStringList{text});
#else
    QSKIP("libxlsxwriter not found");
#endif
}

void TestXlsxReader::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("numberFormat");
    QTest::addColumn<char>("separator");
    QTest::addColumn<QString>("expected");
    const QString general;
    QTest::newRow("integer") << 1234.0 << general << ',' << "1234";
    QTest::newRow("negative integer") << -42.0 << general << ',' << "-42";
    QTest::newRow("zero") << 0.0 << general << ',' << "0";
    QTest::newRow("negative zero") << -0.0 << general << ',' << "0";
    QTest::newRow("decimal comma") << 25.14 << general << ',' << "25,14";
    QTest::newRow("decimal point") << 25.14 << general << '.' << "25.14";
    QTest::newRow("small") << 0.0345 << general << ',' << "0,0345";
    QTest::newRow("negative decimal") << -7.5 << general << ',' << "-7,5";
    QTest::newRow("tiny, no exponent") << 1.5e-7 << general << ',' << "0,00000015";
    QTest::newRow("large integer") << 1234567890123.0 << general << ',' << "1234567890123";
    QTest::newRow("huge, no exponent") << 1e20 << general << ',' << "100000000000000000000";
    QTest::newRow("one third") << 1.0 / 3 << general << ',' << "0,3333333333333333";
    QTest::newRow("thousands format ignored") << 1234.5 << "#,##0.00" << ',' << "1234,5";
    QTest::newRow("quoted d is no date") << 12.5 << "0.0\" d\"" << ',' << "12,5";
    QTest::newRow("bracketed colour") << -3.0 << "[Red]0;[Blue]-0" << ',' << "-3";
    QTest::newRow("time of day stays a number") << 0.5 << "hh:mm" << ',' << "0,5";
    QTest::newRow("duration stays a number") << 1.25 << "[h]:mm:ss" << ',' << "1,25";
}

void TestXlsxReader::numbers()
{
#ifdef REAPPRO_HAVE_XLSXWRITER
    QFETCH(double, value);
    QFETCH(QString, numberFormat);
    QFETCH(char, separator);
    QFETCH(QString, expected);
    const QString path = newPath();
    const QByteArray formatCode = numberFormat.toUtf8();
    QVERIFY(writeWorkbook(path, false, [&](lxw_workbook *workbook, lxw_worksheet *sheet) {
        lxw_format *format = nullptr;
        if (!formatCode.isEmpty()) {
            format = lxw().addFormat(workbook);
            lxw().setNumFormat(format, formatCode.constData());
        }
        lxw().writeNumber(sheet, 0, 0, value, format);
    }));
    QString error;
    const auto rows = readAll(path, &error, {}, separator);
    QCOMPARE(error, QString());
    QCOMPARE(rows.size(), size_t(1));
    QCOMPARE(rows[0].cells, QStringList{expected});
#else
    QSKIP("libxlsxwriter not found");
#endif
}

void TestXlsxReader::dates_data()
{
    QTest::addColumn<double>("serial");
    QTest::addColumn<QString>("numberFormat");  // empty: built-in format 14
    QTest::addColumn<QString>("expected");
    const double march15 = excelSerial(QDate(2026, 3, 15));
    QTest::newRow("dd/mm/yyyy") << march15 << "dd/mm/yyyy"
                                << "2026-03-15";
    QTest::newRow("built-in 14") << march15 << QString() << "2026-03-15";
    QTest::newRow("with time") << march15 + 0.75 << "dd/mm/yyyy hh:mm"
                               << "2026-03-15";
    QTest::newRow("last millisecond") << march15 + 86399.999 / 86400 << "yyyy-mm-dd hh:mm:ss"
                                      << "2026-03-15";
    QTest::newRow("month and year") << march15 << "mmm yyyy"
                                    << "2026-03-15";
    QTest::newRow("locale prefix") << march15 << "[$-40C]d mmmm yyyy;@"
                                   << "2026-03-15";
    QTest::newRow("1900-01-01") << 1.0 << "dd/mm/yyyy"
                                << "1900-01-01";
    QTest::newRow("before the leap bug") << 59.0 << "dd/mm/yyyy"
                                         << "1900-02-28";
    QTest::newRow("Lotus leap day") << 60.0 << "dd/mm/yyyy"
                                    << "1900-02-29";
    QTest::newRow("after the leap bug") << 61.0 << "dd/mm/yyyy"
                                        << "1900-03-01";
    QTest::newRow("9999-12-31") << 2958465.0 << "dd/mm/yyyy"
                                << "9999-12-31";
    QTest::newRow("not a date: zero") << 0.0 << "dd/mm/yyyy"
                                      << "0";
    QTest::newRow("not a date: beyond 9999") << 2958466.0 << "dd/mm/yyyy"
                                             << "2958466";
}

void TestXlsxReader::dates()
{
#ifdef REAPPRO_HAVE_XLSXWRITER
    QFETCH(double, serial);
    QFETCH(QString, numberFormat);
    QFETCH(QString, expected);
    const QString path = newPath();
    const QByteArray formatCode = numberFormat.toUtf8();
    QVERIFY(writeWorkbook(path, false, [&](lxw_workbook *workbook, lxw_worksheet *sheet) {
        lxw_format *format = lxw().addFormat(workbook);
        if (formatCode.isEmpty())
            lxw().setNumFormatIndex(format, 14);
        else
            lxw().setNumFormat(format, formatCode.constData());
        lxw().writeNumber(sheet, 0, 0, serial, format);
    }));
    QString error;
    const auto rows = readAll(path, &error);
    QCOMPARE(error, QString());
    QCOMPARE(rows.size(), size_t(1));
    QCOMPARE(rows[0].cells, QStringList{expected});

    // The way an application writes a date, through lxw_datetime.
    if (expected == QLatin1String("2026-03-15")) {
        const QString path2 = newPath();
        QVERIFY(writeWorkbook(path2, false, [&](lxw_workbook *workbook, lxw_worksheet *sheet) {
            lxw_format *format = lxw().addFormat(workbook);
            lxw().setNumFormat(format, "dd/mm/yyyy");
            lxw_datetime date = {2026, 3, 15, 14, 30, 0};
            lxw().writeDatetime(sheet, 0, 0, &date, format);
        }));
        QCOMPARE(readAll(path2, &error).at(0).cells, QStringList{QStringLiteral("2026-03-15")});
    }
#else
    QSKIP("libxlsxwriter not found");
#endif
}

void TestXlsxReader::booleansAndFormulas()
{
#ifdef REAPPRO_HAVE_XLSXWRITER
    const QString path = newPath();
    QVERIFY(writeWorkbook(path, false, [&](lxw_workbook *, lxw_worksheet *sheet) {
        lxw().writeBoolean(sheet, 0, 0, 1, nullptr);
        lxw().writeBoolean(sheet, 0, 1, 0, nullptr);
        lxw().writeFormulaStr(sheet, 0, 2, "=\"Para\"&\"cétamol\"", nullptr, "Paracétamol");
        lxw().writeFormulaNum(sheet, 0, 3, "=85/2", nullptr, 42.5);
        lxw().writeFormulaStr(sheet, 0, 4, "=\"\"", nullptr, "");
        lxw().writeString(sheet, 0, 5, "end", nullptr);
    }));
    QString error;
    const auto rows = readAll(path, &error);
    QCOMPARE(error, QString());
    QCOMPARE(rows.size(), size_t(1));
    QCOMPARE(rows[0].cells, (QStringList{"1", "0", "Paracétamol", "42,5", "", "end"}));
#else
    QSKIP("libxlsxwriter not found");
#endif
}

void TestXlsxReader::gapsAndEmptyRows_data()
{
    QTest::addColumn<bool>("constantMemory");
    QTest::newRow("shared strings") << false;
    QTest::newRow("inline strings") << true;
}

void TestXlsxReader::gapsAndEmptyRows()
{
#ifdef REAPPRO_HAVE_XLSXWRITER
    QFETCH(bool, constantMemory);
    const QString path = newPath();
    QVERIFY(writeWorkbook(path, constantMemory, [&](lxw_workbook *workbook, lxw_worksheet *sheet) {
        lxw_format *bold = lxw().addFormat(workbook);
        lxw().setBold(bold);
        lxw().writeString(sheet, 0, 0, "Code", bold);
        lxw().writeString(sheet, 0, 2, "Qté", bold);
        lxw().writeNumber(sheet, 0, 4, 3, nullptr);
        lxw().writeBlank(sheet, 1, 0, bold);           // row 2: styled, no value
        lxw().setRow(sheet, 2, 30, bold);              // row 3: height only
        lxw().writeString(sheet, 3, 1, "x", nullptr);  // row 4
        lxw().writeString(sheet, 4, 0, "", nullptr);   // row 5: empty string
        lxw().writeString(sheet, 6, 0, "last", nullptr);
        lxw().writeBlank(sheet, 6, 3, bold);           // trailing styled blank
        lxw().writeNumber(sheet, 8, 16383, 9, nullptr);  // XFD9
    }));
    QString error;
    const auto rows = readAll(path, &error);
    QCOMPARE(error, QString());
    QCOMPARE(rows.size(), size_t(4));
    QCOMPARE(rows[0].number, qint64(1));
    QCOMPARE(rows[0].cells, (QStringList{"Code", "", "Qté", "", "3"}));
    QCOMPARE(rows[1].number, qint64(4));
    QCOMPARE(rows[1].cells, (QStringList{"", "x"}));
    QCOMPARE(rows[2].number, qint64(7));
    QCOMPARE(rows[2].cells, QStringList{"last"});
    QCOMPARE(rows[3].number, qint64(9));
    QCOMPARE(rows[3].cells.size(), qsizetype(16384));
    QCOMPARE(rows[3].cells.back(), QStringLiteral("9"));
    QCOMPARE(rows[3].cells.count(QString()), qsizetype(16383));
#else
    QSKIP("libxlsxwriter not found");
#endif
}

void TestXlsxReader::sheetByName()
{
#ifdef REAPPRO_HAVE_XLSXWRITER
    const QString path = newPath();
    QVERIFY(writeWorkbook(path, false, [&](lxw_workbook *workbook, lxw_worksheet *stock) {
        lxw().writeString(stock, 0, 0, "stock", nullptr);
        lxw_worksheet *movements = lxw().addWorksheet(workbook, "Mouvements été");
        lxw().writeString(movements, 1, 0, "sortie", nullptr);
        lxw().writeNumber(movements, 1, 1, -12, nullptr);
    }));
    XlsxReader reader;
    QString error;
    std::vector<std::string> cells;
    qint64 row = 0;
    const std::array<std::pair<QString, QStringList>, 4> cases = {{
        {QString(), QStringList{"stock"}},
        {QStringLiteral("Stock"), QStringList{"stock"}},
        {QStringLiteral("Mouvements été"), QStringList{"sortie", "-12"}},
        {QStringLiteral("MOUVEMENTS ÉTÉ"), QStringList{"sortie", "-12"}},
    }};
    // One reader, reopened: each open() starts from a clean state.
    for (const auto &[sheet, expected] : cases) {
        QVERIFY2(reader.open(path, &error, sheet), qPrintable(error));
        QCOMPARE(reader.sheetNames(), (QStringList{"Stock", "Mouvements été"}));
        QVERIFY(reader.next(cells, &row));
        QCOMPARE(toList(cells), expected);
        QCOMPARE(row, qint64(sheet.isEmpty() || sheet == QLatin1String("Stock") ? 1 : 2));
        QVERIFY(!reader.next(cells, &row));
        QVERIFY(!reader.next(cells, &row));
        QCOMPARE(reader.error(), QString());
    }
#else
    QSKIP("libxlsxwriter not found");
#endif
}

void TestXlsxReader::missingSheet()
{
#ifdef REAPPRO_HAVE_XLSXWRITER
    const QString path = newPath();
    QVERIFY(writeWorkbook(path, false, [&](lxw_workbook *workbook, lxw_worksheet *stock) {
        lxw().writeString(stock, 0, 0, "stock", nullptr);
        lxw().addWorksheet(workbook, "Mouvements");
    }));
    XlsxReader reader;
    QString error;
    QVERIFY(!reader.open(path, &error, QStringLiteral("Inventaire")));
    QVERIFY2(error.contains(QLatin1String("Inventaire")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Stock, Mouvements")), qPrintable(error));
    QCOMPARE(reader.error(), error);
    QCOMPARE(reader.sheetNames(), (QStringList{"Stock", "Mouvements"}));
    std::vector<std::string> cells;
    QVERIFY(!reader.next(cells, nullptr));
#else
    QSKIP("libxlsxwriter not found");
#endif
}

void TestXlsxReader::manyRows()
{
#ifdef REAPPRO_HAVE_XLSXWRITER
    constexpr int kRows = 50000;
    const QString path = newPath();
    QVERIFY(writeWorkbook(path, true, [&](lxw_workbook *, lxw_worksheet *sheet) {
        for (int r = 0; r < kRows; ++r) {
            lxw().writeString(sheet, lxw_row_t(r), 0, "3400930000000", nullptr);
            lxw().writeNumber(sheet, lxw_row_t(r), 1, r + 0.25, nullptr);
        }
    }));
    XlsxReader reader;
    QString error;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    std::vector<std::string> cells;
    qint64 row = 0;
    int count = 0;
    QStringList last;
    while (reader.next(cells, &row)) {
        ++count;
        if (row != count || cells.size() != 2)
            QFAIL(qPrintable(QStringLiteral("row %1 read as %2").arg(count).arg(row)));
        if (count == kRows)
            last = toList(cells);
    }
    QCOMPARE(reader.error(), QString());
    QCOMPARE(count, kRows);
    QCOMPARE(last, (QStringList{"3400930000000", "49999,25"}));
    QVERIFY(cells.empty());
#else
    QSKIP("libxlsxwriter not found");
#endif
}

// What other writers produce: an "x:" namespace prefix, 1904 dates, parts
// with unusual names, absolute targets, rows and cells without references,
// phonetic runs, _xHHHH_ escapes, t="e", t="d", and styles that would
// mislead a reader indexing cellStyleXfs.
void TestXlsxReader::handMadePackage()
{
    const QByteArray x = "xmlns:x=\"" + kMainNs + "\"";
    const QByteArray workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                "<x:workbook "
                                + x + " xmlns:r=\"" + kRelNs
                                + "\">"
                                  "<x:fileVersion appName=\"test\"/><x:workbookPr date1904=\"1\"/>"
                                  "<x:bookViews><x:workbookView/></x:bookViews>"
                                  "<x:sheets><x:sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId1\"/>"
                                  "<x:sheet name=\"Donn&#233;es\" sheetId=\"2\" r:id=\"rId2\"/></x:sheets>"
                                  "<x:calcPr calcId=\"0\"/></x:workbook>";
    const QByteArray workbookRels =
        "<Relationships xmlns=\"" + kPackageRelNs + "\">" + relationship("rId1", "worksheet", "worksheets/notes.xml")
        + relationship("rId2", "worksheet", "/xl/worksheets/data.xml") + relationship("rId3", "styles", "styles.xml")
        + relationship("rId4", "sharedStrings", "strings.xml") + "</Relationships>";
    const QByteArray styles = "<x:styleSheet " + x
                              + ">"
                                "<x:numFmts count=\"3\"><x:numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
                                "<x:numFmt numFmtId=\"165\" formatCode=\"hh:mm\"/>"
                                "<x:numFmt numFmtId=\"166\" formatCode=\"&quot;d&quot;0.00\"/></x:numFmts>"
                                "<x:fonts count=\"1\"><x:font><x:sz val=\"11\"/></x:font></x:fonts>"
                                "<x:cellStyleXfs count=\"2\"><x:xf numFmtId=\"14\"/><x:xf numFmtId=\"14\"/></x:cellStyleXfs>"
                                "<x:cellXfs count=\"5\"><x:xf numFmtId=\"0\" xfId=\"0\"/>"
                                "<x:xf numFmtId=\"164\" applyNumberFormat=\"1\"><x:alignment horizontal=\"left\"/></x:xf>"
                                "<x:xf numFmtId=\"165\"/><x:xf numFmtId=\"166\"/><x:xf numFmtId=\"14\"/></x:cellXfs>"
                                "</x:styleSheet>";
    const QByteArray strings = "<sst xmlns=\"" + kMainNs
                               + "\" count=\"3\" uniqueCount=\"3\">"
                                 "<si><t>Plain</t></si>"
                                 "<si><r><rPr><b/></rPr><t>Para</t></r><r><t xml:space=\"preserve\">c&#233;tamol </t></r>"
                                 "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh><phoneticPr fontId=\"1\"/></si>"
                                 "<si><t>a_x000D_b_x005F_x0041_ _xD83D__xDC8A_</t></si>"
                                 "</sst>";
    const QByteArray notes = "<worksheet xmlns=\"" + kMainNs
                             + "\"><sheetData>"
                               "<row><c t=\"inlineStr\"><is><t>n1</t></is></c></row>"
                               "<row><c t=\"inlineStr\"><is><t>n2</t></is></c></row>"
                               "</sheetData></worksheet>";
    const QByteArray data =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<x:worksheet "
        + x
        + "><x:sheetPr/><x:dimension ref=\"A2:XFD9\"/>"
          "<x:cols><x:col min=\"1\" max=\"2\" width=\"12\"/></x:cols><x:sheetData>\n"
          "<x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B2\" t=\"s\"><x:v>1</x:v></x:c>"
          "<x:c r=\"D2\" t=\"s\"><x:v>2</x:v></x:c></x:row>\n"
          "<x:row r=\"3\"><x:c r=\"A3\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">  Lot &amp; &lt;n&#176;&gt;  </x:t></x:is></x:c>"
          "<x:c r=\"B3\" "
          "t=\"inlineStr\"><x:is><x:r><x:t>\xC5\x92</x:t></x:r><x:r><x:rPr/><x:t>d<![CDATA[è]]>me</x:t></x:r></x:is></x:c></x:row>\n"
          "<x:row><x:c><x:v>1.5E-3</x:v></x:c><x:c><x:v>-2.50</x:v></x:c><x:c t=\"n\"><x:v>1E+21</x:v></x:c>"
          "<x:c><x:v>0.30000000000000004</x:v></x:c><x:c><x:v> 25.140000000000001 </x:v></x:c><x:c><x:v>12abc</x:v></x:c></x:row>\n"
          "<x:row r=\"6\"><x:c r=\"A6\" s=\"1\"><x:v>0</x:v></x:c><x:c r=\"B6\" s=\"1\"><x:v>44999.75</x:v></x:c>"
          "<x:c r=\"C6\" s=\"2\"><x:v>0.5</x:v></x:c><x:c r=\"D6\" s=\"3\"><x:v>12.5</x:v></x:c>"
          "<x:c r=\"E6\" s=\"4\"><x:v>1</x:v></x:c><x:c r=\"F6\" s=\"99\"><x:v>2</x:v></x:c></x:row>\n"
          "<x:row r=\"7\"><x:c r=\"A7\" t=\"b\"><x:v>1</x:v></x:c><x:c r=\"B7\" t=\"b\"><x:v>0</x:v></x:c>"
          "<x:c r=\"C7\" t=\"e\"><x:v>#N/A</x:v></x:c>"
          "<x:c r=\"D7\" t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v>calc</x:v></x:c>"
          "<x:c r=\"E7\" t=\"d\"><x:v>2026-03-15T00:00:00</x:v></x:c><x:c r=\"F7\" t=\"s\"/></x:row>\n"
          "<x:row r=\"8\" spans=\"1:3\" ht=\"20\" customHeight=\"1\"><x:c r=\"A8\" s=\"1\"/>"
          "<x:c r=\"B8\" t=\"inlineStr\"><x:is><x:t></x:t></x:is></x:c></x:row>\n"
          "<x:row r=\"9\"><x:c r=\"B9\" s=\"0\"><x:v>7</x:v></x:c><x:c r=\"XFD9\" "
          "t=\"inlineStr\"><x:is><x:t>far</x:t></x:is></x:c></x:row>\n"
          "<x:row><x:c r=\"A10\"><x:v>10</x:v></x:c></x:row>\n"
          "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A2:B2\"/></x:mergeCells>"
          "<x:pageMargins left=\"0.7\"/></x:worksheet>";
    const QString path = newPath();
    QVERIFY(writeStoredZip(
        path,
        {
            {QStringLiteral("[Content_Types].xml"), "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
            {QStringLiteral("_rels/.rels"), "<Relationships xmlns=\"" + kPackageRelNs + "\">"
                                                + relationship("rId1", "officeDocument", "xl/workbook.xml") + "</Relationships>"},
            {QStringLiteral("xl/workbook.xml"), workbook},
            {QStringLiteral("xl/_rels/workbook.xml.rels"), workbookRels},
            {QStringLiteral("xl/styles.xml"), styles},
            {QStringLiteral("xl/strings.xml"), strings},
            {QStringLiteral("xl/worksheets/notes.xml"), notes},
            {QStringLiteral("xl/worksheets/data.xml"), data},
        }));

    QString error;
    auto rows = readAll(path, &error);
    QCOMPARE(error, QString());
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].number, qint64(1));
    QCOMPARE(rows[0].cells, QStringList{"n1"});
    QCOMPARE(rows[1].number, qint64(2));

    rows = readAll(path, &error, QStringLiteral("Données"));
    QCOMPARE(error, QString());
    QCOMPARE(rows.size(), size_t(7));
    QCOMPARE(rows[0].number, qint64(2));
    QCOMPARE(rows[0].cells, (QStringList{"Plain", "Paracétamol ", "", QStringLiteral("a\rb_x0041_ \U0001F48A")}));
    QCOMPARE(rows[1].number, qint64(3));
    QCOMPARE(rows[1].cells, (QStringList{"  Lot & <n°>  ", "Œdème"}));
    QCOMPARE(rows[2].number, qint64(4));  // no r: the row after the previous one
    QCOMPARE(rows[2].cells, (QStringList{"0,0015", "-2,5", "1000000000000000000000", "0,30000000000000004", "25,14", "12abc"}));
    QCOMPARE(rows[3].number, qint64(6));
    const QString in1904 = QDate(1904, 1, 1).addDays(44999).toString(Qt::ISODate);
    QCOMPARE(rows[3].cells, (QStringList{"1904-01-01", in1904, "0,5", "12,5", "1904-01-02", "2"}));
    QCOMPARE(rows[4].number, qint64(7));
    QCOMPARE(rows[4].cells, (QStringList{"1", "0", "#N/A", "calc", "2026-03-15"}));
    QCOMPARE(rows[5].number, qint64(9));
    QCOMPARE(rows[5].cells.size(), qsizetype(16384));
    QCOMPARE(rows[5].cells[1], QStringLiteral("7"));
    QCOMPARE(rows[5].cells.back(), QStringLiteral("far"));
    QCOMPARE(rows[6].number, qint64(10));  // no row r, but the cell tells
    QCOMPARE(rows[6].cells, QStringList{"10"});
}

void TestXlsxReader::damagedSheet_data()
{
    QTest::addColumn<QByteArray>("sheetData");
    QTest::addColumn<int>("goodRows");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("truncated XML") << QByteArray(
        "<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row><row r=\"3\"><c><v>3</v")
                                   << 2 << "row 2";
    QTest::newRow("unknown shared string") << QByteArray(
        "<row r=\"1\"><c t=\"s\"><v>0</v></c></row><row r=\"5\"><c t=\"s\"><v>1</v></c></row>")
                                           << 1 << "row 5";
    QTest::newRow("beyond XFD") << QByteArray("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>") << 0 << "XFD";
    QTest::newRow("absurd reference") << QByteArray("<row r=\"1\"><c r=\"ZZZZZZZZZZZZZZZZ1\"><v>1</v></c></row>") << 0 << "XFD";
}

void TestXlsxReader::damagedSheet()
{
    QFETCH(QByteArray, sheetData);
    QFETCH(int, goodRows);
    QFETCH(QString, errorContains);
    QByteArray sheet = sheetData;
    const QString path = newPath();
    // writeMinimalXlsx closes the elements; a truncated sheet must not be.
    if (QByteArray(QTest::currentDataTag()) == "truncated XML") {
        QVERIFY(writeStoredZip(
            path,
            {
                {QStringLiteral("xl/workbook.xml"), "<workbook xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs
                                                        + "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                {QStringLiteral("xl/_rels/workbook.xml.rels"), "<Relationships xmlns=\"" + kPackageRelNs + "\">"
                                                                   + relationship("rId1", "worksheet", "worksheets/s.xml")
                                                                   + "</Relationships>"},
                {QStringLiteral("xl/worksheets/s.xml"), "<worksheet xmlns=\"" + kMainNs + "\"><sheetData>" + sheet},
            }));
    } else {
        QVERIFY(writeMinimalXlsx(path, sheet, "<si><t>only one</t></si>"));
    }
    QString error;
    const auto rows = readAll(path, &error);
    QCOMPARE(int(rows.size()), goodRows);
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestXlsxReader::notAnXlsx_data()
{
    QTest::addColumn<QByteArray>("content");  // written as is, unless "zip:" or absent
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("text file") << QByteArray("Code;Libellé;Qté\n1;a;2\n") << "zip";
    QTest::newRow("empty file") << QByteArray("") << "zip";
    QTest::newRow("old .xls") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12) << ".xls";
    QTest::newRow("zip of something else") << QByteArray("zip:") << "not an Excel workbook";
    QTest::newRow("missing file") << QByteArray() << "Cannot open";
}

void TestXlsxReader::notAnXlsx()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, errorContains);
    const QString path = newPath();
    if (content == "zip:") {
        QVERIFY(writeStoredZip(path, {{QStringLiteral("readme.txt"), "hello"}}));
    } else if (!content.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    XlsxReader reader;
    QString error;
    QVERIFY(!reader.open(path, &error));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QVERIFY2(error.contains(QFileInfo(path).fileName()), qPrintable(error));
    QCOMPARE(reader.error(), error);
    QVERIFY(reader.sheetNames().isEmpty());
    std::vector<std::string> cells{"stale"};
    QVERIFY(!reader.next(cells, nullptr));
    QVERIFY(cells.empty());
}

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
