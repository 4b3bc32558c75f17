package org.itinera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Rewrites a benchmark store's events in a shuffled arrival order, for builds measured on data
 * whose customers arrive as in a live store.
 *
 * <p>{@link SyntheticEvents} writes row i for customer i mod customers, so a customer's k-th events
 * come round in customer order, and any pass that follows the rows in arrival order while touching
 * per-customer state walks that state in order too: far kinder to the caches than a live store,
 * where the customers active in one second are any. This tool orders the rows by a fixed hash of
 * their seq and renumbers the seqs in that order (the same result on every run). It rewrites the
 * file in place, so run it on a copy; the rewritten {@code events} table has no primary key (the
 * sequence index does not use it).
 *
 * <pre>
 * cp -r /tmp/ebench/10m /tmp/ebench/10s
 * java -cp ... org.itinera.bench.ShuffleArrival /tmp/ebench/10s
 * </pre>
 */
public final class ShuffleArrival {
  private ShuffleArrival() {}

  public static void main(String[] args) throws SQLException {
    if (args.length != 1) {
      System.err.println("usage: ShuffleArrival DATA_DIR   (rewrites DATA_DIR/itinera.duckdb)");
      System.exit(2);
    }
    Path file = Path.of(args[0]).resolve("itinera.duckdb");
    if (!Files.isRegularFile(file)) {
      System.err.println("no store at " + file);
      System.exit(2);
    }
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE shuffled AS SELECT * FROM events ORDER BY hash(seq * 31 + 7)");
      s.execute("UPDATE shuffled SET seq = rowid"); // rowid follows the ordered insertion
      s.execute("DROP TABLE events");
      s.execute("CREATE TABLE events AS SELECT * FROM shuffled ORDER BY seq");
      s.execute("DROP TABLE shuffled");
      s.execute("CHECKPOINT");
      try (ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT customer_id) FROM "
          + "(SELECT customer_id FROM events ORDER BY seq LIMIT 1000)")) {
        r.next();
        System.out.printf(Locale.ROOT, "shuffled in %.1f s; the first 1,000 rows by seq belong to "
            + "%,d customers%n", (System.nanoTime() - t0) / 1e9, r.getLong(2));
      }
    }
  }
}
