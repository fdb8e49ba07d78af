// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety as a test: `reappro-cli import` is killed (SIGKILL, as a
// power cut or a crash would stop it) at random points of a large import,
// and each time the database must pass SQLite's integrity_check and hold
// either the whole import or none of it, with what was there before intact.
// Both ways an import writes are covered: a big movements file run alone
// (rollback journal) and a smaller one (WAL). The points are drawn from a
// seeded generator and printed, so a failure can be replayed.
#include "core/store/sqlite.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using testutil::runCli;

namespace {

struct State {
    bool integrityOk = false;
    QString integrity;
    qint64 products = -1, movements = -1;
};

State stateOf(const QString &path)
{
    State st;
    sqlite3 *db = nullptr;
    // Opening rolls back a hot journal left by the killed import, as the
    // next run of Reappro would.
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return st;
    }
    {
        reappro::sql::Statement c(db, "PRAGMA integrity_check");
        QStringList lines;
        while (c.step() == SQLITE_ROW)
            lines << c.text(0);
        st.integrity = lines.join(QLatin1Char('\n'));
        st.integrityOk = lines == QStringList{QStringLiteral("ok")};
    }
    st.products = reappro::sql::queryInt(db, "SELECT COUNT(*) FROM product", -1);
    st.movements = reappro::sql::queryInt(db, "SELECT COUNT(*) FROM movement", -1);
    sqlite3_close(db);
    return st;
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_exports;

    QString exportFile(const char *name) const { return m_exports + QLatin1Char('/') + QLatin1String(name); }
    QStringList referenceFiles() const
    {
        return {exportFile("fournisseurs.csv"), exportFile("unites.csv"), exportFile("produits.csv"), exportFile("stock_lots.csv"),
                exportFile("commandes_en_cours.csv")};
    }

    // Imports the reference files, then kills the import of the movements
    // at `runs` random points; returns how many kills landed mid-import.
    // The points are drawn between 5% and 60% of the time a whole import
    // (references included) took, so that most land in the middle of it.
    int killImports(const QString &label, const QString &movements, int runs, quint32 seed, qint64 fullMovements, qint64 fullMs)
    {
        QRandomGenerator rng(seed);
        int midway = 0;
        for (int i = 0; i < runs; ++i) {
            const QString db = m_dir.filePath(QStringLiteral("%1-%2.sqlite").arg(label).arg(i));
            const auto refs = runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), db} + referenceFiles());
            if (refs.exitCode != 0) {
                qWarning("%s", qPrintable(refs.err));
                return -1;
            }
            const qint64 productsBefore = stateOf(db).products;
            QProcess p;
            p.start(QStringLiteral(REAPPRO_CLI), {QStringLiteral("import"), QStringLiteral("--db"), db, movements});
            p.waitForStarted();
            const int delayMs = int(rng.bounded(qMax<qint64>(1, fullMs / 20), qMax<qint64>(2, fullMs * 3 / 5)));
            const bool finishedFirst = p.waitForFinished(delayMs);
            if (!finishedFirst) {
                p.kill();   // SIGKILL: no handler runs, as in a crash
                p.waitForFinished();
                ++midway;
            }
            const State st = stateOf(db);
            qInfo("%s run %d: killed after %d ms%s -> integrity %s, %lld movements", qPrintable(label), i, delayMs,
                  finishedFirst ? " (had finished)" : "", qPrintable(st.integrity), st.movements);
            if (!st.integrityOk || st.products != productsBefore || (st.movements != 0 && st.movements != fullMovements)) {
                qWarning("%s run %d broke the all-or-nothing rule: integrity '%s', products %lld (before %lld), movements %lld",
                         qPrintable(label), i, qPrintable(st.integrity), st.products, productsBefore, st.movements);
                return -1;
            }
        }
        return midway;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_exports = m_dir.filePath(QStringLiteral("demo"));
        // A hospital whose movements file (about 90 MB, a million lines) is
        // large enough to be killed in the middle, and above the size from
        // which an import alone on the database uses a rollback journal.
        const auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_exports});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void killedBigImportLeavesAllOrNothing()
    {
        // The full import, once, for the count to compare with.
        const QString full = m_dir.filePath(QStringLiteral("full.sqlite"));
        QElapsedTimer timer;
        timer.start();
        const auto r = runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), full} + referenceFiles()
                              + QStringList{exportFile("mouvements.csv")});
        const qint64 fullMs = timer.elapsed();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const qint64 all = stateOf(full).movements;
        QVERIFY(all > 500000);
        const int midway = killImports(QStringLiteral("big"), exportFile("mouvements.csv"), 6, 20261207, all, fullMs);
        QVERIFY(midway >= 0);
        QVERIFY2(midway >= 3, "too few kills landed during the import");
    }

    void killedWalImportLeavesAllOrNothing()
    {
        // Below 64 MB the import keeps WAL: a third of the movements.
        const QString part = m_dir.filePath(QStringLiteral("part.csv"));
        {
            QFile in(exportFile("mouvements.csv")), out(part);
            QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
            qint64 lines = 0;
            while (!in.atEnd() && lines < 350000) {
                out.write(in.readLine());
                ++lines;
            }
        }
        const QString full = m_dir.filePath(QStringLiteral("part-full.sqlite"));
        QElapsedTimer timer;
        timer.start();
        const auto r = runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), full} + referenceFiles() + QStringList{part});
        const qint64 fullMs = timer.elapsed();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const qint64 all = stateOf(full).movements;
        QVERIFY(all > 100000);
        const int midway = killImports(QStringLiteral("wal"), part, 6, 7, all, fullMs);
        QVERIFY(midway >= 0);
        QVERIFY2(midway >= 3, "too few kills landed during the import");
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
