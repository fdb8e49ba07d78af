#include "forecasting/select.h"

#include "forecasting/croston.h"
#include "forecasting/ets.h"
#include "forecasting/forecast.h"
#include "forecasting/naive.h"
#include "forecasting/seasonal.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <utility>

namespace reappro::forecasting {

namespace {

struct Named {
    Method method;
    std::string_view name;
};

constexpr std::array<Named, 14> kMethodNames{{
    {Method::Auto, "auto"},       {Method::Ses, "ses"},         {Method::Holt, "holt"},
    {Method::HoltDamped, "holt-damped"}, {Method::HwAdd, "hw-add"}, {Method::HwMul, "hw-mul"},
    {Method::Croston, "croston"}, {Method::Sba, "sba"},         {Method::Tsb, "tsb"},
    {Method::Adida, "adida"},     {Method::Imapa, "imapa"},     {Method::Naive, "naive"},
    {Method::SNaive, "snaive"},   {Method::Theta, "theta"},
}};

// Non-smooth demand is searched for seasonality only with this many seasons
// of history (e.g. days of the week over two months, not weeks of the year
// over three years).
constexpr std::size_t kSeasonsForNoisyDemand = 8;

// Rolling origins of the cross-family comparison for erratic demand.
constexpr int kCrossFamilyOrigins = 2;

// How the interval of a fit is built; see select.h.
enum class Family { Ets, Naive, SeasonalNaive, Intermittent };

struct Fitted {
    ModelFit fit;
    Family family = Family::Ets;
    Trend trend = Trend::None;
    bool seasonal = false;
    int period = 1;
};

Fitted fitMethod(Method method, std::span<const double> y, int period)
{
    switch (method) {
    case Method::Ses: return {fitSes(y), Family::Ets};
    case Method::Theta: return {fitTheta(y), Family::Ets};
    case Method::Holt: return {fitHolt(y, false), Family::Ets, Trend::Additive};
    case Method::HoltDamped: return {fitHolt(y, true), Family::Ets, Trend::Damped};
    case Method::HwAdd:
        return {fitHoltWinters(y, period, Season::Additive), Family::Ets, Trend::Additive, true, period};
    case Method::HwMul:
        return {fitHoltWinters(y, period, Season::Multiplicative), Family::Ets, Trend::Additive, true, period};
    case Method::Croston: return {fitCroston(y), Family::Intermittent};
    case Method::Sba: return {fitSba(y), Family::Intermittent};
    case Method::Tsb: return {fitTsb(y), Family::Intermittent};
    case Method::Adida: return {fitAdida(y), Family::Intermittent};
    case Method::Imapa: return {fitImapa(y), Family::Intermittent};
    case Method::Naive: return {fitNaive(y), Family::Naive};
    case Method::SNaive: return {fitSeasonalNaive(y, period), Family::SeasonalNaive, Trend::None, false, period};
    case Method::Auto: break;
    }
    throw std::logic_error("fitMethod: Auto is not a model");
}

double aicc(const ModelFit &fit, std::size_t n)
{
    const double k = fit.nParams, nn = double(n);
    if (nn - k - 1.0 <= 0.0)
        return std::numeric_limits<double>::infinity();
    // Floor: a constant series fits exactly; log(0) would make every
    // candidate -inf and the comparison meaningless.
    const double mse = std::max(fit.sse / nn, 1e-12);
    return nn * std::log(mse) + 2.0 * k + 2.0 * k * (k + 1.0) / (nn - k - 1.0);
}

// Seasonality is handled before (by decomposition), so the candidates are
// the non-seasonal ETS models.
Fitted selectSmooth(std::span<const double> y, Method *chosen = nullptr)
{
    const std::size_t n = y.size();
    std::optional<Fitted> best;
    double bestScore = std::numeric_limits<double>::infinity();
    for (Method m : {Method::Ses, Method::HoltDamped}) {
        Fitted f = fitMethod(m, y, 1);
        const double score = aicc(f.fit, n);
        if (score < bestScore) {
            bestScore = score;
            best = std::move(f);
            if (chosen)
                *chosen = m;
        }
    }
    if (best)
        return std::move(*best);
    if (chosen)
        *chosen = Method::Ses; // too short for any AICc: the simplest model
    return fitMethod(Method::Ses, y, 1);
}

Fitted selectIntermittent(std::span<const double> y, int horizon, Method *chosen = nullptr)
{
    if (chosen)
        *chosen = Method::Sba;
    const std::size_t n = y.size();
    const std::size_t hold = std::min<std::size_t>(std::size_t(std::max(horizon, 1)), n / 4);
    const auto train = y.first(n - hold);
    if (hold < 1 || std::none_of(train.begin(), train.end(), [](double v) { return v > 0.0; }))
        return fitMethod(Method::Sba, y, 1);

    constexpr std::array<Method, 5> candidates{Method::Sba, Method::Croston, Method::Tsb, Method::Adida,
                                               Method::Imapa};
    Method best = Method::Sba;
    double bestMae = std::numeric_limits<double>::infinity();
    for (Method m : candidates) {
        try {
            const Fitted f = fitMethod(m, train, 1);
            const Eigen::VectorXd fc = forecast(f.fit, int(hold)).mean;
            double mae = 0.0;
            for (std::size_t i = 0; i < hold; ++i)
                mae += std::abs(y[n - hold + i] - fc[Eigen::Index(i)]);
            if (mae < bestMae) {
                bestMae = mae;
                best = m;
            }
        } catch (const std::invalid_argument &) {
        }
    }
    if (chosen)
        *chosen = best;
    return fitMethod(best, y, 1);
}

// Mean absolute error of `method` refitted at `origins` rolling origins
// (n - h, n - 2h, ...) and forecasting the h periods after each; +infinity
// when the history is too short for them.
double rollingOriginMae(Method method, std::span<const double> y, int horizon, int origins)
{
    const std::size_t h = std::size_t(std::max(horizon, 1));
    if (y.size() < h * std::size_t(origins) + 2 * h)
        return std::numeric_limits<double>::infinity();
    double total = 0.0;
    for (int k = 1; k <= origins; ++k) {
        const std::size_t o = y.size() - h * std::size_t(k);
        try {
            const Eigen::VectorXd fc = forecast(fitMethod(method, y.first(o), 1).fit, int(h)).mean;
            for (std::size_t i = 0; i < h; ++i)
                total += std::abs(y[o + i] - fc[Eigen::Index(i)]);
        } catch (const std::invalid_argument &) {
            return std::numeric_limits<double>::infinity();
        }
    }
    return total / double(h * std::size_t(origins));
}

// Student t quantile with nu degrees of freedom, by the Cornish-Fisher
// expansion around the normal one (Abramowitz & Stegun 26.7.5; error below
// 1e-3 for nu >= 5, and the residual degrees of freedom here are larger).
double studentQuantile(double p, double nu)
{
    const double z = normalQuantile(p), z2 = z * z;
    return z + z * (z2 + 1.0) / (4.0 * nu) + z * ((5.0 * z2 + 16.0) * z2 + 3.0) / (96.0 * nu * nu)
           + z * (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) / (384.0 * nu * nu * nu);
}

// Inverse of the empirical CDF: demand is discrete (counts of boxes), and an
// interpolated bound such as 2.4 would silently exclude an observed 3.
// Split-conformal rank for an upper bound: the ceil((n+1)p)-th smallest of n
// values covers a new one with probability >= p (Vovk et al. 2005), where
// the plain empirical quantile falls short by up to 1/n.
double conformalUpper(const std::vector<double> &sorted, double p)
{
    const double k = std::ceil(p * double(sorted.size() + 1) - 1e-9);
    return sorted[std::size_t(std::clamp(k, 1.0, double(sorted.size()))) - 1];
}

double ecdfQuantile(const std::vector<double> &sorted, double p)
{
    const double k = std::ceil(p * double(sorted.size()) - 1e-9);
    const std::size_t i = std::size_t(std::clamp(k, 1.0, double(sorted.size()))) - 1;
    return sorted[i];
}

// One-step error scale of a fit, from its residuals after the warm-up.
struct ResidualScale {
    std::size_t warm = 1;       // leading residuals left out
    double sigma = 0.0, dof = 1.0;
    std::vector<double> sorted; // the residuals used, ascending
};

ResidualScale residualScale(const Fitted &f, std::size_t n, int extraParams)
{
    ResidualScale r;
    if (f.family == Family::SeasonalNaive || f.seasonal)
        r.warm = std::size_t(f.period);
    else if (f.family == Family::Ets && f.trend != Trend::None)
        r.warm = 10; // the initial line rests mostly on the first periods
    r.warm = std::min(r.warm, n / 2);
    r.sorted.assign(f.fit.residuals.begin() + std::ptrdiff_t(r.warm), f.fit.residuals.end());
    double ss = 0.0;
    for (double e : r.sorted)
        ss += e * e;
    // Every estimated quantity (smoothing parameters, initial states, seasonal
    // coefficients of a decomposition) makes the residuals smaller than the
    // errors of a forecast: divide by the residual degrees of freedom.
    r.dof = std::max(1.0, double(r.sorted.size()) - double(f.fit.nParams + extraParams));
    r.sigma = std::sqrt(ss / r.dof);
    std::sort(r.sorted.begin(), r.sorted.end());
    return r;
}

// psi[j-1] = c_j, j = 1..count: weight of a period's innovation in the error
// j periods later (additive-error state-space form; random walk for naive,
// one more season of error every m steps for seasonal naive).
std::vector<double> psiWeights(const Fitted &f, int count)
{
    double alpha = 1.0, betaStar = 0.0, phi = 1.0, gammaStar = 0.0;
    if (f.family == Family::Ets) {
        const auto &p = f.fit.params;
        alpha = p.at(0);
        if (f.trend != Trend::None)
            betaStar = alpha * p.at(1);
        if (f.trend == Trend::Damped)
            phi = p.at(2);
        if (f.seasonal)
            gammaStar = (1.0 - alpha) * p.back();
    }
    std::vector<double> psi(std::size_t(std::max(count, 0)));
    double phiSum = 0.0, phiPow = 1.0;
    for (int j = 1; j <= count; ++j) {
        double c = 0.0;
        if (f.family == Family::Ets) {
            phiPow *= phi;
            phiSum += phiPow;
            c = alpha + betaStar * phiSum + (f.seasonal && j % f.period == 0 ? gammaStar : 0.0);
        } else if (f.family == Family::Naive) {
            c = 1.0;
        } else {
            c = (j % f.period == 0) ? 1.0 : 0.0;
        }
        psi[std::size_t(j - 1)] = c;
    }
    return psi;
}

void parametricInterval(const Fitted &f, std::span<const double> y, int extraParams, int horizon, double level,
                        ForecastResult &r)
{
    const ModelFit &fit = f.fit;
    const std::size_t n = y.size();
    const ResidualScale scale = residualScale(f, n, extraParams);
    const double tail = (1.0 - level) / 2.0;
    // In-sample errors are smaller than forecast errors by as much as the
    // fit used up: empirical quantiles get the same degrees-of-freedom
    // correction as sigma.
    const double inflate = std::sqrt(double(std::max<std::size_t>(scale.sorted.size(), 1)) / scale.dof);
    // The three probabilities used below, computed once (each costs a bisection).
    const double probs[3] = {tail, 1.0 - tail, level};
    const double quantiles[3] = {studentQuantile(probs[0], scale.dof), studentQuantile(probs[1], scale.dof),
                                 studentQuantile(probs[2], scale.dof)};
    // One-step deviation from the mean at probability p: Student t, widened
    // to the empirical residual quantile on skewed demand.
    auto oneStep = [&](double p) {
        const double t = quantiles[p == probs[0] ? 0 : p == probs[1] ? 1 : 2] * scale.sigma;
        if (scale.sorted.size() < 40)
            return t;
        const double e = inflate * interpolatedQuantile(scale.sorted, p);
        return p < 0.5 ? std::min(t, e) : std::max(t, e);
    };

    const std::vector<double> psi = psiWeights(f, horizon);
    const double phi = f.trend == Trend::Damped ? fit.params.at(2) : 1.0;
    double cumVar = 1.0, damp = 0.0, phiPow = 1.0;
    std::vector<double> errors;
    for (int h = 1; h <= horizon; ++h) {
        if (h > 1)
            cumVar += psi[std::size_t(h - 2)] * psi[std::size_t(h - 2)];
        phiPow *= phi;
        damp += phiPow;
        // Multi-step errors inside the history (forecast from every origin h
        // periods ahead): they carry what the one-step variance misses (level
        // shifts, trend changes); the interval is never narrower than either.
        errors.clear();
        if (!fit.levels.empty() && n > scale.warm + std::size_t(h) + 30) {
            for (std::size_t o = scale.warm - 1; o + std::size_t(h) < n; ++o)
                errors.push_back(y[o + std::size_t(h)] - (fit.levels[o] + damp * fit.trends[o]));
            std::sort(errors.begin(), errors.end());
        }
        auto deviation = [&](double p) {
            const double d = oneStep(p) * std::sqrt(cumVar);
            if (errors.empty())
                return d;
            const double e = inflate * interpolatedQuantile(errors, p);
            return p < 0.5 ? std::min(d, e) : std::max(d, e);
        };
        const Eigen::Index i = h - 1;
        const double lo = deviation(tail);
        // Demand cannot fall below 0: when the lower bound reaches it, the
        // lower tail is empty and the whole miss budget goes to the upper one.
        const double hi = r.mean[i] + lo <= 0.0 ? deviation(level) : deviation(1.0 - tail);
        r.lower[i] = std::max(0.0, r.mean[i] + lo);
        r.upper[i] = r.mean[i] + hi;
    }
}

// conformal: the upper bound takes the conformal rank. For erratic demand
// (many distinct sizes); the small counts of intermittent demand tie at the
// bound, which already covers at least `level`.
void empiricalInterval(std::span<const double> y, double level, bool conformal, ForecastResult &r)
{
    constexpr std::size_t kWindow = 104; // two years of weeks: recent, yet enough for a 2.5% tail
    const std::size_t n = y.size();
    auto window = y.last(std::min(n, kWindow));
    if (std::none_of(window.begin(), window.end(), [](double v) { return v > 0.0; }))
        window = y; // no recent demand: the older history is all we know about sizes
    std::vector<double> sorted(window.begin(), window.end());
    std::sort(sorted.begin(), sorted.end());
    double windowMean = 0.0;
    for (double v : sorted)
        windowMean += v;
    windowMean /= double(sorted.size());

    const double tail = (1.0 - level) / 2.0;
    const double lo = ecdfQuantile(sorted, tail);
    // Demand cannot go below 0: when 0 is already the lower bound, the lower
    // tail is empty and the whole miss budget belongs to the upper one.
    const double p = lo <= 0.0 ? level : 1.0 - tail;
    const double hi = conformal ? conformalUpper(sorted, p) : ecdfQuantile(sorted, p);
    for (Eigen::Index i = 0; i < r.mean.size(); ++i) {
        const double ratio = windowMean > 0.0 ? r.mean[i] / windowMean : 1.0;
        r.lower[i] = lo * std::min(ratio, 1.0);
        r.upper[i] = hi * std::max(ratio, 1.0);
    }
}

struct Selection {
    Fitted fitted;
    SeasonalIndex season;          // the decomposition index the model's series was divided by (flat: none)
    std::vector<double> adjusted;  // the series the model was fitted to (y / season)
};

Selection choose(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method,
                 const DemandProfile &profile)
{
    Selection sel;
    sel.adjusted.assign(y.begin(), y.end());
    if (method != Method::Auto) {
        sel.fitted = fitMethod(method, y, spec.period);
        return sel;
    }
    // A few years of noisy demand cannot tell one big order from a seasonal
    // peak: seasonality is looked for in smooth demand, or in any demand once
    // the history holds many seasons (days of the week).
    const bool smooth = profile.demandClass == DemandClass::Smooth;
    if (spec.period > 1 && (smooth || y.size() >= kSeasonsForNoisyDemand * std::size_t(spec.period)))
        sel.season = estimateSeasonality(y, spec.period);
    if (sel.season.seasonal())
        for (std::size_t t = 0; t < sel.adjusted.size(); ++t)
            sel.adjusted[t] /= sel.season.at(t);
    const bool intermittent = profile.demandClass == DemandClass::Intermittent
                              || profile.demandClass == DemandClass::Lumpy;
    if (profile.demandClass == DemandClass::Erratic) {
        // Between the families: variable sizes of frequent orders suit either
        // ETS or the Croston family; two rolling origins decide.
        Method ets = Method::Ses, croston = Method::Sba;
        Fitted a = selectSmooth(sel.adjusted, &ets), b = selectIntermittent(sel.adjusted, horizon, &croston);
        const bool crostonWins = rollingOriginMae(croston, sel.adjusted, horizon, kCrossFamilyOrigins)
                                 < rollingOriginMae(ets, sel.adjusted, horizon, kCrossFamilyOrigins);
        sel.fitted = crostonWins ? std::move(b) : std::move(a);
        return sel;
    }
    sel.fitted = intermittent ? selectIntermittent(sel.adjusted, horizon) : selectSmooth(sel.adjusted);
    return sel;
}

void checkArguments(std::span<const double> y, const SeriesSpec &spec, int horizon)
{
    if (horizon < 0)
        throw std::invalid_argument("horizon must be >= 0, got " + std::to_string(horizon));
    if (spec.period < 1)
        throw std::invalid_argument("period must be >= 1, got " + std::to_string(spec.period));
    validateSeries(y, "forecast");
}

std::string describe(const Selection &sel)
{
    std::string model = sel.fitted.fit.name;
    if (sel.season.seasonal())
        model += " x seasonal(m=" + std::to_string(sel.season.period) + ",K=" + std::to_string(sel.season.harmonics)
                 + ")";
    return model;
}

// Named parameters from the model name ("Holt damped(alpha=0.2,beta=0.1,
// phi=0.9)") with the exact values of ModelFit::params when they line up
// (the name rounds to 4 digits); the period "m" of a name is not estimated.
std::vector<std::pair<std::string, double>> parametersOf(const Selection &sel)
{
    std::vector<std::pair<std::string, double>> out;
    const std::string &name = sel.fitted.fit.name;
    const auto open = name.find('('), close = name.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        std::string_view rest(name.data() + open + 1, close - open - 1);
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const std::string_view item = rest.substr(0, comma);
            const auto eq = item.find('=');
            if (eq != std::string_view::npos && item.substr(0, eq) != "m")
                out.emplace_back(std::string(item.substr(0, eq)), std::strtod(std::string(item.substr(eq + 1)).c_str(), nullptr));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    const auto &exact = sel.fitted.fit.params;
    if (exact.size() == out.size())
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i].second = exact[i];
    if (sel.season.seasonal()) {
        out.emplace_back("seasonal_harmonics", double(sel.season.harmonics));
        out.emplace_back("seasonal_shrinkage", sel.season.strength);
    }
    return out;
}

ForecastResult run(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, double level)
{
    ForecastResult r;
    if (!(level > 0.0 && level < 1.0))
        throw std::invalid_argument("interval level must be in (0, 1), got " + std::to_string(level));
    checkArguments(y, spec, horizon);
    r.profile = classifyDemand(y);

    const bool allZero = std::none_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
    if (method == Method::Auto && allZero) {
        r.model = "Zero";
        r.mean = r.lower = r.upper = Eigen::VectorXd::Zero(horizon);
        return r;
    }

    Selection sel = choose(y, spec, horizon, method, r.profile);
    const Fitted &f = sel.fitted;
    const SeasonalIndex &season = sel.season;
    const std::vector<double> &adjusted = sel.adjusted;

    r.model = describe(sel);
    r.parameters = parametersOf(sel);
    r.mean = forecast(f.fit, horizon).mean;
    r.lower.resize(horizon);
    r.upper.resize(horizon);
    if (f.family == Family::Intermittent)
        empiricalInterval(adjusted, level, r.profile.demandClass == DemandClass::Erratic, r);
    else
        parametricInterval(f, adjusted, season.coefficients(), horizon, level, r);
    if (season.seasonal()) {
        const double z = normalQuantile(0.5 + level / 2.0);
        for (Eigen::Index j = 0; j < horizon; ++j) {
            const std::size_t t = y.size() + std::size_t(j);
            const double s = season.at(t);
            // The index is an estimate too: its error, times the level, adds
            // in quadrature to each side.
            const double extra = z * r.mean[j] * season.errorAt(t);
            const double lo = std::hypot(s * (r.mean[j] - r.lower[j]), extra);
            const double hi = std::hypot(s * (r.upper[j] - r.mean[j]), extra);
            r.mean[j] *= s;
            r.lower[j] = std::max(0.0, r.mean[j] - lo);
            r.upper[j] = r.mean[j] + hi;
        }
    }
    // The point forecast was clamped at 0 separately; keep it inside its interval.
    r.lower = r.lower.cwiseMin(r.mean).cwiseMax(0.0);
    r.upper = r.upper.cwiseMax(r.mean);
    return r;
}

// Holds out the last `horizon` periods and forecasts them by the same rule
// from the rest. A failure on the shortened history is no error for the
// whole forecast: the backtest is then simply absent.
Backtest backtest(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, double level)
{
    Backtest b;
    const std::size_t h = std::size_t(std::max(horizon, 0));
    if (h == 0 || y.size() < std::max<std::size_t>(2 * h, 8))
        return b;
    const auto train = y.first(y.size() - h);
    const auto test = y.last(h);
    ForecastResult r;
    try {
        r = run(train, spec, horizon, method, level);
    } catch (const std::exception &) {
        return b;
    }
    const std::size_t lag = train.size() > std::size_t(spec.period) ? std::size_t(spec.period) : 1;
    double scale = 0.0;
    for (std::size_t t = lag; t < train.size(); ++t)
        scale += std::abs(train[t] - train[t - lag]);
    scale /= double(train.size() - lag);
    double inside = 0.0;
    for (std::size_t i = 0; i < h; ++i) {
        const Eigen::Index k = Eigen::Index(i);
        const double e = r.mean[k] - test[i];
        b.mae += std::abs(e);
        b.bias += e;
        inside += (test[i] >= r.lower[k] && test[i] <= r.upper[k]) ? 1.0 : 0.0;
    }
    b.points = int(h);
    b.mae /= double(h);
    b.bias /= double(h);
    b.coverage = inside / double(h);
    b.mase = scale > 0.0 ? b.mae / scale : std::numeric_limits<double>::quiet_NaN();
    return b;
}

} // namespace

