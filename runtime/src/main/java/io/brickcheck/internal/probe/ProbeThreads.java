package io.brickcheck.internal.probe;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The probe's threads: daemon (a probe must never keep a JVM alive), named {@code
 * brickcheck-probe-N}, started only when a probe needs one, and gone after a few idle seconds or at
 * once on {@code close()}, so an instance nobody closes leaks none. Their context class loader is
 * null: a thread they cause to be started elsewhere (OkHttp's shared connection-pool and timeout
 * threads, which live on after the probe) must not inherit, and so pin, the class loader of the
 * application that happened to start the probe (a webapp being redeployed).
 */
final class ProbeThreads {
  /** More hosts than this probed at once wait in a queue (their budget still runs). */
  static final int MAX_WORKERS = 64;

  static final long KEEP_ALIVE_SECONDS = 5;

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private static final ThreadFactory FACTORY =
      runnable -> {
        Thread t = new Thread(runnable, "brickcheck-probe-" + COUNTER.incrementAndGet());
        t.setDaemon(true);
        t.setContextClassLoader(null);
        return t;
      };

  private ProbeThreads() {}

  static ThreadPoolExecutor workers() {
    // core == max with core time-out: grows to MAX_WORKERS under load, shrinks to none when idle.
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            MAX_WORKERS,
            MAX_WORKERS,
            KEEP_ALIVE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            FACTORY);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** One thread for the budget watchdogs: separate, so stuck workers cannot delay them. */
  static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, FACTORY);
    timer.setKeepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return timer;
  }
}
