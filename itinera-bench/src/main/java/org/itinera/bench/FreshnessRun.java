package org.itinera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.Funnels;
import org.itinera.index.SequenceIndex;
import org.itinera.store.Store;

/**
 * Freshness under appends, for {@link EngineBenchmark}: on a copy of the benchmark's database (the
 * original is never written), batches of new events are committed one after another, and after
 * each commit the index refreshes (as every query does first) and the funnel runs: the refresh
 * time is how long a committed event takes to become visible to queries, and refresh plus funnel
 * how long it takes to show in a result. Half of each batch's events belong to existing
 * customers and half to new ones.
 */
final class FreshnessRun {
  private FreshnessRun() {}

  static void run(Path data, int batches, int batchSize, int customers, int threads,
      FunnelSpec funnel) throws SQLException, IOException {
    Path copy = Files.createTempDirectory("itinera-freshness");
    try {
      Files.copy(data.resolve("itinera.duckdb"), copy.resolve("itinera.duckdb"));
      try (Store store = Store.open(copy)) {
        long t = System.nanoTime();
        SequenceIndex index = SequenceIndex.build(store.newConnection(), threads);
        System.out.printf(Locale.ROOT, "freshness: index built on a copy in %.2f s%n",
            (System.nanoTime() - t) / 1e9);
        Funnels.run(index, funnel);
        long next = index.stats().maxSeq() + 1;
        List<Double> visible = new ArrayList<>();
        List<Double> refresh = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
          insert(store.connection(), next, batchSize, customers);
          next += batchSize;
          t = System.nanoTime();
          long events = index.stats().events();
          index.refresh();
          refresh.add((System.nanoTime() - t) / 1e6);
          Funnels.run(index, funnel);
          visible.add((System.nanoTime() - t) / 1e6);
          if (index.stats().events() != events + batchSize) {
            throw new IllegalStateException("the query after a commit of " + batchSize
                + " events saw " + (index.stats().events() - events));
          }
        }
        visible.sort(null);
        refresh.sort(null);
        System.out.printf(Locale.ROOT, "freshness: %d batches of %,d events; index refresh after "
            + "the commit: median %.1f ms, max %.1f ms; commit to funnel result: median %.1f ms, "
            + "max %.1f ms; tail %,d events, %d full builds%n", batches, batchSize,
            refresh.get(refresh.size() / 2), refresh.get(refresh.size() - 1),
            visible.get(visible.size() / 2), visible.get(visible.size() - 1),
            index.stats().tailEvents(), index.rebuilds());
        index.close();
      }
    } finally {
      try (Stream<Path> files = Files.walk(copy)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void insert(Connection c, long from, int n, int customers) throws SQLException {
    String sql = """
        INSERT INTO events (seq, event_id, customer_id, user_id, ts, received_at, type, name,
                            channel)
        SELECT s, 'fresh' || s, cid, cid, now()::TIMESTAMP, now()::TIMESTAMP, 'track',
               ['Page Viewed', 'Product Viewed', 'Product Added', 'Checkout Started',
                'Order Completed'][1 + s % 5], 'web'
        FROM (SELECT ? + i AS s,
                     CASE WHEN i % 2 = 0
                          THEN 'cust_' || lpad(CAST((i * 7919) % ? AS VARCHAR), 8, '0')
                          ELSE 'fresh_' || (? + i) END AS cid
              FROM range(?) t(i))
        """;
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, from);
      s.setLong(2, customers);
      s.setLong(3, from);
      s.setLong(4, n);
      s.execute();
    }
  }
}
