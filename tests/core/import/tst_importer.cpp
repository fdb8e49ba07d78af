// SPDX-License-Identifier: GPL-3.0-or-later
// The importer as a pharmacist meets it: French exports in their variants,
// every rejection reason with its place, all-or-nothing, idempotence,
// patient columns never stored, profiles, XLSX, suppliers' order days, and
// the demo hospital's exports.
#include "core/demo/demogenerator.h"
#include "core/common/textparse.h"
#include "core/import/importer.h"
#include "core/import/importschema.h"
#include "core/store/sqlite.h"
#include "core/store/store.h"
#include "testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace reappro;

namespace {

const QString kProducts = QString::fromUtf8(
    "Code;Code UCD;CIP13;LPP;Libellé;DCI;ATC;Forme;Unité;Conditionnement;PMP;Fournisseur;Délai (j);Qté min commande;MITM;VEN;Type\r\n"
    "M000001;3400890000000;3400930000007;;PARACETAMOL 1 G CPR;paracétamol;N02BE01;Comprimé;CP;100;0,0345;F001;;;N;E;Médicament\r\n"
    "M000002;;;;AMOXICILLINE 1 G INJ;amoxicilline;J01CA04;Flacon;FL;10;1 234,56;F002;5;20;O;V;Médicament\r\n"
    "D000001;;;1234567;COMPRESSE STÉRILE 10X10;;;;U;50;0,12;F001;;;N;N;DM\r\n");

const char *kMovementHeader = "Date;Type de mouvement;Code produit;N° lot;Date de péremption;Quantité;Origine;Destination;PMP;N° pièce";

QString movementsFile(const QStringList &lines)
{
    return QString::fromUtf8(kMovementHeader) + QStringLiteral("\r\n") + lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

const QStringList kGoodMovements = {
    QString::fromUtf8("02/01/2026;Réception;M000001;L1;31/12/2027;1000;F001;PUI;0,0345;REC1"),
    QString::fromUtf8("05/01/2026;Délivrance UF;M000001;L1;31/12/2027;100;PUI;4021;0,0345;BL1"),
    QString::fromUtf8("06/01/2026;Délivrance UF;M000001;L1;31/12/2027;50;PUI;4022;0,0345;BL2"),
    QString::fromUtf8("12/01/2026;Délivrance UF;M000002;;;3;PUI;4021;1234,56;BL3"),
    QString::fromUtf8("13/01/2026;Retour UF;M000001;L1;31/12/2027;10;4021;PUI;0,0345;RT1"),
    QString::fromUtf8("02/02/2026;Rétrocession;M000002;;;1;PUI;;1234,56;RE1"),
    QString::fromUtf8("03/02/2026;Régularisation inventaire;D000001;;;-5;PUI;;0,12;INV1"),
};

qint64 count(Store &s, const char *table) { return sql::queryInt(s.handle(), (std::string("SELECT COUNT(*) FROM ") + table).c_str()); }

// Every row of every table, to prove that a failed import changed nothing.
QByteArray dump(Store &s)
{
    QByteArray out;
    for (const char *t : {"supplier", "location", "product", "movement", "lot", "open_order_line", "import_batch"}) {
        sql::Statement st(s.handle(), std::string("SELECT * FROM ") + t + " ORDER BY 1");
        while (st.step() == SQLITE_ROW) {
            for (int c = 0; c < st.columnCount(); ++c)
                out += st.text(c).toUtf8() + '|';
            out += '\n';
        }
    }
    return out;
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString write(const QString &name, const QString &text, bool cp1252 = true)
    {
        return testutil::writeFile(m_dir, QString::number(++m_n) + QLatin1Char('_') + name,
                                   cp1252 ? testutil::toCp1252(text) : text.toUtf8());
    }
    QString newDb() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_n)); }
    ImportOptions options()
    {
        ImportOptions o;
        o.today = QDate(2026, 11, 29);
        return o;
    }
    ImportResult import(Store &s, const QStringList &files, ImportOptions o = {})
    {
        if (!o.today.isValid() || o.today == QDate::currentDate())
            o.today = QDate(2026, 11, 29);
        return Importer(s).importFiles(files, o);
    }
    void openWithProducts(Store &s)
    {
        QString error;
        QVERIFY2(s.open(newDb(), &error), qPrintable(error));
        const ImportResult r = import(s, {write(QStringLiteral("produits.csv"), kProducts)});
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
    }

