// SPDX-License-Identifier: GPL-3.0-or-later
// Nelder-Mead (Lagarias et al. 1998 coefficients) over a logistic mapping of
// the box; see optimizer.h for why this exists.
#include "forecasting/optimizer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>
#include <stdexcept>
#include <vector>

namespace reappro::forecasting {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct BoxMap {
    Eigen::VectorXd lo, hi;
    std::vector<int> free; // indices of coordinates with lo < hi

    Eigen::VectorXd toBox(const Eigen::VectorXd &u, const Eigen::VectorXd &base) const
    {
        Eigen::VectorXd x = base;
        for (int k = 0; k < int(free.size()); ++k) {
            const int i = free[k];
            x[i] = lo[i] + (hi[i] - lo[i]) / (1.0 + std::exp(-u[k]));
            x[i] = std::clamp(x[i], lo[i], hi[i]); // exp over/underflow at the ends
        }
        return x;
    }
    Eigen::VectorXd fromBox(const Eigen::VectorXd &x) const
    {
        Eigen::VectorXd u(free.size());
        for (int k = 0; k < int(free.size()); ++k) {
            const int i = free[k];
            const double w = hi[i] - lo[i];
            // Keep the start strictly inside: the logistic never reaches the ends.
            const double p = std::clamp((x[i] - lo[i]) / w, 1e-6, 1.0 - 1e-6);
            u[k] = std::log(p / (1.0 - p));
        }
        return u;
    }
};

// One free coordinate (SES, the Croston alphas): a grid over the interval
// finds the basin, golden-section search narrows it to 1e-6 of the range.
// About 50 evaluations where a simplex with restarts takes a few hundred.
OptimResult minimizeScalar(const std::function<double(const Eigen::VectorXd &)> &f, Eigen::VectorXd x, int i, double lo, double hi,
                           OptimResult &result)
{
    auto at = [&](double v) {
        ++result.evaluations;
        x[i] = v;
        const double r = f(x);
        return std::isfinite(r) ? r : kInf;
    };
    constexpr int kGrid = 16;
    const double step = (hi - lo) / double(kGrid);
    int bestK = 0;
    double bestValue = kInf;
    for (int k = 0; k <= kGrid; ++k) {
        const double v = at(lo + step * double(k));
        if (v < bestValue) {
            bestValue = v;
            bestK = k;
        }
    }
    double a = lo + step * double(std::max(bestK - 1, 0)), b = lo + step * double(std::min(bestK + 1, kGrid));
    const double invPhi = (std::sqrt(5.0) - 1.0) / 2.0;
    double c = b - invPhi * (b - a), e = a + invPhi * (b - a);
    double fc = at(c), fe = at(e);
    while (b - a > 1e-6 * (hi - lo)) {
        if (fc <= fe) {
            b = e;
            e = c;
            fe = fc;
            c = b - invPhi * (b - a);
            fc = at(c);
        } else {
            a = c;
            c = e;
            fc = fe;
            e = a + invPhi * (b - a);
            fe = at(e);
        }
    }
    double bestX = lo + step * double(bestK);
    for (const auto &[v, fv] : {std::pair{c, fc}, std::pair{e, fe}})
        if (fv < bestValue) {
            bestValue = fv;
            bestX = v;
        }
    x[i] = bestX;
    result.x = x;
    result.value = bestValue;
    return result;
}

} // namespace

