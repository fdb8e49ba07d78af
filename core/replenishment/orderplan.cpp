// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replenishment/orderplan.h"
#include "core/domain/criticality.h"
#include "core/common/csvformat.h"
#include "core/common/parallel.h"
#include "core/replenishment/replenishmentdata.h"
#include "core/replenishment/serviceallocation.h"

#include <QStringList>

#include <algorithm>
#include <set>
#include <tuple>

namespace reappro {

OrderPlan planOrders(const Store &store, QDate asOf, const ReplenishmentSettings &asked, int threads, const std::atomic<bool> *stop)
{
    OrderPlan plan;
    plan.asOf = asOf;
    ReplenishmentSettings settings = asked;
    if (settings.storedCalibration)
        if ((plan.calibration = store.serviceCalibration()))
            plan.calibrated = applyCalibration(*plan.calibration, settings.service);
    plan.budget = settings.budget;
    std::vector<ProductSituation> situations = loadSituations(store, asOf);
    if (stop && stop->load())
        return plan;
    const std::vector<double> targets = allocateServiceTargets(situations, asOf, settings, threads, stop);
    if (stop && stop->load())
        return plan;
    for (std::size_t i = 0; i < situations.size(); ++i)
        situations[i].serviceTarget = targets[i];
    std::vector<OrderSuggestion> lines(situations.size());
    parallelFor(situations.size(), threads, stop, [&](std::size_t i) {
        lines[i] = suggestOrder(situations[i], asOf, settings);
        if (std::find(plan.calibrated.begin(), plan.calibrated.end(), lines[i].criticality) != plan.calibrated.end())
            lines[i].classPromise = asked.service.of(lines[i].criticality);
    });
    if (stop && stop->load())
        return plan;
    for (const OrderSuggestion &l : lines)
        plan.totalBeforeBudget += l.value;
    plan.total = settings.budget ? applyBudget(lines, *settings.budget) : plan.totalBeforeBudget;

    std::set<QString> suppliers;
    for (OrderSuggestion &l : lines) {
        plan.failed += l.error.isEmpty() ? 0 : 1;
        if (l.forsaken)
            plan.forsaken.push_back(l);
        if (!(l.quantity > 0.0) && !l.budgetCut)
            continue;
        plan.budgetCut += l.budgetCut ? 1 : 0;
        plan.expiryRisk += l.expiryRisk ? 1 : 0;
        plan.capped += l.capped ? 1 : 0;
        if (l.quantity > 0.0) {
            ++plan.ordered;
            suppliers.insert(l.supplierCode);
        }
        plan.lines.push_back(std::move(l));
    }
    plan.suppliers = int(suppliers.size());
    std::sort(plan.lines.begin(), plan.lines.end(), [](const OrderSuggestion &a, const OrderSuggestion &b) {
        return std::tie(a.supplierCode, a.criticality, a.productCode) < std::tie(b.supplierCode, b.criticality, b.productCode);
    });
    return plan;
}

QByteArray orderPlanCsv(const OrderPlan &plan, Language language)
{
    const auto plain = [](double v, int decimals = 2) { return csvNumber(v, decimals); };
    QString csv = QStringLiteral("supplier,supplier_name,product_code,label,quantity_packs,pack_size,quantity_units,unit,"
                                 "unit_price_eur,value_eur,criticality,service_level,order_date,arrival_date,lead_time_days,"
                                 "review_days,demand_mean,order_up_to,safety_stock,on_hand,expiring,on_order,position,"
                                 "needed,shelf_life_cap,capped,expiry_risk,budget_cut,quantity_before_budget,model,explanation\n");
    const auto flag = [](bool b) { return b ? QStringLiteral("1") : QStringLiteral("0"); };
    for (const OrderSuggestion &l : plan.lines) {
        const QStringList row{l.supplierCode,
                              l.supplierName,
                              l.productCode,
                              l.label,
                              plain(l.packs()),
                              plain(l.packSize),
                              plain(l.quantity),
                              l.unit,
                              l.unitPrice.toPlainString(),
                              l.value.toPlainString(),
                              criticalityCode(l.criticality),
                              plain(l.serviceTarget, 4),
                              l.orderDate.toString(Qt::ISODate),
                              l.arrivalDate.toString(Qt::ISODate),
                              plain(l.leadTimeDays, 1),
                              plain(l.reviewDays, 0),
                              plain(l.coverMean),
                              plain(l.orderUpTo),
                              plain(l.safetyStock),
                              plain(l.onHand),
                              plain(l.expiring),
                              plain(l.onOrder),
                              plain(l.position),
                              plain(l.needed),
                              l.shelfLifeCap >= 0.0 ? plain(l.shelfLifeCap) : QString(),
                              flag(l.capped),
                              flag(l.expiryRisk),
                              flag(l.budgetCut),
                              plain(l.quantityBeforeBudget),
                              l.model,
                              explain(l, language)};
        QStringList fields;
        for (const QString &f : row)
            fields << csvCell(f, QLatin1Char(','));
        csv += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return "\xEF\xBB\xBF" + csv.toUtf8();
}

} // namespace reappro
