// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital: a day-by-day simulation of a French central pharmacy (PUI)
// and its care units, written as the CSV exports a pharmacy system would
// produce. Demand per product follows one of the four Syntetos-Boylan classes
// with weekday, winter and summer patterns, trends, level shifts and public
// holidays; wards are restocked on their rounds; the pharmacy orders with a
// min/max policy on its suppliers' order days, receives lots with stochastic
// lead times, issues them FEFO and destroys what expires.
//
// Determinism: every random draw comes from our own xoshiro256** streams,
// one per product (and one each for suppliers, units and catalogue ids), and
// our own samplers; std:: distributions are implementation-defined.
//
// Here: Generator::run, the whole in order, and generateDemo. The streams
// are in random.h, the bytes of the CSV files in textout.h, the days in
// calendar.h, what the hospital is drawn from in catalogue.h, the model and
// class Generator in generator.h, the files written before and after the
// simulation in exportwriter.cpp, and the days simulated in simulation.cpp.
#include "core/demo/demogenerator.h"

#include "core/demo/generator.h"

#include <QDir>

namespace reappro {

namespace demo {

bool Generator::run(DemoSummary *summary, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (m_o.outDir.isEmpty() || m_o.products < 1 || m_o.units < 1 || m_o.years < 1 || !m_o.endDate.isValid() || m_o.products > 500000
        || m_o.units > 2000 || m_o.years > 30 || m_o.endDate.year() < 1900 || m_o.endDate.year() > 9000) {
        *error = QStringLiteral("Invalid demo options: an output folder, 1 to 500000 products, 1 to 2000 units, "
                                "1 to 30 years and a valid end date are needed.");
        return false;
    }
    if (!QDir().mkpath(m_o.outDir)) {
        *error = QStringLiteral("Cannot create the folder %1").arg(QDir::toNativeSeparators(m_o.outDir));
        return false;
    }
    m_dir = QDir(m_o.outDir);
    if (m_progress)
        m_progress(0.0);
    buildCalendar();
    if (!writeSuppliers(error) || !writeUnits(error) || !writeProducts(error))
        return false;
    if (m_progress)
        m_progress(0.02);
    if (!simulate(error) || !writeLots(error) || !writeOpenOrders(error))
        return false;
    if (summary) {
        summary->products = int(m_products.size());
        summary->units = int(m_units.size());
        summary->suppliers = int(m_suppliers.size());
        summary->lots = m_lots;
        summary->openOrderLines = m_openLines;
        summary->orderLines = m_orderLines;
        summary->movements = m_movements;
        summary->files = m_files;
    }
    if (m_progress)
        m_progress(1.0);
    return true;
}

} // namespace demo

bool generateDemo(const DemoOptions &options, DemoSummary *summary, QString *error, const std::function<void(double)> &progress)
{
    demo::Generator g(options, progress);
    return g.run(summary, error);
}

} // namespace reappro
