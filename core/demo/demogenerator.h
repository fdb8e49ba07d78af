// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital: simulates a French hospital pharmacy (PUI) day by day and
// writes its exports (suppliers, care units, products, stock movements, lots
// in stock, open orders) as French CSV files, so that every feature can be
// tried, tested and benchmarked without real data. Same options, same bytes.
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <functional>

namespace reappro {

struct DemoOptions {
    quint64 seed = 42;
    int products = 1500;   // references: about 70% drugs, 30% medical devices
    int units = 40;        // care units (UF)
    int years = 3;         // of movement history, ending on endDate
    QDate endDate = QDate(2026, 10, 31); // last day of history, fixed for determinism
    QString outDir;
};

struct DemoSummary {
    int products = 0, units = 0, suppliers = 0, lots = 0;
    int openOrderLines = 0;   // still on order at the end
    int orderLines = 0;       // in commandes_en_cours.csv: open ones and those of the last 12 months
    qint64 movements = 0;
    QStringList files;     // absolute paths of the files written
};

// Writes fournisseurs.csv (with each supplier's order days, "lun,jeu"),
// unites.csv, produits.csv, mouvements.csv, stock_lots.csv and
// commandes_en_cours.csv (every line still on order, and the lines of the
// last 12 months received in full, for lead times) into options.outDir
// (created if needed): ';'-separated, Windows-1252, CRLF, decimal comma,
// dd/MM/yyyy.
// progress(fraction 0..1) may be null. Returns false and sets *error on
// invalid options or I/O failure.
bool generateDemo(const DemoOptions &options, DemoSummary *summary, QString *error, const std::function<void(double)> &progress = {});

} // namespace reappro
