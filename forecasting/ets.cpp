// SPDX-License-Identifier: GPL-3.0-or-later
// ETS recursions, initial states and parameter estimation; the model and its
// conventions are described in ets.h.
#include "forecasting/ets.h"

#include "forecasting/optimizer.h"

#include <Eigen/QR>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <numeric>

namespace reappro::forecasting {

namespace {

struct State {
    double level = 0.0, trend = 0.0;
    std::vector<double> season; // season[t % m] applies to period t
};

struct Coefs {
    double alpha = 0.5, beta = 0.0, gamma = 0.0, phi = 1.0; // classic meaning, see ets.h
};

bool hasTrend(const EtsSpec &s) { return s.trend != Trend::None; }
bool hasSeason(const EtsSpec &s) { return s.season != Season::None; }

State initialState(std::span<const double> y, const EtsSpec &spec)
{
    State st;
    if (hasSeason(spec)) {
        const std::size_t m = std::size_t(spec.period);
        const double mean1 = std::accumulate(y.begin(), y.begin() + m, 0.0) / double(m);
        const double mean2 = std::accumulate(y.begin() + m, y.begin() + 2 * m, 0.0) / double(m);
        st.trend = hasTrend(spec) ? (mean2 - mean1) / double(m) : 0.0;
        st.level = mean1 - st.trend * (double(m) + 1.0) / 2.0;
        st.season.resize(m);
        if (spec.season == Season::Additive) {
            for (std::size_t i = 0; i < m; ++i)
                st.season[i] = y[i] - (st.level + double(i + 1) * st.trend);
        } else {
            // A steep fall can put the trend line below zero inside the first
            // season; the plain mean is then the only sane divisor.
            bool lineOk = true;
            for (std::size_t i = 0; i < m; ++i)
                lineOk = lineOk && st.level + double(i + 1) * st.trend > 0.0;
            for (std::size_t i = 0; i < m; ++i)
                st.season[i] = y[i] / (lineOk ? st.level + double(i + 1) * st.trend : mean1);
            const double norm = std::accumulate(st.season.begin(), st.season.end(), 0.0) / double(m);
            for (double &s : st.season)
                s /= norm;
        }
    }
    // Non-seasonal models: profiledRun() estimates the initial state.
    return st;
}

// Runs the recursions over y from the initial state. Returns the SSE, or
// +infinity when a multiplicative model leaves its domain (non-positive
// level or seasonal index), so the optimiser steers away from it.
double runEts(std::span<const double> y, const EtsSpec &spec, const Coefs &c, State &st, double *fitted)
{
    constexpr double kInf = std::numeric_limits<double>::infinity();
    const double phi = spec.trend == Trend::Damped ? c.phi : 1.0;
    const double betaStar = hasTrend(spec) ? c.alpha * c.beta : 0.0;
    const double gammaStar = (1.0 - c.alpha) * c.gamma;
    const std::size_t m = hasSeason(spec) ? std::size_t(spec.period) : 1;
    double sse = 0.0;
    for (std::size_t t = 0; t < y.size(); ++t) {
        const double base = st.level + phi * st.trend;
        double yhat = base, e = 0.0;
        switch (spec.season) {
        case Season::None:
            e = y[t] - yhat;
            st.level = base + c.alpha * e;
            st.trend = phi * st.trend + betaStar * e;
            break;
        case Season::Additive: {
            double &s = st.season[t % m];
            yhat = base + s;
            e = y[t] - yhat;
            st.level = base + c.alpha * e;
            st.trend = phi * st.trend + betaStar * e;
            s += gammaStar * e;
            break;
        }
        case Season::Multiplicative: {
            double &s = st.season[t % m];
            if (!(base > 0.0) || !(s > 0.0))
                return kInf;
            yhat = base * s;
            e = y[t] - yhat;
            st.level = base + c.alpha * e / s;
            st.trend = phi * st.trend + betaStar * e / s;
            s += gammaStar * e / base;
            break;
        }
        }
        if (fitted)
            fitted[t] = yhat;
        sse += e * e;
    }
    return std::isfinite(sse) ? sse : kInf;
}

// Non-seasonal ETS is linear in its initial state: the one-step forecasts
// are yhat_t = z_t + l0 u_t + b0 v_t, where z runs the recursions on y from a
// zero state and u, v run them on zero data from a unit level / unit trend.
// For given smoothing parameters the SSE-minimising (l0, b0) is then a 2 x 2
// least-squares solve: the initial state is estimated as R's ets() does, at
// the cost of two extra recursions instead of two more search dimensions.
// Returns the SSE and sets `init`.
double profiledRun(std::span<const double> y, const EtsSpec &spec, const Coefs &c, State &init)
{
    const double phi = spec.trend == Trend::Damped ? c.phi : 1.0;
    const double betaStar = hasTrend(spec) ? c.alpha * c.beta : 0.0;
    double lz = 0.0, bz = 0.0, lu = 1.0, bu = 0.0, lv = 0.0, bv = 1.0;
    double see = 0.0, seu = 0.0, sev = 0.0, suu = 0.0, suv = 0.0, svv = 0.0;
    for (const double yt : y) {
        const double z = lz + phi * bz, u = lu + phi * bu, v = lv + phi * bv;
        const double ez = yt - z;
        lz = z + c.alpha * ez;
        bz = phi * bz + betaStar * ez;
        lu = u - c.alpha * u;
        bu = phi * bu - betaStar * u;
        lv = v - c.alpha * v;
        bv = phi * bv - betaStar * v;
        see += ez * ez;
        seu += ez * u;
        sev += ez * v;
        suu += u * u;
        suv += u * v;
        svv += v * v;
    }
    double l0 = 0.0, b0 = 0.0;
    if (hasTrend(spec)) {
        const double det = suu * svv - suv * suv;
        if (det > 1e-12 * suu * svv) {
            l0 = (svv * seu - suv * sev) / det;
            b0 = (suu * sev - suv * seu) / det;
        } else if (suu > 0.0) {
            l0 = seu / suu; // too short a history to separate level and trend: no initial trend
        }
    } else if (suu > 0.0) {
        l0 = seu / suu;
    }
    init.level = l0;
    init.trend = b0;
    const double sse = see - 2.0 * (l0 * seu + b0 * sev) + l0 * l0 * suu + 2.0 * l0 * b0 * suv + b0 * b0 * svv;
    return std::isfinite(sse) ? std::max(sse, 0.0) : std::numeric_limits<double>::infinity();
}

// Additive Holt-Winters: the initial level, trend and m seasons that
// minimise the SSE for given smoothing parameters. The one-step forecasts
// are z + U x (z from a zero state on y, column j of U from unit state j on
// zero data); the seasons are constrained to sum to 0 (else level and
// seasons trade off freely), by writing the last one as minus the others.
State leastSquaresSeasonalState(std::span<const double> y, const EtsSpec &spec, const Coefs &c)
{
    const std::size_t n = y.size(), m = std::size_t(spec.period);
    const std::vector<double> zeros(n, 0.0);
    State zero;
    zero.season.assign(m, 0.0);
    auto unitState = [&](std::size_t j) {
        State st = zero;
        if (j == 0)
            st.level = 1.0;
        else if (j == 1)
            st.trend = 1.0;
        else
            st.season[j - 2] = 1.0;
        return st;
    };
    std::vector<double> fitted(n);
    State st = zero;
    runEts(y, spec, c, st, fitted.data());
    Eigen::VectorXd e0(static_cast<Eigen::Index>(n));
    for (std::size_t t = 0; t < n; ++t)
        e0[Eigen::Index(t)] = y[t] - fitted[t];
    const std::size_t k = m + 2;
    Eigen::MatrixXd u(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    for (std::size_t j = 0; j < k; ++j) {
        st = unitState(j);
        runEts(zeros, spec, c, st, fitted.data());
        for (std::size_t t = 0; t < n; ++t)
            u(Eigen::Index(t), Eigen::Index(j)) = fitted[t];
    }
    // Eliminate the last season: x_last = -(sum of the other seasons).
    Eigen::MatrixXd a = u.leftCols(Eigen::Index(k - 1));
    for (std::size_t j = 2; j + 1 < k; ++j)
        a.col(Eigen::Index(j)) -= u.col(Eigen::Index(k - 1));
    const Eigen::VectorXd x = a.colPivHouseholderQr().solve(e0);
    State init;
    init.level = x[0];
    init.trend = hasTrend(spec) ? x[1] : 0.0;
    init.season.assign(m, 0.0);
    double last = 0.0;
    for (std::size_t i = 0; i + 1 < m; ++i) {
        init.season[i] = x[Eigen::Index(i + 2)];
        last -= init.season[i];
    }
    init.season[m - 1] = last;
    return init;
}

std::string modelName(const EtsSpec &spec)
{
    const bool damped = spec.trend == Trend::Damped;
    if (hasSeason(spec))
        return std::string(spec.season == Season::Additive ? "HW additive" : "HW multiplicative") + (damped ? " damped" : "");
    if (hasTrend(spec))
        return damped ? "Holt damped" : "Holt";
    return "SES";
}

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

void checkFixed(const std::optional<double> &v, double lo, double hi, const char *what)
{
    if (v && !(*v >= lo && *v <= hi))
        throw std::invalid_argument(std::string("ETS: ") + what + " = " + fmt(*v) + " outside [" + fmt(lo) + ", " + fmt(hi) + "]");
}

} // namespace

ModelFit fitEts(std::span<const double> y, const EtsSpec &spec, const EtsParams &fixed)
{
    const std::string name = modelName(spec);
    validateSeries(y, name);
    if (hasSeason(spec)) {
        if (spec.period < 2)
            throw std::invalid_argument(name + ": seasonal period must be >= 2, got " + std::to_string(spec.period));
        if (y.size() < 2 * std::size_t(spec.period))
            throw std::invalid_argument(name + ": needs at least two full seasons (" + std::to_string(2 * spec.period) + " periods), got "
                                        + std::to_string(y.size()));
        if (spec.season == Season::Multiplicative && std::any_of(y.begin(), y.end(), [](double v) { return v <= 0.0; }))
            throw std::invalid_argument(name
                                        + ": multiplicative seasonality needs every period > 0;"
                                          " use additive seasonality for series with zeros");
    }
    checkFixed(fixed.alpha, kSmoothingMin, kSmoothingMax, "alpha");
    checkFixed(fixed.beta, kSmoothingMin, kSmoothingMax, "beta");
    checkFixed(fixed.gamma, kSmoothingMin, kSmoothingMax, "gamma");
    checkFixed(fixed.phi, kPhiMin, kPhiMax, "phi");

    State init = initialState(y, spec);
    const bool profiled = !hasSeason(spec);

    // Vector layout for the optimiser: alpha, beta, gamma, phi; parameters the
    // model lacks or the caller fixed get lower == upper and are not searched.
    auto slot = [](const std::optional<double> &v, bool used, double lo, double hi, double start, double &x0, double &l, double &u) {
        if (!used) {
            x0 = l = u = lo;
            return;
        }
        if (v) {
            x0 = l = u = *v;
            return;
        }
        x0 = start;
        l = lo;
        u = hi;
    };
    Eigen::Vector4d x0, lo, hi;
    slot(fixed.alpha, true, kSmoothingMin, kSmoothingMax, 0.3, x0[0], lo[0], hi[0]);
    slot(fixed.beta, hasTrend(spec), kSmoothingMin, kSmoothingMax, 0.1, x0[1], lo[1], hi[1]);
    slot(fixed.gamma, hasSeason(spec), kSmoothingMin, kSmoothingMax, 0.1, x0[2], lo[2], hi[2]);
    slot(fixed.phi, spec.trend == Trend::Damped, kPhiMin, kPhiMax, 0.9, x0[3], lo[3], hi[3]);
    auto coefs = [](const Eigen::VectorXd &x) { return Coefs{x[0], x[1], x[2], x[3]}; };

    auto search = [&](const Eigen::VectorXd &start) {
        return minimizeBounded(
            [&](const Eigen::VectorXd &x) {
                State st = init;
                return profiled ? profiledRun(y, spec, coefs(x), st) : runEts(y, spec, coefs(x), st, nullptr);
            },
            start, lo, hi, kSmoothingSearch);
    };
    OptimResult opt = search(x0);
    Coefs c = coefs(opt.x);
    if (profiled)
        profiledRun(y, spec, c, init);
    if (spec.season == Season::Additive) {
        // Additive Holt-Winters is linear in its initial state too, but with
        // m + 2 states a solve per evaluation would cost more than the
        // search: alternate instead. The decomposition start gives the
        // parameters, the SSE-optimal states for them replace it, the
        // parameters are searched again from there, and the states solved
        // once more for the final parameters.
        for (int round = 0; round < 2; ++round) {
            init = leastSquaresSeasonalState(y, spec, c);
            if (round == 0) {
                opt = search(opt.x);
                c = coefs(opt.x);
            }
        }
    }

    ModelFit fit;
    State st = init;
    std::vector<double> fitted(y.size());
    if (profiled) {
        fit.levels.resize(y.size());
        fit.trends.resize(y.size());
        for (std::size_t t = 0; t < y.size(); ++t) {
            runEts(y.subspan(t, 1), spec, c, st, &fitted[t]);
            fit.levels[t] = st.level;
            fit.trends[t] = st.trend;
        }
    } else {
        runEts(y, spec, c, st, fitted.data());
    }
    setInSample(fit, y, std::move(fitted));

    fit.name = name + "(";
    if (hasSeason(spec))
        fit.name += "m=" + std::to_string(spec.period) + ",";
    fit.name += "alpha=" + fmt(c.alpha);
    fit.params = {c.alpha};
    int free = fixed.alpha ? 0 : 1;
    if (hasTrend(spec)) {
        fit.name += ",beta=" + fmt(c.beta);
        fit.params.push_back(c.beta);
        free += fixed.beta ? 0 : 1;
    }
    if (spec.trend == Trend::Damped) {
        fit.name += ",phi=" + fmt(c.phi);
        fit.params.push_back(c.phi);
        free += fixed.phi ? 0 : 1;
    }
    if (hasSeason(spec)) {
        fit.name += ",gamma=" + fmt(c.gamma);
        fit.params.push_back(c.gamma);
        free += fixed.gamma ? 0 : 1;
    }
    fit.name += ")";
    // Initial states are estimated from the data too, even if not optimised.
    // (m-1 seasons: they are normalised.)
    fit.nParams = free + 1 + (hasTrend(spec) ? 1 : 0) + (hasSeason(spec) ? spec.period - 1 : 0);

    const std::size_t n = y.size();
    const std::size_t m = hasSeason(spec) ? std::size_t(spec.period) : 0;
    fit.state = {st.level, st.trend};
    for (std::size_t j = 0; j < m; ++j)
        fit.state.push_back(st.season[(n + j) % m]);

    const double phi = spec.trend == Trend::Damped ? c.phi : 1.0;
    const Season season = spec.season;
    fit.project = [level = st.level, trend = st.trend, seasons = std::vector<double>(fit.state.begin() + 2, fit.state.end()), phi,
                   season](int h) {
        Eigen::VectorXd mean(h);
        double damp = 0.0, phiPow = 1.0;
        for (int j = 0; j < h; ++j) {
            phiPow *= phi;
            damp += phiPow;
            const double base = level + damp * trend;
            double v = base;
            if (season == Season::Additive)
                v = base + seasons[std::size_t(j) % seasons.size()];
            else if (season == Season::Multiplicative)
                v = base * seasons[std::size_t(j) % seasons.size()];
            mean[j] = v;
        }
        return mean;
    };
    return fit;
}

ModelFit fitSes(std::span<const double> y, std::optional<double> alpha) { return fitEts(y, {}, EtsParams{alpha, {}, {}, {}}); }

ModelFit fitHolt(std::span<const double> y, bool damped, const EtsParams &fixed)
{
    return fitEts(y, {damped ? Trend::Damped : Trend::Additive, Season::None, 1}, fixed);
}

ModelFit fitHoltWinters(std::span<const double> y, int period, Season season, bool damped, const EtsParams &fixed)
{
    if (season == Season::None)
        throw std::invalid_argument("Holt-Winters: a season type is required");
    return fitEts(y, {damped ? Trend::Damped : Trend::Additive, season, period}, fixed);
}

ModelFit fitTheta(std::span<const double> y)
{
    ModelFit fit = fitSes(y);
    const std::size_t n = y.size();
    // Slope of the least-squares line through the whole history.
    double slope = 0.0;
    if (n >= 2) {
        const double tMean = double(n - 1) / 2.0;
        double yMean = 0.0, sxy = 0.0, sxx = 0.0;
        for (double v : y)
            yMean += v;
        yMean /= double(n);
        for (std::size_t t = 0; t < n; ++t) {
            sxy += (double(t) - tMean) * (y[t] - yMean);
            sxx += (double(t) - tMean) * (double(t) - tMean);
        }
        slope = sxy / sxx;
    }
    const double alpha = fit.params.at(0);
    const double level = fit.state.at(0);
    const double start = 1.0 / alpha - std::pow(1.0 - alpha, double(n)) / alpha;
    fit.name = "Theta(alpha=" + fmt(alpha) + ",drift=" + fmt(slope / 2.0) + ")";
    fit.params.push_back(slope / 2.0);
    fit.nParams += 1;
    fit.state[1] = slope / 2.0;
    fit.project = [level, slope, start](int h) {
        Eigen::VectorXd mean(h);
        for (int j = 0; j < h; ++j)
            mean[j] = level + slope / 2.0 * (double(j) + start);
        return mean;
    };
    return fit;
}

} // namespace reappro::forecasting
