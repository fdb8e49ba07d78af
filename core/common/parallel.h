// SPDX-License-Identifier: GPL-3.0-or-later
// One parallel loop for the core's batch work (replays, suggestions, par
// levels): indexes handed out one at a time, so each result lands in its own
// slot and nothing depends on the thread count.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace reappro {

// Runs fn(i) for i in [0, n) on `threads` threads (0 = all cores); a set
// `stop` flag leaves the indexes not yet started undone.
template <class Fn> void parallelFor(std::size_t n, int threads, const std::atomic<bool> *stop, Fn &&fn)
{
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min<std::size_t>(n, threads > 0 ? std::size_t(threads) : hw);
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            if (stop && stop->load())
                return;
            fn(i);
        }
    };
    if (workers <= 1) {
        work();
        return;
    }
    std::vector<std::jthread> pool;
    pool.reserve(workers - 1);
    for (std::size_t t = 1; t < workers; ++t)
        pool.emplace_back(work);
    work();
}

} // namespace reappro
