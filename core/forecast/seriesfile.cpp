// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/forecast/seriesfile.h"
#include "core/common/csvreader.h"
#include "core/common/textparse.h"

#include <QSaveFile>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace reappro {

namespace {

bool parseNumber(std::string_view s, double *out)
{
    const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

QString where(const QString &path, qint64 line) { return QStringLiteral("%1:%2: ").arg(path).arg(line); }

// Column indexes of the wanted header names; false when one is missing.
bool columns(const std::vector<std::string_view> &header, std::initializer_list<const char *> names, std::vector<int> *cols)
{
    cols->clear();
    for (const char *n : names) {
        int found = -1;
        for (size_t i = 0; i < header.size(); ++i)
            if (trimmed(header[i]) == n)
                found = int(i);
        if (found < 0)
            return false;
        cols->push_back(found);
    }
    return true;
}

} // namespace

bool readSeriesSet(const QString &seriesPath, const QString &metaPath, SeriesSet *set, QString *error)
{
    *set = {};
    std::unordered_map<std::string, size_t> index;
    CsvReader r;
    if (!r.open(seriesPath, error, ','))
        return false;
    std::vector<std::string_view> f;
    std::vector<int> c;
    qint64 line = 0;
    if (!r.next(f, &line) || !columns(f, {"series_id", "t", "value"}, &c)) {
        *error = where(seriesPath, 1) + QStringLiteral("expected the header series_id,t,value");
        return false;
    }
    while (r.next(f, &line)) {
        if (f.size() <= size_t(std::max({c[0], c[1], c[2]}))) {
            *error = where(seriesPath, line) + QStringLiteral("expected 3 columns");
            return false;
        }
        const std::string id(trimmed(f[size_t(c[0])]));
        double t = 0, v = 0;
        if (!parseNumber(trimmed(f[size_t(c[1])]), &t) || t < 0 || t != std::floor(t)) {
            *error = where(seriesPath, line)
                     + QStringLiteral("t must be an integer >= 0, got \"%1\"")
                           .arg(QString::fromUtf8(f[size_t(c[1])].data(), qsizetype(f[size_t(c[1])].size())));
            return false;
        }
        // Demand, not astronomy: a value past kMaxValue (1e308 was read)
        // would make the forecasts overflow to infinity.
        if (!parseNumber(trimmed(f[size_t(c[2])]), &v) || !std::isfinite(v) || v < 0 || v > kMaxValue) {
            *error = where(seriesPath, line)
                     + QStringLiteral("value must be a number from 0 to 1e12, got \"%1\"")
                           .arg(QString::fromUtf8(f[size_t(c[2])].data(), qsizetype(f[size_t(c[2])].size())));
            return false;
        }
        auto [it, added] = index.emplace(id, set->ids.size());
        if (added) {
            set->ids.push_back(id);
            set->values.emplace_back();
        }
        std::vector<double> &s = set->values[it->second];
        if (size_t(t) != s.size()) {
            *error = where(seriesPath, line)
                     + QStringLiteral("series %1: t = %2 where %3 was expected (no gaps, no duplicates, in order)")
                           .arg(QString::fromStdString(id))
                           .arg(t)
                           .arg(s.size());
            return false;
        }
        s.push_back(v);
    }
    set->periods.assign(set->ids.size(), 1);
    if (metaPath.isEmpty())
        return true;
    CsvReader m;
    if (!m.open(metaPath, error, ','))
        return false;
    if (!m.next(f, &line) || !columns(f, {"series_id", "period"}, &c)) {
        *error = where(metaPath, 1) + QStringLiteral("expected the header series_id,period");
        return false;
    }
    while (m.next(f, &line)) {
        double p = 0;
        if (f.size() <= size_t(std::max(c[0], c[1])) || !parseNumber(trimmed(f[size_t(c[1])]), &p) || p < 1 || p != std::floor(p)) {
            *error = where(metaPath, line) + QStringLiteral("period must be an integer >= 1");
            return false;
        }
        const auto it = index.find(std::string(trimmed(f[size_t(c[0])])));
        if (it != index.end())
            set->periods[it->second] = int(p);
    }
    return true;
}

bool writeForecasts(const QString &path, const SeriesSet &set, const std::vector<SeriesForecast> &forecasts, int level, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    std::string out = "series_id,h,forecast,lo" + std::to_string(level) + ",hi" + std::to_string(level) + "\n";
    char buf[128];
    for (size_t i = 0; i < set.ids.size(); ++i) {
        const SeriesForecast &fc = forecasts[i];
        for (size_t h = 0; h < fc.mean.size(); ++h) {
            const int n = std::snprintf(buf, sizeof buf, ",%zu,%.6g,%.6g,%.6g\n", h + 1, fc.mean[h],
                                        h < fc.lower.size() ? fc.lower[h] : fc.mean[h], h < fc.upper.size() ? fc.upper[h] : fc.mean[h]);
            out += set.ids[i];
            out.append(buf, size_t(n));
        }
        if (out.size() > (1u << 20)) {
            f.write(out.data(), qint64(out.size()));
            out.clear();
        }
    }
    f.write(out.data(), qint64(out.size()));
    if (!f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace reappro
