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
#include "core/demo/demogenerator.h"

#include "core/domain/identifiers.h"
#include "core/domain/supplier.h"
#include "core/common/money.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace reappro {

namespace {

namespace bg = boost::gregorian;

constexpr double kPi = 3.14159265358979323846;

// ============================================================ randomness

quint64 splitmix64(quint64 &x)
{
    quint64 z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Independent streams: the catalogue of product 12 does not move when a
// draw is added to the simulation of product 11.
quint64 streamSeed(quint64 seed, quint64 stream, quint64 index)
{
    quint64 x = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    x = splitmix64(x) ^ (index * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL);
    return splitmix64(x);
}

enum Stream : quint64 { StreamSuppliers = 1, StreamUnits, StreamCatalogue, StreamIds, StreamSimulation };

class Rng
{
public:
    explicit Rng(quint64 seed = 0)
    {
        for (quint64 &v : m_s)
            v = splitmix64(seed);
    }
    quint64 next()   // xoshiro256**
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }   // [0, 1)
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    int below(int n) { return int(((next() >> 32) * quint64(n)) >> 32); }           // [0, n)
    int range(int lo, int hi) { return lo + below(hi - lo + 1); }                   // [lo, hi]
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        // Box-Muller, one value per call: simpler to keep streams aligned.
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
    }
    double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
    double gamma(double shape)   // scale 1 (Marsaglia-Tsang)
    {
        if (shape < 1.0)
            return gamma(shape + 1.0) * std::pow(1.0 - uniform(), 1.0 / shape);
        const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
        for (;;) {
            double x, v;
            do {
                x = normal();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            const double u = 1.0 - uniform();
            if (u < 1.0 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
                return d * v;
        }
    }
    qint64 poisson(double lambda)
    {
        if (lambda <= 0.0)
            return 0;
        if (lambda < 30.0) {   // inversion: one uniform per draw
            const double u = uniform();
            double p = std::exp(-lambda), f = p;
            qint64 k = 0;
            while (u > f && k < 200) {
                ++k;
                p *= lambda / double(k);
                f += p;
            }
            return k;
        }
        return std::max<qint64>(0, std::llround(lambda + std::sqrt(lambda) * normal()));
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_s[4];
};

// ============================================================ text output

// Windows-1252 bytes of a UTF-16 string: Latin-1 maps to itself, the
// 0x80-0x9F block holds the typographic characters. In a field, ';' would
// split the line, so it becomes ','.
void appendCp1252(std::string &out, QStringView s, bool field = true)
{
    static const std::array<std::pair<char16_t, unsigned char>, 27> kHigh = {{
        {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
        {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
        {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
        {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
        {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
    }};
    for (QChar ch : s) {
        const char16_t u = ch.unicode();
        if (u < 0x80 || (u >= 0xA0 && u <= 0xFF)) {
            out.push_back(field && u == ';' ? ',' : char(u));
            continue;
        }
        char c = '?';
        for (const auto &[code, byte] : kHigh)
            if (code == u)
                c = char(byte);
        out.push_back(c);
    }
}

// Whole lines and fixed texts.
std::string cp1252(const char *utf8)
{
    std::string out;
    appendCp1252(out, QString::fromUtf8(utf8), false);
    return out;
}

void appendInt(std::string &out, qint64 v)
{
    char buf[24];
    int n = 0;
    const bool negative = v < 0;
    quint64 u = negative ? quint64(-(v + 1)) + 1 : quint64(v);
    do {
        buf[n++] = char('0' + u % 10);
        u /= 10;
    } while (u);
    if (negative)
        out.push_back('-');
    while (n)
        out.push_back(buf[--n]);
}

void appendPadded(std::string &out, qint64 v, int width)
{
    char buf[24];
    int n = 0;
    quint64 u = quint64(std::max<qint64>(0, v));
    do {
        buf[n++] = char('0' + u % 10);
        u /= 10;
    } while (u);
    for (int i = n; i < width; ++i)
        out.push_back('0');
    while (n)
        out.push_back(buf[--n]);
}

// Money units (1/10000 EUR) as "25,14", "0,0345", "12,50": two to four
// decimals, no thousands separator.
std::string priceText(Money m)
{
    std::string s;
    appendInt(s, m.units() / Money::kScale);
    s.push_back(',');
    appendPadded(s, m.units() % Money::kScale, 4);
    while (s.size() > 3 && s.back() == '0' && s[s.size() - 3] != ',')
        s.pop_back();
    return s;
}

// Buffered file writer that remembers the first error.
class OutFile
{
public:
    bool open(const QString &path, const char *headerUtf8, QString *error)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), m_file.errorString());
            return false;
        }
        m_buf = cp1252(headerUtf8);
        m_buf += "\r\n";
        return true;
    }
    std::string &buffer() { return m_buf; }
    void endLine()
    {
        m_buf += "\r\n";
        if (m_buf.size() > (4u << 20))
            flush();
    }
    void append(const std::string &chunk)
    {
        if (m_buf.size() + chunk.size() > (4u << 20))
            flush();
        if (chunk.size() > (4u << 20))
            write(chunk.data(), chunk.size());
        else
            m_buf += chunk;
    }
    void flush()
    {
        write(m_buf.data(), m_buf.size());
        m_buf.clear();
    }
    bool close(QString *error)
    {
        flush();
        if (m_ok && !m_file.flush())
            m_ok = false;
        if (!m_ok && error)
            *error = QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        m_file.close();
        return m_ok;
    }
    QString path() const { return QFileInfo(m_file).absoluteFilePath(); }

private:
    void write(const char *data, size_t size)
    {
        if (m_ok && size && m_file.write(data, qint64(size)) != qint64(size))
            m_ok = false;
    }
    QFile m_file;
    std::string m_buf;
    bool m_ok = true;
};

// ============================================================ calendar

// Easter Sunday (anonymous Gregorian algorithm): Boost.Date_Time has no
// Easter, but its date arithmetic gives the holidays that hang off it.
bg::date easterSunday(int y)
{
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return bg::date(bg::greg_year(y), bg::greg_month(month), bg::greg_day(day));
}

std::vector<bg::date> frenchPublicHolidays(int y)
{
    const bg::date easter = easterSunday(y);
    return {
        bg::date(y, bg::Jan, 1),  easter + bg::days(1),     bg::date(y, bg::May, 1),  bg::date(y, bg::May, 8),
        easter + bg::days(39),    easter + bg::days(50),    bg::date(y, bg::Jul, 14), bg::date(y, bg::Aug, 15),
        bg::date(y, bg::Nov, 1),  bg::date(y, bg::Nov, 11), bg::date(y, bg::Dec, 25),
    };
}

bg::date dateOfJulianDay(qint64 jd)
{
    return bg::date(bg::gregorian_calendar::from_day_number(bg::gregorian_calendar::date_int_type(jd)));
}

struct Day {
    int jd;
    int weekday;        // 0 = Monday
    bool holiday;
    bool working;       // the pharmacy's weekday service: not weekends, not holidays
    bool inventory;     // annual inventory: last working day of December
    double winter;      // 0..1, peak mid-January, about zero from April to October
    double summer;      // 0..1, peak early August (beds closed for staff holidays)
    int dayType() const { return holiday ? 6 : weekday; }   // holidays behave like Sundays
};

// dd/MM/yyyy for any Julian day, cached over the range the demo writes.
class DateTexts
{
public:
    DateTexts(int firstJd, int lastJd) : m_first(firstJd)
    {
        m_text.resize(size_t(lastJd - firstJd + 1));
        for (int jd = firstJd; jd <= lastJd; ++jd)
            m_text[size_t(jd - firstJd)] = compute(jd);
    }
    void append(std::string &out, int jd) const
    {
        if (jd >= m_first && size_t(jd - m_first) < m_text.size()) {
            out.append(m_text[size_t(jd - m_first)].data(), 10);
        } else {
            const auto t = compute(jd);
            out.append(t.data(), 10);
        }
    }

private:
    static std::array<char, 10> compute(int jd)
    {
        const bg::date d = dateOfJulianDay(jd);
        const int y = d.year(), m = d.month(), dd = d.day();
        return {char('0' + dd / 10), char('0' + dd % 10), '/', char('0' + m / 10), char('0' + m % 10), '/',
                char('0' + y / 1000), char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10)};
    }
    int m_first;
    std::vector<std::array<char, 10>> m_text;
};

// ============================================================ catalogues

// Ward demand by weekday (Monday..Sunday), before normalisation to a mean of 1.
enum Profile { Flat, Ward, Theatre, DayCare, LongStay, ProfileCount };
constexpr double kWeekdayRaw[ProfileCount][7] = {
    {1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00},   // ICU, ER: every day alike
    {1.08, 1.08, 1.06, 1.06, 1.04, 0.80, 0.72},   // wards: fewer admissions and discharges at weekends
    {1.35, 1.35, 1.35, 1.35, 1.30, 0.18, 0.12},   // theatres: emergencies only at weekends
    {1.40, 1.40, 1.40, 1.40, 1.40, 0.00, 0.00},   // day hospitals, consultations: closed
    {1.02, 1.02, 1.01, 1.01, 1.01, 0.97, 0.96},   // long stay, nursing homes, psychiatry
};

struct UnitSpec {
    const char *label;
    Profile profile;
    int rounds;          // deliveries a week; 0 = drawn among 2 or 3 (wards) or 1 or 2 (long stay)
    const char *domains; // therapeutic domains it uses beyond the general ones (see DrugSpec::domain)
    int pole;            // first digit of the UF code
    double activity;
};

// Most common first: a small hospital takes the head of the list.
const UnitSpec kUnits[] = {
    {"Urgences adultes", Flat, 5, "AIRCNSH", 3, 1.5},
    {"Réanimation médicale", Flat, 5, "AIRCND", 3, 2.0},
    {"Bloc opératoire central", Theatre, 5, "ASKVUHY", 2, 2.0},
    {"Médecine interne", Ward, 0, "ICRNMHO", 1, 1.0},
    {"Cardiologie", Ward, 0, "CM", 1, 1.0},
    {"Pneumologie", Ward, 0, "RIO", 1, 0.9},
    {"Gériatrie aiguë", Ward, 0, "INMRP", 5, 0.9},
    {"Chirurgie orthopédique et traumatologique", Ward, 0, "SKA", 2, 0.9},
    {"Chirurgie viscérale et digestive", Ward, 0, "SHAI", 2, 0.9},
    {"Pédiatrie", Ward, 0, "EIR", 4, 0.7},
    {"Maternité", Ward, 2, "BE", 4, 0.7},
    {"Oncologie HDJ", DayCare, 3, "O", 1, 1.2},
    {"Soins de suite et de réadaptation", LongStay, 0, "NMC", 5, 0.6},
    {"EHPAD Les Tilleuls", LongStay, 1, "PNM", 5, 0.5},
    {"Unité de soins intensifs de cardiologie", Flat, 5, "ACV", 3, 1.2},
    {"Salle de surveillance post-interventionnelle", Theatre, 5, "A", 2, 1.0},
    {"Gastro-entérologie", Ward, 0, "HIO", 1, 0.8},
    {"Néphrologie", Ward, 0, "DMC", 1, 0.8},
    {"Hémodialyse", DayCare, 3, "D", 1, 1.0},
    {"Neurologie", Ward, 0, "N", 1, 0.8},
    {"Unité neurovasculaire", Flat, 5, "NAC", 1, 0.9},
    {"Maladies infectieuses et tropicales", Ward, 0, "I", 1, 0.8},
    {"Endocrinologie-diabétologie", Ward, 2, "M", 1, 0.6},
    {"Hématologie clinique", Ward, 0, "OI", 1, 1.2},
    {"Oncologie médicale", Ward, 0, "O", 1, 1.0},
    {"Psychiatrie adulte", LongStay, 0, "P", 6, 0.6},
    {"Urologie", Ward, 0, "US", 2, 0.7},
    {"Chirurgie vasculaire", Ward, 0, "SVC", 2, 0.7},
    {"Chirurgie thoracique", Ward, 0, "SRA", 2, 0.6},
    {"Neurochirurgie", Ward, 0, "SNA", 2, 0.7},
    {"ORL et chirurgie cervico-faciale", Ward, 2, "S", 2, 0.5},
    {"Ophtalmologie", DayCare, 2, "Y", 2, 0.5},
    {"Chirurgie ambulatoire", DayCare, 3, "SA", 2, 0.7},
    {"Gynécologie", Ward, 2, "BS", 4, 0.5},
    {"Bloc obstétrical", Flat, 5, "BAE", 4, 0.9},
    {"Néonatologie", Flat, 5, "EA", 4, 0.8},
    {"Réanimation néonatale", Flat, 5, "EAI", 4, 1.0},
    {"Chirurgie pédiatrique", Ward, 2, "ES", 4, 0.5},
    {"Urgences pédiatriques", Flat, 5, "EAI", 3, 0.8},
    {"Unité d'hospitalisation de courte durée", Flat, 5, "AI", 3, 0.8},
    {"Réanimation chirurgicale", Flat, 5, "AIS", 3, 1.8},
    {"Unité de soins continus", Flat, 5, "AIC", 3, 1.0},
    {"Soins palliatifs", LongStay, 2, "NO", 1, 0.5},
    {"Unité de soins de longue durée", LongStay, 1, "PNM", 5, 0.5},
    {"EHPAD Le Clos Fleuri", LongStay, 1, "PNM", 5, 0.5},
    {"Pédopsychiatrie", LongStay, 1, "PE", 6, 0.3},
    {"Addictologie", LongStay, 2, "P", 6, 0.4},
    {"Rhumatologie", Ward, 2, "K", 1, 0.5},
    {"Dermatologie", DayCare, 2, "I", 1, 0.4},
    {"Médecine polyvalente", Ward, 0, "IRCM", 1, 0.8},
    {"Hôpital de jour de médecine", DayCare, 2, "OM", 1, 0.6},
    {"Hôpital de jour pédiatrique", DayCare, 2, "E", 4, 0.4},
    {"Cardiologie interventionnelle", Theatre, 5, "VC", 2, 1.0},
    {"Radiologie interventionnelle", DayCare, 3, "V", 7, 0.6},
    {"Endoscopie digestive", DayCare, 3, "HA", 7, 0.6},
    {"Consultations externes", DayCare, 2, "", 7, 0.3},
    {"SMUR", Flat, 5, "A", 3, 0.4},
    {"Hépatologie", Ward, 0, "HI", 1, 0.6},
    {"Court séjour gériatrique", Ward, 0, "INM", 5, 0.8},
    {"Hôpital de jour gériatrique", DayCare, 1, "N", 5, 0.3},
    {"Médecine physique et réadaptation", LongStay, 2, "NK", 5, 0.5},
    {"Soins intensifs respiratoires", Flat, 5, "RA", 1, 0.9},
    {"Dialyse péritonéale", DayCare, 1, "D", 1, 0.3},
    {"Chirurgie plastique et reconstructrice", Ward, 2, "S", 2, 0.4},
    {"Chirurgie ambulatoire pédiatrique", DayCare, 2, "ES", 4, 0.3},
    {"EHPAD Résidence du Parc", LongStay, 1, "PNM", 5, 0.5},
    {"Centre de soins dentaires", DayCare, 1, "S", 7, 0.2},
    {"Unité sanitaire en milieu pénitentiaire", DayCare, 2, "P", 6, 0.3},
    {"Centre de vaccination", DayCare, 1, "I", 7, 0.2},
};

enum SupplierKind { Wholesaler, DrugMaker, DeviceMaker };
struct SupplierSpec {
    const char *name;
    SupplierKind kind;
};

const SupplierSpec kSuppliers[] = {
    {"CERP Rouen", Wholesaler}, {"OCP Répartition", Wholesaler}, {"Alliance Healthcare Répartition", Wholesaler},
    {"CERP Bretagne Atlantique", Wholesaler}, {"CERP Rhin Rhône Méditerranée", Wholesaler},
    {"Phoenix Pharma", Wholesaler},
    {"Laboratoires Aguettant", DrugMaker}, {"Laboratoire Renaudin", DrugMaker}, {"Fresenius Kabi France", DrugMaker},
    {"Baxter SAS", DrugMaker}, {"Sanofi Winthrop Industrie", DrugMaker}, {"Pfizer PFE France", DrugMaker},
    {"Viatris Santé", DrugMaker}, {"Sandoz SAS", DrugMaker}, {"Biogaran", DrugMaker}, {"Arrow Génériques", DrugMaker},
    {"Teva Santé", DrugMaker}, {"Zentiva France", DrugMaker}, {"Accord Healthcare France", DrugMaker},
    {"Laboratoires Servier", DrugMaker}, {"Pierre Fabre Médicament", DrugMaker}, {"Laboratoires Gilbert", DrugMaker},
    {"Cooper", DrugMaker}, {"Grünenthal France", DrugMaker}, {"Novartis Pharma SAS", DrugMaker},
    {"Roche SAS", DrugMaker}, {"MSD France", DrugMaker}, {"AstraZeneca", DrugMaker}, {"GlaxoSmithKline", DrugMaker},
    {"Janssen-Cilag", DrugMaker}, {"Bristol-Myers Squibb", DrugMaker}, {"Lilly France", DrugMaker},
    {"Novo Nordisk", DrugMaker}, {"Boehringer Ingelheim France", DrugMaker}, {"Bayer HealthCare", DrugMaker},
    {"Panpharma", DrugMaker}, {"Laboratoires Delbert", DrugMaker}, {"LFB Biomédicaments", DrugMaker},
    {"CSL Behring", DrugMaker}, {"Octapharma France", DrugMaker}, {"Gilead Sciences", DrugMaker},
    {"ViiV Healthcare", DrugMaker}, {"AbbVie", DrugMaker}, {"Amgen", DrugMaker}, {"Laboratoires Théa", DrugMaker},
    {"Guerbet", DrugMaker}, {"EG Labo", DrugMaker}, {"Chiesi", DrugMaker}, {"Ipsen Pharma", DrugMaker},
    {"Ferring", DrugMaker}, {"Laboratoires Léo", DrugMaker}, {"Mylan Medical", DrugMaker}, {"Bioprojet Pharma", DrugMaker},
    {"Laboratoires Lavoisier", DrugMaker}, {"Laboratoires Bailleul", DrugMaker}, {"Médac", DrugMaker},
    {"B. Braun Medical", DeviceMaker}, {"Becton Dickinson France", DeviceMaker}, {"Vygon", DeviceMaker},
    {"Paul Hartmann", DeviceMaker}, {"Mölnlycke Health Care", DeviceMaker}, {"3M France", DeviceMaker},
    {"Teleflex Medical", DeviceMaker}, {"Coloplast", DeviceMaker}, {"Convatec France", DeviceMaker},
    {"Urgo Medical", DeviceMaker}, {"Smith & Nephew", DeviceMaker}, {"Terumo France", DeviceMaker},
    {"Cook France", DeviceMaker}, {"Medtronic France", DeviceMaker}, {"Stryker France", DeviceMaker},
    {"Zimmer Biomet France", DeviceMaker}, {"Boston Scientific", DeviceMaker}, {"Abbott Medical France", DeviceMaker},
    {"Lohmann & Rauscher", DeviceMaker}, {"Medline International France", DeviceMaker},
    {"Cair LGL", DeviceMaker}, {"Intersurgical", DeviceMaker}, {"Ethicon (Johnson & Johnson Medical)", DeviceMaker},
    {"Fresenius Medical Care", DeviceMaker}, {"Sebbin", DeviceMaker}, {"Peters Surgical", DeviceMaker},
    {"Hospidis", DeviceMaker}, {"Dispotech", DeviceMaker}, {"Bastide Médical", DeviceMaker},
};

struct FormSpec {
    const char *code, *forme, *unit, *labelWord;
    std::array<int, 6> packs;   // dispensing units per purchase pack, 0 = unused slot
    bool injectable;
};

const FormSpec kForms[] = {
    {"CPR", "Comprimé", "CP", "CPR", {28, 30, 50, 100, 250, 500}, false},
    {"GEL", "Gélule", "GEL", "GELULE", {14, 28, 30, 100, 500, 0}, false},
    {"INJ", "Flacon", "FL", "INJ", {1, 5, 10, 25, 50, 0}, true},
    {"AMP", "Ampoule", "AMP", "INJ AMP", {5, 10, 50, 100, 0, 0}, true},
    {"POCHE", "Poche", "POCHE", "POCHE", {1, 10, 20, 30, 50, 0}, true},
    {"SER", "Seringue préremplie", "SER", "INJ SER", {1, 2, 6, 10, 30, 0}, true},
    {"STYLO", "Stylo prérempli", "STYLO", "INJ STYLO", {1, 3, 5, 10, 0, 0}, true},
    {"SB", "Solution buvable", "FL", "SOL BUV", {1, 10, 0, 0, 0, 0}, false},
    {"SUSP", "Suspension buvable", "FL", "SUSP BUV", {1, 10, 0, 0, 0, 0}, false},
    {"SACH", "Sachet", "SACH", "PDRE ORALE SACH", {10, 20, 30, 50, 100, 0}, false},
    {"SUPPO", "Suppositoire", "SUPPO", "SUPPO", {10, 12, 0, 0, 0, 0}, false},
    {"COLLY", "Collyre", "FL", "COLLYRE", {1, 10, 0, 0, 0, 0}, false},
    {"INH", "Suspension pour inhalation", "FL", "SUSP INHAL", {1, 10, 0, 0, 0, 0}, false},
    {"NEB", "Solution pour inhalation par nébuliseur", "UNIDOSE", "SOL NEBUL", {20, 40, 60, 0, 0, 0}, false},
    {"PATCH", "Dispositif transdermique", "PATCH", "PATCH", {5, 7, 10, 30, 0, 0}, false},
    {"SOL", "Solution pour application cutanée", "FL", "SOL APPLI", {1, 12, 20, 0, 0, 0}, false},
    {"SPRAY", "Solution pour pulvérisation", "FL", "SOL PULV", {1, 0, 0, 0, 0, 0}, false},
};

const FormSpec *formByCode(std::string_view code)
{
    for (const FormSpec &f : kForms)
        if (code == f.code)
            return &f;
    return nullptr;
}

// domain: G general (every unit), A anaesthesia / critical care, I
// anti-infectives, R respiratory, C cardiology, N neurology, P psychiatry,
// O oncology / haematology, S surgery, K orthopaedics / rheumatology,
// V interventional cardiology and radiology, B obstetrics, E paediatrics,
// D nephrology / dialysis, U urology, Y ophthalmology, H digestive, M diabetes.
// flags: W winter peak, F flu season (strong), R outpatient dispensing
// (rétrocession), V often vital, M often MITM, S shortage-prone.
// presentations: "dosage:FORM:price per dispensing unit in EUR|...".
struct DrugSpec {
    const char *dci, *atc;
    char domain;
    const char *flags, *presentations;
};

const DrugSpec kDrugs[] = {
    {"PARACETAMOL", "N02BE01", 'G', "W", "500 MG:CPR:0.02|1 G:CPR:0.03|1 G/100 ML:POCHE:0.9|500 MG:GEL:0.02|2,4 %:SB:2.5|300 MG:SUPPO:0.12"},
    {"TRAMADOL", "N02AX02", 'G', "", "50 MG:GEL:0.05|100 MG/2 ML:AMP:0.6"},
    {"MORPHINE", "N02AA01", 'A', "VM", "10 MG/1 ML:AMP:0.7|10 MG:GEL:0.25|10 MG/5 ML:SB:3.1"},
    {"OXYCODONE", "N02AA05", 'G', "", "5 MG:GEL:0.22|10 MG:CPR:0.45|10 MG/1 ML:AMP:2.4"},
    {"NEFOPAM", "N02BG06", 'S', "", "20 MG/2 ML:AMP:0.45"},
    {"KETOPROFENE", "M01AE03", 'S', "", "100 MG:INJ:1.2|100 MG:CPR:0.12"},
    {"IBUPROFENE", "M01AE01", 'G', "", "400 MG:CPR:0.04|20 MG/ML:SUSP:2.2"},
    {"FENTANYL", "N02AB03", 'O', "", "25 UG/H:PATCH:2.8|50 UG/H:PATCH:4.9"},
    {"SUFENTANIL", "N01AH03", 'A', "V", "50 UG/10 ML:AMP:1.6|250 UG/5 ML:AMP:5.5"},
    {"REMIFENTANIL", "N01AH06", 'A', "V", "1 MG:INJ:6.5|2 MG:INJ:11"},
    {"PROPOFOL", "N01AX10", 'A', "VS", "1 % 20 ML:AMP:1.9|1 % 50 ML:INJ:4.2|2 % 50 ML:INJ:7.5"},
    {"KETAMINE", "N01AX03", 'A', "V", "50 MG/5 ML:AMP:1.4|250 MG/5 ML:AMP:3.2"},
    {"MIDAZOLAM", "N05CD08", 'A', "VM", "5 MG/1 ML:AMP:0.45|50 MG/10 ML:AMP:2.2"},
    {"LIDOCAINE", "N01BB02", 'A', "", "1 % 20 ML:INJ:1.1|2 % 20 ML:INJ:1.3|5 %:PATCH:3.9"},
    {"ROPIVACAINE", "N01BB09", 'A', "", "2 MG/ML 100 ML:POCHE:9.5|7,5 MG/ML 20 ML:AMP:4.8"},
    {"BUPIVACAINE", "N01BB01", 'A', "", "0,5 % 20 ML:INJ:2.3|HYPERBARE 0,5 % 4 ML:AMP:2.9"},
    {"ATRACURIUM", "M03AC04", 'A', "V", "50 MG/5 ML:AMP:2.6"},
    {"CISATRACURIUM", "M03AC11", 'A', "V", "10 MG/5 ML:AMP:3.4|150 MG/30 ML:INJ:24"},
    {"ROCURONIUM", "M03AC09", 'A', "V", "50 MG/5 ML:INJ:3.1"},
    {"SUXAMETHONIUM", "M03AB01", 'A', "V", "100 MG/2 ML:AMP:3.8"},
    {"SUGAMMADEX", "V03AB35", 'A', "", "200 MG/2 ML:INJ:78"},
    {"NEOSTIGMINE", "N07AA01", 'A', "", "0,5 MG/1 ML:AMP:0.9"},
    {"ATROPINE", "A03BA01", 'A', "V", "0,5 MG/1 ML:SER:4.1|0,25 MG/1 ML:AMP:0.7"},
    {"EPHEDRINE", "C01CA26", 'A', "V", "30 MG/10 ML:SER:6.8|30 MG/1 ML:AMP:1.2"},
    {"NORADRENALINE", "C01CA03", 'A', "VM", "8 MG/4 ML:AMP:2.5|16 MG/50 ML:SER:17"},
    {"ADRENALINE", "C01CA24", 'A', "VM", "1 MG/1 ML:AMP:0.6|5 MG/5 ML:AMP:2.1"},
    {"DOBUTAMINE", "C01CA07", 'A', "V", "250 MG/20 ML:INJ:5.3"},
    {"AMIODARONE", "C01BD01", 'C', "VM", "200 MG:CPR:0.09|150 MG/3 ML:AMP:0.55"},
    {"DIGOXINE", "C01AA05", 'C', "M", "0,25 MG:CPR:0.04|0,5 MG/2 ML:AMP:1.3"},
    {"FUROSEMIDE", "C03CA01", 'G', "M", "40 MG:CPR:0.03|20 MG/2 ML:AMP:0.35|250 MG/25 ML:AMP:3.5"},
    {"SPIRONOLACTONE", "C03DA01", 'C', "", "25 MG:CPR:0.05|75 MG:CPR:0.11"},
    {"HYDROCHLOROTHIAZIDE", "C03AA03", 'C', "", "25 MG:CPR:0.03"},
    {"BISOPROLOL", "C07AB07", 'C', "", "2,5 MG:CPR:0.04|5 MG:CPR:0.05|10 MG:CPR:0.06"},
    {"METOPROLOL", "C07AB02", 'C', "", "100 MG:CPR:0.06|5 MG/5 ML:AMP:1.8"},
    {"ATENOLOL", "C07AB03", 'C', "", "50 MG:CPR:0.03|100 MG:CPR:0.04"},
    {"AMLODIPINE", "C08CA01", 'C', "", "5 MG:GEL:0.03|10 MG:GEL:0.04"},
    {"NICARDIPINE", "C08CA04", 'C', "V", "10 MG/10 ML:AMP:4.3|20 MG:GEL:0.1"},
    {"RAMIPRIL", "C09AA05", 'C', "", "2,5 MG:CPR:0.04|5 MG:CPR:0.05|10 MG:CPR:0.07"},
    {"PERINDOPRIL", "C09AA04", 'C', "", "4 MG:CPR:0.06|8 MG:CPR:0.09"},
    {"LOSARTAN", "C09CA01", 'C', "", "50 MG:CPR:0.06|100 MG:CPR:0.08"},
    {"VALSARTAN", "C09CA03", 'C', "", "80 MG:CPR:0.07|160 MG:CPR:0.09"},
    {"ATORVASTATINE", "C10AA05", 'C', "", "10 MG:CPR:0.05|40 MG:CPR:0.08|80 MG:CPR:0.1"},
    {"ROSUVASTATINE", "C10AA07", 'C', "", "5 MG:CPR:0.06|20 MG:CPR:0.09"},
    {"SIMVASTATINE", "C10AA01", 'C', "", "20 MG:CPR:0.04"},
    {"EZETIMIBE", "C10AX09", 'C', "", "10 MG:CPR:0.4"},
    {"ACIDE ACETYLSALICYLIQUE", "B01AC06", 'C', "", "75 MG:SACH:0.05|160 MG:SACH:0.05|500 MG:INJ:2.6"},
    {"CLOPIDOGREL", "B01AC04", 'C', "M", "75 MG:CPR:0.09"},
    {"TICAGRELOR", "B01AC24", 'C', "M", "90 MG:CPR:1.4"},
    {"HEPARINE SODIQUE", "B01AB01", 'G', "VMS", "25000 UI/5 ML:INJ:3.2|5000 UI/1 ML:AMP:0.95"},
    {"HEPARINE CALCIQUE", "B01AB01", 'G', "M", "5000 UI/0,2 ML:SER:1.1|7500 UI/0,3 ML:SER:1.3"},
    {"ENOXAPARINE", "B01AB05", 'G', "M", "4000 UI/0,4 ML:SER:0.65|6000 UI/0,6 ML:SER:1.1|8000 UI/0,8 ML:SER:1.4"},
    {"TINZAPARINE", "B01AB10", 'G', "", "10000 UI/0,5 ML:SER:2.9"},
    {"FONDAPARINUX", "B01AX05", 'C', "", "2,5 MG/0,5 ML:SER:4.6"},
    {"APIXABAN", "B01AF02", 'C', "M", "2,5 MG:CPR:0.55|5 MG:CPR:0.55"},
    {"RIVAROXABAN", "B01AF01", 'C', "M", "15 MG:CPR:1.1|20 MG:CPR:1.1"},
    {"WARFARINE", "B01AA03", 'C', "M", "2 MG:CPR:0.08|5 MG:CPR:0.1"},
    {"FLUINDIONE", "B01AA12", 'C', "M", "20 MG:CPR:0.12"},
    {"ALTEPLASE", "B01AD02", 'N', "VM", "50 MG:INJ:540|10 MG:INJ:160"},
    {"PROTAMINE", "V03AB14", 'A', "V", "1000 UI/ML 10 ML:AMP:9.5"},
    {"ACIDE TRANEXAMIQUE", "B02AA02", 'A', "V", "1 G/10 ML:AMP:1.6|500 MG:CPR:0.3"},
    {"PHYTOMENADIONE", "B02BA01", 'E', "V", "10 MG/1 ML:AMP:0.8|2 MG/0,2 ML:AMP:0.9"},
    {"HYDROXYDE FERRIQUE SACCHAROSE", "B03AC", 'D', "", "100 MG/5 ML:AMP:9.8"},
    {"CARBOXYMALTOSE FERRIQUE", "B03AC", 'D', "", "500 MG/10 ML:INJ:95"},
    {"EPOETINE ALFA", "B03XA01", 'D', "R", "10000 UI:SER:68|4000 UI:SER:28"},
    {"ACIDE FOLIQUE", "B03BB01", 'B', "", "5 MG:CPR:0.03|0,4 MG:CPR:0.04"},
    {"CYANOCOBALAMINE", "B03BA01", 'N', "", "1000 UG/2 ML:AMP:0.6"},
    {"OMEPRAZOLE", "A02BC01", 'G', "", "20 MG:GEL:0.03|40 MG:INJ:2.1"},
    {"ESOMEPRAZOLE", "A02BC05", 'G', "", "20 MG:GEL:0.04|40 MG:GEL:0.05|40 MG:INJ:2.3"},
    {"PANTOPRAZOLE", "A02BC02", 'G', "", "20 MG:CPR:0.04|40 MG:CPR:0.05|40 MG:INJ:1.9"},
    {"LANSOPRAZOLE", "A02BC03", 'G', "", "15 MG:GEL:0.05|30 MG:GEL:0.06"},
    {"SUCRALFATE", "A02BX02", 'H', "", "1 G:SACH:0.14"},
    {"METOCLOPRAMIDE", "A03FA01", 'G', "", "10 MG:CPR:0.03|10 MG/2 ML:AMP:0.3"},
    {"ONDANSETRON", "A04AA01", 'O', "", "4 MG/2 ML:AMP:0.7|8 MG:CPR:0.6|8 MG/4 ML:AMP:1.1"},
    {"DOMPERIDONE", "A03FA03", 'H', "", "10 MG:CPR:0.03"},
    {"PHLOROGLUCINOL", "A03AX12", 'G', "", "80 MG:CPR:0.04|40 MG/4 ML:AMP:0.45"},
    {"LOPERAMIDE", "A07DA03", 'H', "", "2 MG:GEL:0.05"},
    {"MACROGOL 4000", "A06AD15", 'G', "", "10 G:SACH:0.12|4 G:SACH:0.11"},
    {"LACTULOSE", "A06AD11", 'G', "", "10 G/15 ML:SACH:0.18"},
    {"INSULINE ASPARTE", "A10AB05", 'M', "VM", "100 UI/ML 3 ML:STYLO:6.8|100 UI/ML 10 ML:INJ:19"},
    {"INSULINE GLARGINE", "A10AE04", 'M', "VM", "100 UI/ML 3 ML:STYLO:8.9"},
    {"INSULINE HUMAINE", "A10AB01", 'M', "VM", "100 UI/ML 10 ML:INJ:17"},
    {"METFORMINE", "A10BA02", 'M', "", "500 MG:CPR:0.02|850 MG:CPR:0.03|1000 MG:CPR:0.04"},
    {"GLICLAZIDE", "A10BB09", 'M', "", "30 MG:CPR:0.05|60 MG:CPR:0.08"},
    {"LEVOTHYROXINE", "H03AA01", 'M', "M", "25 UG:CPR:0.03|50 UG:CPR:0.03|100 UG:CPR:0.04"},
    {"HYDROCORTISONE", "H02AB09", 'A', "VM", "100 MG:INJ:3.4|10 MG:CPR:0.18"},
    {"PREDNISOLONE", "H02AB06", 'G', "W", "20 MG:CPR:0.09|5 MG:CPR:0.05"},
    {"PREDNISONE", "H02AB07", 'G', "", "5 MG:CPR:0.04|20 MG:CPR:0.08"},
    {"METHYLPREDNISOLONE", "H02AB04", 'G', "V", "40 MG:INJ:2.9|120 MG:INJ:5.9|1 G:INJ:17"},
    {"DEXAMETHASONE", "H02AB02", 'G', "V", "4 MG/1 ML:AMP:0.9|20 MG/5 ML:AMP:3.2"},
    {"OXYTOCINE", "H01BB02", 'B', "VM", "5 UI/1 ML:AMP:0.9"},
    {"CARBETOCINE", "H01BB03", 'B', "V", "100 UG/1 ML:AMP:19"},
    {"SULPROSTONE", "G02AD05", 'B', "V", "500 UG:INJ:38"},
    {"TERLIPRESSINE", "H01BA04", 'H', "V", "1 MG/8,5 ML:AMP:42"},
    {"OCTREOTIDE", "H01CB02", 'H', "", "100 UG/1 ML:AMP:6.2"},
    {"AMOXICILLINE", "J01CA04", 'I', "WMS", "1 G:CPR:0.1|500 MG:GEL:0.06|1 G:INJ:1.2|2 G:INJ:2.1|250 MG/5 ML:SUSP:2.4"},
    {"AMOXICILLINE ACIDE CLAVULANIQUE", "J01CR02", 'I', "WMS", "1 G/125 MG:SACH:0.3|500 MG/62,5 MG:CPR:0.2|1 G/200 MG:INJ:2.4|2 G/200 MG:INJ:3.6"},
    {"PIPERACILLINE TAZOBACTAM", "J01CR05", 'I', "VM", "4 G/500 MG:INJ:7.8"},
    {"CEFAZOLINE", "J01DB04", 'S', "VMS", "1 G:INJ:1.6|2 G:INJ:2.8"},
    {"CEFUROXIME", "J01DC02", 'S', "", "750 MG:INJ:1.9|1,5 G:INJ:3.2"},
    {"CEFTRIAXONE", "J01DD04", 'I', "VMW", "1 G:INJ:1.5|2 G:INJ:2.6|500 MG:INJ:1.2"},
    {"CEFOTAXIME", "J01DD01", 'I', "VM", "1 G:INJ:1.5|2 G:INJ:2.5"},
    {"CEFEPIME", "J01DE01", 'I', "M", "1 G:INJ:4.5|2 G:INJ:7.2"},
    {"CEFTAZIDIME", "J01DD02", 'I', "M", "1 G:INJ:4.2|2 G:INJ:6.9"},
    {"MEROPENEME", "J01DH02", 'I', "VM", "1 G:INJ:8.9|500 MG:INJ:5.1"},
    {"IMIPENEME CILASTATINE", "J01DH51", 'I', "M", "500 MG/500 MG:INJ:6.8"},
    {"ERTAPENEME", "J01DH03", 'I', "", "1 G:INJ:28"},
    {"GENTAMICINE", "J01GB03", 'I', "VM", "80 MG/2 ML:AMP:0.9|160 MG/2 ML:AMP:1.3"},
    {"AMIKACINE", "J01GB06", 'I', "VM", "500 MG:INJ:4.6|1 G:INJ:8.1"},
    {"VANCOMYCINE", "J01XA01", 'I', "VM", "500 MG:INJ:3.9|1 G:INJ:6.4"},
    {"TEICOPLANINE", "J01XA02", 'I', "", "400 MG:INJ:19"},
    {"LINEZOLIDE", "J01XX08", 'I', "", "600 MG:CPR:9.5|600 MG/300 ML:POCHE:35"},
    {"DAPTOMYCINE", "J01XX09", 'I', "", "500 MG:INJ:72"},
    {"COLISTIMETHATE SODIQUE", "J01XB01", 'I', "", "1 MUI:INJ:6.9"},
    {"METRONIDAZOLE", "J01XD01", 'I', "M", "500 MG/100 ML:POCHE:1.4|250 MG:CPR:0.1"},
    {"CLINDAMYCINE", "J01FF01", 'I', "", "600 MG/4 ML:AMP:2.1|300 MG:GEL:0.35"},
    {"AZITHROMYCINE", "J01FA10", 'I', "W", "250 MG:CPR:0.6|500 MG:INJ:11"},
    {"CLARITHROMYCINE", "J01FA09", 'I', "W", "500 MG:CPR:0.35"},
    {"SPIRAMYCINE", "J01FA02", 'I', "W", "3 MUI:CPR:0.45|1,5 MUI:INJ:9"},
    {"LEVOFLOXACINE", "J01MA12", 'I', "W", "500 MG:CPR:0.4|500 MG/100 ML:POCHE:4.5"},
    {"OFLOXACINE", "J01MA01", 'I', "", "200 MG:CPR:0.2|200 MG/40 ML:POCHE:4"},
    {"CIPROFLOXACINE", "J01MA02", 'I', "", "500 MG:CPR:0.15|400 MG/200 ML:POCHE:4.9"},
    {"SULFAMETHOXAZOLE TRIMETHOPRIME", "J01EE01", 'I', "M", "800 MG/160 MG:CPR:0.1|400 MG/80 MG/5 ML:AMP:1.8"},
    {"RIFAMPICINE", "J04AB02", 'I', "M", "300 MG:GEL:0.25|600 MG:INJ:16"},
    {"ISONIAZIDE", "J04AC01", 'I', "M", "150 MG:CPR:0.05"},
    {"FLUCONAZOLE", "J02AC01", 'I', "", "200 MG:GEL:0.7|400 MG/200 ML:POCHE:11"},
    {"VORICONAZOLE", "J02AC03", 'O', "", "200 MG:CPR:18|200 MG:INJ:65"},
    {"CASPOFUNGINE", "J02AX04", 'O', "", "50 MG:INJ:160|70 MG:INJ:210"},
    {"AMPHOTERICINE B LIPOSOMALE", "J02AA01", 'O', "S", "50 MG:INJ:150"},
    {"ACICLOVIR", "J05AB01", 'I', "", "250 MG:INJ:6.5|200 MG:CPR:0.2|800 MG:CPR:0.6"},
    {"VALACICLOVIR", "J05AB11", 'O', "", "500 MG:CPR:0.45"},
    {"OSELTAMIVIR", "J05AH02", 'I', "F", "75 MG:GEL:1.5|30 MG:GEL:1.1"},
    {"EMTRICITABINE TENOFOVIR DISOPROXIL", "J05AR03", 'I', "R", "200 MG/245 MG:CPR:6.2"},
    {"DOLUTEGRAVIR", "J05AJ03", 'I', "R", "50 MG:CPR:18"},
    {"SOFOSBUVIR VELPATASVIR", "J05AP55", 'H', "R", "400 MG/100 MG:CPR:490"},
    {"VACCIN GRIPPAL", "J07BB02", 'I', "F", "0,5 ML:SER:9"},
    {"IMMUNOGLOBULINE HUMAINE NORMALE", "J06BA02", 'N', "MS", "10 G/100 ML:INJ:540|5 G/50 ML:INJ:275"},
    {"SALBUTAMOL", "R03AC02", 'R', "WV", "100 UG/DOSE:INH:3.2|5 MG/2,5 ML:NEB:0.45|0,5 MG/1 ML:AMP:0.5"},
    {"TERBUTALINE", "R03AC03", 'R', "W", "5 MG/2 ML:NEB:0.5|0,5 MG/1 ML:AMP:0.7"},
    {"IPRATROPIUM", "R03BB01", 'R', "W", "0,5 MG/2 ML:NEB:0.42|0,25 MG/1 ML:NEB:0.35"},
    {"BUDESONIDE", "R03BA02", 'R', "W", "0,5 MG/2 ML:NEB:0.9|1 MG/2 ML:NEB:1.4"},
    {"FLUTICASONE SALMETEROL", "R03AK06", 'R', "W", "250 UG/50 UG:INH:38"},
    {"TIOTROPIUM", "R03BB04", 'R', "", "18 UG:GEL:1.3"},
    {"ACETYLCYSTEINE", "R05CB01", 'R', "W", "200 MG:SACH:0.06|5 G/25 ML:AMP:7.4"},
    {"DESLORATADINE", "R06AX27", 'G', "", "5 MG:CPR:0.1"},
    {"CETIRIZINE", "R06AE07", 'G', "", "10 MG:CPR:0.03"},
    {"DEXCHLORPHENIRAMINE", "R06AB02", 'A', "V", "5 MG/1 ML:AMP:0.9"},
    {"HYDROXYZINE", "N05BB01", 'P', "", "25 MG:CPR:0.04|100 MG/2 ML:AMP:0.9"},
    {"ALPRAZOLAM", "N05BA12", 'P', "", "0,25 MG:CPR:0.03|0,5 MG:CPR:0.04"},
    {"OXAZEPAM", "N05BA04", 'P', "", "10 MG:CPR:0.03|50 MG:CPR:0.07"},
    {"LORAZEPAM", "N05BA06", 'P', "", "1 MG:CPR:0.03|2,5 MG:CPR:0.06"},
    {"DIAZEPAM", "N05BA01", 'P', "V", "10 MG/2 ML:AMP:0.45|10 MG:CPR:0.04"},
    {"ZOPICLONE", "N05CF01", 'P', "", "7,5 MG:CPR:0.04"},
    {"ZOLPIDEM", "N05CF02", 'P', "", "10 MG:CPR:0.04"},
    {"HALOPERIDOL", "N05AD01", 'P', "M", "5 MG/1 ML:AMP:0.5|2 MG/ML:SB:3.5|1 MG:CPR:0.05"},
    {"DROPERIDOL", "N05AD08", 'A', "", "2,5 MG/1 ML:AMP:2.4"},
    {"OLANZAPINE", "N05AH03", 'P', "M", "5 MG:CPR:0.09|10 MG:CPR:0.15|10 MG:INJ:6.5"},
    {"RISPERIDONE", "N05AX08", 'P', "M", "1 MG:CPR:0.06|2 MG:CPR:0.1|1 MG/ML:SB:9"},
    {"QUETIAPINE", "N05AH04", 'P', "M", "50 MG:CPR:0.1|300 MG:CPR:0.45"},
    {"CYAMEMAZINE", "N05AA06", 'P', "", "25 MG:CPR:0.04|50 MG/5 ML:AMP:0.8|40 MG/ML:SB:4.2"},
    {"LOXAPINE", "N05AH01", 'P', "M", "50 MG/2 ML:AMP:1.6|25 MG/ML:SB:5.8"},
    {"ARIPIPRAZOLE", "N05AX12", 'P', "M", "10 MG:CPR:0.4|400 MG:INJ:290"},
    {"LITHIUM", "N05AN01", 'P', "M", "400 MG:CPR:0.06"},
    {"DEXMEDETOMIDINE", "N05CM18", 'A', "", "200 UG/2 ML:AMP:18"},
    {"SERTRALINE", "N06AB06", 'P', "", "50 MG:GEL:0.05"},
    {"ESCITALOPRAM", "N06AB10", 'P', "", "10 MG:CPR:0.05"},
    {"PAROXETINE", "N06AB05", 'P', "", "20 MG:CPR:0.05"},
    {"VENLAFAXINE", "N06AX16", 'P', "", "75 MG:GEL:0.1"},
    {"MIRTAZAPINE", "N06AX11", 'P', "", "15 MG:CPR:0.07"},
    {"DONEPEZIL", "N06DA02", 'N', "", "10 MG:CPR:0.11"},
    {"LEVETIRACETAM", "N03AX14", 'N', "VM", "500 MG:CPR:0.12|500 MG/5 ML:AMP:4.9|100 MG/ML:SB:9.8"},
    {"VALPROATE DE SODIUM", "N03AG01", 'N', "M", "500 MG:CPR:0.09|400 MG:INJ:6.4"},
    {"LAMOTRIGINE", "N03AX09", 'N', "M", "25 MG:CPR:0.04|100 MG:CPR:0.1"},
    {"CARBAMAZEPINE", "N03AF01", 'N', "M", "200 MG:CPR:0.05"},
    {"CLONAZEPAM", "N03AE01", 'N', "V", "1 MG/1 ML:AMP:0.8|2 MG:CPR:0.05"},
    {"GABAPENTINE", "N03AX12", 'N', "", "300 MG:GEL:0.07"},
    {"PREGABALINE", "N03AX16", 'N', "", "75 MG:GEL:0.09"},
    {"LEVODOPA BENSERAZIDE", "N04BA02", 'N', "M", "100 MG/25 MG:GEL:0.12"},
    {"BACLOFENE", "M03BX01", 'N', "", "10 MG:CPR:0.05"},
    {"NALOXONE", "V03AB15", 'A', "VM", "0,4 MG/1 ML:AMP:2.8"},
    {"FLUMAZENIL", "V03AB25", 'A', "V", "0,5 MG/5 ML:AMP:6.9"},
    {"NICOTINE", "N07BA01", 'P', "", "21 MG/24 H:PATCH:0.7|2 MG:CPR:0.1"},
    {"BUPRENORPHINE", "N07BC01", 'P', "M", "8 MG:CPR:0.5"},
    {"METHADONE", "N07BC02", 'P', "M", "40 MG:GEL:1.4|20 MG/15 ML:SB:0.6"},
    {"CHLORURE DE POTASSIUM", "B05XA01", 'G', "V", "10 % 10 ML:AMP:0.35|600 MG:CPR:0.05"},
    {"CHLORURE DE SODIUM", "B05XA03", 'G', "VS", "0,9 % 100 ML:POCHE:0.75|0,9 % 250 ML:POCHE:0.85|0,9 % 500 ML:POCHE:0.95|0,9 % 1000 ML:POCHE:1.2|0,9 % 10 ML:AMP:0.18"},
    {"GLUCOSE", "B05BA03", 'G', "V", "5 % 500 ML:POCHE:1.0|5 % 250 ML:POCHE:0.9|10 % 500 ML:POCHE:1.3|30 % 10 ML:AMP:0.3"},
    {"RINGER LACTATE", "B05BB01", 'A', "V", "500 ML:POCHE:1.1|1000 ML:POCHE:1.4"},
    {"POLYIONIQUE GLUCOSE 5 %", "B05BB02", 'G', "", "1000 ML:POCHE:1.5|500 ML:POCHE:1.1"},
    {"SULFATE DE MAGNESIUM", "B05XA05", 'B', "V", "15 % 10 ML:AMP:0.6"},
    {"GLUCONATE DE CALCIUM", "A12AA03", 'A', "V", "10 % 10 ML:AMP:0.7"},
    {"BICARBONATE DE SODIUM", "B05XA02", 'A', "V", "8,4 % 250 ML:POCHE:5.1|1,4 % 500 ML:POCHE:3.3"},
    {"ALBUMINE HUMAINE", "B05AA01", 'A', "MS", "20 % 100 ML:INJ:45|4 % 500 ML:INJ:52"},
    {"NUTRITION PARENTERALE TERNAIRE", "B05BA10", 'H', "", "1500 ML:POCHE:39|1000 ML:POCHE:31"},
    {"EAU POUR PREPARATIONS INJECTABLES", "V07AB", 'G', "", "10 ML:AMP:0.12|100 ML:POCHE:0.7"},
    {"METHOTREXATE", "L01BA01", 'O', "M", "25 MG/1 ML:INJ:6.3|2,5 MG:CPR:0.2|1 G/40 ML:INJ:45"},
    {"CYCLOPHOSPHAMIDE", "L01AA01", 'O', "M", "500 MG:INJ:9|1 G:INJ:16"},
    {"CARBOPLATINE", "L01XA02", 'O', "MS", "150 MG/15 ML:INJ:14|450 MG/45 ML:INJ:35"},
    {"CISPLATINE", "L01XA01", 'O', "MS", "50 MG/50 ML:INJ:9|100 MG/100 ML:INJ:16"},
    {"OXALIPLATINE", "L01XA03", 'O', "M", "100 MG/20 ML:INJ:19"},
    {"PACLITAXEL", "L01CD01", 'O', "M", "100 MG/16,7 ML:INJ:21|300 MG/50 ML:INJ:55"},
    {"DOCETAXEL", "L01CD02", 'O', "M", "80 MG/4 ML:INJ:38|20 MG/1 ML:INJ:14"},
    {"FLUOROURACILE", "L01BC02", 'O', "MS", "1 G/20 ML:INJ:4.5|5 G/100 ML:INJ:16"},
    {"GEMCITABINE", "L01BC05", 'O', "M", "1 G:INJ:14|200 MG:INJ:5.5"},
    {"DOXORUBICINE", "L01DB01", 'O', "M", "50 MG/25 ML:INJ:19"},
    {"RITUXIMAB", "L01FA01", 'O', "M", "500 MG/50 ML:INJ:790|100 MG/10 ML:INJ:165"},
    {"TRASTUZUMAB", "L01FD01", 'O', "M", "150 MG:INJ:350|600 MG/5 ML:INJ:1250"},
    {"BEVACIZUMAB", "L01FG01", 'O', "M", "400 MG/16 ML:INJ:940|100 MG/4 ML:INJ:245"},
    {"PEMBROLIZUMAB", "L01FF02", 'O', "M", "100 MG/4 ML:INJ:2500"},
    {"NIVOLUMAB", "L01FF01", 'O', "M", "240 MG/24 ML:INJ:2450|100 MG/10 ML:INJ:1020"},
    {"FILGRASTIM", "L03AA02", 'O', "R", "30 MUI/0,5 ML:SER:45|48 MUI/0,5 ML:SER:68"},
    {"ADALIMUMAB", "L04AB04", 'K', "R", "40 MG/0,4 ML:STYLO:250"},
    {"INFLIXIMAB", "L04AB02", 'H', "", "100 MG:INJ:330"},
    {"TACROLIMUS", "L04AD02", 'D', "M", "1 MG:GEL:1.4|0,5 MG:GEL:0.75"},
    {"CICLOSPORINE", "L04AD01", 'D', "M", "100 MG:GEL:1.8|50 MG/1 ML:AMP:4.5"},
    {"MYCOPHENOLATE MOFETIL", "L04AA06", 'D', "M", "500 MG:CPR:0.9|250 MG:GEL:0.45"},
    {"ALLOPURINOL", "M04AA01", 'K', "", "100 MG:CPR:0.03|300 MG:CPR:0.06"},
    {"COLCHICINE", "M04AC01", 'K', "", "1 MG:CPR:0.09"},
    {"ACIDE ALENDRONIQUE", "M05BA04", 'K', "", "70 MG:CPR:0.7"},
    {"ACIDE ZOLEDRONIQUE", "M05BA08", 'O', "", "4 MG/5 ML:INJ:28|5 MG/100 ML:POCHE:85"},
    {"TAMSULOSINE", "G04CA02", 'U', "", "0,4 MG:GEL:0.05"},
    {"IOHEXOL", "V08AB02", 'V', "", "350 MG I/ML 100 ML:INJ:28|300 MG I/ML 50 ML:INJ:15"},
    {"CHLORHEXIDINE ALCOOLIQUE", "D08AC02", 'G', "", "2 % 250 ML:SOL:2.9|0,5 % 500 ML:SOL:3.6"},
    {"POVIDONE IODEE", "D08AG02", 'G', "", "10 % 125 ML:SOL:2.2|5 % 500 ML:SOL:4.1"},
    {"TROPICAMIDE", "S01FA06", 'Y', "", "0,5 %:COLLY:1.9"},
    {"LATANOPROST", "S01EE01", 'Y', "", "0,005 %:COLLY:4.2"},
    {"ACETAZOLAMIDE", "S01EC01", 'Y', "", "250 MG:CPR:0.15"},
    {"THIAMINE", "A11DA01", 'N', "", "100 MG/2 ML:AMP:0.6|250 MG:CPR:0.09"},
    {"COLECALCIFEROL", "A11CC05", 'G', "", "100000 UI/2 ML:AMP:1.6"},
    {"TRINITRINE", "C01DA02", 'C', "V", "0,15 MG/DOSE:SPRAY:5.4"},
    {"ISOSORBIDE DINITRATE", "C01DA08", 'C', "V", "10 MG/10 ML:AMP:3.9"},
    {"ESMOLOL", "C07AB09", 'A', "", "100 MG/10 ML:AMP:9.2"},
    {"LABETALOL", "C07AG01", 'B', "V", "100 MG/20 ML:AMP:3.2|200 MG:CPR:0.12"},
    {"URAPIDIL", "C02CA06", 'A', "", "50 MG/10 ML:AMP:2.9"},
};

// label: '#' is replaced by one of the variants; price in EUR per unit.
struct DeviceSpec {
    const char *label, *variants;
    double price;
    char domain;
    const char *packs, *flags;   // flags: W winter peak, V often vital, S short shelf life
};

const DeviceSpec kDevices[] = {
    {"COMPRESSE STERILE NON TISSEE # CM", "5X5|7,5X7,5|10X10|10X20", 0.05, 'G', "10,50,100", ""},
    {"COMPRESSE NON STERILE # CM", "7,5X7,5|10X10", 0.015, 'G', "100,500", ""},
    {"SERINGUE # ML LUER LOCK", "1|2|5|10|20|50", 0.09, 'G', "100", ""},
    {"SERINGUE # ML POUR POUSSE-SERINGUE", "50|20", 0.35, 'A', "50", ""},
    {"SERINGUE A INSULINE # ML", "0,5|1", 0.1, 'M', "100", ""},
    {"SERINGUE GAZ DU SANG #", "1 ML|3 ML", 0.8, 'A', "100", ""},
    {"AIGUILLE HYPODERMIQUE #", "18G|21G|23G|25G", 0.03, 'G', "100", ""},
    {"AIGUILLE POUR STYLO A INSULINE # MM", "4|5|8", 0.12, 'M', "100", ""},
    {"CATHETER IV SECURISE #", "14G|16G|18G|20G|22G|24G", 1.2, 'G', "50", "V"},
    {"CATHETER VEINEUX CENTRAL # VOIES", "2|3|4", 38, 'A', "1,5", "V"},
    {"CATHETER ARTERIEL #", "20G|18G", 18, 'A', "5,10", ""},
    {"CHAMBRE A CATHETER IMPLANTABLE #", "STANDARD|PEDIATRIQUE", 180, 'O', "1", ""},
    {"AIGUILLE DE HUBER # MM", "15|20|25", 3.5, 'O', "25", ""},
    {"PROLONGATEUR # CM", "25|50|150", 0.6, 'G', "50", ""},
    {"ROBINET 3 VOIES #", "AVEC PROLONGATEUR|SIMPLE", 0.35, 'G', "50,100", ""},
    {"TUBULURE DE PERFUSION PAR GRAVITE #", "STANDARD|OPAQUE", 0.7, 'G', "100", ""},
    {"TUBULURE POUR POMPE VOLUMETRIQUE #", "STANDARD|PHOTOPROTECTRICE", 6.5, 'A', "50", ""},
    {"PERFUSEUR DE PRECISION #", "STANDARD|PEDIATRIQUE", 1.9, 'E', "50", ""},
    {"BOUCHON OBTURATEUR #", "LUER LOCK|MALE-FEMELLE", 0.06, 'G', "100,500", ""},
    {"VALVE BIDIRECTIONNELLE #", "NEUTRE|A PRESSION POSITIVE", 1.4, 'G', "100", ""},
    {"GANTS D'EXAMEN NITRILE NON STERILES T#", "S|M|L|XL", 0.04, 'G', "100,200", ""},
    {"GANTS CHIRURGICAUX STERILES T#", "6|6,5|7|7,5|8|8,5", 0.55, 'S', "50", ""},
    {"MASQUE CHIRURGICAL TYPE IIR #", "A ELASTIQUES|A LIENS", 0.05, 'G', "50", "W"},
    {"MASQUE FFP2 #", "STANDARD|BEC DE CANARD", 0.35, 'G', "20", "W"},
    {"MASQUE A OXYGENE HAUTE CONCENTRATION #", "ADULTE|PEDIATRIQUE", 1.1, 'R', "50", "W"},
    {"LUNETTES A OXYGENE #", "ADULTE|PEDIATRIQUE", 0.4, 'R', "50", "W"},
    {"CANULE NASALE HAUT DEBIT T#", "S|M|L", 12, 'R', "20", "W"},
    {"SONDE D'ASPIRATION TRACHEALE CH#", "8|10|12|14|16", 0.25, 'R', "100", "W"},
    {"SONDE D'INTUBATION A BALLONNET #", "6|6,5|7|7,5|8|8,5", 2.4, 'A', "10", "V"},
    {"CANULE DE GUEDEL T#", "0|1|2|3|4", 0.6, 'A', "10", "V"},
    {"FILTRE ANTIBACTERIEN ECHANGEUR DE CHALEUR #", "ADULTE|PEDIATRIQUE", 1.8, 'A', "50", ""},
    {"CIRCUIT DE VENTILATION #", "ADULTE|PEDIATRIQUE|NEONATAL", 14, 'A', "10", ""},
    {"ECOUVILLON #", "STERILE|MILIEU VIRAL", 0.4, 'I', "100", "W"},
    {"BLOUSE DE PROTECTION #", "NON STERILE|IMPERMEABLE", 0.35, 'G', "50", "W"},
    {"TABLIER PLASTIQUE #", "JETABLE", 0.03, 'G', "100", ""},
    {"SONDE URINAIRE FOLEY CH#", "12|14|16|18|20", 1.9, 'U', "10", ""},
    {"POCHE A URINE # L", "2|VIDANGEABLE 2", 0.45, 'U', "30", ""},
    {"SONDE NASOGASTRIQUE CH#", "12|14|16|18", 0.9, 'H', "25", ""},
    {"SET D'ALIMENTATION ENTERALE #", "GRAVITE|POMPE", 3.2, 'H', "30", ""},
    {"SONDE RECTALE CH#", "18|20|24", 0.6, 'H', "25", ""},
    {"POCHE DE STOMIE #", "1 PIECE|2 PIECES", 2.6, 'H', "10,30", ""},
    {"PANSEMENT ADHESIF STERILE # CM", "5X7|9X10|10X15|10X25", 0.15, 'G', "50,100", ""},
    {"PANSEMENT FILM TRANSPARENT # CM", "6X7|10X12", 0.45, 'G', "100", ""},
    {"PANSEMENT HYDROCOLLOIDE # CM", "10X10|15X15|20X20", 2.1, 'G', "10", ""},
    {"PANSEMENT ALGINATE # CM", "10X10|5X5", 2.6, 'G', "10", ""},
    {"PANSEMENT HYDROCELLULAIRE # CM", "10X10|15X15|ADHESIF 12,5X12,5", 3.4, 'G', "10", ""},
    {"PANSEMENT A L'ARGENT # CM", "10X10|15X15", 8.5, 'G', "10", ""},
    {"BANDE CREPE # CM X 4 M", "5|7|10|15", 0.35, 'G', "20", ""},
    {"BANDE DE CONTENTION # CM", "10|15", 6.9, 'G', "1", ""},
    {"SPARADRAP MICROPOREUX # CM X 5 M", "1,25|2,5|5", 1.2, 'G', "12,24", ""},
    {"SET DE PANSEMENT #", "SIMPLE|AVEC PINCE", 1.1, 'G', "50", ""},
    {"KIT DE POSE DE VOIE VEINEUSE CENTRALE #", "STANDARD|PEDIATRIQUE", 19, 'A', "10", ""},
    {"ELECTRODE ECG #", "ADULTE|PEDIATRIQUE|NEONATALE", 0.09, 'C', "50,500", ""},
    {"CAPTEUR DE SPO2 #", "ADULTE|PEDIATRIQUE", 9.5, 'A', "24", ""},
    {"LAME DE BISTOURI N°#", "11|15|20|22|23", 0.12, 'S', "100", ""},
    {"FIL DE SUTURE RESORBABLE #", "2/0|3/0|4/0|0", 3.2, 'S', "12,36", ""},
    {"FIL DE SUTURE NON RESORBABLE #", "3/0|4/0|5/0", 2.6, 'S', "12,36", ""},
    {"AGRAFEUSE CUTANEE # AGRAFES", "35|15", 7.8, 'S', "12", ""},
    {"CHAMP OPERATOIRE ADHESIF # CM", "75X90|50X50", 2.1, 'S', "40", ""},
    {"CASAQUE CHIRURGICALE STERILE T#", "L|XL|XXL", 2.9, 'S', "30", ""},
    {"TROCART # MM", "5|10|12", 24, 'S', "6,10", ""},
    {"CLIP HEMOSTATIQUE T#", "M|ML|L", 1.9, 'S', "120", ""},
    {"DRAIN DE REDON CH#", "10|12|14", 3.8, 'S', "10", ""},
    {"SURCHAUSSURES #", "STANDARD|ANTIDERAPANTES", 0.02, 'S', "100", ""},
    {"AGRAFEUSE MECANIQUE CIRCULAIRE # MM", "25|29|33", 420, 'H', "1", ""},
    {"RECHARGE POUR AGRAFEUSE LINEAIRE # MM", "45|60", 160, 'H', "6", ""},
    {"PROTHESE TOTALE DE HANCHE #", "CIMENTEE|SANS CIMENT", 1650, 'K', "1", ""},
    {"PROTHESE TOTALE DE GENOU #", "STANDARD|POSTERO-STABILISEE", 2100, 'K', "1", ""},
    {"VIS D'OSTEOSYNTHESE # MM", "3,5X30|4,5X40|6,5X50", 28, 'K', "1,5", ""},
    {"PLAQUE D'OSTEOSYNTHESE # TROUS", "4|6|8", 210, 'K', "1", ""},
    {"CIMENT ORTHOPEDIQUE # G", "40|20", 65, 'K', "1", ""},
    {"STENT CORONAIRE ACTIF # MM", "2,5X18|3X18|3X23|3,5X23", 520, 'V', "1", ""},
    {"BALLON D'ANGIOPLASTIE # MM", "2,5X15|3X20", 190, 'V', "1", ""},
    {"GUIDE CORONAIRE # CM", "180|300", 38, 'V', "5", ""},
    {"INTRODUCTEUR ARTERIEL # F", "5|6", 14, 'V', "10", ""},
    {"STIMULATEUR CARDIAQUE #", "DOUBLE CHAMBRE|SIMPLE CHAMBRE", 1900, 'V', "1", ""},
    {"DEFIBRILLATEUR AUTOMATIQUE IMPLANTABLE #", "DOUBLE CHAMBRE|TRIPLE CHAMBRE", 2400, 'V', "1", ""},
    {"ENDOPROTHESE VASCULAIRE # MM", "8X60|10X80", 880, 'V', "1", ""},
    {"IMPLANT INTRAOCULAIRE # D", "18|20|22|24", 85, 'Y', "1", ""},
    {"BANDELETTE DE GLYCEMIE #", "STANDARD|CETONEMIE", 0.18, 'M', "50", ""},
    {"LANCETTE DE SECURITE #", "STANDARD|PEDIATRIQUE", 0.07, 'M', "100,200", ""},
    {"COLLECTEUR A AIGUILLES # L", "1|3|7", 1.3, 'G', "20,50", ""},
    {"TUBE DE PRELEVEMENT SANGUIN # ML", "4|5|3,5", 0.09, 'G', "100", ""},
    {"CORPS DE POMPE POUR PRELEVEMENT #", "STANDARD|AVEC ADAPTATEUR", 0.12, 'G', "250", ""},
    {"KIT D'HEMODIALYSE #", "STANDARD|PEDIATRIQUE", 14, 'D', "10", ""},
    {"DIALYSEUR # M2", "1,5|1,8|2,1", 18, 'D', "24", ""},
    {"AIGUILLE A FISTULE #", "15G|16G|17G", 0.9, 'D', "50,100", ""},
    {"ALESE JETABLE # CM", "60X90|40X60", 0.22, 'G', "30", ""},
};

// Laboratory names printed in the labels of the second and later
// references of a same presentation (generics).
const char *const kLabTags[] = {"ARROW", "BIOGARAN", "MYLAN", "SANDOZ", "TEVA", "EG", "ZENTIVA", "VIATRIS",
                                "ACCORD", "PANPHARMA", "AGUETTANT", "RENAUDIN", "FRESENIUS", "BBRAUN", "CRISTERS",
                                "ZYDUS", "KRKA", "ALMUS", "QUALIMED", "SUN"};
const char *const kDeviceTags[] = {"HARTMANN", "BBRAUN", "VYGON", "BD", "MOLNLYCKE", "3M", "TELEFLEX", "COLOPLAST",
                                   "CONVATEC", "URGO", "SMITH NEPHEW", "TERUMO", "COOK", "MEDLINE", "CAIR",
                                   "INTERSURGICAL", "LOHMANN", "DISPOTECH"};

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        const size_t pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos)
            return out;
        start = pos + 1;
    }
}