private Q_SLOTS:
    void importsAFrenchExportSet()
    {
        Store s;
        QString error;
        QVERIFY(s.open(newDb(), &error));
        // The files as a pharmacy software writes them: tests/data/import/.
        const QString data = QStringLiteral(REAPPRO_TEST_DATA "/import/");
        const QString mv = data + QStringLiteral("mouvements.csv");
        const QString lots = data + QStringLiteral("stock_lots.csv");
        const QString orders = data + QStringLiteral("commandes.csv");
        const QString products = data + QStringLiteral("produits.csv");
        // Given in the "wrong" order: references are imported first anyway.
        const ImportResult r = import(s, {mv, orders, lots, products});
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
        QCOMPARE(r.files.size(), size_t(4));
        QCOMPARE(r.files[0].kind, FileKind::Products);
        QCOMPARE(r.files[3].kind, FileKind::Movements);
        QCOMPARE(r.files[3].encoding, QStringLiteral("Windows-1252"));
        QCOMPARE(r.files[3].inserted, qint64(kGoodMovements.size()));
        QCOMPARE(r.files[3].droppedPatientColumns,
                 QStringList({QStringLiteral("IPP"), QStringLiteral("Nom patient"), QStringLiteral("Date de naissance")}));
        QCOMPARE(count(s, "product"), qint64(3));
        QCOMPARE(count(s, "movement"), qint64(kGoodMovements.size()));
        QCOMPARE(count(s, "lot"), qint64(2));
        QCOMPARE(count(s, "open_order_line"), qint64(1));

        const StoreInfo info = s.info();
        QCOMPARE(info.careUnits, qint64(2));   // 4021 and 4022 created from the movements
        QCOMPARE(info.firstMovement, QDate(2026, 1, 2));
        QCOMPARE(info.lastMovement, QDate(2026, 2, 3));
        // 860 x 0,0345 + 6 x 1234,56 = 29,67 + 7407,36
        QCOMPARE(info.stockValue.cents(), qint64(2967 + 740736));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT unit_price FROM product WHERE code = 'M000002'"), qint64(12345600));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT mitm FROM product WHERE code = 'M000002'"), qint64(1));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT kind FROM product WHERE code = 'D000001'"), qint64(1));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM supplier WHERE code IN ('F001', 'F002')"), qint64(2));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT CAST(quantity AS INTEGER) FROM movement WHERE type = 6"), qint64(-5));

        // The patient's identity is nowhere in the database files.
        const QString dbPath = s.path();
        s.close();
        for (const QString &f : {dbPath, dbPath + QStringLiteral("-wal")}) {
            QFile file(f);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains("DUPONTEL"), qPrintable(f));
            QVERIFY2(!bytes.contains("8877665544"), qPrintable(f));
            QVERIFY2(!bytes.contains("01/02/1950"), qPrintable(f));
        }
    }

    void formatVariants_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QString base = movementsFile(kGoodMovements);
        QTest::newRow("cp1252 ;") << testutil::toCp1252(base);
        QTest::newRow("utf8") << base.toUtf8();
        QTest::newRow("utf8 bom") << QByteArray("\xEF\xBB\xBF") + base.toUtf8();
        QTest::newRow("tab") << QString(base).replace(QLatin1Char(';'), QLatin1Char('\t')).toUtf8();
        QString iso = base;
        iso.replace(QRegularExpression(QStringLiteral("(\\d\\d)/(\\d\\d)/(\\d{4})")), QStringLiteral("\\3-\\2-\\1"));
        QTest::newRow("iso dates") << iso.toUtf8();
        QString compact = base;
        compact.replace(QRegularExpression(QStringLiteral("(\\d\\d)/(\\d\\d)/(\\d{4})")), QStringLiteral("\\3\\2\\1"));
        QTest::newRow("yyyyMMdd") << compact.toUtf8();
        QString shortYear = base;
        shortYear.replace(QRegularExpression(QStringLiteral("(\\d\\d)/(\\d\\d)/20(\\d\\d)")), QStringLiteral("\\1/\\2/\\3"));
        QTest::newRow("dd/MM/yy") << testutil::toCp1252(shortYear);
        // English export: comma separated, decimal point, English headers.
        QString en = base;
        en.replace(QStringLiteral("1234,56"), QStringLiteral("\"1,234.56\""));
        en.replace(QStringLiteral("0,0345"), QStringLiteral("0.0345"));
        en.replace(QStringLiteral("0,12"), QStringLiteral("0.12"));
        en.replace(QLatin1Char(';'), QLatin1Char(','));
        en.replace(QString::fromUtf8(kMovementHeader).replace(QLatin1Char(';'), QLatin1Char(',')),
                   QStringLiteral("Date,Movement type,Product code,Lot number,Expiry date,Quantity,From,To,Unit cost,Document"));
        QTest::newRow("english csv") << en.toUtf8();
        QString titled = QStringLiteral("Extraction des mouvements du 29/11/2026\r\n\r\n") + base;
        QTest::newRow("title line") << titled.toUtf8();
    }
    void formatVariants()
    {
        QFETCH(QByteArray, bytes);
        Store s;
        openWithProducts(s);
        const QString path = testutil::writeFile(m_dir, QStringLiteral("%1_mouvements.csv").arg(++m_n), bytes);
        const ImportResult r = import(s, {path});
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
        QCOMPARE(count(s, "movement"), qint64(kGoodMovements.size()));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT SUM(quantity) FROM movement WHERE type = 2"), qint64(153));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT unit_cost FROM movement WHERE document_ref = 'BL3'"), qint64(12345600));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT day FROM movement WHERE document_ref = 'REC1'"), QDate(2026, 1, 2).toJulianDay());
        QCOMPARE(sql::queryInt(s.handle(), "SELECT expiry FROM movement WHERE document_ref = 'REC1'"), QDate(2027, 12, 31).toJulianDay());
    }

    // Columns of patient data under the names pharmacy software gives them
    // are dropped, never stored: the import lists them.
    void patientColumnsAreRecognised_data()
    {
        QTest::addColumn<QString>("header");
        for (const char *h : {"IPP", "Nom patient", "Date de naissance", "Date naiss.", "N° de sécurité sociale", "N° sécu", "NIR",
                              "Bénéficiaire", "Assuré", "Né le", "N° de séjour", "Chambre", "Lit", "Date of birth", "Patient ID"})
            QTest::newRow(h) << QString::fromUtf8(h);
    }
    void patientColumnsAreRecognised()
    {
        QFETCH(QString, header);
        QVERIFY2(isPatientColumn(normalizeHeader(header)), qPrintable(normalizeHeader(header)));
        for (const char *other : {"Libellé", "Code produit", "Quantité", "Date", "Lot", "Date de péremption", "UF", "Type"})
            QVERIFY2(!isPatientColumn(normalizeHeader(QString::fromUtf8(other))), other);
    }

    void rejections_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("column");
        QTest::newRow("unparseable date") << "32/01/2026;Délivrance UF;M000001;;;1;PUI;4021;;X1"
                                          << "invalid_date" << 1;
        QTest::newRow("date in the future") << "01/12/2026;Délivrance UF;M000001;;;1;PUI;4021;;X1"
                                            << "future_date" << 1;
        QTest::newRow("unknown type") << "05/01/2026;Vol;M000001;;;1;PUI;4021;;X1"
                                      << "unknown_movement_type" << 2;
        QTest::newRow("unknown product") << "05/01/2026;Délivrance UF;M999999;;;1;PUI;4021;;X1"
                                         << "unknown_product" << 3;
        QTest::newRow("non-numeric quantity") << "05/01/2026;Délivrance UF;M000001;;;douze;PUI;4021;;X1"
                                              << "invalid_number" << 6;
        QTest::newRow("negative quantity") << "05/01/2026;Délivrance UF;M000001;;;-4;PUI;4021;;X1"
                                           << "negative_quantity" << 6;
        QTest::newRow("empty quantity") << "05/01/2026;Délivrance UF;M000001;;;;PUI;4021;;X1"
                                        << "empty_value" << 6;
        QTest::newRow("expiry before reception") << "05/01/2026;Réception;M000001;L9;31/12/2025;10;F001;PUI;;X1"
                                                 << "expiry_before_reception" << 5;
        QTest::newRow("bad price") << "05/01/2026;Délivrance UF;M000001;;;1;PUI;4021;1,2,3;X1"
                                   << "invalid_number" << 9;
        QTest::newRow("issue without unit") << "05/01/2026;Délivrance UF;M000001;;;1;PUI;;;X1"
                                            << "missing_care_unit" << 8;
        QTest::newRow("too many fields") << "05/01/2026;Délivrance UF;M000001;;;1;PUI;4021;;X1;extra"
                                         << "too_many_fields" << 0;
        QTest::newRow("duplicate line") << "05/01/2026;Délivrance UF;M000001;L1;31/12/2027;100;PUI;4021;0,0345;BL1"
                                        << "duplicate_line" << 0;
        // A stray quote would swallow every later line into one field.
        QTest::newRow("unclosed quote, last field") << "05/01/2026;Délivrance UF;M000001;;;1;PUI;4021;;\"X1"
                                                    << "unclosed_quote" << 10;
        QTest::newRow("unclosed quote, middle field") << "05/01/2026;Délivrance UF;M000001;;;\"1;PUI;4021;;X1"
                                                      << "unclosed_quote" << 6;
        QTest::newRow("default date 1900") << "01/01/1900;Délivrance UF;M000001;;;1;PUI;4021;;X1"
                                           << "date_out_of_range" << 1;
        QTest::newRow("date 0001") << "01/01/0001;Délivrance UF;M000001;;;1;PUI;4021;;X1"
                                   << "date_out_of_range" << 1;
        QTest::newRow("huge lot number") << "05/01/2026;Délivrance UF;M000001;" + QString(5000, QLatin1Char('L'))
                                                + ";31/12/2027;1;PUI;4021;;X1"
                                         << "value_too_long" << 4;
    }
    void rejections()
    {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        QFETCH(int, column);
        Store s;
        openWithProducts(s);
        const QByteArray before = dump(s);
        QStringList lines = kGoodMovements;
        lines.insert(3, line);   // data line 4 = physical line 5
        const ImportResult r = import(s, {write(QStringLiteral("mouvements.csv"), movementsFile(lines))});
        QVERIFY(!r.committed);
        QCOMPARE(r.rejectedCount, qint64(1));
        QCOMPARE(rejectReasonCode(r.rejected[0].reason), reason);
        QCOMPARE(r.rejected[0].line, qint64(reason == QLatin1String("duplicate_line") ? 5 : 5));
        QCOMPARE(r.rejected[0].column, column);
        QVERIFY(r.rejected[0].file.endsWith(QLatin1String("mouvements.csv")));
        // Both languages say what and how to fix it.
        QVERIFY(!rejectReasonText(r.rejected[0].reason, Language::French, r.rejected[0].detail).isEmpty());
        QVERIFY(!rejectReasonText(r.rejected[0].reason, Language::English, r.rejected[0].detail).isEmpty());
        // All or nothing: the good lines were not kept either.
        QCOMPARE(count(s, "movement"), qint64(0));
        QCOMPARE(dump(s), before);
    }

    // A quote that opens in line 5 and is closed by another stray quote 150
    // lines later must not turn those lines into one document number.
    void strayQuotesNeverSwallowLines()
    {
        Store s;
        openWithProducts(s);
        QStringList lines;
        for (int i = 0; i < 200; ++i)
            lines << QStringLiteral("05/01/2026;Délivrance UF;M000001;;;1;PUI;4021;;X%1").arg(i);
        lines[3] = QStringLiteral("05/01/2026;Délivrance UF;M000001;;;1;PUI;4021;;\"X3");
        lines[153] = QStringLiteral("05/01/2026;Délivrance UF;M000001;;;1;PUI;4021;;X153\"");
        const ImportResult r = import(s, {write(QStringLiteral("mouvements.csv"), movementsFile(lines))});
        QVERIFY(!r.committed);
        QCOMPARE(r.rejectedCount, qint64(1));
        QCOMPARE(rejectReasonCode(r.rejected[0].reason), QStringLiteral("unclosed_quote"));
        QCOMPARE(r.rejected[0].line, qint64(5));
        QCOMPARE(r.rejected[0].column, 10);
        QCOMPARE(count(s, "movement"), qint64(0));
        // The huge value of a too-long field is not echoed whole.
        QStringList longLine = {QStringLiteral("05/01/2026;Délivrance UF;M000001;") + QString(100000, QLatin1Char('L'))
                                + QStringLiteral(";31/12/2027;1;PUI;4021;;X1")};
        const ImportResult t = import(s, {write(QStringLiteral("mouvements.csv"), movementsFile(longLine))});
        QCOMPARE(t.rejectedCount, qint64(1));
        QVERIFY2(t.rejected[0].value.size() + t.rejected[0].detail.size() < 200, qPrintable(t.rejected[0].detail));
        QVERIFY(t.rejected[0].detail.contains(QStringLiteral("100")));
    }

    void duplicateLineNamesTheFirst()
    {
        Store s;
        openWithProducts(s);
        QStringList lines = kGoodMovements;
        lines << kGoodMovements[1];
        ImportOptions english;
        english.language = Language::English;
        const ImportResult r = import(s, {write(QStringLiteral("mouvements.csv"), movementsFile(lines))}, english);
        QCOMPARE(r.rejectedCount, qint64(1));
        QCOMPARE(r.rejected[0].reason, RejectReason::DuplicateLine);
        QCOMPARE(r.rejected[0].line, qint64(kGoodMovements.size() + 2));
        const QString text = rejectReasonText(r.rejected[0].reason, Language::English, r.rejected[0].detail);
        QVERIFY2(text.contains(QLatin1String("same as line 3")), qPrintable(text));
    }

    void productRejections_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("column");
        QTest::newRow("ucd13 check digit") << "M9;3400890000001;;;X;;;;;1;1;;;;N;E;"
                                           << "invalid_identifier" << 2;
        QTest::newRow("cip13 check digit") << "M9;;3400930000001;;X;;;;;1;1;;;;N;E;"
                                           << "invalid_identifier" << 3;
        QTest::newRow("cip13 prefix") << "M9;;5400930000007;;X;;;;;1;1;;;;N;E;"
                                      << "invalid_identifier" << 3;
        QTest::newRow("lpp length") << "M9;;;12345;X;;;;;1;1;;;;N;E;"
                                    << "invalid_identifier" << 4;
        QTest::newRow("atc shape") << "M9;;;;X;;N2BE01;;;1;1;;;;N;E;"
                                   << "invalid_identifier" << 7;
        QTest::newRow("duplicate code") << "M000001;;;;X;;;;;1;1;;;;N;E;"
                                        << "duplicate_key" << 1;
        QTest::newRow("bad ven") << "M9;;;;X;;;;;1;1;;;;N;Z;"
                                 << "invalid_value" << 16;
        QTest::newRow("bad mitm") << "M9;;;;X;;;;;1;1;;;;peut-être;E;"
                                  << "invalid_value" << 15;
        QTest::newRow("zero pack") << "M9;;;;X;;;;;0;1;;;;N;E;"
                                   << "invalid_value" << 10;
        QTest::newRow("no label") << "M9;;;;;;;;;1;1;;;;N;E;"
                                  << "empty_value" << 5;
        QTest::newRow("price text") << "M9;;;;X;;;;;1;gratuit;;;;N;E;"
                                    << "invalid_number" << 11;
    }
    void productRejections()
    {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        QFETCH(int, column);
        Store s;
        QString error;
        QVERIFY(s.open(newDb(), &error));
        const ImportResult r = import(s, {write(QStringLiteral("produits.csv"), kProducts + line + QStringLiteral("\r\n"))});
        QVERIFY(!r.committed);
        QCOMPARE(r.rejectedCount, qint64(1));
        QCOMPARE(rejectReasonCode(r.rejected[0].reason), reason);
        QCOMPARE(r.rejected[0].line, qint64(5));
        QCOMPARE(r.rejected[0].column, column);
        QCOMPARE(count(s, "product"), qint64(0));
    }

    void fileLevelRejections()
    {
        Store s;
        openWithProducts(s);
        // Missing required column (Quantité), recognised by its name.
        const QString noQty = write(QStringLiteral("mouvements.csv"),
                                    QString::fromUtf8("Date;Type de mouvement;Code produit\r\n05/01/2026;Délivrance UF;M000001\r\n"));
        ImportResult r = import(s, {noQty});
        QCOMPARE(r.rejectedCount, qint64(1));
        QCOMPARE(r.rejected[0].reason, RejectReason::MissingColumn);
        QVERIFY(rejectReasonText(r.rejected[0].reason, Language::French, r.rejected[0].detail).contains(QString::fromUtf8("Quantité")));
        // Nothing recognisable.
        r = import(s, {write(QStringLiteral("truc.csv"), QStringLiteral("a;b\r\n1;2\r\n"))});
        QCOMPARE(r.rejected[0].reason, RejectReason::UnknownFileKind);
        // Missing file.
        r = import(s, {m_dir.filePath(QStringLiteral("absent.csv"))});
        QCOMPARE(r.rejected[0].reason, RejectReason::CannotOpenFile);
        QCOMPARE(count(s, "movement"), qint64(0));
    }

    // A binary file given as an export is refused without its bytes (NULs,
    // terminal escapes) echoed into the message.
    void binaryFileIsNotEchoed()
    {
        Store s;
        openWithProducts(s);
        QByteArray bytes("%PDF-1.7\n\x1b[2J\x1b]0;owned\x07");
        for (int i = 0; i < 4000; ++i)
            bytes += char((i * 37 + 11) % 256);
        const QString path = write(QStringLiteral("export.csv"), QString(), false);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const ImportResult r = import(s, {path});
        QVERIFY(!r.committed);
        QCOMPARE(r.rejectedCount, qint64(1));
        const QString text = Importer::describe(r.rejected[0], Language::English);
        QVERIFY2(text.size() < 600, qPrintable(text));
        for (const QChar c : text)
            QVERIFY2(c.category() != QChar::Other_Control, qPrintable(QStringLiteral("control character %1").arg(c.unicode())));
    }

    void rollbackKeepsEarlierData()
    {
        Store s;
        openWithProducts(s);
        QVERIFY(import(s, {write(QStringLiteral("mouvements.csv"), movementsFile(kGoodMovements))}).committed);
        const QByteArray before = dump(s);
        // A new export with products changed, many new lines, and one bad line at the end.
        QStringList more;
        for (int d = 1; d <= 28; ++d)
            for (int u = 0; u < 40; ++u)
                more << QStringLiteral("%1/03/2026;Délivrance UF;M000001;;;%2;PUI;%3;;B%1-%3")
                            .arg(d, 2, 10, QLatin1Char('0'))
                            .arg(u + 1)
                            .arg(5000 + u);
        more << QStringLiteral("29/03/2026;Délivrance UF;M000001;;;1;PUI;5000;;");
        more << QStringLiteral("30/03/2026;Délivrance UF;M000001;;;1,5,5;PUI;5000;;");
        QString changedProducts = kProducts;
        changedProducts.replace(QStringLiteral("0,0345"), QStringLiteral("0,0400"));
        const ImportResult r = import(
            s, {write(QStringLiteral("produits.csv"), changedProducts), write(QStringLiteral("mouvements.csv"), movementsFile(more))});
        QVERIFY(!r.committed);
        QCOMPARE(r.rejectedCount, qint64(1));
        QCOMPARE(r.rejected[0].line, qint64(more.size() + 1));
        QCOMPARE(dump(s), before);
    }

    void reimportAddsNothing()
    {
        Store s;
        openWithProducts(s);
        const QString mv = write(QStringLiteral("mouvements.csv"), movementsFile(kGoodMovements));
        const QString products = write(QStringLiteral("produits.csv"), kProducts);
        QVERIFY(import(s, {mv}).committed);
        const QByteArray movementsBefore = [&] {
            QByteArray b;
            sql::Statement st(s.handle(), "SELECT day, product_id, type, quantity, lot_number FROM movement ORDER BY id");
            while (st.step() == SQLITE_ROW)
                b += st.text(0).toUtf8() + st.text(1).toUtf8() + st.text(2).toUtf8() + st.text(3).toUtf8() + st.text(4).toUtf8() + '\n';
            return b;
        }();
        const ImportResult again = import(s, {mv, products});
        QVERIFY(again.committed);
        for (const ImportFileReport &f : again.files) {
            QCOMPARE(f.inserted, qint64(0));
            QCOMPARE(f.updated, qint64(0));
            QCOMPARE(f.unchanged, f.lines);
        }
        QCOMPARE(count(s, "movement"), qint64(kGoodMovements.size()));
        QCOMPARE(count(s, "product"), qint64(3));
        // An overlapping later export adds only its new lines.
        QStringList later = kGoodMovements;
        later << QStringLiteral("10/02/2026;Délivrance UF;M000001;L1;31/12/2027;20;PUI;4021;0,0350;BL9");
        later[1].replace(QStringLiteral("0,0345"), QStringLiteral("0,0350"));   // the PMP printed changed
        const ImportResult overlap = import(s, {write(QStringLiteral("mouvements.csv"), movementsFile(later))});
        QVERIFY(overlap.committed);
        QCOMPARE(overlap.files[0].inserted, qint64(1));
        QCOMPARE(overlap.files[0].unchanged, qint64(kGoodMovements.size()));
        QCOMPARE(count(s, "movement"), qint64(kGoodMovements.size() + 1));
        Q_UNUSED(movementsBefore);
    }

    void largeFileKeepsOrderAndPostings()
    {
        // Enough lines for the writer thread to run many chunks and a partial
        // last one; ids, lines and posting lists must all agree.
        Store s;
        openWithProducts(s);
        QStringList lines;
        for (int i = 0; i < 5000; ++i)
            lines << QStringLiteral("%1/03/2026;Délivrance UF;M00000%2;;;%3;PUI;%4;;P%5")
                         .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                         .arg(1 + i % 2)
                         .arg(1 + i % 9)
                         .arg(4000 + i % 7)
                         .arg(i);
        lines << QStringLiteral("15/02/2026;Réception;M000001;LX;31/12/2028;100;F001;PUI;;R1");   // not in date order
        const ImportResult r = import(s, {write(QStringLiteral("mouvements.csv"), movementsFile(lines))});
        QVERIFY(r.committed);
        QCOMPARE(r.files[0].inserted, qint64(lines.size()));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM movement WHERE source_line - 1 <> id"), qint64(0));
        const qint64 p1 = sql::queryInt(s.handle(), "SELECT id FROM product WHERE code = 'M000001'");
        const auto ids = s.movementIds(PostingKind::Product, p1);
        QCOMPARE(ids.size(), size_t(2501));
        QCOMPARE(ids.front(), qint64(lines.size()));   // the reception of 15/02 comes first
        const auto march = s.movements(PostingKind::Product, p1, QDate(2026, 3, 1), QDate(2026, 3, 1));
        QVERIFY(!march.empty());
        for (const Movement &m : march)
            QCOMPARE(m.date, QDate(2026, 3, 1));
        QCOMPARE(sql::queryInt(s.handle(), "PRAGMA foreign_keys"), qint64(1));
        sql::Statement fk(s.handle(), "SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check('movement') LIMIT 3");
        while (fk.step() == SQLITE_ROW)
            qWarning() << fk.text(0) << fk.int64(1) << fk.text(2) << fk.int64(3);
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM pragma_foreign_key_check('movement')"), qint64(0));
    }

    void bigLoneImportKeepsWalAndAtomicity()
    {
        // Threshold 0: every import here takes the rollback-journal path.
        Store s;
        openWithProducts(s);
        ImportOptions o;
        o.rollbackJournalFromBytes = 0;
        const auto journalMode = [&] {
            sql::Statement st(s.handle(), "PRAGMA journal_mode");
            return st.step() == SQLITE_ROW ? st.text(0) : QString();
        };
        QStringList bad = kGoodMovements;
        bad << QStringLiteral("30/02/2026;Délivrance UF;M000001;;;1;PUI;4021;;Z1");
        const QByteArray before = dump(s);
        ImportResult r = import(s, {write(QStringLiteral("mouvements.csv"), movementsFile(bad))}, o);
        QVERIFY(!r.committed);
        QCOMPARE(dump(s), before);
        QCOMPARE(journalMode(), QStringLiteral("wal"));
        r = import(s, {write(QStringLiteral("mouvements.csv"), movementsFile(kGoodMovements))}, o);
        QVERIFY(r.committed);
        QCOMPARE(count(s, "movement"), qint64(kGoodMovements.size()));
        QCOMPARE(journalMode(), QStringLiteral("wal"));
        // With another connection open, the journal stays WAL throughout.
        Store other;
        QString error;
        QVERIFY(other.open(s.path(), &error));
        r = import(s, {write(QStringLiteral("produits.csv"), kProducts)}, o);
        QVERIFY(r.committed);
        QCOMPARE(journalMode(), QStringLiteral("wal"));
    }

    void sourceFileNeverWritten()
    {
        Store s;
        openWithProducts(s);
        const QString mv = write(QStringLiteral("mouvements.csv"), movementsFile(kGoodMovements));
        QFile::setPermissions(mv, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        const QByteArray hash = testutil::fileHash(mv);
        const QDateTime mtime = QFileInfo(mv).lastModified();
        QVERIFY(import(s, {mv}).committed);
        QStringList bad = kGoodMovements;
        bad << QStringLiteral("xx;yy;zz;;;1;;;;");
        const QString mv2 = write(QStringLiteral("mouvements.csv"), movementsFile(bad));
        const QByteArray hash2 = testutil::fileHash(mv2);
        QVERIFY(!import(s, {mv2}).committed);
        QCOMPARE(testutil::fileHash(mv), hash);
        QCOMPARE(QFileInfo(mv).lastModified(), mtime);
        QCOMPARE(testutil::fileHash(mv2), hash2);
    }

    void lotAndOrderSnapshots()
    {
        Store s;
        openWithProducts(s);
        const QString header = QString::fromUtf8("Code produit;N° lot;Date de péremption;Quantité;Date de réception\r\n");
        ImportResult r =
            import(s, {write(QStringLiteral("stock_lots.csv"),
                             header + QStringLiteral("M000001;L1;31/12/2027;100;01/01/2026\r\nM000001;L2;31/03/2027;50;01/01/2026\r\n"))});
        QVERIFY(r.committed);
        QCOMPARE(count(s, "lot"), qint64(2));
        // The next snapshot no longer lists L2: it left the stock.
        r = import(s, {write(QStringLiteral("stock_lots.csv"), header + QStringLiteral("M000001;L1;31/12/2027;80;01/01/2026\r\n"))});
        QVERIFY(r.committed);
        QCOMPARE(r.files[0].updated, qint64(1));
        QCOMPARE(r.files[0].removed, qint64(1));
        QCOMPARE(count(s, "lot"), qint64(1));
        // Expiry before reception, negative stock, duplicate lot.
        r = import(s, {write(QStringLiteral("stock_lots.csv"),
                             header
                                 + QStringLiteral("M000001;L3;31/12/2025;10;01/01/2026\r\nM000001;L4;31/12/2027;-1;01/01/"
                                                  "2026\r\nM000001;L1;31/12/2027;1;\r\nM000001;L1;31/12/2027;1;\r\n"))});
        QCOMPARE(r.rejectedCount, qint64(3));
        QCOMPARE(r.rejected[0].reason, RejectReason::ExpiryBeforeReception);
        QCOMPARE(r.rejected[1].reason, RejectReason::NegativeQuantity);
        QCOMPARE(r.rejected[2].reason, RejectReason::DuplicateKey);
        QCOMPARE(r.rejected[2].line, qint64(5));
    }

    void profileMapsUnusualHeadersAndCodes()
    {
        Store s;
        openWithProducts(s);
        const QString odd =
            write(QStringLiteral("export.txt"),
                  QStringLiteral("Jour mvt|Sens|Art|Nb|Dest\r\n05/01/2026|S|M000001|12|4021\r\n06/01/2026|E|M000001|100|PUI\r\n"));
        ImportResult r = import(s, {odd});
        QCOMPARE(r.rejected[0].reason, RejectReason::UnknownFileKind);

        const QString profilePath = m_dir.filePath(QStringLiteral("logiciel-x.json"));
        QFile f(profilePath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "logiciel-x", "files": {"movements": {"delimiter": "|", "encoding": "windows-1252",
                   "columns": {"date": "Jour mvt", "type": "Sens", "product_code": "Art", "quantity": "Nb", "to": "Dest"},
                   "movementTypes": {"S": "issue", "E": "reception"}}}})");
        f.close();
        ImportOptions o;
        o.profilePath = profilePath;
        r = import(s, {odd}, o);
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM movement WHERE type = 2 AND quantity = 12"), qint64(1));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM movement WHERE type = 1"), qint64(1));

        // What was detected can be saved and read back.
        ImportProfile saved;
        saved.name = QStringLiteral("again");
        saved.setForKind(r.files[0].profile);
        QString error;
        const QString savedPath = m_dir.filePath(QStringLiteral("again.json"));
        QVERIFY(saved.save(savedPath, &error));
        const auto loaded = ImportProfile::load(savedPath, &error);
        QVERIFY2(loaded, qPrintable(error));
        const FileProfile *fp = loaded->forKind(FileKind::Movements);
        QVERIFY(fp);
        QCOMPARE(fp->delimiter, '|');
        QCOMPARE(fp->movementTypes.value(QStringLiteral("s")), MovementType::IssueToUnit);
        QCOMPARE(fp->columns.size(), size_t(5));
    }

    void supplierOrderDays_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("mask");
        QTest::newRow("abbreviations") << "lun,jeu" << 0x09;
        QTest::newRow("names and space") << "lundi, jeudi" << 0x09;
        QTest::newRow("slash, capitals") << "Lun / Jeu" << 0x09;
        QTest::newRow("english plus") << "mon+thu" << 0x09;
        QTest::newRow("english words") << "Monday and Thursday" << 0x09;
        QTest::newRow("plural") << "les lundis et jeudis" << 0x09;
        QTest::newRow("dot") << "jeu." << 0x08;
        QTest::newRow("four letters") << "Thurs" << 0x08;
        QTest::newRow("accent-free name") << "Mercredi" << 0x04;
        QTest::newRow("upper case, space") << "MAR VEN" << 0x12;
        QTest::newRow("quoted semicolon") << "\"mar;ven\"" << 0x12;
        QTest::newRow("range") << "lun-ven" << 0x1F;
        QTest::newRow("range in words") << "du lundi au vendredi" << 0x1F;
        QTest::newRow("english range") << "Mon - Fri" << 0x1F;
        QTest::newRow("day and range") << "lun,mer-ven" << 0x1D;
        QTest::newRow("range over the weekend") << "ven-lun" << 0x71;
        QTest::newRow("weekend") << "sam-dim" << 0x60;
        QTest::newRow("tous") << "tous" << 0x7F;
        QTest::newRow("all") << "All" << 0x7F;
        QTest::newRow("jours ouvrés") << "jours ouvrés" << 0x1F;
        QTest::newRow("jours ouvrables") << "jours ouvrables" << 0x3F;
        QTest::newRow("empty = unknown") << "" << 0;
    }
    void supplierOrderDays()
    {
        QFETCH(QString, value);
        QFETCH(int, mask);
        Store s;
        QString error;
        QVERIFY(s.open(newDb(), &error));
        const ImportResult r =
            import(s, {write(QStringLiteral("fournisseurs.csv"),
                             QString::fromUtf8("Code fournisseur;Nom;Délai (jours);Jours de commande\r\nF0;Autre;3;mar\r\nF1;Labo;5;")
                                 + value + QStringLiteral("\r\n"))});
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
        const auto suppliers = s.suppliers();
        QCOMPARE(suppliers.size(), size_t(2));
        QCOMPARE(suppliers[1].orderDays, mask);
        QCOMPARE(suppliers[1].leadTimeDays, 5);
        // What orderDaysText writes reads back the same.
        QCOMPARE(orderDaysFromText(orderDaysText(mask, true)), std::optional<int>(mask));
    }

    void orderDaysTextReadsBack()
    {
        for (int mask = 0; mask <= kEveryDay; ++mask)
            for (bool french : {true, false})
                QCOMPARE(orderDaysFromText(orderDaysText(mask, french)), std::optional<int>(mask));
        QCOMPARE(orderDaysText(0x1F, true), QStringLiteral("lun-ven"));
        QCOMPARE(orderDaysText(0x09, true), QStringLiteral("lun,jeu"));
        QCOMPARE(orderDaysText(0x63, false), QStringLiteral("mon,tue,sat,sun"));
    }

    void supplierOrderDaysRejected_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("word");
        QTest::newRow("single letters") << "L,J"
                                        << "L";
        QTest::newRow("range without end") << "lun-"
                                           << "-";
        QTest::newRow("numbers") << "1,4"
                                 << "1";
        QTest::newRow("range of ranges") << "lun-mer-ven"
                                         << "-";
        QTest::newRow("or") << "lundi ou jeudi"
                            << "ou";
        QTest::newRow("month") << "mars"
                               << "mars";
    }
    void supplierOrderDaysRejected()
    {
        QFETCH(QString, value);
        QFETCH(QString, word);
        Store s;
        QString error;
        QVERIFY(s.open(newDb(), &error));
        const ImportResult r =
            import(s, {write(QStringLiteral("fournisseurs.csv"),
                             QString::fromUtf8("Code fournisseur;Nom;Délai (jours);Jours de commande\r\nF0;Autre;3;mar\r\nF1;Labo;5;")
                                 + value + QStringLiteral("\r\n"))});
        QVERIFY(!r.committed);
        QCOMPARE(r.rejectedCount, qint64(1));
        const RejectedLine &bad = r.rejected[0];
        QVERIFY(bad.file.endsWith(QLatin1String("fournisseurs.csv")));
        QCOMPARE(bad.line, qint64(3));
        QCOMPARE(bad.column, 4);
        QCOMPARE(bad.columnName, QStringLiteral("Jours de commande"));
        QCOMPARE(bad.value, value);
        QCOMPARE(rejectReasonCode(bad.reason), QStringLiteral("invalid_value"));
        // Both languages name the word and say how to write the days.
        const QString fr = rejectReasonText(bad.reason, Language::French, bad.detail);
        QVERIFY2(fr.contains(QString::fromUtf8("« %1 » n'est pas un jour").arg(word)) && fr.contains(QLatin1String("lun,jeu")),
                 qPrintable(fr));
        ImportOptions english;
        english.language = Language::English;
        const ImportResult en =
            import(s,
                   {write(QStringLiteral("fournisseurs.csv"),
                          QString::fromUtf8("Code fournisseur;Nom;Délai (jours);Jours de commande\r\nF0;Autre;3;mar\r\nF1;Labo;5;") + value
                              + QStringLiteral("\r\n"))},
                   english);
        const QString text = Importer::describe(en.rejected.at(0), Language::English);
        QVERIFY2(text.contains(QStringLiteral(":3:4 (Jours de commande)")) && text.contains(QStringLiteral("\"%1\" is not a day").arg(word))
                     && text.contains(QLatin1String("mon,thu")),
                 qPrintable(text));
        QCOMPARE(count(s, "supplier"), qint64(0));
    }

    void supplierOrderDaysKeptWithoutTheColumn()
    {
        Store s;
        QString error;
        QVERIFY(s.open(newDb(), &error));
        const QString header = QString::fromUtf8("Code fournisseur;Nom;Délai (jours);Jours de commande\r\n");
        QVERIFY(import(s, {write(QStringLiteral("fournisseurs.csv"),
                                 header + QStringLiteral("F1;Labo;5;lun,jeu\r\nF2;Grossiste;2;lun-ven\r\n"))})
                    .committed);
        // An export without the column changes the lead time, not the days.
        ImportResult r = import(
            s, {write(QStringLiteral("fournisseurs.csv"), QString::fromUtf8("Code fournisseur;Nom;Délai (jours)\r\nF1;Labo;6\r\n"))});
        QVERIFY(r.committed);
        QCOMPARE(r.files[0].updated, qint64(1));
        QCOMPARE(s.suppliers()[0].orderDays, 0x09);
        QCOMPARE(s.suppliers()[0].leadTimeDays, 6);
        // Same days again: unchanged; an empty cell: unknown.
        r = import(s,
                   {write(QStringLiteral("fournisseurs.csv"), header + QStringLiteral("F1;Labo;6;Lundi, Jeudi\r\nF2;Grossiste;2;\r\n"))});
        QVERIFY(r.committed);
        QCOMPARE(r.files[0].unchanged, qint64(1));
        QCOMPARE(r.files[0].updated, qint64(1));
        QCOMPARE(s.suppliers()[1].orderDays, 0);
        // Unquoted, ';' ends the field: the line has one value too many.
        r = import(s, {write(QStringLiteral("fournisseurs.csv"), header + QStringLiteral("F1;Labo;6;lun;jeu\r\n"))});
        QCOMPARE(r.rejectedCount, qint64(1));
        QCOMPARE(r.rejected[0].reason, RejectReason::TooManyFields);
    }

    void demoExportsCarryOrderDaysAndOrderHistory()
    {
        DemoOptions o;
        o.seed = 7;
        o.products = 60;
        o.units = 6;
        o.years = 1;
        o.outDir = m_dir.filePath(QStringLiteral("demo"));
        DemoSummary summary;
        QString error;
        QVERIFY2(generateDemo(o, &summary, &error), qPrintable(error));
        QFile suppliersFile(QDir(o.outDir).filePath(QStringLiteral("fournisseurs.csv")));
        QVERIFY(suppliersFile.open(QIODevice::ReadOnly));
        QVERIFY(suppliersFile.readLine().trimmed().endsWith("Jours de commande"));
        int written = 0;
        while (!suppliersFile.atEnd()) {
            const QByteArray days = suppliersFile.readLine().trimmed().split(';').value(3);
            QVERIFY2(orderDaysFromText(QString::fromLatin1(days)).value_or(0) != 0, days.constData());
            ++written;
        }
        QCOMPARE(written, summary.suppliers);

        Store s;
        QVERIFY(s.open(newDb(), &error));
        ImportOptions opt;
        opt.today = o.endDate;
        const ImportResult r = Importer(s).importFiles(summary.files, opt);
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
        // Every supplier has its days: wholesalers every weekday, makers one or two.
        const auto suppliers = s.suppliers();
        QCOMPARE(int(suppliers.size()), summary.suppliers);
        int everyWeekday = 0;
        for (const Supplier &sup : suppliers) {
            QVERIFY2(sup.orderDays != 0 && (sup.orderDays & ~kEveryWeekday) == 0, qPrintable(sup.code));
            everyWeekday += sup.orderDays == kEveryWeekday;
        }
        QVERIFY(everyWeekday >= 3);
        QVERIFY(everyWeekday < int(suppliers.size()));
        // The order history: received lines are listed, not on order.
        QVERIFY(summary.orderLines > summary.openOrderLines);
        QCOMPARE(int(s.openOrderLines(true).size()), summary.orderLines);
        QCOMPARE(int(s.openOrderLines().size()), summary.openOrderLines);
        QCOMPARE(s.info().openOrderLines, qint64(summary.openOrderLines));
        // Lead times are observed, ordered on a supplier's order day (or in
        // an emergency, "URG"), received after it.
        const auto lead = s.observedLeadTimes();
        QVERIFY(lead.size() > size_t(summary.orderLines) / 2);
        std::map<qint64, int> daysOf;
        for (const Supplier &sup : suppliers)
            daysOf[sup.id] = sup.orderDays;
        for (const LeadTimeObservation &l : lead) {
            QVERIFY(l.days >= 1);
            QVERIFY(l.days <= 120);
            QVERIFY2(l.orderNumber.startsWith(QLatin1String("URG")) || (daysOf[l.supplierId] & weekdayBit(l.orderDate.dayOfWeek())),
                     qPrintable(l.orderNumber));
        }
        QVERIFY(!s.receptionShelfLives().empty());
    }

    void xlsxImport()
    {
#ifndef REAPPRO_MAKE_XLSX
        QSKIP("libxlsxwriter not available");
#else
        Store s;
        openWithProducts(s);
        QString spec =
            QString::fromUtf8("#sheet Mouvements\ns:Date\ts:Type de mouvement\ts:Code produit\ts:Quantité\ts:UF\ts:PMP\ts:IPP\n");
        for (int r = 1; r <= 20; ++r)
            spec += QString::fromUtf8("d:2026-03-%1\ts:Délivrance UF\ts:M000001\tn:2.5\tn:4021\tn:0.0345\ts:1234567\n")
                        .arg(r, 2, 10, QLatin1Char('0'));
        const QString path = m_dir.filePath(QStringLiteral("mouvements.xlsx"));
        QVERIFY(testutil::makeXlsx(m_dir, path, spec));
        const ImportResult r = import(s, {path});
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
        QCOMPARE(r.files[0].format, QStringLiteral("XLSX"));
        QCOMPARE(r.files[0].droppedPatientColumns, QStringList{QStringLiteral("IPP")});
        QCOMPARE(count(s, "movement"), qint64(20));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT CAST(SUM(quantity) * 10 AS INTEGER) FROM movement"), qint64(500));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT MIN(day) FROM movement"), QDate(2026, 3, 1).toJulianDay());
        QCOMPARE(sql::queryInt(s.handle(), "SELECT unit_cost FROM movement LIMIT 1"), qint64(345));
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM location WHERE code = '4021'"), qint64(1));
#endif
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
