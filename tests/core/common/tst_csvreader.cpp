// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV reader: encodings, delimiters, quoting, line numbers, big files.
#include "core/common/csvreader.h"
#include "testutil.h"

using namespace reappro;

class TestCsvReader : public QObject
{
    Q_OBJECT
private:
    static std::vector<QStringList> readAll(const QString &path, CsvReader &r, std::vector<qint64> *lines = nullptr)
    {
        QString error;
        if (!r.open(path, &error))
            qFatal("%s", qPrintable(error));
        std::vector<QStringList> rows;
        std::vector<std::string_view> f;
        qint64 line = 0;
        while (r.next(f, &line)) {
            QStringList row;
            for (auto v : f)
                row << QString::fromUtf8(v.data(), qsizetype(v.size()));
            rows.push_back(row);
            if (lines)
                lines->push_back(line);
        }
        return rows;
    }

private Q_SLOTS:
    void encodings_data()
    {
        const QString text = QString::fromUtf8("Libellé;Qté\r\nCompresse stérile 10×10;12\r\nŒdème crème;3\r\n");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QString>("firstCell");
        QTest::newRow("utf8") << text.toUtf8() << int(TextEncoding::Utf8) << QString::fromUtf8("Compresse stérile 10×10");
        QTest::newRow("utf8 bom") << QByteArray("\xEF\xBB\xBF") + text.toUtf8() << int(TextEncoding::Utf8Bom)
                                  << QString::fromUtf8("Compresse stérile 10×10");
        QTest::newRow("cp1252") << testutil::toCp1252(QString(text).replace(QChar(0xD7), QLatin1Char('x')))
                                << int(TextEncoding::Windows1252) << QString::fromUtf8("Compresse stérile 10x10");
        QByteArray utf16("\xFF\xFE");
        for (QChar c : text) {
            utf16.append(char(c.unicode() & 0xFF));
            utf16.append(char(c.unicode() >> 8));
        }
        QTest::newRow("utf16le") << utf16 << int(TextEncoding::Utf16LE) << QString::fromUtf8("Compresse stérile 10×10");
    }
    void encodings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, encoding);
        QFETCH(QString, firstCell);
        QTemporaryDir dir;
        const QString path = testutil::writeFile(dir, QStringLiteral("f.csv"), bytes);
        CsvReader r;
        const auto rows = readAll(path, r);
        QCOMPARE(int(r.encoding()), encoding);
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0], QStringList({QString::fromUtf8("Libellé"), QString::fromUtf8("Qté")}));
        QCOMPARE(rows[1][0], firstCell);
        QCOMPARE(rows[2][0], QString::fromUtf8("Œdème crème"));
    }

    // UTF-16 written without a byte-order mark is recognised by its NUL
    // bytes (it was read as Windows-1252, every other byte a NUL).
    void utf16WithoutBom_data()
    {
        QTest::addColumn<bool>("littleEndian");
        QTest::newRow("LE") << true;
        QTest::newRow("BE") << false;
    }
    void utf16WithoutBom()
    {
        QFETCH(bool, littleEndian);
        const QString text = QString::fromUtf8("Code;Libellé\r\nM1;Paracétamol\r\n");
        QByteArray bytes;
        for (const QChar c : text) {
            const char lo = char(c.unicode() & 0xFF), hi = char(c.unicode() >> 8);
            bytes += littleEndian ? QByteArray{&lo, 1} + QByteArray{&hi, 1} : QByteArray{&hi, 1} + QByteArray{&lo, 1};
        }
        QTemporaryDir dir;
        CsvReader r;
        const auto rows = readAll(testutil::writeFile(dir, QStringLiteral("u16.csv"), bytes), r);
        QCOMPARE(r.encoding(), littleEndian ? TextEncoding::Utf16LE : TextEncoding::Utf16BE);
        QCOMPARE(rows.size(), size_t(2));
        QCOMPARE(rows[1][1], QString::fromUtf8("Paracétamol"));
    }

    void delimiters_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<char>("delimiter");
        QTest::newRow("semicolon") << QByteArray("a;b;c\n1,5;2;3\n") << ';';
        QTest::newRow("tab") << QByteArray("a\tb\tc\n1,5\t2\t3\n") << '\t';
        QTest::newRow("comma") << QByteArray("a,b,c\n\"1,5\",2,3\n") << ',';
        QTest::newRow("comma in quoted header") << QByteArray("\"a,x\";b;c\n1,5;2;3\n") << ';';
    }
    void delimiters()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(char, delimiter);
        QTemporaryDir dir;
        CsvReader r;
        const auto rows = readAll(testutil::writeFile(dir, QStringLiteral("f.csv"), bytes), r);
        QCOMPARE(r.delimiter(), delimiter);
        QCOMPARE(rows.size(), size_t(2));
        QCOMPARE(rows[1], QStringList({QStringLiteral("1,5"), QStringLiteral("2"), QStringLiteral("3")}));
    }

    void quotingAndLineNumbers()
    {
        QTemporaryDir dir;
        const QByteArray bytes = "code;label;qty\r\n"
                                 "A;\"multi\r\nline \"\"quoted\"\"\";1\r\n"
                                 "\r\n"
                                 "B;plain;2\n"
                                 "C;\"a;b\";3";   // no final newline
        CsvReader r;
        std::vector<qint64> lines;
        const auto rows = readAll(testutil::writeFile(dir, QStringLiteral("f.csv"), bytes), r, &lines);
        QCOMPARE(rows.size(), size_t(4));
        QCOMPARE(rows[1][1], QStringLiteral("multi\r\nline \"quoted\""));
        QCOMPARE(rows[2][0], QStringLiteral("B"));
        QCOMPARE(rows[3][1], QStringLiteral("a;b"));
        QCOMPARE(lines, std::vector<qint64>({1, 2, 5, 6}));
    }

    // A quote that never closes stops the reading where it opens, instead
    // of turning the rest of the file into one field; so does one that
    // closes more than kMaxQuotedLines lines later.
    void unclosedQuoteStopsTheReading()
    {
        QTemporaryDir dir;
        CsvReader r;
        const auto rows = readAll(testutil::writeFile(dir, QStringLiteral("f.csv"), "code;doc\r\nA;1\r\nB;\"2\r\nC;3\r\nD;4\r\n"), r);
        QCOMPARE(rows.size(), size_t(2));
        QVERIFY(r.unclosedQuote());
        QCOMPARE(r.unclosedQuote()->line, qint64(3));
        QCOMPARE(r.unclosedQuote()->column, 2);

        QByteArray far = "code;doc\r\nA;\"1\r\n";
        for (int i = 0; i < CsvReader::kMaxQuotedLines + 10; ++i)
            far += "B;" + QByteArray::number(i) + "\r\n";
        far += "C;2\"\r\n";
        CsvReader f;
        QCOMPARE(readAll(testutil::writeFile(dir, QStringLiteral("far.csv"), far), f).size(), size_t(1));
        QVERIFY(f.unclosedQuote());
        QCOMPARE(f.unclosedQuote()->line, qint64(2));

        CsvReader ok;   // a closed multi-line field is not a problem
        QCOMPARE(readAll(testutil::writeFile(dir, QStringLiteral("ok.csv"), "a;b\r\n\"x\r\ny\";1\r\n"), ok).size(), size_t(2));
        QVERIFY(!ok.unclosedQuote());
    }

    void recordsAcrossChunks()
    {
        // Longer than the 1 MiB read chunk, with a multi-byte character and
        // a quoted field straddling chunk ends somewhere.
        QTemporaryDir dir;
        QByteArray bytes = "id;text\n";
        const int n = 60000;
        for (int i = 0; i < n; ++i)
            bytes += QByteArray::number(i) + ";\"é;" + QByteArray(i % 7, 'x') + "\"\n";
        CsvReader r;
        std::vector<qint64> lines;
        const auto rows = readAll(testutil::writeFile(dir, QStringLiteral("big.csv"), bytes), r, &lines);
        QCOMPARE(rows.size(), size_t(n + 1));
        for (int i = 0; i < n; ++i) {
            QCOMPARE(rows[size_t(i + 1)][0], QString::number(i));
            QCOMPARE(rows[size_t(i + 1)][1], QString::fromUtf8("é;") + QString(i % 7, QLatin1Char('x')));
        }
        QCOMPARE(lines.back(), qint64(n + 1));
        QCOMPARE(r.encoding(), TextEncoding::Utf8);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
