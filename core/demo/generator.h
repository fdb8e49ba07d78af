// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital, model: what the simulation keeps of the hospital (care
// units, suppliers, the uses of each product by the units, lots in stock,
// deliveries due, returns from the wards, order lines, and each product's
// demand, supply and state) and class Generator, which produces the
// exports: the calendar (calendar.cpp), the files written before and after
// the simulation (exportwriter.cpp), the day-by-day simulation
// (simulation.cpp), and run(), the whole in order, behind generateDemo
// (demogenerator.cpp). Private to core/demo/.
#pragma once

#include "core/demo/calendar.h"
#include "core/demo/catalogue.h"
#include "core/demo/demogenerator.h"
#include "core/demo/random.h"
#include "core/common/money.h"

#include <QDir>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reappro::demo {

enum DemandClass { Smooth, Erratic, Intermittent, Lumpy };

struct Unit {
    std::string code;      // UF code, "3021"
    QString label;
    Profile profile = Ward;
    int rounds = 0;
    unsigned roundMask = 0;   // bit 0 = Monday
    double activity = 1.0;
    std::string domains;
    bool missedRound = false; // a round fell on a holiday: delivered the next working day
    bool roundToday = false;
    qint64 note = 0;          // today's delivery note (BL) number, 0 before its first line
    int noteLine = 0;
};

struct Supplier {
    std::string code;
    QString name;
    SupplierKind kind = DrugMaker;
    int leadTime = 7;
    unsigned orderMask = 1;   // the weekdays it takes orders
    double reviewPeriod = 7;  // days between two of those
    int lotStyle = 0;
    qint64 todaysOrder = 0;   // the order opened today, so that its lines share a number
};

// One product used by one care unit.
struct Use {
    int unit;
    double share;          // of the product's ward demand
    double lastCum = 0.0;  // the product's cumulated rate at the unit's last round
    qint64 pending = 0;    // intermittent requests waiting for the round
    bool onCall = false;   // critical care tops it up on weekends and holidays too
};

struct LotRec {
    int expiry = 0;        // Julian day
    int serial = 0;
    qint64 qty = 0;
    std::array<char, 12> number{};
};

struct Delivery {
    int due;               // day index
    int orderLine;
    qint64 qty;
    bool emergency;
};

struct PendingReturn {
    int due, unit;
    LotRec lot;            // lot.qty = quantity returned
};

struct OrderLine {
    qint64 number;         // kind * 1e10 + yy * 1e8 + sequence
    int orderDay, expectedDay, product;
    qint64 ordered, received = 0;
};

constexpr int kWindow = 56;   // days of requests behind the pharmacy's average demand

struct Product {
    std::string code, pmp;    // Windows-1252 bytes, ready to write
    Money price;
    bool drug = true;
    DemandClass cls = Smooth;
    char ven = 'E';
    bool mitm = false;
    int supplier = 0, lead = 7, pack = 1;
    qint64 moq = 0;

    // Demand. Smooth and erratic products accumulate a rate per weekday
    // profile that each unit's round turns into a Poisson request;
    // intermittent and lumpy ones draw discrete requests on given days.
    double baseDaily = 0.0, shockShape = 40.0;
    double eventsPerDay = 0.0, sizeMean = 1.0, sizeParam = 1.0;
    double winterAmp = 0.0, summerDip = 0.0, dailyGrowth = 1.0, shiftFactor = 1.0;
    int shiftDay = -1, introDay = 0, endDay = 1 << 30;
    std::array<double, ProfileCount> profileShare{};
    unsigned profileMask = 0;
    int useBegin = 0, useCount = 0;
    double retroPerDay = 0.0;  // outpatients a working day
    int retroQty = 0;

    // Supply.
    int shelfMonths = 24;
    std::array<int, 2> shortageFrom{{-1, -1}}, shortageTo{{-1, -1}};
    double safetyDays = 5.0, cycleDays = 14.0;
    int lotStyle = 0;
    quint32 lotOffset = 0;
    int lotSerial = 0;

