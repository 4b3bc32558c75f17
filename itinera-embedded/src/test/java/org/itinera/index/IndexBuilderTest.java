package org.itinera.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.itinera.event.Event;
import org.itinera.store.Store;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build (events read in one streamed query) gives exactly the same segment whatever the number
 * of threads that resolve, place and encode the rows, on random data with out-of-order arrival,
 * equal times, numeric fields and identity merges (customer ids rewritten after insertion), and
 * leaves the connection's result streaming as it found it.
 */
class IndexBuilderTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void anyThreadCount_buildsTheSameSegment(long seed) throws Exception {
    List<Event> events = RandomEvents.generate(seed, 3000, 20000);
    try (Store store = EventsTable.create(dir)) {
      Connection c = store.connection();
      EventsTable.insert(c, events, 1000 + seed);
      try (Statement s = c.createStatement()) {
        // identity merges as the writer performs them: one customer's events move to another
        s.execute("UPDATE events SET customer_id = 'c1' WHERE customer_id IN ('c2', 'c3')");
        s.execute("UPDATE events SET customer_id = 'merged-' || customer_id "
            + "WHERE hash(customer_id) % 7 = 0");
      }
      IndexBuilder.Built one = build(store, 1);
      for (int threads : new int[] {2, 3, 8}) {
        IndexBuilder.Built parallel = build(store, threads);
        assertThat(parallel.snapshot().base().measures).isNotSameAs(Measures.NONE);
        assertThat(parallel.snapshot().customers()).usingRecursiveComparison()
            .isEqualTo(one.snapshot().customers());
        assertThat(parallel.snapshot().vocabulary()).usingRecursiveComparison()
            .isEqualTo(one.snapshot().vocabulary());
        assertThat(parallel.snapshot().base()).usingRecursiveComparison()
            .isEqualTo(one.snapshot().base());
        assertThat(parallel.snapshot().base().customers).isEqualTo(
            one.snapshot().customers().count());
      }
    }
  }

  private static IndexBuilder.Built build(Store store, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Connection c = store.newConnection()) {
      IndexBuilder.Built built = new IndexBuilder(c, pool, threads).build();
      try (Statement s = c.createStatement();
          java.sql.ResultSet r = s.executeQuery("SELECT coalesce(max(value), 'unset') "
              + "FROM duckdb_settings() WHERE name = 'jdbc_stream_results'")) {
        r.next();
        assertThat(r.getString(1)).isIn("unset", "false");
      }
      return built;
    } finally {
      pool.shutdownNow();
    }
  }
}