double TotalDemand::quantile(double p) const
{
    if (!error.empty() || !(p > 0.0 && p < 1.0))
        return 0.0;
    if (bootstrap)
        return samples.empty() ? 0.0 : ecdfQuantile(samples, p);
    return std::max(0.0, mean + normalQuantile(p) * sd);
}

double TotalDemand::probabilityAbove(double x) const
{
    if (!error.empty())
        return 0.0;
    if (bootstrap) {
        const auto above = samples.end() - std::upper_bound(samples.begin(), samples.end(), x);
        return samples.empty() ? 0.0 : double(above) / double(samples.size());
    }
    if (x < 0.0)
        return 1.0;
    if (sd <= 0.0)
        return mean > x ? 1.0 : 0.0;
    return 0.5 * std::erfc((x - mean) / (sd * std::sqrt(2.0)));
}

std::size_t dormantRun(std::span<const double> y)
{
    std::size_t end = y.size();
    while (end > 0 && !(y[end - 1] > 0.0))
        --end;
    const std::size_t run = y.size() - end;
    if (end == 0 || run < kDormantPeriods)
        return 0;
    std::size_t longest = 0, gap = 0;
    bool seen = false;
    for (std::size_t i = 0; i < end; ++i) {
        if (y[i] > 0.0) {
            if (seen)
                longest = std::max(longest, gap);
            seen = true;
            gap = 0;
        } else {
            ++gap;
        }
    }
    return run > longest ? run : 0;
}

