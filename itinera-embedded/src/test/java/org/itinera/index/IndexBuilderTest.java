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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build (events read in one streamed query, chunk by chunk) gives exactly the same segment
 * whatever the number of threads that resolve, place and encode the rows, on random data with
 * out-of-order arrival, equal times, numeric fields and identity merges (customer ids rewritten
 * after insertion).
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
        // small chunks: many resolve tasks, started while the rows still stream; buckets of
        // customers from one customer each to more than there are
        IndexBuilder.Built parallel = build(store, threads, 700, threads == 2 ? 0
            : threads == 3 ? 5 : 13, () -> { });
        assertThat(parallel.snapshot().base().measures).isNotSameAs(Measures.NONE);
        assertSame(parallel, one);
        assertThat(parallel.snapshot().base().customers).isEqualTo(
            one.snapshot().customers().count());
      }
      // the classes named by grouping every event, as past 4096 classes, number them the same
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try (Connection c2 = store.newConnection()) {
        IndexBuilder grouping = new IndexBuilder(c2, pool, 2);
        grouping.classesBySeq = 0;
        IndexBuilder.Built grouped = grouping.build();
        assertThat(grouped.snapshot().vocabulary().classCount()).isGreaterThan(1);
        assertSame(grouped, one);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * The dictionary (customers, classes) is read on a second connection while the events stream on
   * the first; a write committed between the two transactions must not leak into the build: it
   * gives what the events' snapshot holds, whether the write is an identity merge (a customer the
   * dictionary lacks) or a late row with an old seq (a customer without events).
   */
  @Test
  void writeBetweenTheTwoSnapshots_buildsTheEventsSnapshot() throws Exception {
    List<Event> events = RandomEvents.generate(4, 300, 4000);
    try (Store store = EventsTable.create(dir)) {
      EventsTable.insert(store.connection(), events, 1000);
      IndexBuilder.Built before = build(store, 2);
      IndexBuilder.Built merging = build(store, 2, () -> execute(store,
          "UPDATE events SET customer_id = 'c1' WHERE customer_id = 'c2'"));
      assertThat(merging.phasesMs()).containsKey("dictionary again");
      assertSame(merging, before);
      IndexBuilder.Built merged = build(store, 2);
      assertThat(merged.snapshot().customerCount())
          .isEqualTo(before.snapshot().customerCount() - 1);
      IndexBuilder.Built late = build(store, 2, () -> execute(store, "INSERT INTO events "
          + "SELECT * REPLACE (1 AS seq, 'late' || event_id AS event_id, 'late' AS customer_id) "
          + "FROM events WHERE seq = 1000"));
      assertThat(late.phasesMs()).containsKey("place (customers without events dropped)")
          .doesNotContainKey("dictionary again");
      assertSame(late, merged);
      assertThat(build(store, 2).snapshot().customers().ordinal("late")).isNotNegative();
    }
  }

  /**
   * Where the writers keep the identity graph, the dictionary comes from it. Its customers without
   * events at or below the build's seq are dropped; where it lacks a customer of the events, the
   * build groups the events instead. Either way the segment is the one built from the events.
   */
  @Test
  void customersFromTheIdentities_sameSegmentAsFromTheEvents() throws Exception {
    List<Event> events = RandomEvents.generate(5, 500, 6000);
    try (Store store = EventsTable.create(dir)) {
      EventsTable.insert(store.connection(), events, 1000);
      IndexBuilder.Built fromEvents = build(store, 2);
      assertThat(fromEvents.phasesMs()).containsKey("customers (concurrent)");
      execute(store, "INSERT INTO identities SELECT DISTINCT 'user:' || customer_id, customer_id,"
          + " NULL FROM events");
      // customers of the graph without events, sorting first and last
      execute(store, "INSERT INTO identities VALUES ('anon:g1', '0-ghost', NULL),"
          + " ('anon:g2', 'zzz-ghost', NULL)");
      IndexBuilder.Built fromIdentities = build(store, 2);
      assertThat(fromIdentities.phasesMs())
          .containsKey("customers from identities (concurrent)")
          .containsKey("place (customers without events dropped)")
          .doesNotContainKey("dictionary again");
      assertSame(fromIdentities, fromEvents);
      assertThat(fromIdentities.snapshot().customers().ordinal("zzz-ghost")).isNegative();

      // sorted instead of grouped when the sketch counts fewer than two identities a customer,
      // the duplicates (a third of the customers have a second identity) skipped as read
      assertThat(build(store, 2, 0).phasesMs())
          .containsKey("customers from sorted identities (concurrent)");
      execute(store, "INSERT INTO identities SELECT DISTINCT 'anon:' || customer_id, customer_id,"
          + " NULL FROM events WHERE hash(customer_id) % 3 = 0");
      IndexBuilder.Built sorted = build(store, 2, 0);
      assertThat(sorted.phasesMs())
          .containsKey("customers from sorted identities (concurrent)")
          .containsKey("place (customers without events dropped)")
          .doesNotContainKey("dictionary again");
      assertSame(sorted, fromEvents);
      execute(store, "INSERT INTO identities SELECT DISTINCT 'email:' || customer_id, customer_id,"
          + " NULL FROM events");
      IndexBuilder.Built grouped = build(store, 2, 0);
      assertThat(grouped.phasesMs()).containsKey("customers from identities (concurrent)");
      assertSame(grouped, fromEvents);
      execute(store, "DELETE FROM identities WHERE identity LIKE 'email:%'"
          + " OR identity LIKE 'anon:%' AND identity NOT LIKE 'anon:g%'");

      // more identities than events: grouping the events is the cheaper way
      execute(store, "INSERT INTO identities SELECT 'anon:x' || i, 'ghost-' || i, NULL"
          + " FROM range(7000) t(i)");
      IndexBuilder.Built manyIdentities = build(store, 2);
      assertThat(manyIdentities.phasesMs()).containsKey("customers (concurrent)");
      assertSame(manyIdentities, fromEvents);
      execute(store, "DELETE FROM identities WHERE customer_id LIKE 'ghost-%'");

      execute(store, "DELETE FROM identities WHERE customer_id = "
          + "(SELECT min(customer_id) FROM events)");
      IndexBuilder.Built lacking = build(store, 2);
      assertThat(lacking.phasesMs()).containsKey("dictionary again");
      assertSame(lacking, fromEvents);
    }
  }

  @Test
  void bucketsOfCustomers_fewAndCacheSized() {
    assertThat(IndexBuilder.bucketShift(1)).isEqualTo(10);
    assertThat(IndexBuilder.bucketShift(3000)).isEqualTo(10);
    assertThat(IndexBuilder.bucketShift(1_000_000)).isEqualTo(12); // 245 buckets
    assertThat(IndexBuilder.bucketShift(10_000_000)).isEqualTo(16); // 153 buckets
    assertThat(IndexBuilder.bucketShift(Integer.MAX_VALUE)).isEqualTo(23); // 256 buckets
  }

  private static void assertSame(IndexBuilder.Built actual, IndexBuilder.Built expected) {
    assertThat(actual.snapshot().customers()).usingRecursiveComparison()
        .isEqualTo(expected.snapshot().customers());
    assertThat(actual.snapshot().vocabulary()).usingRecursiveComparison()
        .isEqualTo(expected.snapshot().vocabulary());
    assertThat(actual.snapshot().base()).usingRecursiveComparison()
        .isEqualTo(expected.snapshot().base());
  }

  private static void execute(Store store, String sql) {
    try (Connection c = store.newConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IndexBuilder.Built build(Store store, int threads) throws Exception {
    return build(store, threads, () -> { });
  }

  /** A build whose identity graph may be sorted from {@code estimateFrom} identities on. */
  private static IndexBuilder.Built build(Store store, int threads, long estimateFrom)
      throws Exception {
    return build(store, threads, 500, -1, estimateFrom, () -> { });
  }

  private static IndexBuilder.Built build(Store store, int threads, Runnable beforeDictionary)
      throws Exception {
    return build(store, threads, 500, -1, beforeDictionary);
  }

  private static IndexBuilder.Built build(Store store, int threads, int chunkRows,
      int bucketShift, Runnable beforeDictionary) throws Exception {
    return build(store, threads, chunkRows, bucketShift, Long.MAX_VALUE, beforeDictionary);
  }

  private static IndexBuilder.Built build(Store store, int threads, int chunkRows,
      int bucketShift, long estimateFrom, Runnable beforeDictionary) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Connection c = store.newConnection()) {
      IndexBuilder builder = new IndexBuilder(c, pool, threads);
      builder.chunkRows = chunkRows;
      builder.bucketShiftForTests = bucketShift;
      builder.estimateFromIdentities = estimateFrom;
      builder.beforeDictionary = beforeDictionary;
      return builder.build();
    } finally {
      pool.shutdownNow();
    }
  }
}
