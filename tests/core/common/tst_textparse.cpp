// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers, dates, headers and identifiers as French exports write them.
#include "core/domain/identifiers.h"
#include "core/common/money.h"
#include "core/common/textparse.h"

#include <QDate>
#include <QTest>

using namespace reappro;

class TestTextParse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decimals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<char>("sep");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("comma") << "25,14" << ',' << true << 25.14;
        QTest::newRow("space thousands") << "1 234,56" << ',' << true << 1234.56;
        QTest::newRow("nbsp thousands") << QString::fromUtf8("1\u00a0234,5") << ',' << true << 1234.5;
        QTest::newRow("narrow nbsp") << QString::fromUtf8("12\u202f345") << ',' << true << 12345.0;
        QTest::newRow("dot thousands") << "1.234,56" << ',' << true << 1234.56;
        QTest::newRow("dot thousands only") << "1.234" << ',' << true << 1234.0;
        QTest::newRow("lone dot is decimal") << "25.14" << ',' << true << 25.14;
        QTest::newRow("negative") << "-3" << ',' << true << -3.0;
        QTest::newRow("plus") << "+2,5" << ',' << true << 2.5;
        QTest::newRow("euro") << QString::fromUtf8("12,50 €") << ',' << true << 12.5;
        QTest::newRow("EUR") << "7 EUR" << ',' << true << 7.0;
        QTest::newRow("english") << "1,234.56" << '.' << true << 1234.56;
        QTest::newRow("english plain") << "0.0345" << '.' << true << 0.0345;
        QTest::newRow("leading comma") << ",5" << ',' << true << 0.5;
        QTest::newRow("text") << "abc" << ',' << false << 0.0;
        QTest::newRow("empty") << "" << ',' << false << 0.0;
        QTest::newRow("two commas") << "1,2,3" << ',' << false << 0.0;
        QTest::newRow("bad grouping") << "1 23,5" << ',' << false << 0.0;
        QTest::newRow("trailing junk") << "12x" << ',' << false << 0.0;
        QTest::newRow("sign only") << "-" << ',' << false << 0.0;
    }
    void decimals()
    {
        QFETCH(QString, text);
        QFETCH(char, sep);
        QFETCH(bool, ok);
        QFETCH(double, value);
        const QByteArray utf8 = text.toUtf8();
        const auto q = parseQuantity(std::string_view(utf8.constData(), size_t(utf8.size())), sep);
        QCOMPARE(q.has_value(), ok);
        if (ok)
            QVERIFY(qAbs(*q - value) < 1e-9);
    }

    void money()
    {
        QCOMPARE(Money::parse("0,0345")->units(), qint64(345));
        QCOMPARE(Money::parse("1 234,56")->cents(), qint64(123456));
        QCOMPARE(Money::parse("0,00005")->units(), qint64(1));   // rounded half away from zero
        QCOMPARE(Money::parse("-2,5")->units(), qint64(-25000));
        QCOMPARE(Money::fromCents(1999).times(3).cents(), qint64(5997));
        QCOMPARE(Money::parse("0,0345")->times(1000).cents(), qint64(3450));
        QCOMPARE(Money::fromUnits(-12345).toPlainString(), QStringLiteral("-1.2345"));
        QCOMPARE(Money::fromCents(123456).toDisplayString(true), QString::fromUtf8("1\u202f234,56\u00a0€"));
        QVERIFY(!Money::parse("douze").has_value());
    }

    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("dd/MM/yyyy") << "15/03/2026" << QDate(2026, 3, 15);
        QTest::newRow("d/M/yyyy") << "5/3/2026" << QDate(2026, 3, 5);
        QTest::newRow("dd/MM/yy") << "15/03/26" << QDate(2026, 3, 15);
        QTest::newRow("yy pivot 19xx") << "01/01/85" << QDate(1985, 1, 1);
        QTest::newRow("iso") << "2026-03-15" << QDate(2026, 3, 15);
        QTest::newRow("compact") << "20260315" << QDate(2026, 3, 15);
        QTest::newRow("dashes") << "15-03-2026" << QDate(2026, 3, 15);
        QTest::newRow("dots") << "15.03.2026" << QDate(2026, 3, 15);
        QTest::newRow("with time") << "15/03/2026 14:30" << QDate(2026, 3, 15);
        QTest::newRow("iso time") << "2026-03-15T14:30:00" << QDate(2026, 3, 15);
        QTest::newRow("leap day") << "29/02/2024" << QDate(2024, 2, 29);
        QTest::newRow("not leap") << "29/02/2025" << QDate();
        QTest::newRow("day 32") << "32/01/2026" << QDate();
        QTest::newRow("month 13") << "01/13/2026" << QDate();
        QTest::newRow("mixed separators") << "01/02-2026" << QDate();
        QTest::newRow("text") << "demain" << QDate();
        QTest::newRow("7 digits") << "2026031" << QDate();
    }
    void dates()
    {
        QFETCH(QString, text);
        QFETCH(QDate, expected);
        const QByteArray utf8 = text.toUtf8();
        const auto jd = parseDate(std::string_view(utf8.constData(), size_t(utf8.size())));
        QCOMPARE(jd.has_value(), expected.isValid());
        if (jd)
            QCOMPARE(QDate::fromJulianDay(*jd), expected);
    }

    void julianMatchesQDate()
    {
        for (QDate d(1999, 12, 25); d < QDate(2031, 1, 10); d = d.addDays(13))
            QCOMPARE(julianDay(d.year(), d.month(), d.day()), d.toJulianDay());
    }

    void headers()
    {
        QCOMPARE(normalizeHeader(QString::fromUtf8("N° lot")), QStringLiteral("nlot"));
        QCOMPARE(normalizeHeader(QString::fromUtf8("Date de péremption")), QStringLiteral("datedeperemption"));
        QCOMPARE(normalizeHeader(QString::fromUtf8("Qté")), QStringLiteral("qte"));
        QCOMPARE(normalizeHeader(QString::fromUtf8("Libellé UF")), QStringLiteral("libelleuf"));
        QCOMPARE(normalizeHeader(QString::fromUtf8("Délai (j)")), QStringLiteral("delaij"));
    }

    void checkDigits_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("kind");   // 0 CIP13, 1 UCD13, 2 GTIN14
        QTest::addColumn<int>("expected");
        // Worked by hand: 340093000000, weights 3,1,3... from the right: 3x3 + 9 + 4x3 + 3 = 33 -> 7.
        QTest::newRow("cip13 ok") << "3400930000007" << 0 << int(IdCheck::Ok);
        QTest::newRow("cip13 bad digit") << "3400930000001" << 0 << int(IdCheck::WrongCheckDigit);
        QTest::newRow("cip13 prefix") << "5400930000008" << 0 << int(IdCheck::WrongPrefix);
        QTest::newRow("cip13 short") << "340093000000" << 0 << int(IdCheck::WrongLength);
        QTest::newRow("cip13 letters") << "34009300000A7" << 0 << int(IdCheck::NotDigits);
        QTest::newRow("ucd13 ok") << "3400890000000" << 1 << int(IdCheck::Ok);
        QTest::newRow("ucd13 bad") << "3400890000001" << 1 << int(IdCheck::WrongCheckDigit);
        QTest::newRow("ucd13 not 34008") << "3400930000007" << 1 << int(IdCheck::WrongPrefix);
        QTest::newRow("gtin14 ok") << "03400930000007" << 2 << int(IdCheck::Ok);
        QTest::newRow("gtin14 bad") << "03400930000004" << 2 << int(IdCheck::WrongCheckDigit);
    }
    void checkDigits()
    {
        QFETCH(QString, code);
        QFETCH(int, kind);
        QFETCH(int, expected);
        const std::string s = code.toStdString();
        const IdCheck r = kind == 0 ? checkCip13(s) : kind == 1 ? checkUcd13(s) : checkGtin14(s);
        QCOMPARE(int(r), expected);
    }

    void gs1Reference()
    {
        // Published EAN-13 example: 400638133393 -> check digit 1.
        QCOMPARE(gs1CheckDigit("400638133393"), '1');
        QVERIFY(hasValidGs1CheckDigit("4006381333931"));
        QCOMPARE(checkAtc("N02BE01"), IdCheck::Ok);
        QCOMPARE(checkAtc("N02"), IdCheck::Ok);
        QVERIFY(checkAtc("N2BE01") != IdCheck::Ok);
        QCOMPARE(checkLpp("1234567"), IdCheck::Ok);
        QVERIFY(checkLpp("12345") != IdCheck::Ok);
    }
};

QTEST_GUILESS_MAIN(TestTextParse)
#include "tst_textparse.moc"