bool hasFlag(const char *flags, char f) { return std::strchr(flags, f) != nullptr; }

// ============================================================ model

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
    Generator(const DemoOptions &o, const std::function<void(double)> &progress)
        : m_o(o), m_progress(progress)
    {
    }
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

    void beginLine(std::string &b, int di, const std::string &type, const Product &p, const LotRec &lot, qint64 qty,
                   std::string_view from, std::string_view to);
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
    qint64 m_seqReception = 0, m_seqNote = 0, m_seqReturn = 0, m_seqExpired = 0, m_seqOther = 0, m_seqAdjust = 0,
           m_seqOpening = 0, m_seqRetro = 0, m_seqOrder = 0, m_seqEmergency = 0;
    QStringList m_files;
};

// ------------------------------------------------------------ calendar

void Generator::buildCalendar()
{
    const bg::date last(m_o.endDate.year(), m_o.endDate.month(), m_o.endDate.day());
    const bg::date first = last - bg::years(m_o.years) + bg::days(1);
    m_firstJd = int(first.julian_day());
    m_days = int((last - first).days()) + 1;
    std::vector<bg::date> holidays;
    for (int y = first.year(); y <= last.year(); ++y) {
        const auto h = frenchPublicHolidays(y);
        holidays.insert(holidays.end(), h.begin(), h.end());
    }
    std::sort(holidays.begin(), holidays.end());
    m_cal.resize(size_t(m_days));
    int di = 0;
    for (bg::day_iterator it(first); *it <= last; ++it, ++di) {
        const bg::date d = *it;
        Day &day = m_cal[size_t(di)];
        day.jd = int(d.julian_day());
        day.weekday = (d.day_of_week().as_number() + 6) % 7;
        day.holiday = std::binary_search(holidays.begin(), holidays.end(), d);
        day.working = day.weekday < 5 && !day.holiday;
        day.inventory = false;
        // Winter peak mid-January covering December to February; summer
        // trough in early August when wards close beds for staff holidays.
        const double doy = d.day_of_year();
        const double w = std::cos(2.0 * kPi * (doy - 20.0) / 365.25);
        day.winter = w > 0 ? w * w : 0.0;
        const double s = (doy - 215.0) / 32.0;
        day.summer = std::abs(s) < 1.0 ? 0.5 + 0.5 * std::cos(kPi * s) : 0.0;
    }
    // The annual inventory is counted on the last working day of December.
    for (int y = first.year(); y <= last.year(); ++y) {
        for (bg::date d(y, bg::Dec, 31); d.month() == bg::Dec; d -= bg::days(1)) {
            const int idx = int(d.julian_day()) - m_firstJd;
            if (idx < 0 || idx >= m_days)
                break;
            if (m_cal[size_t(idx)].working) {
                m_cal[size_t(idx)].inventory = true;
                break;
            }
        }
    }
    m_nextWorking.assign(size_t(m_days), m_days);
    int next = m_days;
    for (int i = m_days - 1; i >= 0; --i) {
        if (m_cal[size_t(i)].working)
            next = i;
        m_nextWorking[size_t(i)] = next;
    }
    m_dates = std::make_unique<DateTexts>(m_firstJd - 400, m_firstJd + m_days + 4 * 366);
}

