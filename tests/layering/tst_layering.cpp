// SPDX-License-Identifier: GPL-3.0-or-later
// The house rules that keep the layers apart, read from the sources
// themselves so that they hold by test, not by memory:
//  - forecasting/ is pure C++20 + Eigen: no Qt header, nothing of core/,
//    ui/ or app/;
//  - core/ never includes QtGui, QtWidgets or Qt Charts headers, nor ui/ or
//    app/; ui/ never includes app/;
//  - inside core/, the rooms keep their order: common/ and domain/ use no
//    other room; store/ only those two; demo/ (the demo hospital) only those
//    two, so it stays independent of the engine it is used to test; nothing
//    but import/ itself includes import/;
//  - SQL is written only in core/store/: no SQLite or QtSql call, and no
//    string literal starting with an SQL statement, anywhere else in
//    forecasting/, core/, ui/ or app/;
//  - forecasting/ and core/ build on Windows too: no POSIX-only header
//    (unistd.h, sys/..., fcntl.h, pthread.h, dlfcn.h...);
//  - no network access anywhere in the application: no QtNetwork, no
//    socket or HTTP library, no URL fetched (a pharmacy's data stays on the
//    workstation; docs/user-guide.md says so).
// The Qt header names come from the Qt installation itself (every file of
// its QtGui, QtWidgets and QtCharts folders), so a new widget class is
// caught without a list to keep. Each rule is also run on a made-up
// violation, so that a rule that can no longer fail is noticed.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

struct Include {
    QString target;   // what is included, without the quotes or brackets
    bool system = false;
    int line = 0;
};

std::vector<Include> includesOf(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"), QRegularExpression::MultilineOption);
    std::vector<Include> out;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out.push_back({m.captured(2), m.captured(1) == QLatin1String("<"), int(text.left(m.capturedStart()).count(QLatin1Char('\n'))) + 1});
    }
    return out;
}

// Lines that write SQL: a call of the SQLite C API or of QtSql, or a string
// literal that starts with an SQL statement. Comments are skipped.
QStringList sqlLines(const QString &text)
{
    static const QRegularExpression api(QStringLiteral(R"(\bsqlite3_\w+\s*\(|\bsql::\w+|\bQSql(Query|Database)\b)"));
    static const QRegularExpression literal(
        QStringLiteral(R"sql((?:"|R"\w*\()\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|BEGIN|COMMIT|ROLLBACK|WITH)\s)sql"));
    QStringList out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString code = lines[i];
        const int comment = code.indexOf(QLatin1String("//"));
        if (comment >= 0 && !code.left(comment).contains(QLatin1Char('"')))
            code.truncate(comment);
        if (api.match(code).hasMatch() || literal.match(code).hasMatch())
            out << QStringLiteral("%1: %2").arg(i + 1).arg(lines[i].trimmed());
    }
    return out;
}

QString roomOf(const QString &path)   // "core/store/store.cpp" -> "core/store"
{
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() >= 3 && parts[0] == QLatin1String("core"))
        return parts[0] + QLatin1Char('/') + parts[1];
    return parts.value(0);
}

