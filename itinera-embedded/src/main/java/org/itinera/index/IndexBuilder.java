package org.itinera.index;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.sequence.Vocabulary;

/**
 * Builds a base segment from the {@code events} table.
 *
 * <p>Design notes. Moving strings out of DuckDB row by row is what makes a naive load slow, so the
 * bulk query sends only numbers: {@code hash(customer_id)}, {@code epoch_ms(ts)}, {@code seq},
 * {@code hash(type, name, channel)} (hashes cut to 63 bits, as BIGINTs) and the three numeric
 * fields. It is read through DuckDB's data-chunk interface ({@code DuckDBPreparedStatement.query}):
 * DuckDB computes each chunk of 2048 rows as it is fetched, so memory stays flat, and the reader
 * takes the values straight from the chunk's vectors. A JDBC {@code ResultSet} costs about 13 ns a
 * value in per-call overhead: the same query took 1.6 s that way and 0.9 s by chunks at 10M events
 * (process CPU, one probe). A numeric field is present where its vector's validity says so. The
 * customer dictionary (distinct ids in id order) becomes a hash-to-ordinal map; a 64-bit collision
 * between two distinct customer ids (about one chance in 10^8 at a million customers) is detected
 * and reported rather than silently merging them.
 *
 * <p>Where the dictionary comes from. Every event's customer is a customer of the identity graph
 * (the writers record each identity's customer in {@code identities} in the transaction that stores
 * its events), so where that table has rows, fewer than the events, the dictionary is its distinct
 * customers: a {@code GROUP BY} over a table with a row or a few per customer rather than one per
 * event (0.5–0.7 s of CPU at 10M events against 1.1–1.4 s for grouping the events, measured in a
 * probe with two identities per customer). Below two identities a customer (a HyperLogLog
 * estimate says), the graph is sorted but not grouped and the reader skips the repeats ({@link
 * Source}): 3.6 s less CPU a build at 10M customers. The graph may name customers whose events are
 * all after the build's seq: {@link #place} drops customers without events and renumbers the
 * rest. Should it lack a customer of the events (a store written by other means, or an identity
 * merge committed after the events' snapshot), some row does not resolve, and the dictionary is
 * made again by grouping the events in the events' own transaction, which always matches.
 *
 * <p>Two connections at once. The events query streams on the calling thread while the dictionary
 * is read on a second connection ({@code DuckDBConnection.duplicate()}) from a pool thread. That
 * connection has its own transaction, so its snapshot may differ from the events': an identity
 * merge or a late write committed in between. Such a dictionary cannot pass unnoticed: the build
 * takes only the set of customers from it, and a customer it lacks leaves a row unresolved (read
 * again, as above), while one it has in excess has no events and is dropped. {@code
 * IndexBuilderTest} commits a merge and a late row between the two snapshots and checks that the
 * build is the events' snapshot.
 *
 * <p>The customer ids come as BLOBs ({@code encode(customer_id)}: the UTF-8 bytes) and are
 * front-coded as they arrive ({@link Customers.Builder}): the driver hands a BLOB over as bytes,
 * where a VARCHAR costs a String per row that the directory would only encode back (1M-customer
 * query: 1.5 against 2.1–2.6 s of process CPU). The event classes need no pass over every event:
 * the reader numbers them as it meets them and keeps each one's first seq, and a {@code seq IN
 * (...)} query in the events' transaction reads their names from those few rows (12–29 ms against
 * 0.4–0.9 s for the {@code GROUP BY type, name, channel} it replaces, kept past 4096 classes).
 *
 * <p>Rows arrive in storage order. Fixed chunks of rows are resolved to customer ordinals on the
 * pool as soon as they are read and the dictionary is there, so the core the dictionary leaves
 * idle resolves while the events still stream. Within a chunk the hashes are first grouped by the
 * part of the map they probe (the map is 32 MiB at a million customers, so lookups in arrival
 * order cost a cache and TLB miss each; a part is ~128 KiB and stays in L2): 0.4 s of CPU against
 * 0.9–1.0 s in a 10M-lookup probe. The rows are then placed in customer order in two passes
 * ({@link #place}): by chunk in parallel into buckets of consecutive customers (chunk k's rows of a
 * bucket go after chunks 0..k-1's, so rows stay in arrival order within a customer whatever the
 * thread count), then bucket by bucket within cache-sized ranges. Each customer's few events are
 * sorted by time and seq in place (usually already in order) and encoded, in parallel over
 * customer ranges. The numeric fields, which few events carry, are kept for the rows that have
 * one; each such row is followed through the sort by a reference, and they are gathered by
 * position in parallel.
 *
 * <p>Measured: see docs/BENCHMARKS.md (index build rounds). Tried and dropped: the numeric fields
 * in a separate query (the events query gets cheaper by what the second costs), grouping customers
 * by the hash instead of the id (~7% less in DuckDB, but two ids sharing a hash would merge
 * silently), one {@code GROUPING SETS} query for customers and classes (no cheaper than two).
 */