int Generator::nextWorking(int di) const
{
    if (di < 0)
        return 0;
    if (di >= m_days)
        return di;   // after the history: the date only matters for open orders
    const int n = m_nextWorking[size_t(di)];
    return n < m_days ? n : di;
}

double Generator::level(const Product &p, int di) const
{
    if (di < p.introDay || di >= p.endDay)
        return 0.0;
    const Day &d = m_cal[size_t(di)];
    double l = p.trend * (1.0 + p.winterAmp * d.winter - p.summerDip * d.summer);
    if (p.shiftDay >= 0 && di >= p.shiftDay)
        l *= p.shiftFactor;
    return l;
}

// ------------------------------------------------------------ static files

bool Generator::writeSuppliers(QString *error)
{
    Rng r(streamSeed(m_o.seed, StreamSuppliers, 0));
    const int n = std::clamp(20 + m_o.products / 30, 40, 80);
    std::vector<const SupplierSpec *> byKind[3];
    for (const SupplierSpec &s : kSuppliers)
        byKind[s.kind].push_back(&s);
    for (auto &list : byKind)   // Fisher-Yates with our generator
        for (int i = int(list.size()) - 1; i > 0; --i)
            std::swap(list[size_t(i)], list[size_t(r.below(i + 1))]);
    const int wholesalers = std::min<int>(int(byKind[Wholesaler].size()), std::max(3, n / 12));
    const int devices = std::min<int>(int(byKind[DeviceMaker].size()), (n - wholesalers) * 2 / 5);
    const int drugs = std::min<int>(int(byKind[DrugMaker].size()), n - wholesalers - devices);
    std::vector<const SupplierSpec *> chosen;
    chosen.insert(chosen.end(), byKind[Wholesaler].begin(), byKind[Wholesaler].begin() + wholesalers);
    chosen.insert(chosen.end(), byKind[DrugMaker].begin(), byKind[DrugMaker].begin() + drugs);
    chosen.insert(chosen.end(), byKind[DeviceMaker].begin(), byKind[DeviceMaker].begin() + devices);
    for (int i = int(chosen.size()) - 1; i > 0; --i)
        std::swap(chosen[size_t(i)], chosen[size_t(r.below(i + 1))]);

    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("fournisseurs.csv")), "Code fournisseur;Nom;Délai (jours);Jours de commande",
                error))
        return false;
    for (size_t i = 0; i < chosen.size(); ++i) {
        Supplier s;
        s.code = "F";
        appendPadded(s.code, qint64(i + 1), 4);
        s.name = QString::fromUtf8(chosen[i]->name);
        s.kind = chosen[i]->kind;
        const double u = r.uniform();
        switch (s.kind) {
        case Wholesaler: s.leadTime = r.range(2, 3); break;
        case DrugMaker: s.leadTime = u < 0.7 ? r.range(3, 10) : u < 0.95 ? r.range(11, 21) : r.range(22, 30); break;
        case DeviceMaker: s.leadTime = u < 0.6 ? r.range(4, 12) : u < 0.9 ? r.range(13, 21) : r.range(22, 30); break;
        }
        // Wholesalers deliver every day; manufacturers take orders once or twice a week.
        if (s.kind == Wholesaler)
            s.orderMask = 0x1F;
        else if (r.chance(0.55))
            s.orderMask = 1u << r.below(5);
        else
            s.orderMask = r.chance(0.5) ? (1u << 0 | 1u << 3) : (1u << 1 | 1u << 4);
        s.reviewPeriod = 7.0 / double(std::popcount(s.orderMask));
        s.lotStyle = r.below(5);
        std::string &b = f.buffer();
        b += s.code;
        b += ';';
        appendCp1252(b, s.name);
        b += ';';
        appendInt(b, s.leadTime);
        b += ';';
        b += orderDaysText(int(s.orderMask), true).toLatin1();   // "lun,jeu", "lun-ven": ASCII
        f.endLine();
        m_suppliers.push_back(std::move(s));
    }
    m_files << f.path();
    return f.close(error);
}