// What a file of `room` may include of the project (by include prefix).
bool mayInclude(const QString &room, const QString &target)
{
    static const QStringList ownFolders = {QStringLiteral("forecasting/"), QStringLiteral("core/"), QStringLiteral("ui/"),
                                           QStringLiteral("app/")};
    if (!std::any_of(ownFolders.begin(), ownFolders.end(), [&](const QString &f) { return target.startsWith(f); }))
        return true;   // not ours (a library, or a file beside it)
    if (target.startsWith(room + QLatin1Char('/')))
        return true;
    const auto in = [&](std::initializer_list<const char *> prefixes) {
        for (const char *p : prefixes)
            if (target.startsWith(QLatin1String(p)))
                return true;
        return false;
    };
    if (room == QLatin1String("forecasting"))
        return false;
    if (room == QLatin1String("core/common") || room == QLatin1String("core/domain"))
        return in({"core/common/", "core/domain/"});
    if (room == QLatin1String("core/demo"))
        return in({"core/common/", "core/domain/"});
    if (room == QLatin1String("core/store"))
        return in({"forecasting/", "core/common/", "core/domain/"});
    if (room == QLatin1String("core/import"))
        return in({"forecasting/", "core/common/", "core/domain/", "core/store/"});
    if (room.startsWith(QLatin1String("core/")))   // forecast, replenishment, simulation, and rooms to come
        return in({"forecasting/", "core/"}) && !in({"core/import/", "core/demo/"});
    if (room == QLatin1String("ui"))
        return in({"forecasting/", "core/", "ui/"});
    return true;   // app/ uses everything
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

    QString m_root = QStringLiteral(REAPPRO_SOURCE_DIR);
    QSet<QString> m_guiHeaders;   // QtGui, QtWidgets, QtCharts
    QSet<QString> m_qtHeaders;    // every Qt module

    QStringList sources(const QString &folder) const
    {
        QStringList out;
        QDirIterator it(m_root + QLatin1Char('/') + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            out << QDir(m_root).relativeFilePath(it.next());
        out.sort();
        return out;
    }

    static QString read(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll());
    }

    // Every broken rule of one file, as "file:line: what".
    QStringList violations(const QString &path, const QString &text) const
    {
        QStringList out;
        const QString room = roomOf(path);
        for (const Include &inc : includesOf(text)) {
            const QString where = QStringLiteral("%1:%2: ").arg(path).arg(inc.line);
            const QString module = inc.target.section(QLatin1Char('/'), 0, 0);
            const QString name = inc.target.section(QLatin1Char('/'), -1);
            const bool qt = inc.system && (m_qtHeaders.contains(name) || module.startsWith(QLatin1String("Qt")));
            const bool gui = inc.system
                             && (m_guiHeaders.contains(name) || module == QLatin1String("QtGui") || module == QLatin1String("QtWidgets")
                                 || module == QLatin1String("QtCharts"));
            if (room == QLatin1String("forecasting") && (qt || inc.target.startsWith(QLatin1String("sqlite3"))))
                out << where + QStringLiteral("forecasting/ includes %1 (no Qt, pure C++20 + Eigen)").arg(inc.target);
            if (room.startsWith(QLatin1String("core")) && gui)
                out << where + QStringLiteral("core/ includes %1 (QtCore only, no QtGui or widgets)").arg(inc.target);
            if (!inc.system && !mayInclude(room, inc.target))
                out << where + QStringLiteral("%1 includes %2 (a lower layer or room includes a higher one)").arg(room, inc.target);
            if (room != QLatin1String("core/store") && inc.system
                && (inc.target == QLatin1String("sqlite3.h") || inc.target.startsWith(QLatin1String("QSql"))
                    || inc.target.startsWith(QLatin1String("QtSql"))))
                out << where + QStringLiteral("%1 outside core/store/").arg(inc.target);
            static const QRegularExpression posix(
                QStringLiteral(R"(^(unistd|fcntl|pthread|dlfcn|dirent|termios|poll|syslog|pwd|grp|spawn)\.h$|^sys/|^arpa/|^netinet/)"));
            if ((room == QLatin1String("forecasting") || room.startsWith(QLatin1String("core"))) && inc.system
                && posix.match(inc.target).hasMatch())
                out << where + QStringLiteral("%1 is POSIX-only (forecasting/ and core/ build on Windows too)").arg(inc.target);
            static const QRegularExpression network(QStringLiteral(
                R"(^(QtNetwork/|QNetwork|QTcp|QUdp|QSsl|QLocalSocket|QHostAddress|QDnsLookup|curl/|sys/socket\.h|netdb\.h|winsock))"));
            if (inc.system && network.match(inc.target).hasMatch())
                out << where + QStringLiteral("%1: no network access in Reappro").arg(inc.target);
        }
        if (room != QLatin1String("core/store"))
            for (const QString &l : sqlLines(text))
                out << QStringLiteral("%1:%2 (SQL outside core/store/)").arg(path, l);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(m_root + QStringLiteral("/core/store/store.h")), qPrintable(m_root));
        const QString qtInclude = QStringLiteral(REAPPRO_QT_INCLUDE_DIR);
        for (const QString &module : QDir(qtInclude).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QStringList files = QDir(qtInclude + QLatin1Char('/') + module).entryList(QDir::Files);
            for (const QString &f : files) {
                m_qtHeaders.insert(f);
                if (module == QLatin1String("QtGui") || module == QLatin1String("QtWidgets") || module == QLatin1String("QtCharts"))
                    m_guiHeaders.insert(f);
            }
        }
        // QString is QtCore's; QWidget and QPainter are not.
        QVERIFY(m_qtHeaders.contains(QStringLiteral("QString")) && !m_guiHeaders.contains(QStringLiteral("QString")));
        QVERIFY(m_guiHeaders.contains(QStringLiteral("QWidget")) && m_guiHeaders.contains(QStringLiteral("QPainter")));
    }

    // Each rule on a made-up file that breaks it.
    void eachRuleCatchesItsViolation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Qt in forecasting") << "forecasting/x.cpp"
                                           << "#include <QString>\n"
                                           << "no Qt";
        QTest::newRow("core in forecasting") << "forecasting/x.h"
                                             << "#include \"core/common/money.h\"\n"
                                             << "higher one";
        QTest::newRow("widgets in core") << "core/replenishment/x.cpp"
                                         << "#include <QWidget>\n"
                                         << "no QtGui";
        QTest::newRow("QtGui module in core") << "core/domain/x.h"
                                              << "#include <QtGui/QColor>\n"
                                              << "no QtGui";
        QTest::newRow("ui in core") << "core/forecast/x.cpp"
                                    << "#include \"ui/formatting.h\"\n"
                                    << "higher one";
        QTest::newRow("app in ui") << "ui/x.cpp"
                                   << "#include \"app/cli/common.h\"\n"
                                   << "higher one";
        QTest::newRow("store in domain") << "core/domain/x.h"
                                         << "#include \"core/store/store.h\"\n"
                                         << "higher one";
        QTest::newRow("engine in demo") << "core/demo/x.cpp"
                                        << "#include \"core/replenishment/orderplan.h\"\n"
                                        << "higher one";
        QTest::newRow("import in replenishment") << "core/replenishment/x.cpp"
                                                 << "#include \"core/import/importer.h\"\n"
                                                 << "higher one";
        QTest::newRow("sqlite3.h in ui") << "ui/x.cpp"
                                         << "#include <sqlite3.h>\n"
                                         << "outside core/store/";
        QTest::newRow("SQL literal in core") << "core/replenishment/x.cpp"
                                             << "const char *q = \"SELECT id FROM product\";\n"
                                             << "SQL outside";
        QTest::newRow("raw SQL literal in core") << "core/forecast/x.cpp"
                                                 << "auto q = R\"sql( UPDATE lot SET x = 1)sql\";\n"
                                                 << "SQL outside";
        QTest::newRow("SQLite call in app") << "app/cli/x.cpp"
                                            << "sqlite3_exec(db, q, nullptr, nullptr, nullptr);\n"
                                            << "SQL outside";
        QTest::newRow("QSqlQuery in ui") << "ui/views/x.cpp"
                                         << "QSqlQuery q(db);\n"
                                         << "SQL outside";
        QTest::newRow("network in ui") << "ui/x.cpp"
                                       << "#include <QNetworkAccessManager>\n"
                                       << "no network";
        QTest::newRow("sockets in app") << "app/cli/y.cpp"
                                        << "#include <sys/socket.h>\n"
                                        << "no network";
        QTest::newRow("POSIX in core") << "core/common/x.cpp"
                                       << "#include <unistd.h>\n"
                                       << "POSIX-only";
        QTest::newRow("POSIX in forecasting") << "forecasting/x.cpp"
                                              << "#include <sys/mman.h>\n"
                                              << "POSIX-only";
    }

    void eachRuleCatchesItsViolation()
    {
        QFETCH(QString, path);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QStringList v = violations(path, text);
        QVERIFY2(v.size() == 1 && v.first().contains(expected), qPrintable(v.join(QLatin1Char('\n'))));
    }

    void allowedIncludesPass()
    {
        QVERIFY(
            violations(QStringLiteral("core/store/x.cpp"), QStringLiteral("#include <sqlite3.h>\nsql::exec(db, \"BEGIN\");\n")).isEmpty());
        QVERIFY(violations(QStringLiteral("core/replenishment/x.cpp"),
                           QStringLiteral("#include \"core/store/store.h\"\n#include \"forecasting/select.h\"\n#include <QDate>\n"))
                    .isEmpty());
        QVERIFY(
            violations(QStringLiteral("ui/x.cpp"), QStringLiteral("#include <QWidget>\n#include \"core/import/importer.h\"\n")).isEmpty());
        // "Select" in prose or a comment is not SQL.
        QVERIFY(violations(QStringLiteral("ui/x.cpp"), QStringLiteral("tr(\"Select the files\"); // SELECT * FROM x\n")).isEmpty());
    }

    void theTreeKeepsItsLayers()
    {
        QStringList all;
        int files = 0;
        for (const char *folder : {"forecasting", "core", "ui", "app"})
            for (const QString &path : sources(QLatin1String(folder))) {
                ++files;
                all << violations(path, read(m_root + QLatin1Char('/') + path));
            }
        QVERIFY2(files > 100, qPrintable(QString::number(files)));
        QVERIFY2(all.isEmpty(), qPrintable(all.join(QLatin1Char('\n'))));
    }

    // docs/architecture.md names folders and files: each must exist, so the
    // picture cannot drift from the tree.
    void architectureNamesOnlyPathsThatExist()
    {
        const QString text = read(m_root + QStringLiteral("/docs/architecture.md"));
        QVERIFY(!text.isEmpty());
        static const QRegularExpression code(QStringLiteral("`([^`\\s]+)`"));
        QStringList missing;
        int paths = 0;
        for (auto it = code.globalMatch(text); it.hasNext();) {
            const QString p = it.next().captured(1);
            // A path: a folder ("core/store/") or a file with an extension.
            static const QRegularExpression looksLikePath(QStringLiteral(R"(^[\w.-]+(/[\w.@-]+)*(/|\.\w+)$)"));
            if (!looksLikePath.match(p).hasMatch() || !p.contains(QLatin1Char('/')))
                continue;
            ++paths;
            if (!QFileInfo::exists(m_root + QLatin1Char('/') + p))
                missing << p;
        }
        QVERIFY2(paths >= 20, qPrintable(QString::number(paths)));
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