    // State.
    Rng rng;
    double trend = 1.0, shock = 1.0;
    std::array<double, ProfileCount> cum{};
    std::vector<LotRec> lots;  // sorted by expiry: FEFO
    qint64 onHand = 0, onOrder = 0;
    int emergencyOpen = 0;
    std::vector<Delivery> deliveries;
    std::vector<PendingReturn> returns;
    std::array<double, kWindow> requests{};
    double requestSum = 0.0;

    double expectedDaily(double level) const
    {
        const double ward = (cls == Smooth || cls == Erratic) ? baseDaily : eventsPerDay * sizeMean;
        return ward * level + retroPerDay * retroQty * 5.0 / 7.0;
    }
};

enum Phase { PhaseOpening, PhaseExpired, PhaseReception, PhaseReturn, PhaseIssue, PhaseRetro, PhaseOther, PhaseAdjust, PhaseCount };
enum OrderKind { OrderNormal = 0, OrderEmergency = 1 };

class Generator
{
public:
    Generator(const DemoOptions &o, const std::function<void(double)> &progress) : m_o(o), m_progress(progress) {}
    bool run(DemoSummary *summary, QString *error);

private:
    void buildCalendar();
    bool writeSuppliers(QString *error);
    bool writeUnits(QString *error);
    bool writeProducts(QString *error);
    bool simulate(QString *error);
    bool writeLots(QString *error);
    bool writeOpenOrders(QString *error);

    double level(const Product &p, int di) const;
    void openingStock(Product &p, int di);
    void simulateDay(Product &p, int di);
    void destroyExpired(Product &p, int di);
    void receive(Product &p, int di);
    void takeReturns(Product &p, int di);
    qint64 requestOf(Product &p, Use &use);
    void record(Product &p, int di, qint64 qty);
    void issue(Product &p, int di, int unit, qint64 qty);
    void dispenseOutpatient(Product &p, int di, qint64 qty);
    void accrue(Product &p, int di);
    void incidents(Product &p, int di);
    void adjust(Product &p, int di, LotRec &lot, qint64 delta, const char *prefix, qint64 seq);
    void review(Product &p, int di);
    void placeOrder(Product &p, int di, qint64 qty, bool emergency);
    void scheduleDelivery(Product &p, int di, int line, qint64 qty, int due, bool emergency);
    LotRec newLot(Product &p, int di, qint64 qty, double lifeFraction);
    void insertLot(Product &p, const LotRec &lot);
    void dropEmptyLots(Product &p);

    void beginLine(std::string &b, int di, const std::string &type, const Product &p, const LotRec &lot, qint64 qty, std::string_view from,
                   std::string_view to);
    void endLine(std::string &b, const char *prefix, qint64 seq, int width, qint64 order = 0);
    void appendOrderNumber(std::string &b, qint64 number) const;
    int nextWorking(int di) const;

    const DemoOptions &m_o;
    const std::function<void(double)> &m_progress;
    QDir m_dir;
    int m_firstJd = 0, m_days = 0;
    std::vector<Day> m_cal;
    std::vector<int> m_nextWorking;
    std::unique_ptr<DateTexts> m_dates;
    std::vector<Supplier> m_suppliers;
    std::vector<Unit> m_units;
    std::vector<Product> m_products;
    std::vector<Use> m_uses;
    std::vector<OrderLine> m_orders;
    std::array<std::string, PhaseCount> m_buf;
    std::string m_tReception, m_tIssue, m_tReturn, m_tExpired, m_tOther, m_tAdjust, m_tRetro;   // Windows-1252
    std::string m_pui = "PUI";
    qint64 m_movements = 0;
    int m_lots = 0, m_openLines = 0, m_orderLines = 0;
    qint64 m_seqReception = 0, m_seqNote = 0, m_seqReturn = 0, m_seqExpired = 0, m_seqOther = 0, m_seqAdjust = 0, m_seqOpening = 0,
           m_seqRetro = 0, m_seqOrder = 0, m_seqEmergency = 0;
    QStringList m_files;
};

} // namespace reappro::demo