bool Generator::writeUnits(QString *error)
{
    Rng r(streamSeed(m_o.seed, StreamUnits, 0));
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("unites.csv")), "Code UF;Libellé UF;Type;Tournées/semaine", error))
        return false;
    f.buffer() += cp1252("PUI;Pharmacie à usage intérieur;PUI;");
    f.endLine();
    const int specs = int(std::size(kUnits));
    std::array<int, 10> perPole{};
    std::vector<int> used;
    for (int i = 0; i < m_o.units; ++i) {
        const UnitSpec &spec = kUnits[i % specs];
        Unit u;
        u.label = QString::fromUtf8(spec.label);
        if (i >= specs)   // a CHU has several wards of a kind
            u.label += QStringLiteral(" %1").arg(i / specs + 1);
        u.profile = spec.profile;
        u.activity = spec.activity * r.lognormal(1.0, 0.25);
        u.domains = spec.domains;
        u.rounds = spec.rounds ? spec.rounds
                 : spec.profile == Ward ? (r.chance(0.6) ? 3 : 2)
                                        : (r.chance(0.5) ? 1 : 2);
        switch (u.rounds) {
        case 5: u.roundMask = 0x1F; break;
        case 3: u.roundMask = 1u << 0 | 1u << 2 | 1u << 4; break;
        case 2: u.roundMask = i % 2 ? (1u << 1 | 1u << 4) : (1u << 0 | 1u << 3); break;
        default: u.roundMask = 1u << (i % 5); break;
        }
        // UF codes: the pole's digit, then a number within the pole.
        int code = spec.pole * 1000 + 10 * (++perPole[size_t(spec.pole)]) + r.below(10);
        while (code > 9999 || std::find(used.begin(), used.end(), code) != used.end())
            code = code > 9999 ? 1000 : code + 1;
        used.push_back(code);
        u.code = std::to_string(code);
        std::string &b = f.buffer();
        b += u.code;
        b += ';';
        appendCp1252(b, u.label);
        b += ";UF;";
        appendInt(b, u.rounds);
        f.endLine();
        m_units.push_back(std::move(u));
    }
    m_files << f.path();
    return f.close(error);
}