TotalDemand totalDemand(std::span<const double> y, const SeriesSpec &spec, double periods, Method method)
{
    TotalDemand d;
    d.periods = periods;
    try {
        if (!(periods >= 0.0 && periods <= 1e5))
            throw std::invalid_argument("number of periods must be in [0, 100000], got " + std::to_string(periods));
        const int whole = int(std::ceil(periods));
        checkArguments(y, spec, whole);
        const DemandProfile profile = classifyDemand(y);
        if (whole == 0 || std::none_of(y.begin(), y.end(), [](double v) { return v > 0.0; })) {
            d.model = whole == 0 ? "" : "Zero";
            return d;
        }
        const Selection sel = choose(y, spec, whole, method, profile);
        d.model = describe(sel);
        const Eigen::VectorXd mean = forecast(sel.fitted.fit, whole).mean; // adjusted scale
        // Weight of each period (the last one possibly partial) and its season.
        std::vector<double> w(static_cast<std::size_t>(whole), 1.0), s(static_cast<std::size_t>(whole));
        w.back() = periods - double(whole - 1);
        for (std::size_t j = 0; j < w.size(); ++j) {
            s[j] = sel.season.at(y.size() + j);
            d.mean += w[j] * s[j] * mean[Eigen::Index(j)];
        }

        d.dormantPeriods = dormantRun(y);
        if (sel.fitted.family != Family::Intermittent && d.dormantPeriods == 0) {
            const ResidualScale scale = residualScale(sel.fitted, sel.adjusted.size(), sel.season.coefficients());
            const std::vector<double> psi = psiWeights(sel.fitted, whole);
            double var = 0.0;
            for (std::size_t i = 0; i < w.size(); ++i) {
                // A part w of a period carries a part w of its innovation's
                // variance (days within a period are not one shock), hence
                // sqrt(w); its effect on the later periods' level scales with
                // those periods' own weights.
                double c = std::sqrt(w[i]) * s[i];
                for (std::size_t j = i + 1; j < w.size(); ++j)
                    c += w[j] * s[j] * psi[j - i - 1];
                var += c * c;
            }
            d.sd = scale.sigma * std::sqrt(var);
            return d;
        }

        constexpr std::size_t kWindow = 104, kPaths = 20000;
        const auto window = std::span<const double>(sel.adjusted).last(std::min(sel.adjusted.size(), kWindow));
        std::vector<double> sizes;
        for (double v : window)
            if (v > 0.0)
                sizes.push_back(v);
        if (sizes.empty()) // no recent demand: the older history is all we know about sizes
            for (double v : sel.adjusted)
                if (v > 0.0)
                    sizes.push_back(v);
        double p = std::max(double(std::count_if(window.begin(), window.end(), [](double v) { return v > 0.0; }))
                                / double(window.size()),
                            1.0 / double(window.size()));
        if (d.dormantPeriods > 0)
            p = std::min(p, 1.0 / double(d.dormantPeriods + 1));
        double sizeMean = 0.0;
        for (double v : sizes)
            sizeMean += v;
        sizeMean /= double(sizes.size());
        // Sizes are scaled so a period's expected demand is the model's
        // forecast, but only upwards: a forecast below the recent history
        // (SBA's debiasing, TSB's decay, a choice by absolute error) must not
        // shrink the stock that covers it below what was observed.
        std::vector<double> occur(w.size()), factor(w.size());
        d.mean = 0.0;
        for (std::size_t j = 0; j < w.size(); ++j) {
            occur[j] = 1.0 - std::pow(1.0 - p, w[j]);
            const double ratio = d.dormantPeriods > 0 ? 1.0 : std::max(mean[Eigen::Index(j)] / (p * sizeMean), 1.0);
            factor[j] = occur[j] > 0.0 ? w[j] * p / occur[j] * s[j] * ratio : 0.0;
            d.mean += occur[j] * factor[j] * sizeMean;
        }
        std::mt19937_64 rng(0x5EED5EEDull);
        d.bootstrap = true;
        d.samples.resize(kPaths);
        for (double &total : d.samples) {
            total = 0.0;
            for (std::size_t j = 0; j < w.size(); ++j) {
                // Top 53 bits as a uniform in [0, 1): the same on every platform.
                const double u = double(rng() >> 11) * 0x1.0p-53;
                if (u < occur[j])
                    total += factor[j] * sizes[std::size_t(rng() % sizes.size())];
            }
        }
        std::sort(d.samples.begin(), d.samples.end());
        double sum = 0.0, ss = 0.0;
        for (double v : d.samples)
            sum += v;
        for (double v : d.samples)
            ss += (v - sum / double(kPaths)) * (v - sum / double(kPaths));
        d.sd = std::sqrt(ss / double(kPaths - 1));
    } catch (const std::exception &e) {
        d = TotalDemand{};
        d.periods = periods;
        d.error = e.what();
    }
    return d;
}

