// SPDX-License-Identifier: GPL-3.0-or-later
// Demo hospital, randomness. Determinism: every random draw comes from our
// own xoshiro256** streams (Rng), one per product (and one each for
// suppliers, units and catalogue ids), seeded through splitmix64 and
// streamSeed, and our own samplers (uniform, normal, lognormal, gamma,
// Poisson); std:: distributions are implementation-defined. Private to
// core/demo/.
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace reappro::demo {

inline constexpr double kPi = 3.14159265358979323846;

inline quint64 splitmix64(quint64 &x)
{
    quint64 z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Independent streams: the catalogue of product 12 does not move when a
// draw is added to the simulation of product 11.
inline quint64 streamSeed(quint64 seed, quint64 stream, quint64 index)
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

} // namespace reappro::demo
