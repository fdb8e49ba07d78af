// SPDX-License-Identifier: GPL-3.0-or-later
// The table of forecasting methods (forecasting/methods.h): one row per
// Method in enum order, unique names that round-trip through methodFromName
// and methodName, the comma-separated list the CLI's --help shows, and
// unknown or misspelt names rejected.
#include "forecasting/methods.h"
#include "forecasting/select.h" // callers reach the table through the public header

#include <QTest>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

using namespace reappro::forecasting;

namespace {

// Theta is the last enumerator.
constexpr std::size_t kMethodCount = std::size_t(Method::Theta) + 1;

QString q(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

} // namespace

class TestMethods : public QObject
{
    Q_OBJECT

private slots:
    void everyMethodOnceInEnumOrder()
    {
        const auto table = methods();
        QCOMPARE(table.size(), kMethodCount);
        QCOMPARE(table.front().method, Method::Auto);
        for (std::size_t i = 0; i < kMethodCount; ++i) {
            const Method m = Method(i);
            QCOMPARE(table[i].method, m);
            QCOMPARE(std::count_if(table.begin(), table.end(), [m](const MethodInfo &r) { return r.method == m; }), std::ptrdiff_t(1));
        }
    }

    void rowsAreFilledIn()
    {
        const std::set<std::string_view> families{"automatic", "exponential smoothing", "theta", "Croston family", "naive"};
        for (const MethodInfo &r : methods()) {
            QVERIFY2(!r.name.empty(), qPrintable(QString::number(int(r.method))));
            QVERIFY2(families.count(r.family) == 1, qPrintable(q(r.name) + QStringLiteral(": ") + q(r.family)));
            QVERIFY2(!r.intervalRule.empty(), qPrintable(q(r.name)));
            QVERIFY2(!r.description.empty(), qPrintable(q(r.name)));
            // Exact, lower case, no spaces or commas: the names a user types.
            for (char c : r.name)
                QVERIFY2((c >= 'a' && c <= 'z') || c == '-', qPrintable(q(r.name)));
        }
        QCOMPARE(q(methods()[std::size_t(Method::Sba)].family), QStringLiteral("Croston family"));
        QCOMPARE(q(methods()[std::size_t(Method::HwMul)].family), QStringLiteral("exponential smoothing"));
    }

    void namesAreUnique()
    {
        std::set<std::string_view> seen;
        for (const MethodInfo &r : methods())
            QVERIFY2(seen.insert(r.name).second, qPrintable(q(r.name)));
        QCOMPARE(seen.size(), kMethodCount);
    }

    void namesRoundTrip()
    {
        // Every Method is accepted by name today, Theta included.
        for (const MethodInfo &r : methods()) {
            QCOMPARE(methodName(r.method), r.name);
            QCOMPARE(methodFromName(methodName(r.method)), std::optional<Method>(r.method));
        }
        QCOMPARE(methodFromName("theta"), std::optional<Method>(Method::Theta));
        QCOMPARE(methodFromName("holt-damped"), std::optional<Method>(Method::HoltDamped));
        QCOMPARE(methodFromName("snaive"), std::optional<Method>(Method::SNaive));
    }

    void namesListForHelp()
    {
        // The CLI's --method help lists these names in this order; theta, also
        // accepted by methodFromName, comes last as in the enum.
        QCOMPARE(QString::fromStdString(methodNamesList()),
                 QStringLiteral("auto, ses, holt, holt-damped, hw-add, hw-mul, croston, sba, tsb, adida, imapa, "
                                "naive, snaive, theta"));
        // Every item of the list parses back.
        const QStringList items = QString::fromStdString(methodNamesList()).split(QStringLiteral(", "));
        QCOMPARE(std::size_t(items.size()), kMethodCount);
        for (const QString &item : items)
            QVERIFY2(methodFromName(item.toStdString()).has_value(), qPrintable(item));
    }

    void unknownNames()
    {
        for (const char *bad : {"", "SES", "Auto", "arima", "ets", "holt damped", "holt_damped", " ses", "ses ", "theta2", "auto, ses"})
            QVERIFY2(!methodFromName(bad).has_value(), bad);
        QVERIFY(methodName(Method(kMethodCount)).empty()); // not a Method: no name
    }
};

QTEST_GUILESS_MAIN(TestMethods)
#include "tst_methods.moc"
