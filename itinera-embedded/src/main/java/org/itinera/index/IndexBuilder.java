package org.itinera.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.sequence.Vocabulary;

/**
 * Builds a base segment from the {@code events} table.
 *
 * <p>Design notes. Moving strings through JDBC one row at a time is what makes a naive load slow,
 * so the bulk query sends only numbers: {@code hash(customer_id)}, {@code epoch_ms(ts)}, {@code
 * seq} and {@code hash(type, name, channel)} (hashes cut to 63 bits: DuckDB's are unsigned, which
 * its JDBC driver returns through BigInteger). The two small dictionaries (distinct customers in
 * id order, distinct classes) come first and are turned into hash-to-ordinal maps; a 64-bit
 * collision between two distinct customer ids (about one chance in 10^8 at a million customers) is
 * detected and reported rather than silently merging them. All queries run in one read
 * transaction, so they see the same snapshot even while ingestion continues.
 *
 * <p>Rows arrive in storage order. Their hashes are resolved to ordinals in parallel over row
 * ranges, a counting sort by customer ordinal places them, and each customer's few events are then
 * sorted by time and seq in place (usually already in order) and encoded, in parallel over
 * customer ranges. The numeric fields, which few events carry, come in the same query: a bit mask
 * says which are present, so only those doubles are read, and each present row is followed
 * through the sort by a reference.
 */