// Standard normal quantile by bisection on erfc: called a few times per
// series, so 100 halvings cost nothing and avoid a hand-copied rational approximation.
double normalQuantile(double p)
{
    double lo = -40.0, hi = 40.0;
    for (int i = 0; i < 100; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

std::optional<Method> methodFromName(std::string_view name)
{
    for (const auto &m : kMethodNames)
        if (m.name == name)
            return m.method;
    return std::nullopt;
}

std::string_view methodName(Method method)
{
    for (const auto &m : kMethodNames)
        if (m.method == method)
            return m.name;
    return {};
}

ForecastResult forecastSeries(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method,
                              double level)
{
    try {
        ForecastResult r = run(y, spec, horizon, method, level);
        if (spec.backtest)
            r.backtest = backtest(y, spec, horizon, method, level);
        return r;
    } catch (const std::exception &e) {
        ForecastResult r;
        r.error = e.what();
        return r;
    }
}

std::vector<ForecastResult> forecastBatch(const std::vector<std::vector<double>> &series,
                                          const std::vector<SeriesSpec> &specs, int horizon, Method method,
                                          double level, int threads,
                                          const std::function<void(std::size_t, std::size_t)> &progress,
                                          const std::atomic<bool> *stop)
{
    const std::size_t total = series.size();
    if (!specs.empty() && specs.size() != 1 && specs.size() != total)
        throw std::invalid_argument("forecastBatch: " + std::to_string(specs.size()) + " specs for "
                                    + std::to_string(total) + " series");
    const SeriesSpec defaultSpec;
    auto specOf = [&](std::size_t i) -> const SeriesSpec & {
        return specs.empty() ? defaultSpec : specs.size() == 1 ? specs[0] : specs[i];
    };

    std::vector<ForecastResult> results(total);
    std::atomic<std::size_t> next{0};
    std::mutex progressMutex;
    std::size_t done = 0;
    // Each series is computed alone from its own data, so the result cannot
    // depend on which thread takes it or in which order.
    auto worker = [&] {
        for (std::size_t i = next.fetch_add(1); i < total; i = next.fetch_add(1)) {
            if (stop && stop->load()) {
                results[i].error = "cancelled";
            } else {
                results[i] = forecastSeries(series[i], specOf(i), horizon, method, level);
            }
            std::lock_guard lock(progressMutex);
            ++done;
            if (progress)
                progress(done, total);
        }
    };

    std::size_t nThreads = threads > 0 ? std::size_t(threads) : std::max(1u, std::thread::hardware_concurrency());
    nThreads = std::min(nThreads, std::max<std::size_t>(total, 1));
    if (nThreads <= 1) {
        worker();
        return results;
    }
    std::vector<std::jthread> pool;
    pool.reserve(nThreads);
    for (std::size_t t = 0; t < nThreads; ++t)
        pool.emplace_back(worker);
    pool.clear(); // joins
    return results;
}

double interpolatedQuantile(const std::vector<double> &sorted, double p)
{
    const double pos = p * double(sorted.size() - 1);
    const std::size_t i = std::size_t(std::floor(pos));
    if (i + 1 >= sorted.size())
        return sorted.back();
    return sorted[i] + (pos - double(i)) * (sorted[i + 1] - sorted[i]);
}

} // namespace reappro::forecasting
