package io.brickcheck;

import java.time.Duration;

/**
 * Brickcheck's run-time lifecycle. Nothing starts when Brickcheck's classes load: its HTTP client,
 * discovery probes and their threads are made on first use. An application whose class loader is
 * discarded while the JVM lives on (a webapp being redeployed, a plugin unloaded) calls {@link
 * #shutdown()} when it stops, for example from {@code ServletContextListener.contextDestroyed}, so
 * that no Brickcheck thread pins that class loader.
 */
public final class Brickcheck {
  /** How long {@link #shutdown()} waits for Brickcheck's threads to end. */
  public static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private Brickcheck() {}

  /**
   * Closes every discovery probe (a probe under way ends with a failure result; nothing is
   * thrown to its callers), evicts the connections of Brickcheck's own HTTP client and stops its
   * threads, then waits for them to end, at most {@link #SHUTDOWN_WAIT}. A client given with
   * {@link BrickcheckOptions.Builder#httpClient} is not touched: it is the caller's to close.
   * Profiles made before keep their connections' settings but probe no more; Brickcheck used
   * afterwards starts afresh. Idempotent; safe to call from any thread.
   *
   * @return true when every Brickcheck thread has ended; false if some were still ending when
   *     the wait ran out, or the calling thread was interrupted (its interrupt flag is then set)
   */
  public static boolean shutdown() {
    try {
      return RuntimeContext.shutdown(SHUTDOWN_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