bool Generator::writeProducts(QString *error)
{
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("produits.csv")),
                "Code;Code UCD;CIP13;LPP;Libellé;DCI;ATC;Forme;Unité;Conditionnement;PMP;Fournisseur;Délai (j);"
                "Qté min commande;MITM;VEN;Type",
                error))
        return false;

    Rng ids(streamSeed(m_o.seed, StreamIds, 0));
    const qint64 ucdOffset = ids.below(10000000), cipOffset = ids.below(10000000), lppOffset = ids.below(1000000);
    const int nDrugs = std::max(m_o.products > 1 ? 1 : 0, int(std::lround(m_o.products * 0.7)));
    const int nDevices = m_o.products - nDrugs;
    const int drugGap = std::clamp(800000 / std::max(1, nDrugs), 1, 9);
    const int deviceGap = std::clamp(800000 / std::max(1, nDevices), 1, 9);
    int drugCode = 100000, deviceCode = 100000;
    std::map<std::string, int> labelUses;

    std::vector<int> bySupplierKind[3];
    for (int s = 0; s < int(m_suppliers.size()); ++s)
        bySupplierKind[m_suppliers[size_t(s)].kind].push_back(s);
    const auto pickSupplier = [&](Rng &r, SupplierKind kind) {
        const std::vector<int> &list = bySupplierKind[kind].empty() ? bySupplierKind[DrugMaker] : bySupplierKind[kind];
        // A few large suppliers hold most references.
        return list[size_t(std::min<double>(double(list.size()) - 1, std::floor(double(list.size()) * std::pow(r.uniform(), 1.6))))];
    };

    const std::string typeDrug = cp1252("Médicament"), typeDevice = "DM";
    m_products.resize(size_t(m_o.products));
    for (int i = 0; i < m_o.products; ++i) {
        Product &p = m_products[size_t(i)];
        Rng r(streamSeed(m_o.seed, StreamCatalogue, quint64(i)));
        p.rng = Rng(streamSeed(m_o.seed, StreamSimulation, quint64(i)));
        p.drug = i < nDrugs;

        std::string ucd, cip, lpp, label, dci, atc, forme, unit;
        const char *domainFlags = "";
        char domain = 'G';
        double price = 1.0;
        std::vector<int> packs;
        bool injectable = false, retro = false;
        if (p.drug) {
            const DrugSpec &d = kDrugs[r.below(int(std::size(kDrugs)))];
            const auto presentations = split(d.presentations, '|');
            const auto parts = split(presentations[size_t(r.below(int(presentations.size())))], ':');
            const FormSpec *form = formByCode(parts[1]);
            Q_ASSERT(form && parts.size() == 3);
            std::string key = std::string(d.dci) + ' ' + std::string(parts[0]) + ' ' + form->labelWord;
            const int seen = labelUses[key]++;
            label = d.dci;
            if (seen > 0) {   // another laboratory's generic of the same presentation
                label += ' ';
                label += kLabTags[(seen - 1) % int(std::size(kLabTags))];
                if (seen > int(std::size(kLabTags)))
                    label += ' ' + std::to_string((seen - 1) / int(std::size(kLabTags)) + 1);
            }
            label += ' ';
            label += parts[0];
            label += ' ';
            label += form->labelWord;
            dci = d.dci;
            atc = d.atc;
            forme = cp1252(form->forme);
            unit = form->unit;
            price = std::strtod(std::string(parts[2]).c_str(), nullptr) * r.lognormal(1.0, 0.3);
            for (int pk : form->packs)
                if (pk)
                    packs.push_back(pk);
            injectable = form->injectable;
            domain = d.domain;
            domainFlags = d.flags;
            retro = hasFlag(d.flags, 'R');

            std::string digits = "34008";
            appendPadded(digits, (ucdOffset + qint64(i) * 7919) % 10000000, 7);
            ucd = digits + gs1CheckDigit(digits);
            digits = "34009";
            appendPadded(digits, (cipOffset + qint64(i) * 104729) % 10000000, 7);
            cip = digits + gs1CheckDigit(digits);
            drugCode += 1 + r.below(drugGap);
            p.code = "M";
            appendPadded(p.code, drugCode, 6);
        } else {
            const DeviceSpec &d = kDevices[r.below(int(std::size(kDevices)))];
            const auto variants = split(d.variants, '|');
            const int v = r.below(int(variants.size()));
            const std::string_view tmpl = d.label;
            const size_t hash = tmpl.find('#');
            std::string base = std::string(tmpl.substr(0, hash)) + std::string(variants[size_t(v)]) + std::string(tmpl.substr(hash + 1));
            const int seen = labelUses[base]++;
            label = cp1252(base.c_str());
            if (seen > 0) {
                label += ' ';
                label += kDeviceTags[(seen - 1) % int(std::size(kDeviceTags))];
                if (seen > int(std::size(kDeviceTags)))
                    label += " REF " + std::to_string(100 + seen);
            }
            unit = "U";
            price = d.price * (1.0 + 0.15 * v) * r.lognormal(1.0, 0.35);
            for (std::string_view pk : split(d.packs, ','))
                packs.push_back(std::atoi(std::string(pk).c_str()));
            domain = d.domain;
            domainFlags = d.flags;
            if (r.chance(0.5)) {
                lpp = std::to_string(1 + r.below(3));
                appendPadded(lpp, (lppOffset + qint64(i) * 7919) % 1000000, 6);
            }
            deviceCode += 1 + r.below(deviceGap);
            p.code = "D";
            appendPadded(p.code, deviceCode, 6);
        }
        p.price = Money::fromUnits(std::clamp<qint64>(std::llround(price * Money::kScale), 123, 2500 * Money::kScale));
        p.pmp = priceText(p.price);

        // Criticality.
        const bool vitalish = hasFlag(domainFlags, 'V');
        p.ven = r.chance(vitalish ? 0.45 : 0.03) ? 'V' : r.chance(0.56) ? 'E' : 'N';
        p.mitm = p.drug && r.chance(hasFlag(domainFlags, 'M') ? 0.5 : 0.1);

        // Demand: the four Syntetos-Boylan classes in equal shares. The
        // volume falls with the price: tablets by the thousand, implants by
        // the unit.
        p.cls = DemandClass(r.below(4));
        const double priceEur = p.price.toDouble();
        const double weekly = std::clamp(40.0 * std::pow(priceEur, -0.45) * r.lognormal(1.0, 0.9), 0.5, 20000.0);
        const double retroScale = retro ? 0.3 : 1.0;   // mostly dispensed to outpatients
        switch (p.cls) {
        case Smooth:
            p.baseDaily = std::max(weekly * 1.5, 10.0) * retroScale / 7.0;
            p.shockShape = 40.0;
            break;
        case Erratic:
            p.baseDaily = std::max(weekly, 5.0) * retroScale / 7.0;
            p.shockShape = r.uniform(0.6, 1.0);
            break;
        case Intermittent:
        case Lumpy: {
            // ADI = 1 / P(a week has a request) stays above 1.32.
            const double perWeek = r.uniform(0.2, 0.9);
            p.eventsPerDay = perWeek / 7.0;
            if (p.cls == Intermittent) {
                p.sizeMean = std::max(1.0, weekly * 0.4 * retroScale / perWeek);
                p.sizeParam = r.uniform(4.0, 12.0);   // gamma shape: CV 0.3-0.5
            } else {
                p.sizeMean = std::max(2.0, weekly * 0.6 * retroScale / perWeek);
                p.sizeParam = r.uniform(0.9, 1.4);    // lognormal sigma: CV2 1.2-6
            }
            break;
        }
        }
        if (hasFlag(domainFlags, 'F'))
            p.winterAmp = r.uniform(1.0, 2.5);
        else if (hasFlag(domainFlags, 'W'))
            p.winterAmp = r.uniform(0.2, 0.6);
        else if (r.chance(0.08))
            p.winterAmp = r.uniform(0.05, 0.2);
        if (r.chance(0.7))
            p.summerDip = r.uniform(0.03, 0.15);
        const double growth = std::clamp(0.08 * r.normal(), -0.2, 0.2);
        p.dailyGrowth = std::pow(1.0 + growth, 1.0 / 365.25);
        if (r.chance(0.12) && m_days > 90) {   // new protocol, market switch, ward opening
            p.shiftDay = r.range(30, m_days - 30);
            p.shiftFactor = std::clamp(r.lognormal(1.0, 0.35), 0.5, 1.8);
            if (std::abs(p.shiftFactor - 1.0) < 0.15)
                p.shiftFactor = p.shiftFactor < 1.0 ? 0.8 : 1.25;
        }
        const double life = r.uniform();
        if (life < 0.04 && m_days > 180)
            p.introDay = r.range(60, m_days - 60);         // new reference
        else if (life < 0.07 && m_days > 180)
            p.endDay = r.range(60, m_days - 30);           // replaced, stock left to expire
        if (retro) {
            // Fewer patients for the costly treatments (hepatitis C, biologics).
            p.retroPerDay = r.uniform(0.3, 3.0) * std::clamp(std::sqrt(2.0 / priceEur), 0.05, 1.0);
            const std::string_view u = unit;
            p.retroQty = (u == "CP" || u == "GEL") ? (r.chance(0.5) ? 28 : 30) : (u == "SER" || u == "STYLO") ? r.range(1, 4) : 1;
        }

        // Who uses it: general references in many wards, specialised ones in a few.
        std::vector<int> candidates;
        for (int u = 0; u < int(m_units.size()); ++u)
            if (domain == 'G' || m_units[size_t(u)].domains.find(domain) != std::string::npos)
                candidates.push_back(u);
        if (candidates.empty())
            for (int u = 0; u < int(m_units.size()); ++u)
                candidates.push_back(u);
        int k;
        switch (p.cls) {
        case Smooth: k = 1 + int(std::lround(r.lognormal(2.0, 0.8))); break;
        case Erratic: k = 1 + int(std::lround(r.lognormal(1.5, 0.8))); break;
        default: { const double u = r.uniform(); k = u < 0.5 ? 1 : u < 0.8 ? 2 : 3; }
        }
        k = std::min<int>(k, int(candidates.size()));
        p.useBegin = int(m_uses.size());
        double total = 0.0;
        for (int j = 0; j < k; ++j) {
            double sum = 0.0;
            for (int c : candidates)
                sum += m_units[size_t(c)].activity;
            double x = r.uniform() * sum;
            size_t pick = 0;
            while (pick + 1 < candidates.size() && (x -= m_units[size_t(candidates[pick])].activity) > 0)
                ++pick;
            Use use;
            use.unit = candidates[pick];
            use.share = m_units[size_t(use.unit)].activity * r.lognormal(1.0, 0.6);
            total += use.share;
            candidates.erase(candidates.begin() + std::ptrdiff_t(pick));
            m_uses.push_back(use);
        }
        p.useCount = k;
        for (int j = 0; j < k; ++j) {
            Use &use = m_uses[size_t(p.useBegin + j)];
            use.share /= total;
            const Profile prof = m_units[size_t(use.unit)].profile;
            p.profileShare[prof] += use.share;
            p.profileMask |= 1u << prof;
            // Weekend top-ups for critical care: vital products and fast movers.
            use.onCall = prof == Flat && (p.ven == 'V' || use.share * p.baseDaily >= 8.0);
        }

        // Supply.
        const SupplierKind kind = p.drug ? (r.chance(0.15) ? Wholesaler : DrugMaker) : (r.chance(0.05) ? Wholesaler : DeviceMaker);
        p.supplier = pickSupplier(r, kind);
        const int supplierLead = m_suppliers[size_t(p.supplier)].leadTime;
        const bool ownLead = r.chance(0.15);
        p.lead = ownLead ? std::clamp(supplierLead + r.range(-2, 10), 2, 30) : supplierLead;
        const double expected = p.expectedDaily(1.0);
        // Packs: the largest that holds at most four weeks (one for costly
        // items); cheap ones sometimes come in a big box anyway.
        std::sort(packs.begin(), packs.end());
        p.pack = packs.front();
        for (int pk : packs)
            if (pk <= expected * (priceEur > 50.0 ? 7.0 : 28.0))
                p.pack = pk;
        if (priceEur < 5.0 && r.chance(0.2))
            p.pack = packs[size_t(r.below(int(packs.size())))];
        if (r.chance(0.25)) {
            static const int kMultiples[] = {2, 3, 5, 10};
            const qint64 m = qint64(p.pack) * kMultiples[r.below(4)];
            if (double(m) <= expected * 56.0)
                p.moq = m;
        }
        p.shelfMonths = injectable && r.chance(0.06) ? r.range(2, 4) : std::array{6, 9, 12, 18, 24, 24, 36, 36}[size_t(r.below(8))];
        const double shortageRisk = hasFlag(domainFlags, 'S') ? 0.35 : p.mitm ? 0.05 : p.drug ? 0.015 : 0.01;
        if (m_days > 120 && r.chance(shortageRisk)) {
            const int windows = r.chance(0.2) ? 2 : 1;
            for (int w = 0; w < windows; ++w) {
                p.shortageFrom[size_t(w)] = r.range(30, m_days - 30);
                p.shortageTo[size_t(w)] = p.shortageFrom[size_t(w)] + r.range(14, 70);
            }
        }
        // Safety stock in days of demand, on top of lead time and review period.
        static const double kSafetyDays[] = {5.0, 9.0, 12.0, 14.0};
        p.safetyDays = kSafetyDays[p.cls] + (p.ven == 'V' ? 4.0 : 0.0) + (p.mitm ? 3.0 : 0.0) + 0.15 * p.lead;
        if (priceEur > 100.0)
            p.safetyDays *= 0.5;   // costly items are watched closely and reordered at once
        const double annualValue = expected * 365.0 * priceEur;
        p.cycleDays = annualValue > 100000 ? 3 : annualValue > 20000 ? 5 : annualValue > 2000 ? 7 : annualValue > 200 ? 10 : 21;
        p.lotStyle = m_suppliers[size_t(p.supplier)].lotStyle;
        p.lotOffset = quint32(r.below(1000000));

        std::string &b = f.buffer();
        b += p.code;
        b += ';';
        b += ucd;
        b += ';';
        b += cip;
        b += ';';
        b += lpp;
        b += ';';
        b += label;
        b += ';';
        b += dci;
        b += ';';
        b += atc;
        b += ';';
        b += forme;
        b += ';';
        b += unit;
        b += ';';
        appendInt(b, p.pack);
        b += ';';
        b += p.pmp;
        b += ';';
        b += m_suppliers[size_t(p.supplier)].code;
        b += ';';
        if (ownLead)
            appendInt(b, p.lead);
        b += ';';
        if (p.moq)
            appendInt(b, p.moq);
        b += ';';
        b += p.mitm ? 'O' : 'N';
        b += ';';
        b += p.ven;
        b += ';';
        b += p.drug ? typeDrug : typeDevice;
        f.endLine();
    }
    m_files << f.path();
    return f.close(error);
}

