// SPDX-License-Identifier: GPL-3.0-or-later
// Seasonal indices by harmonic regression on ratios to a centred moving
// average; the method is described in seasonal.h.
#include "forecasting/seasonal.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace reappro::forecasting {

namespace {

// Centred moving average over one period (2 x m MA when m is even, the two
// ends at half weight); NaN where the window does not fit.
std::vector<double> centredMovingAverage(std::span<const double> y, std::size_t m)
{
    const std::size_t n = y.size(), half = m / 2;
    std::vector<double> prefix(n + 1, 0.0); // prefix[i] = y[0] + ... + y[i-1]
    for (std::size_t i = 0; i < n; ++i)
        prefix[i + 1] = prefix[i] + y[i];
    std::vector<double> trend(n, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t t = half; t + half < n; ++t) {
        if (m % 2 == 0)
            trend[t] = (prefix[t + half] - prefix[t - half + 1] + 0.5 * (y[t - half] + y[t + half])) / double(m);
        else
            trend[t] = (prefix[t + half + 1] - prefix[t - half]) / double(m);
    }
    return trend;
}

} // namespace

SeasonalIndex estimateSeasonality(std::span<const double> y, int period)
{
    SeasonalIndex s;
    s.period = std::max(period, 1);
    s.index.assign(std::size_t(s.period), 1.0);
    const std::size_t m = std::size_t(s.period);
    if (m < 2 || y.size() < 2 * m)
        return s;

    const std::vector<double> trend = centredMovingAverage(y, m);
    std::vector<std::size_t> at;
    std::vector<double> ratio;
    for (std::size_t t = 0; t < y.size(); ++t)
        if (trend[t] > 0.0) {
            at.push_back(t);
            ratio.push_back(y[t] / trend[t]);
        }
    const std::size_t nr = ratio.size();
    int kMax = std::min<int>(int(m / 2), 12);
    auto coefficients = [&](int k) { return 1 + 2 * k - ((m % 2 == 0 && 2 * std::size_t(k) == m) ? 1 : 0); };
    while (kMax > 0 && std::size_t(4 * coefficients(kMax)) > nr)
        --kMax;
    if (kMax == 0)
        return s;

    // Columns 1, cos1, sin1, cos2, sin2...: the nested models K = 0..kMax are
    // leading blocks of one Gram matrix, so each K is a small solve.
    const int columns = coefficients(kMax);
    Eigen::MatrixXd x(static_cast<Eigen::Index>(nr), columns);
    Eigen::VectorXd r(static_cast<Eigen::Index>(nr));
    const double w = 2.0 * std::numbers::pi / double(m);
    for (std::size_t i = 0; i < nr; ++i) {
        const Eigen::Index row = Eigen::Index(i);
        r[row] = ratio[i];
        x(row, 0) = 1.0;
        int c = 1;
        for (int k = 1; k <= kMax && c < columns; ++k) {
            x(row, c++) = std::cos(w * double(k) * double(at[i]));
            if (c < columns)
                x(row, c++) = std::sin(w * double(k) * double(at[i]));
        }
    }
    const Eigen::MatrixXd gram = x.transpose() * x;
    const Eigen::VectorXd xr = x.transpose() * r;
    const double rr = r.squaredNorm();
    const double nn = double(nr);

    // BIC rather than AICc: harmonics that only fit noise would be applied to
    // every future period, so the stricter penalty is the safer side.
    double bestBic = std::numeric_limits<double>::infinity(), flatRss = 0.0, bestRss = 0.0;
    Eigen::VectorXd best;
    for (int k = 0; k <= kMax; ++k) {
        const int q = coefficients(k);
        const auto g = gram.topLeftCorner(q, q);
        const Eigen::VectorXd b = g.ldlt().solve(xr.head(q));
        const double rss = std::max(rr - 2.0 * b.dot(xr.head(q)) + b.dot(g * b), 1e-12 * std::max(rr, 1e-300));
        const double bic = nn * std::log(rss / nn) + std::log(nn) * double(q);
        if (k == 0)
            flatRss = rss;
        if (bic < bestBic) {
            bestBic = bic;
            bestRss = rss;
            best = b;
            s.harmonics = k;
        }
    }
    if (s.harmonics == 0)
        return s;

    // Positive-part James-Stein shrinkage of the harmonic coefficients
    // towards a flat index: factor 1 - (p - 2) sigma^2 / (explained sum of
    // squares), p coefficients (at least one coefficient's worth of noise).
    const double p = double(best.size() - 1);
    const double noise = bestRss / std::max(1.0, nn - p - 1.0);
    s.strength = std::max(0.0, 1.0 - std::max(p - 2.0, 1.0) * noise / std::max(flatRss - bestRss, 1e-300));
    if (s.strength == 0.0) {
        s.harmonics = 0;
        return s;
    }
    best.tail(best.size() - 1) *= s.strength;

    const int q = int(best.size());
    const Eigen::MatrixXd gramInverse = gram.topLeftCorner(q, q).ldlt().solve(Eigen::MatrixXd::Identity(q, q));
    const double sigma2 = bestRss / std::max(1.0, nn - double(q)); // of the unshrunk fit
    double mean = 0.0;
    s.error.assign(m, 0.0);
    for (std::size_t j = 0; j < m; ++j) {
        Eigen::VectorXd xj(q);
        xj[0] = 1.0;
        for (int c = 1, k = 1; c < q; ++k) {
            xj[c++] = std::cos(w * double(k) * double(j));
            if (c < q)
                xj[c++] = std::sin(w * double(k) * double(j));
        }
        s.index[j] = std::max(best.dot(xj), kMinSeasonalIndex);
        s.error[j] = std::sqrt(std::max(0.0, sigma2 * xj.dot(gramInverse * xj)));
        mean += s.index[j];
    }
    mean /= double(m);
    for (std::size_t j = 0; j < m; ++j) {
        s.index[j] /= mean;
        s.error[j] /= mean;
    }
    return s;
}

} // namespace reappro::forecasting