final class IndexBuilder {
  private static final String MAX = "SELECT coalesce(max(seq), -1), count(*) FROM events";
  /** The driver's streaming setting, which exists only once it has been set. */
  private static final String STREAMING = "SELECT coalesce(max(value = 'true'), false) "
      + "FROM duckdb_settings() WHERE name = 'jdbc_stream_results'";
  /** DuckDB's hash is an unsigned 64-bit; 63 bits as a BIGINT avoid BigInteger in JDBC. */
  private static final String CUSTOMER_HASH = "(hash(customer_id) & 9223372036854775807)::BIGINT";
  private static final String CLASS_HASH =
      "(hash(type, name, channel) & 9223372036854775807)::BIGINT";
  private static final String CUSTOMERS = "SELECT customer_id, " + CUSTOMER_HASH + " FROM events "
      + "WHERE seq <= ? GROUP BY customer_id ORDER BY customer_id";
  private static final String CLASSES = "SELECT type, name, channel, " + CLASS_HASH
      + " FROM events WHERE seq <= ? GROUP BY type, name, channel ORDER BY type, name, channel";
  /**
   * Every event as numbers, plus a bit mask of which numeric fields it carries (1 sentiment, 2
   * rating, 4 revenue) so that the doubles are read only where present.
   */
  private static final String EVENTS = "SELECT " + CUSTOMER_HASH + ", epoch_ms(ts), seq, "
      + CLASS_HASH + ", (sentiment IS NOT NULL)::INTEGER + 2 * (rating IS NOT NULL)::INTEGER "
      + "+ 4 * (revenue IS NOT NULL)::INTEGER, sentiment, rating, revenue FROM events "
      + "WHERE seq <= ?";

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
    List<String> ids = new ArrayList<>();
    LongIntMap customerOf = new LongIntMap(1024);
    try (PreparedStatement s = connection.prepareStatement(CUSTOMERS)) {
      s.setLong(1, maxSeq);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String id = r.getString(1);
          if (!customerOf.putIfAbsent(r.getLong(2), ids.size())) {
            throw new ItineraException(ErrorCode.INTERNAL, null, "customer ids '" + id
                + "' and another share a 64-bit hash; the index cannot tell them apart");
          }
          ids.add(id);
        }
      }
    }
    phase("customers");
    Vocabulary.Builder vocabulary = Vocabulary.builder();
    LongIntMap classOf = new LongIntMap(64);
    try (PreparedStatement s = connection.prepareStatement(CLASSES)) {
      s.setLong(1, maxSeq);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int cls = vocabulary.classOf(r.getString(1), r.getString(2), r.getString(3));
          if (!classOf.putIfAbsent(r.getLong(4), cls)) {
            throw new ItineraException(ErrorCode.INTERNAL, null, "two event classes share a hash");
          }
        }
      }
    }
    phase("classes");
    int customers = ids.size();
    Staging staging = fetchEvents(maxSeq, rows, customerOf, classOf, customers);
    phase("place");
    BaseSegment encoded = encode(staging, customers, vocabulary.classCount(), maxSeq);
    phase("sort+encode");
    BaseSegment base = encoded.withMeasures(measures(staging));
    phase("numeric fields");
    Snapshot snapshot = new Snapshot(vocabulary.build(), Customers.ofSorted(ids.toArray(
        new String[0])), base, Tail.EMPTY, maxSeq);
    phase("directory");
    return new Built(snapshot, vocabulary, new LinkedHashMap<>(phases));
  }

  /**
   * Events sorted by customer, time and seq, before encoding; {@code ref[p]} is the row of the
   * numeric fields of position p in {@code values}, or -1.
   */
  private static final class Staging {
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
    final long[] classHash;
    final int[] ref;
    double[][] values = new double[3][1024];
    int rows;
    int measured;

    Raw(int capacity) {
      customerHash = new long[capacity];
      ts = new long[capacity];
      seq = new long[capacity];
      classHash = new long[capacity];
      ref = new int[capacity];
    }
  }

  /**
   * Reads the events (one pass over JDBC, numbers only), resolves customer and class hashes to
   * ordinals in parallel over row ranges (the customer map is far larger than the caches, so those
   * lookups are memory-bound and gain from a second core), then places rows by a counting sort on
   * the customer ordinal.
   */
  private Staging fetchEvents(long maxSeq, int rows, LongIntMap customerOf, LongIntMap classOf,
      int customers) throws SQLException {
    Raw raw = read(maxSeq, rows);
    phase("events");
    int n = raw.rows;
    int[] ord = new int[n];
    int[] cls = new int[n];
    // One row range per thread, each with its own count per customer, so that the counting sort's
    // scatter can run in parallel too: range k's rows of customer c go after ranges 0..k-1's.
    int chunks = n < 65_536 ? 1 : threads;
    int[][] counts = new int[chunks][];
    List<Future<Long>> futures = new ArrayList<>();
    for (int k = 0; k < chunks; k++) {
      int from = (int) ((long) n * k / chunks);
      int to = (int) ((long) n * (k + 1) / chunks);
      int[] count = counts[k] = new int[customers];
      futures.add(pool.submit(() -> resolve(raw, from, to, customerOf, classOf, ord, cls, count)));
    }
    Staging out = new Staging();
    for (Future<Long> f : futures) {
      out.minTs = Math.min(out.minTs, join(f));
    }
    phase("resolve");
    int[] start = new int[customers + 1];
    int at = 0;
    for (int c = 0; c < customers; c++) {
      start[c] = at;
      for (int[] count : counts) {
        int k = count[c];
        count[c] = at;
        at += k;
      }
    }
    start[customers] = at;
    out.start = start;
    out.ts = new long[n];
    out.seq = new long[n];
    out.cls = new int[n];
    out.ref = new int[n];
    out.values = raw.values;
    List<Future<Long>> scatters = new ArrayList<>();
    for (int k = 0; k < chunks; k++) {
      int from = (int) ((long) n * k / chunks);
      int to = (int) ((long) n * (k + 1) / chunks);
      int[] next = counts[k];
      scatters.add(pool.submit(() -> {
        for (int i = from; i < to; i++) {
          int p = next[ord[i]]++;
          out.ts[p] = raw.ts[i];
          out.seq[p] = raw.seq[i];
          out.cls[p] = cls[i];
          out.ref[p] = raw.ref[i];
        }
        return 0L;
      }));
    }
    for (Future<Long> f : scatters) {
      join(f);
    }
    return out;
  }

  /**
   * Reads all the events in one streamed query: DuckDB computes each chunk as the driver fetches
   * it, instead of materialising every row before the first is read (less memory; in a probe at
   * 10M events 1.6 s against 1.4 s + 1.0 s). The connection's streaming setting is put back after.
   */
  private Raw read(long maxSeq, int rows) throws SQLException {
    Raw raw = new Raw(rows);
    try (Statement set = connection.createStatement()) {
      boolean streaming;
      try (ResultSet r = set.executeQuery(STREAMING)) {
        r.next();
        streaming = r.getBoolean(1);
      }
      set.execute("SET jdbc_stream_results = true");
      try (PreparedStatement s = connection.prepareStatement(EVENTS)) {
        s.setLong(1, maxSeq);
        try (ResultSet r = s.executeQuery()) {
          consume(r, raw, rows);
        }
      } finally {
        set.execute("SET jdbc_stream_results = " + streaming);
      }
    }
    return raw;
  }

  /** Reads the rows into raw, at most {@code rows} of them (the count in this transaction). */
  private static void consume(ResultSet r, Raw raw, int rows) throws SQLException {
    int n = 0;
    while (r.next()) {
      if (n == rows) {
        throw changedDuringBuild();
      }
      raw.customerHash[n] = r.getLong(1);
      raw.ts[n] = r.getLong(2);
      raw.seq[n] = r.getLong(3);
      raw.classHash[n] = r.getLong(4);
      int present = r.getInt(5);
      if (present == 0) {
        raw.ref[n] = -1;
      } else {
        int m = raw.measured++;
        if (m == raw.values[0].length) {
          for (int f = 0; f < 3; f++) {
            raw.values[f] = Arrays.copyOf(raw.values[f], m * 2);
          }
        }
        for (int f = 0; f < 3; f++) {
          raw.values[f][m] = (present & (1 << f)) != 0 ? r.getDouble(6 + f) : Double.NaN;
        }
        raw.ref[n] = m;
      }
      n++;
    }
    raw.rows = n;
  }

  /**
   * Maps rows [from, to) to customer and class ordinals, counting rows per customer into {@code
   * count}; returns their smallest time.
   */
  private static long resolve(Raw raw, int from, int to, LongIntMap customerOf,
      LongIntMap classOf, int[] ord, int[] cls, int[] count) {
    long minTs = Long.MAX_VALUE;
    for (int i = from; i < to; i++) {
      int o = customerOf.get(raw.customerHash[i]);
      int c = classOf.get(raw.classHash[i]);
      if (o < 0 || c < 0) {
        throw changedDuringBuild();
      }
      ord[i] = o;
      cls[i] = c;
      count[o]++;
      minTs = Math.min(minTs, raw.ts[i]);
    }
    return minTs;
  }

  private static ItineraException changedDuringBuild() {
    return new ItineraException(ErrorCode.INTERNAL, null, "the events table changed during the "
        + "index build's read transaction");
  }

  /** The numeric fields by final position, once the staged events are sorted. */
  private static Measures measures(Staging st) {
    int n = 0;
    for (int r : st.ref) {
      if (r >= 0) {
        n++;
      }
    }
    int[] positions = new int[n];
    double[][] values = new double[3][n];
    int k = 0;
    for (int p = 0; p < st.ref.length; p++) {
      int r = st.ref[p];
      if (r >= 0) {
        positions[k] = p;
        for (int f = 0; f < 3; f++) {
          values[f][k] = st.values[f][r];
        }
        k++;
      }
    }
    return Measures.of(st.ts.length, positions, values);
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

  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItineraException(ErrorCode.INTERNAL, null, "index build interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new ItineraException(ErrorCode.INTERNAL, null, "index build failed", e.getCause());
    }
  }
}
