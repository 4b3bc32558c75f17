package org.itinera.ingest;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;

/**
 * Wall-clock and process CPU time of each phase of a bulk load, logged at DEBUG on the logger
 * {@code org.itinera.ingest.BulkTimer}: where an import spends its time, without a profiler.
 * Process CPU counts every thread, DuckDB's included, so it stays meaningful on a busy machine.
 */
public final class BulkTimer {
  private static final System.Logger LOG = System.getLogger(BulkTimer.class.getName());

  private long wall = System.nanoTime();
  private long cpu = cpuNanos();

  /** Logs the time since the previous mark (or since this timer was made) as {@code phase}. */
  public void mark(String phase) {
    if (!LOG.isLoggable(Level.DEBUG)) {
      return;
    }
    long w = System.nanoTime();
    long c = cpuNanos();
    LOG.log(Level.DEBUG, String.format(Locale.ROOT, "%-22s wall %7.2f s  cpu %7.2f s", phase,
        (w - wall) / 1e9, (c - cpu) / 1e9));
    wall = w;
    cpu = c;
  }

  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