OptimResult minimizeBounded(const std::function<double(const Eigen::VectorXd &)> &f, const Eigen::VectorXd &x0,
                            const Eigen::VectorXd &lower, const Eigen::VectorXd &upper, const NelderMeadOptions &opt)
{
    const Eigen::Index n = x0.size();
    if (lower.size() != n || upper.size() != n)
        throw std::invalid_argument("minimizeBounded: x0, lower and upper differ in size");
    BoxMap map{lower, upper, {}};
    Eigen::VectorXd base = x0;
    for (Eigen::Index i = 0; i < n; ++i) {
        if (!(lower[i] <= upper[i]))
            throw std::invalid_argument("minimizeBounded: lower bound above upper bound");
        base[i] = std::clamp(x0[i], lower[i], upper[i]);
        if (lower[i] < upper[i])
            map.free.push_back(int(i));
    }

    OptimResult result;
    auto eval = [&](const Eigen::VectorXd &u) {
        ++result.evaluations;
        const double v = f(map.toBox(u, base));
        return std::isfinite(v) ? v : kInf;
    };

    const int d = int(map.free.size());
    if (d == 0) {
        result.x = base;
        result.value = eval(Eigen::VectorXd());
        return result;
    }

    if (d == 1)
        return minimizeScalar(f, base, map.free.front(), lower[map.free.front()], upper[map.free.front()], result);

    Eigen::VectorXd best = map.fromBox(base);
    double bestValue = eval(best);

    for (int start = 0; start <= opt.restarts; ++start) {
        // A step of 1 in logistic space moves a mid-box parameter by about a
        // quarter of its range: wide enough to leave a poor start.
        std::vector<Eigen::VectorXd> simplex(d + 1, best);
        std::vector<double> values(d + 1, bestValue);
        for (int k = 0; k < d; ++k) {
            simplex[k + 1][k] += best[k] > 0.0 ? -1.0 : 1.0; // towards the centre of the box
            values[k + 1] = eval(simplex[k + 1]);
        }
        const int budget = result.evaluations + opt.maxEvaluations;
        std::vector<int> order(d + 1);
        while (result.evaluations < budget) {
            std::iota(order.begin(), order.end(), 0);
            // stable_sort: ties broken by index, so runs are reproducible.
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return values[a] < values[b]; });
            const int iBest = order.front(), iWorst = order.back(), iNext = order[d - 1];
            const double fb = values[iBest], fw = values[iWorst];
            double size = 0.0;
            for (int k = 0; k <= d; ++k)
                size = std::max(size, (simplex[k] - simplex[iBest]).cwiseAbs().maxCoeff());
            if (std::isfinite(fw) && std::abs(fw - fb) <= opt.fTolerance * (std::abs(fb) + 1e-300) && size <= 1e3 * opt.xTolerance)
                break;
            if (size <= opt.xTolerance)
                break;

            Eigen::VectorXd centroid = Eigen::VectorXd::Zero(d);
            for (int k = 0; k <= d; ++k)
                if (k != iWorst)
                    centroid += simplex[k];
            centroid /= d;

            const Eigen::VectorXd xr = centroid + (centroid - simplex[iWorst]);
            const double fr = eval(xr);
            if (fr < fb) {
                const Eigen::VectorXd xe = centroid + 2.0 * (centroid - simplex[iWorst]);
                const double fe = eval(xe);
                if (fe < fr) {
                    simplex[iWorst] = xe;
                    values[iWorst] = fe;
                } else {
                    simplex[iWorst] = xr;
                    values[iWorst] = fr;
                }
                continue;
            }
            if (fr < values[iNext]) {
                simplex[iWorst] = xr;
                values[iWorst] = fr;
                continue;
            }
            const bool outside = fr < fw;
            const Eigen::VectorXd xc = outside ? Eigen::VectorXd(centroid + 0.5 * (xr - centroid))
                                               : Eigen::VectorXd(centroid + 0.5 * (simplex[iWorst] - centroid));
            const double fc = eval(xc);
            if (fc < (outside ? fr : fw)) {
                simplex[iWorst] = xc;
                values[iWorst] = fc;
                continue;
            }
            for (int k = 0; k <= d; ++k) {
                if (k == iBest)
                    continue;
                simplex[k] = simplex[iBest] + 0.5 * (simplex[k] - simplex[iBest]);
                values[k] = eval(simplex[k]);
            }
        }
        const auto it = std::min_element(values.begin(), values.end());
        const double previous = bestValue;
        if (*it < bestValue) {
            bestValue = *it;
            best = simplex[std::size_t(it - values.begin())];
        }
        // A restart that gains nothing means the minimum is found.
        if (start > 0 && !(bestValue < previous - opt.fTolerance * (std::abs(previous) + 1e-300)))
            break;
    }
    result.x = map.toBox(best, base);
    result.value = bestValue;
    return result;
}

} // namespace reappro::forecasting
