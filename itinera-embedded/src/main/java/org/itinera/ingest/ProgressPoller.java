package org.itinera.ingest;

import java.sql.SQLException;
import java.util.function.DoubleConsumer;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Reports a running DuckDB statement's progress (0 to 1, never decreasing) by polling it from a
 * daemon thread while it runs; DuckDB computes progress only when asked.
 */
final class ProgressPoller implements AutoCloseable {
  private static final long PERIOD_MS = 200;

  private final Thread thread;
  private volatile boolean done;

  private ProgressPoller(DuckDBPreparedStatement statement, DoubleConsumer progress) {
    thread = new Thread(() -> {
      double last = 0;
      while (!done) {
        try {
          Thread.sleep(PERIOD_MS);
          double pct = statement.getQueryProgress().getPercentage();
          double now = Math.min(pct, 100) / 100;
          if (!done && now > last) {
            last = now;
            progress.accept(now);
          }
        } catch (InterruptedException e) {
          return;
        } catch (SQLException | RuntimeException e) {
          // the statement finished or was closed between two polls; nothing left to report
          return;
        }
      }
    }, "itinera-bulk-progress");
    thread.setDaemon(true);
  }

  static ProgressPoller start(DuckDBPreparedStatement statement, DoubleConsumer progress) {
    ProgressPoller p = new ProgressPoller(statement, progress);
    if (progress != null) {
      p.thread.start();
    }
    return p;
  }

  @Override
  public void close() {
    done = true;
    thread.interrupt();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
