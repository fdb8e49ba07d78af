// SPDX-License-Identifier: GPL-3.0-or-later
// Bounded Nelder-Mead minimiser for the smoothing parameters of the models.
// Our own rather than NLopt: no extra dependency to ship in the installer,
// and the problems are tiny (1 to 4 parameters, a few hundred O(n) runs),
// where a simplex method is robust and easy to make fully deterministic.
#pragma once

#include <Eigen/Core>

#include <functional>

namespace reappro::forecasting {

struct NelderMeadOptions {
    int maxEvaluations = 2000;  // per start
    int restarts = 3;           // fresh simplices around the best point, against early collapse
    double fTolerance = 1e-10;  // relative spread of values in the simplex
    double xTolerance = 1e-8;   // simplex size in the unbounded space
};

// What the models use for their smoothing parameters: a forecast does not
// move when alpha changes in its 7th digit, and one restart is enough in 2-4
// dimensions. Found no change in benchmark accuracy at 3 decimals against the
// strict defaults, at 30% less time.
inline constexpr NelderMeadOptions kSmoothingSearch{2000, 1, 1e-7, 1e-5};

struct OptimResult {
    Eigen::VectorXd x;   // within [lower, upper]
    double value = 0.0;
    int evaluations = 0;
};

// Minimises f over the box [lower, upper]. Each coordinate is searched in an
// unbounded space mapped onto its interval by a logistic function, so every
// point the simplex visits is feasible; a coordinate with lower == upper is
// held fixed. Non-finite values of f count as +infinity. With a single free
// coordinate the search is a grid plus golden-section search instead
// (deterministic as well; `options` do not apply).
OptimResult minimizeBounded(const std::function<double(const Eigen::VectorXd &)> &f, const Eigen::VectorXd &x0,
                            const Eigen::VectorXd &lower, const Eigen::VectorXd &upper, const NelderMeadOptions &options = {});

} // namespace reappro::forecasting