final class IndexBuilder {
  private static final String MAX = "SELECT coalesce(max(seq), -1), count(*) FROM events";
  /** At most this many buckets of customers when placing the rows (see {@link #bucketShift}). */
  private static final int MAX_BUCKETS = 256;
  /** A bucket of customers holds at least 2^this ordinals. */
  private static final int MIN_BUCKET_SHIFT = 10;
  /** DuckDB's hash is an unsigned 64-bit; 63 bits as a BIGINT avoid BigInteger in JDBC. */
  private static final String CUSTOMER_HASH = "(hash(customer_id) & 9223372036854775807)::BIGINT";
  private static final String CLASS_HASH =
      "(hash(type, name, channel) & 9223372036854775807)::BIGINT";
  /**
   * The ids as BLOBs ({@code encode} gives the UTF-8 bytes unchanged): the driver hands those over
   * as they are, where a VARCHAR costs a String per row, which the directory would only encode
   * back to bytes.
   */
  private static final String CUSTOMERS_OF_EVENTS = "SELECT encode(customer_id), "
      + CUSTOMER_HASH + " FROM events WHERE seq <= ? GROUP BY customer_id ORDER BY customer_id";
  /**
   * Every customer the identity graph names: each event's customer is one of them, so where the
   * writers keep the graph this is the events' customers plus, at most, a few without events,
   * from a table with a row or a few per customer rather than one per event.
   */
  private static final String CUSTOMERS_OF_IDENTITIES = "SELECT encode(customer_id), "
      + CUSTOMER_HASH + " FROM identities GROUP BY customer_id ORDER BY customer_id";
  /**
   * The same, sorted but not grouped: a customer's identities come out next to each other and the
   * reader keeps the first. Cheaper while most customers have one identity or two (see {@link
   * Source}).
   */
  private static final String SORTED_IDENTITIES = "SELECT encode(customer_id), " + CUSTOMER_HASH
      + " FROM identities ORDER BY customer_id";
  /** Identities per customer under which sorting them beats grouping them. */
  private static final double SORT_BELOW_IDENTITIES_PER_CUSTOMER = 2.0;
  /** Identities from which counting customers first (a sketch, ~0.3 s at 10M) pays. */
  private static final long ESTIMATE_FROM_IDENTITIES = 100_000;
  private static final String CLASSES = "SELECT type, name, channel, " + CLASS_HASH
      + " FROM events WHERE seq <= ? GROUP BY type, name, channel ORDER BY type, name, channel";
  /** Every event as numbers, and its numeric fields (null where absent). */
  private static final String EVENTS = "SELECT " + CUSTOMER_HASH + ", epoch_ms(ts), seq, "
      + CLASS_HASH + ", sentiment, rating, revenue FROM events WHERE seq <= ?";

  private final Connection connection;
  private final ExecutorService pool;
  private final int threads;

  IndexBuilder(Connection connection, ExecutorService pool, int threads) {
    this.connection = connection;
    this.pool = pool;
    this.threads = threads;
  }

  /**
   * The result: the snapshot, the vocabulary builder (so the caller can extend it), and how long
   * each phase took in milliseconds, in order.
   */
  record Built(Snapshot snapshot, Vocabulary.Builder vocabulary, Map<String, Long> phasesMs) {}

  private final Map<String, Long> phases = new LinkedHashMap<>();
  private long phaseStart = System.nanoTime();

  private void phase(String name) {
    long now = System.nanoTime();
    phases.put(name, (now - phaseStart) / 1_000_000);
    phaseStart = now;
  }

  Built build() throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      Built built = buildInTransaction();
      connection.commit();
      return built;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * The smallest chunk of rows resolved as one task, and how often the reader hands rows over
   * (tests make it small to cover many chunks on little data).
   */
  int chunkRows = 65_536;
  /** Identities from which the graph may be sorted rather than grouped (see {@link Source}). */
  long estimateFromIdentities = ESTIMATE_FROM_IDENTITIES;

  /**
   * Up to this many classes, their names are read from their first rows, past it by grouping all
   * events (see classes; tests set 0 to cover the grouping).
   */
  int classesBySeq = 4096;

  /** Test hook: buckets of customers this many bits wide instead of {@link #bucketShift}. */
  int bucketShiftForTests = -1;

  /** Test hook: runs on the dictionary's own connection before it starts its transaction. */
  Runnable beforeDictionary = () -> { };