// ------------------------------------------------------------ simulation

// kWeekdayRaw normalised to a weekly mean of 1, so that a product's mean
// daily demand does not depend on which wards use it.
const std::array<std::array<double, 7>, ProfileCount> &weekdayFactors()
{
    static const auto table = [] {
        std::array<std::array<double, 7>, ProfileCount> t{};
        for (int p = 0; p < ProfileCount; ++p) {
            double sum = 0.0;
            for (double v : kWeekdayRaw[p])
                sum += v;
            for (int d = 0; d < 7; ++d)
                t[size_t(p)][size_t(d)] = kWeekdayRaw[p][d] * 7.0 / sum;
        }
        return t;
    }();
    return table;
}

void Generator::beginLine(std::string &b, int di, const std::string &type, const Product &p, const LotRec &lot, qint64 qty,
                          std::string_view from, std::string_view to)
{
    m_dates->append(b, m_cal[size_t(di)].jd);
    b += ';';
    b += type;
    b += ';';
    b += p.code;
    b += ';';
    b += lot.number.data();
    b += ';';
    m_dates->append(b, lot.expiry);
    b += ';';
    appendInt(b, qty);
    b += ';';
    b += from;
    b += ';';
    b += to;
    b += ';';
    b += p.pmp;
    b += ';';
}

