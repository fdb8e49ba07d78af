// SPDX-License-Identifier: GPL-3.0-or-later
// A computation on the open database, run off the GUI thread as the Orders,
// Ward stocks and Replay tabs run theirs: on a connection of its own (SQLite
// connections belong to the thread that opens them), one run at a time,
// with a stop flag the work polls. cancel() sets it (Cancel, another
// database opened, the tab going away); a run that ends after a cancel comes
// back marked cancelled, for its result to be dropped.
#pragma once

#include "core/store/store.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QString>
#include <QtConcurrent>

#include <atomic>
#include <memory>

namespace reappro {

template <class Result> class DatabaseTask
{
public:
    struct Outcome {
        Result result;
        QString error;          // the database could not be opened
        bool cancelled = false;
    };

    DatabaseTask() = default;
    DatabaseTask(const DatabaseTask &) = delete;
    DatabaseTask &operator=(const DatabaseTask &) = delete;
    ~DatabaseTask()
    {
        cancel();
        m_watcher.waitForFinished();
    }

    // finished, progressValueChanged... are this watcher's.
    QFutureWatcher<Outcome> &watcher() { return m_watcher; }
    bool isRunning() const { return m_watcher.isRunning(); }
    void cancel()
    {
        if (m_stop)
            m_stop->store(true);
    }

    // Runs work(store, promise, stop) -> Result on a worker thread, `store`
    // opened on `path`; the work may report progress through `promise`.
    template <class Work> void start(const QString &path, Work work)
    {
        m_stop = std::make_shared<std::atomic<bool>>(false);
        m_watcher.setFuture(QtConcurrent::run([path, work = std::move(work), stop = m_stop](QPromise<Outcome> &promise) {
            Outcome o;
            Store store;
            if (store.open(path, &o.error))
                o.result = work(store, promise, *stop);
            o.cancelled = stop->load();
            promise.addResult(std::move(o));
        }));
    }

    // The outcome of the run that just finished.
    Outcome take()
    {
        Outcome o = m_watcher.result();
        o.cancelled = o.cancelled || (m_stop && m_stop->load());
        return o;
    }

private:
    std::shared_ptr<std::atomic<bool>> m_stop;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace reappro