  private Built buildInTransaction() throws SQLException {
    long maxSeq;
    int rows;
    try (PreparedStatement s = connection.prepareStatement(MAX); ResultSet r = s.executeQuery()) {
      r.next();
      maxSeq = r.getLong(1);
      long count = r.getLong(2);
      if (count > Integer.MAX_VALUE - 16) {
        throw new ItineraException(ErrorCode.OVERLOADED, null, "the events table has " + count
            + " rows; one in-memory index holds at most " + (Integer.MAX_VALUE - 16));
      }
      rows = (int) count;
    }
    phase("count");
    Connection side = sideConnection();
    Future<Dictionary> concurrent = null;
    Resolution resolution = new Resolution(rows);
    Raw raw;
    Dictionary dictionary;
    Classes classes;
    try {
      if (side != null) {
        concurrent = pool.submit(() -> {
          try (Connection c = side) {
            beforeDictionary.run();
            c.setAutoCommit(false);
            Dictionary d = new Dictionary(c, maxSeq, Source.choose(c, rows,
                estimateFromIdentities));
            c.commit();
            return d;
          }
        });
      }
      raw = read(maxSeq, rows, resolution, concurrent);
      phase("events");
      classes = classes(raw, maxSeq);
      phase("classes");
      dictionary = concurrent == null ? new Dictionary(connection, maxSeq, Source.EVENTS)
          : join(concurrent);
      concurrent = null;
      phases.put(dictionary.source.phase, dictionary.customersMs);
      phase("dictionary wait");
      resolution.finish(raw, dictionary);
    } finally {
      if (concurrent != null) {
        // the build failed: closing the connection interrupts the dictionary's query, if running
        try {
          side.close();
        } catch (SQLException e) {
          // the build is failing for another reason already
        }
        awaitQuietly(concurrent);
      }
      resolution.awaitQuietly();
    }
    phase("resolve (rest)");
    Staging staging = place(raw, resolution, classes);
    if (staging == null) {
      // The dictionary lacks a customer the events have: it came from the identities, which did
      // not name every customer, or from another snapshot than the events (an identity merge
      // committed in between). Group the events in this transaction, which must match.
      if (side == null) {
        throw changedDuringBuild();
      }
      phase("place (mismatch)");
      dictionary = new Dictionary(connection, maxSeq, Source.EVENTS);
      phase("dictionary again");
      resolution = new Resolution(rows);
      resolution.finish(raw, dictionary);
      staging = place(raw, resolution, classes);
      if (staging == null) {
        throw changedDuringBuild();
      }
    }
    phase(staging.customers == dictionary.customers ? "place"
        : "place (customers without events dropped)");
    // Only the staging is needed from here on: the rows as read, the resolution and the customer
    // map (about 4 GB at 100M events) can go before encoding allocates the segment.
    raw = null;
    resolution = null;
    dictionary = null;
    int customers = staging.customers.count();
    BaseSegment encoded = encode(staging, customers, classes.vocabulary.classCount(), maxSeq);
    phase("sort+encode");
    BaseSegment base = encoded.withMeasures(measures(staging));
    phase("numeric fields");
    Snapshot snapshot = new Snapshot(classes.vocabulary.build(), staging.customers, base,
        Tail.EMPTY, maxSeq);
    return new Built(snapshot, classes.vocabulary, new LinkedHashMap<>(phases));
  }

  /**
   * Resolves the rows' hashes in fixed chunks of rows on the pool, each as soon as its rows are
   * read and the dictionary is there: the dictionary, read concurrently, usually arrives while the
   * events still stream, and the core it leaves idle resolves the rows read so far. Each chunk
   * counts its rows per bucket of customers ({@link #bucketShift}), so that placing them runs by
   * chunk in parallel too (chunk k's rows of a bucket go after chunks 0..k-1's: rows stay in
   * arrival order within a customer whatever the number of threads).
   */
  private final class Resolution {
    /** Chunk k holds rows [bounds[k], bounds[k + 1]). */
    final int[] bounds;
    final List<Future<Long>> futures = new ArrayList<>();
    final AtomicBoolean unresolved = new AtomicBoolean();
    Dictionary dictionary;
    int submitted;
    int[] ord;
    /** Per chunk, its rows in each bucket of customers. */
    int[][] counts;
    /** Customer ordinal to bucket: {@code ordinal >>> bucketShift}. */
    int bucketShift;
    int buckets;
    /** Scratch space for resolve, then for placing's first pass. */
    long[] keys;
    int[] scratchRows;
    long minTs = Long.MAX_VALUE;

    Resolution(int rows) {
      int chunks = Math.max(1, Math.min(2 * threads, rows / chunkRows));
      bounds = new int[chunks + 1];
      for (int k = 0; k <= chunks; k++) {
        bounds[k] = (int) ((long) rows * k / chunks);
      }
    }

    /** Called as rows arrive: starts the chunks read in full once the dictionary is there. */
    void rowsRead(Raw raw, int n, Future<Dictionary> pending) {
      if (dictionary == null) {
        if (pending == null || !pending.isDone()) {
          return;
        }
        start(join(pending));
      }
      while (submitted < bounds.length - 1 && bounds[submitted + 1] <= n) {
        submit(raw, bounds[submitted], bounds[submitted + 1]);
      }
    }

    /** Starts the remaining chunks (the last ends at the rows read) and waits for all. */
    void finish(Raw raw, Dictionary d) {
      if (dictionary == null) {
        start(d);
      }
      bounds[bounds.length - 1] = raw.rows;
      while (submitted < bounds.length - 1) {
        submit(raw, Math.min(bounds[submitted], raw.rows), Math.min(bounds[submitted + 1],
            raw.rows));
      }
      for (Future<Long> f : futures) {
        minTs = Math.min(minTs, join(f));
      }
    }

    void awaitQuietly() {
      for (Future<Long> f : futures) {
        IndexBuilder.awaitQuietly(f);
      }
    }

    private void start(Dictionary d) {
      dictionary = d;
      int capacity = bounds[bounds.length - 1];
      ord = new int[capacity];
      keys = new long[capacity];
      scratchRows = new int[capacity];
      counts = new int[bounds.length - 1][];
      int customers = d.customers.count();
      bucketShift = bucketShiftForTests >= 0 ? bucketShiftForTests : bucketShift(customers);
      buckets = (int) (((long) customers + (1L << bucketShift) - 1) >>> bucketShift);
    }

    private void submit(Raw raw, int from, int to) {
      int k = submitted++;
      int[] count = counts[k] = new int[buckets];
      Dictionary d = dictionary;
      int shift = bucketShift;
      futures.add(pool.submit(() -> resolve(raw, from, to, d, ord, count, shift, unresolved,
          keys, scratchRows)));
    }
  }