void Generator::endLine(std::string &b, const char *prefix, qint64 seq, int width, qint64 order)
{
    b += prefix;
    appendPadded(b, seq, width);
    b += ';';
    if (order)
        appendOrderNumber(b, order);
    b += "\r\n";
    ++m_movements;
}

void Generator::appendOrderNumber(std::string &b, qint64 number) const
{
    b += number / 10000000000LL == OrderEmergency ? "URG" : "CDE";
    appendPadded(b, number / 100000000LL % 100, 2);
    appendPadded(b, number % 100000000LL, 6);
}

LotRec Generator::newLot(Product &p, int di, qint64 qty, double lifeFraction)
{
    LotRec lot;
    lot.serial = ++p.lotSerial;
    lot.qty = qty;
    const bg::date today = dateOfJulianDay(m_cal[size_t(std::min(di, m_days - 1))].jd);
    // Expiry dates are ends of months, as printed on boxes (GS1 day 00).
    int months = std::max(1, int(std::lround(p.shelfMonths * lifeFraction)));
    bg::date expiry = (today + bg::months(months)).end_of_month();
    while ((expiry - today).days() < 20)
        expiry = (today + bg::months(++months)).end_of_month();
    lot.expiry = int(expiry.julian_day());

    // Lot numbers in the supplier's style; the sequence part is a bijection
    // of the serial (7919 is prime to 10), so a product never repeats one.
    const quint32 mix = p.lotOffset + quint32(lot.serial) * 7919u;
    const int yy = today.year() % 100, month = today.month();
    std::string s;
    switch (p.lotStyle) {
    case 0:
        s += char('A' + (p.lotOffset / 7 + quint32(lot.serial)) % 26);
        appendPadded(s, mix % 100000, 5);
        break;
    case 1:
        appendPadded(s, yy, 2);
        s += char('A' + month - 1);
        appendPadded(s, mix % 10000, 4);
        break;
    case 2:
        s += 'L';
        appendPadded(s, yy, 2);
        appendPadded(s, mix % 100000, 5);
        break;
    case 3:
        appendPadded(s, yy, 2);
        appendPadded(s, mix % 1000000, 6);
        break;
    default:
        s += char('A' + p.lotOffset % 26);
        s += char('A' + p.lotOffset / 26 % 26);
        appendPadded(s, mix % 10000, 4);
        s += char('A' + lot.serial % 26);
        break;
    }
    std::memcpy(lot.number.data(), s.data(), std::min(s.size(), lot.number.size() - 1));
    return lot;
}

void Generator::insertLot(Product &p, const LotRec &lot)
{
    const auto it = std::upper_bound(p.lots.begin(), p.lots.end(), lot, [](const LotRec &a, const LotRec &b) {
        return a.expiry != b.expiry ? a.expiry < b.expiry : a.serial < b.serial;
    });
    p.lots.insert(it, lot);
}

void Generator::dropEmptyLots(Product &p)
{
    p.lots.erase(std::remove_if(p.lots.begin(), p.lots.end(), [](const LotRec &l) { return l.qty <= 0; }), p.lots.end());
}

// Stock on the first day, booked as an inventory so that every lot is
// traceable; new references start empty. Both fill the pharmacy's memory
// of demand with its estimate.
void Generator::openingStock(Product &p, int di)
{
    const double avg = p.expectedDaily(level(p, di));
    p.requests.fill(avg);
    p.requestSum = avg * kWindow;
    if (di > 0 || avg <= 0.0)
        return;
    const Supplier &s = m_suppliers[size_t(p.supplier)];
    const double low = avg * (p.lead + 1 + s.reviewPeriod + p.safetyDays);
    const double high = low + std::max(avg * p.cycleDays, 1.0);
    const qint64 stock = std::max<qint64>(1, std::llround(low + p.rng.uniform() * (high - low)));
    const qint64 older = stock > 2 * p.pack && p.rng.chance(0.6) ? std::max<qint64>(1, std::llround(double(stock) * p.rng.uniform(0.2, 0.5))) : 0;
    for (const qint64 qty : {older, stock - older}) {
        if (qty <= 0)
            continue;
        const LotRec lot = newLot(p, di, qty, qty == older ? p.rng.uniform(0.1, 0.6) : p.rng.uniform(0.5, 1.0));
        insertLot(p, lot);
        p.onHand += qty;
        std::string &b = m_buf[PhaseOpening];
        beginLine(b, di, m_tAdjust, p, lot, qty, {}, m_pui);
        endLine(b, "INI", ++m_seqOpening, 7);
    }
}

void Generator::destroyExpired(Product &p, int di)
{
    const int jd = m_cal[size_t(di)].jd;
    size_t n = 0;
    while (n < p.lots.size() && p.lots[n].expiry < jd) {
        const LotRec &lot = p.lots[n++];
        std::string &b = m_buf[PhaseExpired];
        beginLine(b, di, m_tExpired, p, lot, lot.qty, m_pui, {});
        endLine(b, "DES", ++m_seqExpired, 7);
        p.onHand -= lot.qty;
    }
    p.lots.erase(p.lots.begin(), p.lots.begin() + std::ptrdiff_t(n));
}

void Generator::receive(Product &p, int di)
{
    for (size_t k = 0; k < p.deliveries.size();) {
        const Delivery d = p.deliveries[k];
        if (d.due > di) {
            ++k;
            continue;
        }
        p.deliveries.erase(p.deliveries.begin() + std::ptrdiff_t(k));
        // Now and then a delivery holds two lots.
        qint64 second = d.qty >= 2 && p.rng.chance(0.08) ? std::max<qint64>(1, std::llround(double(d.qty) * p.rng.uniform(0.2, 0.5))) : 0;
        for (const qint64 qty : {d.qty - second, second}) {
            if (qty <= 0)
                continue;
            const LotRec lot = newLot(p, di, qty, p.rng.uniform(0.75, 1.0));
            insertLot(p, lot);
            std::string &b = m_buf[PhaseReception];
            beginLine(b, di, m_tReception, p, lot, qty, m_suppliers[size_t(p.supplier)].code, m_pui);
            endLine(b, "REC", ++m_seqReception, 8, m_orders[size_t(d.orderLine)].number);
        }
        p.onHand += d.qty;
        p.onOrder -= d.qty;
        m_orders[size_t(d.orderLine)].received += d.qty;
        if (d.emergency)
            --p.emergencyOpen;
    }
}

void Generator::takeReturns(Product &p, int di)
{
    const int jd = m_cal[size_t(di)].jd;
    for (size_t k = 0; k < p.returns.size();) {
        const PendingReturn r = p.returns[k];
        if (r.due > di) {
            ++k;
            continue;
        }
        p.returns.erase(p.returns.begin() + std::ptrdiff_t(k));
        if (r.lot.expiry < jd)
            continue;   // expired on the ward: destroyed there
        auto it = std::find_if(p.lots.begin(), p.lots.end(), [&](const LotRec &l) { return l.serial == r.lot.serial; });
        if (it != p.lots.end())
            it->qty += r.lot.qty;
        else
            insertLot(p, r.lot);
        p.onHand += r.lot.qty;
        std::string &b = m_buf[PhaseReturn];
        beginLine(b, di, m_tReturn, p, r.lot, r.lot.qty, m_units[size_t(r.unit)].code, m_pui);
        endLine(b, "RET", ++m_seqReturn, 7);
    }
}

qint64 Generator::requestOf(Product &p, Use &use)
{
    if (p.cls == Smooth || p.cls == Erratic) {
        const Profile prof = m_units[size_t(use.unit)].profile;
        const double lambda = use.share * (p.cum[size_t(prof)] - use.lastCum);
        use.lastCum = p.cum[size_t(prof)];
        return p.rng.poisson(lambda);
    }
    const qint64 q = use.pending;
    use.pending = 0;
    return q;
}

void Generator::record(Product &p, int di, qint64 qty)
{
    p.requests[size_t(di % kWindow)] += double(qty);
    p.requestSum += double(qty);
}

// FEFO: the first lots to expire go first; what the stock cannot serve is
// not issued (a stockout: the ward waits for its next round).
void Generator::issue(Product &p, int di, int unit, qint64 qty)
{
    Unit &u = m_units[size_t(unit)];
    const int jd = m_cal[size_t(di)].jd;
    for (LotRec &lot : p.lots) {
        if (qty <= 0)
            break;
        if (lot.expiry < jd || lot.qty <= 0)
            continue;   // expired over a weekend, destroyed on the next working day
        const qint64 take = std::min(qty, lot.qty);
        lot.qty -= take;
        qty -= take;
        p.onHand -= take;
        std::string &b = m_buf[PhaseIssue];
        beginLine(b, di, m_tIssue, p, lot, take, m_pui, u.code);
        if (!u.note) {
            u.note = ++m_seqNote;
            u.noteLine = 0;
        }
        b += "BL";
        appendPadded(b, u.note, 8);
        b += '-';
        appendPadded(b, ++u.noteLine, 3);
        b += ";\r\n";
        ++m_movements;
        // A few items come back unused (patient transferred, treatment stopped).
        if (p.rng.chance(0.0015)) {
            PendingReturn r;
            r.due = nextWorking(di + p.rng.range(1, 10));
            r.unit = unit;
            r.lot = lot;
            r.lot.qty = 1 + p.rng.below(int(std::max<qint64>(1, take / 3)));
            if (r.due < m_days)
                p.returns.push_back(r);
        }
    }
    dropEmptyLots(p);
}

