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
 * Rewrites a benchmark store's events in another arrival order, for builds measured on data whose
 * customers arrive otherwise than {@link SyntheticEvents} writes them.
 *
 * <p>The generator writes row i for customer i mod customers, so customers come round in id order,
 * and any pass that follows the rows in arrival order while touching per-customer state walks that
 * state in order too. A live store receives events about when they happen: {@code time} (the
 * default) orders the rows by time, then seq, and renumbers the seqs in that order, so customers
 * interleave as their journeys do and each customer's events still arrive in time order. How kind
 * that is to the caches depends on how many customers are active at once; in the generator's data
 * a journey lasts 80 hours of a year, so about 1% are. With {@code random} the rows are ordered by
 * a fixed hash of their seq: the worst case, where any customer may come next and a customer's
 * events arrive out of time order. It rewrites the
 * file in place, so run it on a copy; the rewritten {@code events} table has no primary key (the
 * sequence index does not use it).
 *
 * <pre>
 * cp -r /tmp/ebench/10m /tmp/ebench/10s
 * java -cp ... org.itinera.bench.ShuffleArrival /tmp/ebench/10s [time|random]
 * </pre>
 */
public final class ShuffleArrival {
  private ShuffleArrival() {}

  public static void main(String[] args) throws SQLException {
    if (args.length < 1 || args.length > 2
        || (args.length == 2 && !args[1].equals("time") && !args[1].equals("random"))) {
      System.err.println("usage: ShuffleArrival DATA_DIR [time|random]   (rewrites "
          + "DATA_DIR/itinera.duckdb; time is the default)");
      System.exit(2);
    }
    boolean random = args.length == 2 && args[1].equals("random");
    Path file = Path.of(args[0]).resolve("itinera.duckdb");
    if (!Files.isRegularFile(file)) {
      System.err.println("no store at " + file);
      System.exit(2);
    }
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE shuffled AS SELECT * FROM events ORDER BY "
          + (random ? "hash(seq * 31 + 7)" : "ts, seq"));
      s.execute("UPDATE shuffled SET seq = rowid"); // rowid follows the ordered insertion
      s.execute("DROP TABLE events");
      s.execute("CREATE TABLE events AS SELECT * FROM shuffled ORDER BY seq");
      s.execute("DROP TABLE shuffled");
      s.execute("CHECKPOINT");
      try (ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT customer_id) FROM "
          + "(SELECT customer_id FROM events ORDER BY seq LIMIT 1000)")) {
        r.next();
        System.out.printf(Locale.ROOT, "rewritten in %.1f s; the first 1,000 rows by seq belong to "
            + "%,d customers%n", (System.nanoTime() - t0) / 1e9, r.getLong(2));
      }
    }
  }
}