  /** A second connection to the same database, or null where the driver offers none. */
  private Connection sideConnection() throws SQLException {
    if (!connection.isWrapperFor(DuckDBConnection.class)) {
      return null;
    }
    return connection.unwrap(DuckDBConnection.class).duplicate();
  }

  /**
   * Where the customers come from. Grouping the events is always right; the identity graph is
   * cheaper where the writers keep one (see the class notes). Its customers are grouped, or only
   * sorted with the duplicates skipped as they arrive: at 10M customers with one identity each,
   * sorting took 4.5–4.8 s of CPU against 8.1–8.8 s for grouping and sorting, and with two
   * identities each still 9.4–9.6 s against 10.8–11.2 s (the duplicates cross JDBC, at about 0.25
   * µs a row). So the graph is sorted below two identities a customer, estimated with DuckDB's
   * HyperLogLog sketch ({@code approx_count_distinct}, about 0.6 s of CPU at 10M identities).
   */
  enum Source {
    EVENTS("customers (concurrent)"),
    IDENTITIES_GROUPED("customers from identities (concurrent)"),
    IDENTITIES_SORTED("customers from sorted identities (concurrent)");

    final String phase;

    Source(String phase) {
      this.phase = phase;
    }

    /**
     * The cheaper source for a build of {@code events} rows: the identities when there are some
     * and fewer than the events (a store whose graph holds more identities than it has events,
     * say from a bulk load of profiles, is grouped by its events instead).
     */
    static Source choose(Connection c, int events, long estimateFrom) throws SQLException {
      long identities = scalar(c, "SELECT count(*) FROM identities");
      if (identities == 0 || identities >= events) {
        return EVENTS;
      }
      if (identities < estimateFrom) {
        return IDENTITIES_GROUPED;
      }
      long customers = scalar(c, "SELECT approx_count_distinct(customer_id) FROM identities");
      return identities < SORT_BELOW_IDENTITIES_PER_CUSTOMER * customers ? IDENTITIES_SORTED
          : IDENTITIES_GROUPED;
    }

    private static long scalar(Connection c, String sql) throws SQLException {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * The customers in id order and the map from their hashes to ordinals: those of the events at or
   * below the build's seq, or, cheaper, those the identities name (see the class notes).
   */
  private static final class Dictionary {
    final Customers customers;
    final LongIntMap customerOf;
    final long customersMs;
    final Source source;

    Dictionary(Connection c, long maxSeq, Source source) throws SQLException {
      long t0 = System.nanoTime();
      this.source = source;
      Customers.Builder ids = new Customers.Builder();
      long[] hashes = new long[1 << 16];
      int n = 0;
      byte[] previous = null;
      try (PreparedStatement s = c.prepareStatement(switch (source) {
        case EVENTS -> CUSTOMERS_OF_EVENTS;
        case IDENTITIES_GROUPED -> CUSTOMERS_OF_IDENTITIES;
        case IDENTITIES_SORTED -> SORTED_IDENTITIES;
      })) {
        if (source == Source.EVENTS) {
          s.setLong(1, maxSeq);
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            byte[] id = r.getBytes(1);
            if (source == Source.IDENTITIES_SORTED && Arrays.equals(id, previous)) {
              continue; // another identity of the same customer
            }
            previous = id;
            if (!ids.add(id)) {
              throw new ItineraException(ErrorCode.INTERNAL, null, "DuckDB returned customer id '"
                  + new String(id, StandardCharsets.UTF_8) + "' out of UTF-8 byte order");
            }
            if (n == hashes.length) {
              hashes = Arrays.copyOf(hashes, n * 2);
            }
            hashes[n++] = r.getLong(2);
          }
        }
      }
      customers = ids.build();
      // sized once the count is known: growing a map this size rehashes it several times
      customerOf = new LongIntMap(n);
      for (int o = 0; o < n; o++) {
        if (!customerOf.putIfAbsent(hashes[o], o)) {
          throw new ItineraException(ErrorCode.INTERNAL, null, "customer ids '"
              + customers.id(o) + "' and another share a 64-bit hash; the index cannot tell "
              + "them apart");
        }
      }
      customersMs = (System.nanoTime() - t0) / 1_000_000;
    }
  }

  /** The event classes: the vocabulary, and each provisional class's ordinal in it. */
  private record Classes(Vocabulary.Builder vocabulary, int[] ordinalOf) {}