void Generator::dispenseOutpatient(Product &p, int di, qint64 qty)
{
    const int jd = m_cal[size_t(di)].jd;
    for (LotRec &lot : p.lots) {
        if (qty <= 0)
            break;
        if (lot.expiry < jd || lot.qty <= 0)
            continue;
        const qint64 take = std::min(qty, lot.qty);
        lot.qty -= take;
        qty -= take;
        p.onHand -= take;
        std::string &b = m_buf[PhaseRetro];
        beginLine(b, di, m_tRetro, p, lot, take, m_pui, {});
        endLine(b, "ORD", ++m_seqRetro, 8);
    }
    dropEmptyLots(p);
}

void Generator::accrue(Product &p, int di)
{
    const double lvl = level(p, di);
    if (lvl <= 0.0)
        return;
    const Day &d = m_cal[size_t(di)];
    const int t = d.dayType();
    const auto &f = weekdayFactors();
    if (p.cls == Smooth || p.cls == Erratic) {
        // Erratic products move by weeks: an outbreak, a surgeon's list, a
        // patient on a heavy protocol. Smooth ones barely.
        if (d.weekday == 0 || di == 0)
            p.shock = p.rng.gamma(p.shockShape) / p.shockShape;
        const double base = p.baseDaily * lvl * p.shock;
        for (int prof = 0; prof < ProfileCount; ++prof)
            if (p.profileMask >> prof & 1u)
                p.cum[size_t(prof)] += base * f[size_t(prof)][size_t(t)];
        return;
    }
    double mix = 0.0;
    for (int prof = 0; prof < ProfileCount; ++prof)
        mix += p.profileShare[size_t(prof)] * f[size_t(prof)][size_t(t)];
    const qint64 events = p.rng.poisson(p.eventsPerDay * lvl * mix);
    for (qint64 e = 0; e < events; ++e) {
        double x = p.rng.uniform() * mix;
        int j = 0;
        for (; j + 1 < p.useCount; ++j) {
            const Use &use = m_uses[size_t(p.useBegin + j)];
            x -= use.share * f[size_t(m_units[size_t(use.unit)].profile)][size_t(t)];
            if (x <= 0.0)
                break;
        }
        const double size = p.cls == Intermittent
            ? p.sizeMean * p.rng.gamma(p.sizeParam) / p.sizeParam
            : p.rng.lognormal(p.sizeMean * std::exp(-0.5 * p.sizeParam * p.sizeParam), p.sizeParam);
        m_uses[size_t(p.useBegin + j)].pending += std::max<qint64>(1, std::llround(size));
    }
}

void Generator::adjust(Product &p, int di, LotRec &lot, qint64 delta, const char *prefix, qint64 seq)
{
    std::string &b = m_buf[PhaseAdjust];
    beginLine(b, di, m_tAdjust, p, lot, delta, {}, m_pui);
    endLine(b, prefix, seq, 7);
    lot.qty += delta;
    p.onHand += delta;
}

// Breakage, counting differences and the annual inventory: rare lines that
// real exports always contain.
void Generator::incidents(Product &p, int di)
{
    Rng &r = p.rng;
    if (p.onHand > 0 && r.chance(0.0012)) {
        LotRec &lot = p.lots[size_t(r.below(int(p.lots.size())))];
        const qint64 q = std::min<qint64>(lot.qty, 1 + r.below(4));
        std::string &b = m_buf[PhaseOther];
        beginLine(b, di, m_tOther, p, lot, q, m_pui, {});
        endLine(b, "CAS", ++m_seqOther, 7);
        lot.qty -= q;
        p.onHand -= q;
        dropEmptyLots(p);
    }
    if (p.onHand > 0 && r.chance(0.0004)) {
        LotRec &lot = p.lots[size_t(r.below(int(p.lots.size())))];
        const qint64 delta = r.chance(0.6) ? -std::min<qint64>(lot.qty, 1 + r.below(3)) : 1 + r.below(3);
        adjust(p, di, lot, delta, "INV", ++m_seqAdjust);
        dropEmptyLots(p);
    }
    if (m_cal[size_t(di)].inventory && p.onHand > 0 && r.chance(0.12)) {
        LotRec &lot = p.lots[size_t(r.below(int(p.lots.size())))];
        const qint64 size = std::max<qint64>(1, std::llround(double(lot.qty) * r.uniform(0.005, 0.04)));
        const qint64 delta = r.chance(0.7) ? -std::min(size, lot.qty) : size;
        adjust(p, di, lot, delta, "INV", ++m_seqAdjust);
        dropEmptyLots(p);
    }
}

// Min/max on the supplier's order days, from the mean of the last 8 weeks
// of ward requests; emergency orders for vital or MITM products at zero.
void Generator::review(Product &p, int di)
{
    if (di >= p.endDay)
        return;   // a replaced reference is not reordered
    const double avg = p.requestSum / kWindow;
    if (avg <= 1e-9)
        return;
    const Supplier &s = m_suppliers[size_t(p.supplier)];
    double low = avg * (p.lead + 1 + s.reviewPeriod + p.safetyDays);
    if (p.cls == Intermittent || p.cls == Lumpy)
        low = std::max(low, (p.price.toDouble() > 100.0 ? 0.25 : 0.5) * p.sizeMean);   // part of a usual request
    const double high = low + std::max(avg * p.cycleDays, 1.0);
    const double position = double(p.onHand + p.onOrder);
    if (s.orderMask >> m_cal[size_t(di)].weekday & 1u) {
        if (position <= low)
            placeOrder(p, di, qint64(std::ceil(high - position)), false);
        return;
    }
    if (p.onHand == 0 && p.emergencyOpen == 0 && (p.ven == 'V' || p.mitm)) {
        for (const Delivery &d : p.deliveries)
            if (d.due <= di + 2)
                return;
        placeOrder(p, di, qint64(std::ceil(std::max(high - position, avg * 14.0))), true);
    }
}

void Generator::placeOrder(Product &p, int di, qint64 qty, bool emergency)
{
    Rng &r = p.rng;
    qty = std::max<qint64>((qty + p.pack - 1) / p.pack * p.pack, p.moq);
    if (qty <= 0)
        return;
    Supplier &s = m_suppliers[size_t(p.supplier)];
    const qint64 yy = dateOfJulianDay(m_cal[size_t(di)].jd).year() % 100;
    qint64 number;
    if (emergency) {
        number = OrderEmergency * 10000000000LL + yy * 100000000LL + ++m_seqEmergency;
    } else {
        if (!s.todaysOrder)   // one order a supplier a day, one line a product
            s.todaysOrder = yy * 100000000LL + ++m_seqOrder;
        number = s.todaysOrder;
    }
    const int nominal = emergency ? std::max(1, p.lead / 3) : p.lead;
    const int line = int(m_orders.size());
    m_orders.push_back({number, di, di + nominal, int(&p - m_products.data()), qty});
    p.onOrder += qty;

    int lead = std::max(1, int(std::lround(nominal * std::exp(0.2 * r.normal()))));
    if (!emergency && r.chance(0.04))
        lead += r.range(3, 20);   // late delivery
    const int due = di + lead;
    for (size_t w = 0; w < p.shortageFrom.size(); ++w) {
        if (p.shortageFrom[w] < 0 || due < p.shortageFrom[w] || di > p.shortageTo[w])
            continue;
        // Supplier shortage: an allocation now and then, the rest after it ends.
        const int after = p.shortageTo[w] + r.range(1, std::max(2, nominal));
        if (r.chance(0.5)) {
            const qint64 first = qint64(double(qty) * r.uniform(0.3, 0.6)) / p.pack * p.pack;
            if (first > 0) {
                scheduleDelivery(p, di, line, first, due, emergency);
                qty -= first;
            }
        }
        scheduleDelivery(p, di, line, qty, after, emergency);
        return;
    }
    if (qty >= 2 * p.pack && r.chance(0.04)) {   // delivered in two parts
        const qint64 first = std::max<qint64>(p.pack, std::llround(double(qty) * r.uniform(0.5, 0.9)) / p.pack * p.pack);
        if (first < qty) {
            scheduleDelivery(p, di, line, first, due, emergency);
            scheduleDelivery(p, di, line, qty - first, due + r.range(3, 15), emergency);
            return;
        }
    }
    scheduleDelivery(p, di, line, qty, due, emergency);
}

void Generator::scheduleDelivery(Product &p, int di, int line, qint64 qty, int due, bool emergency)
{
    p.deliveries.push_back({nextWorking(std::max(due, di + 1)), line, qty, emergency});
    if (emergency)
        ++p.emergencyOpen;
}

void Generator::simulateDay(Product &p, int di)
{
    const Day &d = m_cal[size_t(di)];
    const size_t slot = size_t(di % kWindow);
    p.requestSum -= p.requests[slot];
    p.requests[slot] = 0.0;
    if (di == p.introDay && di > 0)
        openingStock(p, di);
    if (d.working) {
        destroyExpired(p, di);
        receive(p, di);
        takeReturns(p, di);
    }
    // Rounds restock what each ward used since its previous round; on
    // weekends and holidays critical care is topped up for what cannot wait.
    for (int j = 0; j < p.useCount; ++j) {
        Use &use = m_uses[size_t(p.useBegin + j)];
        if (!(m_units[size_t(use.unit)].roundToday || (!d.working && use.onCall)))
            continue;
        const qint64 q = requestOf(p, use);
        if (q > 0) {
            record(p, di, q);
            issue(p, di, use.unit, q);
        }
    }
    if (d.working && p.retroPerDay > 0.0) {
        const qint64 patients = p.rng.poisson(p.retroPerDay * level(p, di));
        for (qint64 k = 0; k < patients; ++k) {
            record(p, di, p.retroQty);
            dispenseOutpatient(p, di, p.retroQty);
        }
    }
    accrue(p, di);
    if (d.working) {
        incidents(p, di);
        review(p, di);
    }
    p.trend *= p.dailyGrowth;
}

bool Generator::simulate(QString *error)
{
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("mouvements.csv")),
                "Date;Type de mouvement;Code produit;N° lot;Date de péremption;Quantité;Origine;Destination;PMP;N° pièce;"
                "N° commande",
                error))
        return false;
    m_tReception = cp1252("Réception");
    m_tIssue = cp1252("Délivrance UF");
    m_tReturn = cp1252("Retour UF");
    m_tExpired = cp1252("Destruction périmé");
    m_tOther = cp1252("Destruction autre");
    m_tAdjust = cp1252("Régularisation inventaire");
    m_tRetro = cp1252("Rétrocession");

    for (Product &p : m_products)
        if (p.introDay == 0)
            openingStock(p, 0);
    for (int di = 0; di < m_days; ++di) {
        const Day &d = m_cal[size_t(di)];
        for (Unit &u : m_units) {
            const bool scheduled = u.roundMask >> d.weekday & 1u;
            u.note = 0;
            u.noteLine = 0;
            if (d.working) {
                u.roundToday = scheduled || u.missedRound;
                u.missedRound = false;
            } else {
                u.roundToday = false;
                u.missedRound = u.missedRound || scheduled;
            }
        }
        for (Supplier &s : m_suppliers)
            s.todaysOrder = 0;
        for (Product &p : m_products)
            simulateDay(p, di);
        // Within a day: opening stock, destructions of expired lots,
        // receptions, returns, issues, outpatients, other destructions,
        // adjustments. Replaying the file in this order never takes a lot
        // below zero.
        for (std::string &b : m_buf) {
            f.append(b);
            b.clear();
        }
        if (m_progress && (di % 8 == 0 || di == m_days - 1))
            m_progress(0.02 + 0.96 * double(di + 1) / double(m_days));
    }
    m_files << f.path();
    return f.close(error);
}

// ------------------------------------------------------------ final state

bool Generator::writeLots(QString *error)
{
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("stock_lots.csv")),
                "Code produit;N° lot;Date de péremption;Quantité;Emplacement;Date stock", error))
        return false;
    const int lastJd = m_cal.back().jd;
    for (const Product &p : m_products) {
        for (const LotRec &lot : p.lots) {
            if (lot.qty <= 0)
                continue;
            std::string &b = f.buffer();
            b += p.code;
            b += ';';
            b += lot.number.data();
            b += ';';
            m_dates->append(b, lot.expiry);
            b += ';';
            appendInt(b, lot.qty);
            b += ";PUI;";
            m_dates->append(b, lastJd);
            f.endLine();
            ++m_lots;
        }
    }
    m_files << f.path();
    return f.close(error);
}

bool Generator::writeOpenOrders(QString *error)
{
    OutFile f;
    if (!f.open(m_dir.filePath(QStringLiteral("commandes_en_cours.csv")),
                "N° commande;Date commande;Fournisseur;Code produit;Qté commandée;Qté reçue;Date livraison prévue;Prix unitaire",
                error))
        return false;
    // Every line still on order, and the lines of the last 12 months received
    // in full (Qté reçue = Qté commandée), as order-tracking exports list
    // them: their order dates give the lead times of the receptions that
    // carry their numbers.
    const int recent = int(m_o.endDate.addYears(-1).addDays(1).toJulianDay()) - m_firstJd;
    std::vector<const OrderLine *> lines;
    int open = 0;
    for (const OrderLine &o : m_orders) {
        if (o.received < o.ordered)
            ++open;
        if (o.received < o.ordered || o.orderDay >= recent)
            lines.push_back(&o);
    }
    std::sort(lines.begin(), lines.end(), [](const OrderLine *a, const OrderLine *b) {
        return std::tie(a->orderDay, a->number, a->product) < std::tie(b->orderDay, b->number, b->product);
    });
    for (const OrderLine *o : lines) {
        const Product &p = m_products[size_t(o->product)];
        std::string &b = f.buffer();
        appendOrderNumber(b, o->number);
        b += ';';
        m_dates->append(b, m_cal[size_t(o->orderDay)].jd);
        b += ';';
        b += m_suppliers[size_t(p.supplier)].code;
        b += ';';
        b += p.code;
        b += ';';
        appendInt(b, o->ordered);
        b += ';';
        appendInt(b, o->received);
        b += ';';
        m_dates->append(b, m_firstJd + o->expectedDay);
        b += ';';
        b += p.pmp;
        f.endLine();
    }
    m_openLines = open;
    m_orderLines = int(lines.size());
    m_files << f.path();
    return f.close(error);
}

bool Generator::run(DemoSummary *summary, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (m_o.outDir.isEmpty() || m_o.products < 1 || m_o.units < 1 || m_o.years < 1 || !m_o.endDate.isValid()
        || m_o.products > 500000 || m_o.units > 2000 || m_o.years > 30 || m_o.endDate.year() < 1900
        || m_o.endDate.year() > 9000) {
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

} // namespace

bool generateDemo(const DemoOptions &options, DemoSummary *summary, QString *error, const std::function<void(double)> &progress)
{
    Generator g(options, progress);
    return g.run(summary, error);
}

} // namespace reappro