  /**
   * Names the classes the reader met. It numbered them as they came and kept the seq of the first
   * row of each, so a handful of rows, read by seq in this same transaction, give their type, name
   * and channel: no second pass over every event, as a {@code GROUP BY type, name, channel} takes
   * (about 0.4 s of CPU at 10M events). Past {@link #classesBySeq} classes that grouping query is
   * used instead. Classes are numbered in (type, name, channel) order, UTF-8 byte order with
   * nulls last, as DuckDB's {@code ORDER BY} sorts them, so a build's numbering depends only on the
   * classes.
   */
  private Classes classes(Raw raw, long maxSeq) throws SQLException {
    int n = raw.classes;
    String[][] names = new String[n][];
    String sql;
    boolean bySeq = n <= classesBySeq;
    if (bySeq) {
      StringBuilder in = new StringBuilder();
      for (int c = 0; c < n; c++) {
        in.append(c == 0 ? "" : ", ").append(raw.classFirstSeq[c]);
      }
      sql = "SELECT type, name, channel, " + CLASS_HASH + " FROM events WHERE seq IN ("
          + (n == 0 ? "NULL" : in) + ") AND seq <= ?";
    } else {
      sql = CLASSES;
    }
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, maxSeq);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int c = raw.classSeen.get(r.getLong(4));
          if (c >= 0 && names[c] != null && !bySeq) {
            throw new ItineraException(ErrorCode.INTERNAL, null, "two event classes share a hash");
          }
          if (c < 0 || names[c] != null) {
            continue; // another row with a first row's seq
          }
          names[c] = new String[] {r.getString(1), r.getString(2), r.getString(3)};
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int c = 0; c < n; c++) {
      if (names[c] == null) {
        throw changedDuringBuild();
      }
      order[c] = c;
    }
    Arrays.sort(order, (x, y) -> compareClasses(names[x], names[y]));
    Vocabulary.Builder vocabulary = Vocabulary.builder();
    int[] ordinalOf = new int[n];
    for (int c : order) {
      ordinalOf[c] = vocabulary.classOf(names[c][0], names[c][1], names[c][2]);
    }
    return new Classes(vocabulary, ordinalOf);
  }

  private static int compareClasses(String[] x, String[] y) {
    for (int f = 0; f < 3; f++) {
      if (x[f] == null || y[f] == null) {
        if (x[f] != y[f]) {
          return x[f] == null ? 1 : -1;
        }
        continue;
      }
      int c = Arrays.compareUnsigned(x[f].getBytes(StandardCharsets.UTF_8),
          y[f].getBytes(StandardCharsets.UTF_8));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * Events sorted by customer, time and seq, before encoding; {@code ref[p]} is the row of the
   * numeric fields of position p in {@code values}, or -1.
   */
  private static final class Staging {
    /** The dictionary's customers, less any without events. */
    Customers customers;
    int[] start;
    long[] ts;
    long[] seq;
    int[] cls;
    int[] ref;
    double[][] values;
    long minTs = Long.MAX_VALUE;
  }

  /** The events query's rows as read, before customers and classes are resolved. */
  private static final class Raw {
    final long[] customerHash;
    final long[] ts;
    final long[] seq;
    /** Each row's class, numbered as the reader met them. */
    final int[] cls;
    /** Class hash to that number. */
    final LongIntMap classSeen = new LongIntMap(64);
    /** The seq of each class's first row. */
    long[] classFirstSeq = new long[64];
    int classes;
    final int[] ref;
    double[][] values = new double[3][1024];
    int rows;
    int measured;

    Raw(int capacity) {
      customerHash = new long[capacity];
      ts = new long[capacity];
      seq = new long[capacity];
      cls = new int[capacity];
      ref = new int[capacity];
    }
  }

  /**
   * Buckets of customers hold {@code 2^shift} consecutive ordinals, at most {@value #MAX_BUCKETS}
   * buckets and at least {@value #MIN_BUCKET_SHIFT} bits wide: few enough that placing the rows by
   * bucket writes to few places at once, small enough that one bucket's customers and rows stay in
   * a core's caches while they are placed.
   */
  static int bucketShift(int customers) {
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, customers - 1));
    return Math.max(MIN_BUCKET_SHIFT, bits - Integer.numberOfTrailingZeros(MAX_BUCKETS));
  }

  /**
   * Places the resolved rows in customer order, stable in arrival order. Returns null when the
   * dictionary lacks a customer of these rows. Customers of the dictionary without events here (the
   * identities name customers whose events are later than the build's seq, or were written in
   * another snapshot) are dropped and the rest renumbered.
   *
   * <p>Two passes, not one counting sort's scatter: where customers arrive in random order, as in a
   * live store, a scatter straight to each row's final position writes each row, and bumps its
   * customer's next position, at a random place of arrays far larger than the caches, and so did
   * the per-customer counts it needed. The first pass moves each chunk's rows, with their
   * ordinals, to their bucket of customers (a few hundred places written in sequence); the second,
   * bucket by bucket, counts the bucket's customers and places its rows, all within a range that
   * stays in the caches. One 25M-row chunk with 10M customers, one thread: 1.2 to 1.5 s against
   * 3.8 to 4.4 s; 10M events in shuffled arrival order: 237 to 265 ms against 543 to 568 ms.
   */
  private Staging place(Raw raw, Resolution res, Classes classes) {
    if (res.unresolved.get()) {
      return null;
    }
    int n = raw.rows;
    int customers = res.dictionary.customers.count();
    int[][] counts = res.counts;
    int buckets = res.buckets;
    int shift = res.bucketShift;
    int[] bucketStart = new int[buckets + 1];
    int at = 0;
    for (int b = 0; b < buckets; b++) {
      bucketStart[b] = at;
      for (int[] count : counts) {
        int k = count[b];
        count[b] = at; // chunk k's next position in bucket b
        at += k;
      }
    }
    bucketStart[buckets] = at;
    // pass 1: by bucket, into the resolution's scratch space, the customer hashes (dead since the
    // resolve) and two new arrays
    int[] byOrd = res.scratchRows.length == n ? res.scratchRows : new int[n];
    long[] byTs = res.keys.length == n ? res.keys : new long[n];
    long[] bySeq = raw.customerHash.length == n ? raw.customerHash : new long[n];
    int[] byCls = new int[n];
    int[] byRef = new int[n];
    int[] ord = res.ord;
    int[] ordinalOf = classes.ordinalOf;
    List<Future<Long>> tasks = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      int from = Math.min(res.bounds[k], n);
      int to = Math.min(res.bounds[k + 1], n);
      int[] next = counts[k];
      tasks.add(pool.submit(() -> {
        for (int i = from; i < to; i++) {
          int o = ord[i];
          int q = next[o >>> shift]++;
          byOrd[q] = o;
          byTs[q] = raw.ts[i];
          bySeq[q] = raw.seq[i];
          byCls[q] = ordinalOf[raw.cls[i]];
          byRef[q] = raw.ref[i];
        }
        return 0L;
      }));
    }
    joinAll(tasks);
    // pass 2: each bucket's rows to their final positions, into the rows as read (dead now)
    Staging out = new Staging();
    out.ts = raw.ts.length == n ? raw.ts : new long[n];
    out.seq = raw.seq.length == n ? raw.seq : new long[n];
    out.cls = raw.cls.length == n ? raw.cls : new int[n];
    out.ref = raw.ref.length == n ? raw.ref : new int[n];
    out.values = raw.values;
    int[] rowsOf = new int[customers];
    int width = 1 << shift;
    int workers = Math.min(threads, buckets);
    for (int w = 0; w < workers; w++) {
      int first = w;
      tasks.add(pool.submit(() -> {
        int[] local = new int[width];
        for (int b = first; b < buckets; b += workers) {
          int c0 = b << shift;
          int c1 = (int) Math.min(customers, (long) c0 + width);
          Arrays.fill(local, 0, c1 - c0, 0);
          int from = bucketStart[b];
          int to = bucketStart[b + 1];
          for (int q = from; q < to; q++) {
            local[byOrd[q] - c0]++;
          }
          int p = from;
          for (int c = 0; c < c1 - c0; c++) {
            int k = local[c];
            rowsOf[c0 + c] = k;
            local[c] = p;
            p += k;
          }
          for (int q = from; q < to; q++) {
            int pos = local[byOrd[q] - c0]++;
            out.ts[pos] = byTs[q];
            out.seq[pos] = bySeq[q];
            out.cls[pos] = byCls[q];
            out.ref[pos] = byRef[q];
          }
        }
        return 0L;
      }));
    }
    joinAll(tasks);
    int[] start = new int[customers + 1];
    at = 0;
    int kept = 0;
    BitSet keep = null;
    for (int c = 0; c < customers; c++) {
      if (rowsOf[c] == 0) {
        if (keep == null) {
          keep = new BitSet(customers);
          keep.set(0, c);
        }
        continue;
      }
      if (keep != null) {
        keep.set(c);
      }
      start[kept++] = at;
      at += rowsOf[c];
    }
    start[kept] = at;
    out.customers = res.dictionary.customers;
    if (keep != null) {
      out.customers = out.customers.retain(keep);
      start = Arrays.copyOf(start, kept + 1);
    }
    out.minTs = res.minTs;
    out.start = start;
    return out;
  }

  /** Waits for every task, then empties the list. */
  private static void joinAll(List<Future<Long>> tasks) {
    for (Future<Long> f : tasks) {
      join(f);
    }
    tasks.clear();
  }

  /**
   * Reads all the events in one streamed query through DuckDB's data-chunk interface: DuckDB
   * computes each chunk of 2048 rows as it is fetched (memory stays flat), and the reader takes the
   * values straight from the chunk's vectors. The JDBC {@code ResultSet} it replaces costs about 13
   * ns a value in per-call overhead: at 10M events the same query took 1.6 s that way against 0.9
   * s by chunks (process CPU, one probe). A numeric field is present where its vector's validity
   * says so, so the query needs no presence mask either.
   */
  private Raw read(long maxSeq, int rows, Resolution resolution, Future<Dictionary> dictionary)
      throws SQLException {
    Raw raw = new Raw(rows);
    try (DuckDBPreparedStatement s =
        connection.prepareStatement(EVENTS).unwrap(DuckDBPreparedStatement.class)) {
      s.setLong(1, maxSeq);
      try (DuckDBChunkedResult r = s.query()) {
        consume(r, raw, rows, resolution, dictionary);
      }
    }
    return raw;
  }

  /**
   * Reads the rows into raw, at most {@code rows} of them (the count in this transaction), and
   * hands each chunk of rows to the resolution once read.
   */
  private void consume(DuckDBChunkedResult r, Raw raw, int rows, Resolution resolution,
      Future<Dictionary> dictionary) throws SQLException {
    int n = 0;
    int check = chunkRows;
    while (r.nextChunk()) {
      DuckDBDataChunkReader chunk = r.chunk();
      int size = (int) chunk.rowCount();
      if (size > rows - n) {
        throw changedDuringBuild();
      }
      DuckDBReadableVector customer = chunk.vector(0);
      DuckDBReadableVector ts = chunk.vector(1);
      DuckDBReadableVector seqs = chunk.vector(2);
      DuckDBReadableVector classes = chunk.vector(3);
      DuckDBReadableVector[] fields = {chunk.vector(4), chunk.vector(5), chunk.vector(6)};
      for (int i = 0; i < size; i++, n++) {
        raw.customerHash[n] = customer.getLong(i);
        raw.ts[n] = ts.getLong(i);
        long seq = seqs.getLong(i);
        raw.seq[n] = seq;
        long classHash = classes.getLong(i);
        int cls = raw.classSeen.get(classHash);
        if (cls < 0) {
          cls = raw.classes++;
          raw.classSeen.putIfAbsent(classHash, cls);
          if (cls == raw.classFirstSeq.length) {
            raw.classFirstSeq = Arrays.copyOf(raw.classFirstSeq, cls * 2);
          }
          raw.classFirstSeq[cls] = seq;
        }
        raw.cls[n] = cls;
        raw.ref[n] = -1;
        for (int f = 0; f < 3; f++) {
          if (!fields[f].isNull(i)) {
            raw.ref[n] = measured(raw, fields, i);
            break;
          }
        }
      }
      if (n >= check) {
        check = n + chunkRows;
        raw.rows = n;
        resolution.rowsRead(raw, n, dictionary);
      }
    }
    raw.rows = n;
  }

  /** Stores row {@code i}'s numeric fields (NaN where absent); returns their slot. */
  private static int measured(Raw raw, DuckDBReadableVector[] fields, int i) {
    int m = raw.measured++;
    if (m == raw.values[0].length) {
      for (int f = 0; f < 3; f++) {
        raw.values[f] = Arrays.copyOf(raw.values[f], m * 2);
      }
    }
    for (int f = 0; f < 3; f++) {
      raw.values[f][m] = fields[f].isNull(i) ? Double.NaN : fields[f].getDouble(i);
    }
    return m;
  }

  /**
   * Maps rows [from, to) to customer ordinals, counting rows per bucket of customers; returns
   * their smallest time, or stops early and sets {@code unresolved} at a hash the dictionary lacks.
   * The customer map (32 MiB at a million customers) is far larger than the caches, so looking the
   * rows up in arrival order costs a cache and TLB miss each; instead the rows' hashes are first
   * grouped by the part of the table they probe (a counting sort into {@code keys} and {@code
   * rows}, scratch space of the range's size), so that each part is read while it sits in the
   * cache: half the CPU time of the direct lookups in a 10M-row probe.
   */
  private static long resolve(Raw raw, int from, int to, Dictionary d, int[] ord, int[] count,
      int shift, AtomicBoolean unresolved, long[] keys, int[] rows) {
    LongIntMap customerOf = d.customerOf;
    int bits = customerOf.regionBits();
    int[] next = new int[(1 << bits) + 1];
    next[0] = from;
    long minTs = Long.MAX_VALUE;
    for (int i = from; i < to; i++) {
      minTs = Math.min(minTs, raw.ts[i]);
      next[customerOf.region(raw.customerHash[i], bits) + 1]++;
    }
    for (int b = 0; b < 1 << bits; b++) {
      next[b + 1] += next[b];
    }
    for (int i = from; i < to; i++) {
      long key = raw.customerHash[i];
      int p = next[customerOf.region(key, bits)]++;
      keys[p] = key;
      rows[p] = i;
    }
    for (int p = from; p < to; p++) {
      int o = customerOf.get(keys[p]);
      if (o < 0) {
        unresolved.set(true);
        return minTs;
      }
      ord[rows[p]] = o;
      count[o >>> shift]++;
    }
    return minTs;
  }

  private static ItineraException changedDuringBuild() {
    return new ItineraException(ErrorCode.INTERNAL, null, "the events table changed during the "
        + "index build's read transaction");
  }

  /**
   * The numeric fields by final position, once the staged events are sorted; in parallel over
   * position ranges (reading the values by reference is a random access per present row).
   */
  private Measures measures(Staging st) {
    int events = st.ref.length;
    int chunks = Math.max(1, Math.min(threads, events / chunkRows));
    int[] bounds = new int[chunks + 1];
    for (int k = 0; k <= chunks; k++) {
      bounds[k] = (int) ((long) events * k / chunks);
    }
    List<Future<Long>> counted = new ArrayList<>();
    for (int k = 0; k < chunks; k++) {
      int from = bounds[k];
      int to = bounds[k + 1];
      counted.add(pool.submit(() -> {
        long n = 0;
        for (int p = from; p < to; p++) {
          n += st.ref[p] >= 0 ? 1 : 0;
        }
        return n;
      }));
    }
    int[] firstOut = new int[chunks + 1];
    for (int k = 0; k < chunks; k++) {
      firstOut[k + 1] = firstOut[k] + (int) (long) join(counted.get(k));
    }
    int n = firstOut[chunks];
    int[] positions = new int[n];
    double[][] values = new double[3][n];
    List<Future<Long>> filled = new ArrayList<>();
    for (int k = 0; k < chunks; k++) {
      int from = bounds[k];
      int to = bounds[k + 1];
      int start = firstOut[k];
      filled.add(pool.submit(() -> {
        int out = start;
        for (int p = from; p < to; p++) {
          int r = st.ref[p];
          if (r >= 0) {
            positions[out] = p;
            for (int f = 0; f < 3; f++) {
              values[f][out] = st.values[f][r];
            }
            out++;
          }
        }
        return 0L;
      }));
    }
    for (Future<Long> f : filled) {
      join(f);
    }
    return Measures.of(events, positions, values);
  }

  private BaseSegment encode(Staging st, int customers, int classes, long maxSeq) {
    int n = st.ts.length;
    long epochMs = n == 0 ? 0 : Math.floorDiv(st.minTs, 1000) * 1000;
    boolean narrow = classes < BaseSegment.WIDE8;
    byte[] cls8 = narrow ? new byte[n] : null;
    char[] cls16 = narrow ? null : new char[n];
    int[] offsets = new int[n];
    int[] baseSec = new int[customers];
    int chunks = Math.max(1, Math.min(customers, threads * 4));
    List<Future<Extras>> futures = new ArrayList<>();
    for (int k = 0; k < chunks; k++) {
      int from = (int) ((long) customers * k / chunks);
      int to = (int) ((long) customers * (k + 1) / chunks);
      futures.add(pool.submit(() -> encodeRange(st, from, to, epochMs, cls8, cls16, offsets,
          baseSec)));
    }
    Extras all = new Extras();
    for (Future<Extras> f : futures) {
      all.addAll(join(f));
    }
    return new BaseSegment(customers, st.start, baseSec, epochMs, cls8, cls16, offsets,
        all.wide.positions(), all.wide.ints(), all.anchors.positions(), all.anchors.longs(),
        all.ties.positions(), all.ties.longs(), Measures.NONE, maxSeq);
  }

  /** Sparse side tables collected while encoding a customer range. */
  private static final class Extras {
    final Sparse wide = new Sparse();
    final Sparse anchors = new Sparse();
    final Sparse ties = new Sparse();

    void addAll(Extras o) {
      wide.addAll(o.wide);
      anchors.addAll(o.anchors);
      ties.addAll(o.ties);
    }
  }

  private static Extras encodeRange(Staging st, int from, int to, long epochMs, byte[] cls8,
      char[] cls16, int[] offsets, int[] baseSec) {
    Extras x = new Extras();
    for (int c = from; c < to; c++) {
      sortCustomer(st, c);
      int a = st.start[c];
      int b = st.start[c + 1];
      if (a == b) {
        continue;
      }
      long sec = (st.ts[a] - epochMs) / 1000;
      baseSec[c] = (int) Math.min(sec, Integer.MAX_VALUE);
      long anchor = epochMs + baseSec[c] * 1000L;
      for (int p = a; p < b; p++) {
        long d = st.ts[p] - anchor;
        if (d > BaseSegment.MAX_OFFSET) { // a new anchor: this event's own time
          anchor = st.ts[p];
          d = 0;
          x.anchors.add(p, anchor);
        }
        offsets[p] = (int) d;
        int k = st.cls[p];
        int marker = cls8 != null ? BaseSegment.WIDE8 : BaseSegment.WIDE16;
        if (k >= marker) {
          x.wide.add(p, k);
          k = marker;
        }
        if (cls8 != null) {
          cls8[p] = (byte) k;
        } else {
          cls16[p] = (char) k;
        }
        boolean tiesPrevious = p > a && st.ts[p] == st.ts[p - 1];
        boolean tiesNext = p + 1 < b && st.ts[p] == st.ts[p + 1];
        if (tiesPrevious || tiesNext) {
          x.ties.add(p, st.seq[p]);
        }
      }
    }
    return x;
  }

  /** Sorts one customer's staged events by (ts, seq) unless they already are. */
  private static void sortCustomer(Staging st, int c) {
    int a = st.start[c];
    int b = st.start[c + 1];
    boolean sorted = true;
    for (int p = a + 1; p < b && sorted; p++) {
      sorted = before(st, p - 1, p);
    }
    if (sorted) {
      return;
    }
    if (b - a <= 64) {
      for (int p = a + 1; p < b; p++) { // insertion sort: few events, nearly in order
        long ts = st.ts[p];
        long seq = st.seq[p];
        int cls = st.cls[p];
        int ref = st.ref[p];
        int q = p - 1;
        while (q >= a && (st.ts[q] > ts || (st.ts[q] == ts && st.seq[q] > seq))) {
          move(st, q, q + 1);
          q--;
        }
        st.ts[q + 1] = ts;
        st.seq[q + 1] = seq;
        st.cls[q + 1] = cls;
        st.ref[q + 1] = ref;
      }
      return;
    }
    Integer[] order = new Integer[b - a];
    for (int i = 0; i < order.length; i++) {
      order[i] = a + i;
    }
    Arrays.sort(order, (x, y) -> st.ts[x] != st.ts[y] ? Long.compare(st.ts[x], st.ts[y])
        : Long.compare(st.seq[x], st.seq[y]));
    long[] ts = new long[order.length];
    long[] seq = new long[order.length];
    int[] cls = new int[order.length];
    int[] ref = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      ts[i] = st.ts[order[i]];
      seq[i] = st.seq[order[i]];
      cls[i] = st.cls[order[i]];
      ref[i] = st.ref[order[i]];
    }
    System.arraycopy(ts, 0, st.ts, a, ts.length);
    System.arraycopy(seq, 0, st.seq, a, seq.length);
    System.arraycopy(cls, 0, st.cls, a, cls.length);
    System.arraycopy(ref, 0, st.ref, a, ref.length);
  }

  private static void move(Staging st, int from, int to) {
    st.ts[to] = st.ts[from];
    st.seq[to] = st.seq[from];
    st.cls[to] = st.cls[from];
    st.ref[to] = st.ref[from];
  }

  private static boolean before(Staging st, int x, int y) {
    return st.ts[x] < st.ts[y] || (st.ts[x] == st.ts[y] && st.seq[x] < st.seq[y]);
  }

  /** Waits for a task that is no longer wanted, so that its connection is closed before return. */
  private static void awaitQuietly(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the build is failing for another reason already
    }
  }

  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItineraException(ErrorCode.INTERNAL, null, "index build interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new ItineraException(ErrorCode.INTERNAL, null, "index build failed", e.getCause());
    }
  }
}
