package org.itinera.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p>Rows arrive in storage order; a counting sort by customer ordinal places them, and each
 * customer's few events are then sorted by time and seq in place (usually already in order) and
 * encoded, in parallel over customer ranges. The numeric fields, which few events carry, are
 * fetched afterwards by a narrow query and placed by seq within their customer.
 */
final class IndexBuilder {
  private static final String MAX = "SELECT coalesce(max(seq), -1), count(*) FROM events";
  /** DuckDB's hash is an unsigned 64-bit; 63 bits as a BIGINT avoid BigInteger in JDBC. */
  private static final String CUSTOMER_HASH = "(hash(customer_id) & 9223372036854775807)::BIGINT";
  private static final String CLASS_HASH =
      "(hash(type, name, channel) & 9223372036854775807)::BIGINT";
  private static final String CUSTOMERS = "SELECT customer_id, " + CUSTOMER_HASH + " FROM events "
      + "WHERE seq <= ? GROUP BY customer_id ORDER BY customer_id";
  private static final String CLASSES = "SELECT type, name, channel, " + CLASS_HASH
      + " FROM events WHERE seq <= ? GROUP BY type, name, channel";
  private static final String EVENTS = "SELECT " + CUSTOMER_HASH + ", epoch_ms(ts), seq, "
      + CLASS_HASH + " FROM events WHERE seq <= ?";
  private static final String MEASURES = "SELECT " + CUSTOMER_HASH + ", epoch_ms(ts), seq, "
      + "sentiment, rating, revenue FROM events WHERE seq <= ? AND (sentiment IS NOT NULL "
      + "OR rating IS NOT NULL OR revenue IS NOT NULL)";

  private final Connection connection;
  private final ExecutorService pool;
  private final int threads;

  IndexBuilder(Connection connection, ExecutorService pool, int threads) {
    this.connection = connection;
    this.pool = pool;
    this.threads = threads;
  }

  /** The result: the snapshot, and the class-hash map so the caller can extend the vocabulary. */
  record Built(Snapshot snapshot, Vocabulary.Builder vocabulary) {}

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
    int customers = ids.size();
    Staging staging = fetchEvents(maxSeq, rows, customerOf, classOf, customers);
    BaseSegment base = encode(staging, customers, vocabulary.classCount(), maxSeq)
        .withMeasures(fetchMeasures(maxSeq, staging, customerOf));
    Snapshot snapshot = new Snapshot(vocabulary.build(), Customers.ofSorted(ids.toArray(
        new String[0])), base, Tail.EMPTY, maxSeq);
    return new Built(snapshot, vocabulary);
  }

  /** Events sorted by customer, time and seq, before encoding. */
  private static final class Staging {
    int[] start;
    long[] ts;
    long[] seq;
    int[] cls;
    long minTs = Long.MAX_VALUE;
  }

  private Staging fetchEvents(long maxSeq, int rows, LongIntMap customerOf, LongIntMap classOf,
      int customers) throws SQLException {
    int[] ord = new int[rows];
    long[] ts = new long[rows];
    long[] seq = new long[rows];
    int[] cls = new int[rows];
    int[] counts = new int[customers + 1];
    Staging out = new Staging();
    int n = 0;
    try (PreparedStatement s = connection.prepareStatement(EVENTS)) {
      s.setLong(1, maxSeq);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int o = customerOf.get(r.getLong(1));
          int c = classOf.get(r.getLong(4));
          if (o < 0 || c < 0 || n == rows) {
            throw new ItineraException(ErrorCode.INTERNAL, null, "the events table changed "
                + "during the index build's read transaction");
          }
          ord[n] = o;
          ts[n] = r.getLong(2);
          seq[n] = r.getLong(3);
          cls[n] = c;
          counts[o + 1]++;
          out.minTs = Math.min(out.minTs, ts[n]);
          n++;
        }
      }
    }
    for (int c = 0; c < customers; c++) {
      counts[c + 1] += counts[c];
    }
    out.start = counts.clone();
    out.ts = new long[n];
    out.seq = new long[n];
    out.cls = new int[n];
    for (int i = 0; i < n; i++) {
      int p = counts[ord[i]]++;
      out.ts[p] = ts[i];
      out.seq[p] = seq[i];
      out.cls[p] = cls[i];
    }
    return out;
  }

  private Measures fetchMeasures(long maxSeq, Staging st, LongIntMap customerOf)
      throws SQLException {
    int n = 0;
    int[] pos = new int[1024];
    double[][] values = new double[3][1024];
    try (PreparedStatement s = connection.prepareStatement(MEASURES)) {
      s.setLong(1, maxSeq);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int o = customerOf.get(r.getLong(1));
          long ts = r.getLong(2);
          long seq = r.getLong(3);
          int p = -1;
          for (int q = st.start[o]; q < st.start[o + 1]; q++) {
            if (st.seq[q] == seq && st.ts[q] == ts) {
              p = q;
              break;
            }
          }
          if (p < 0) {
            throw new ItineraException(ErrorCode.INTERNAL, null, "event seq " + seq
                + " with numeric fields is missing from the staged events");
          }
          if (n == pos.length) {
            pos = Arrays.copyOf(pos, n * 2);
            for (int m = 0; m < 3; m++) {
              values[m] = Arrays.copyOf(values[m], n * 2);
            }
          }
          pos[n] = p;
          for (int m = 0; m < 3; m++) {
            values[m][n] = value(r, 4 + m);
          }
          n++;
        }
      }
    }
    // Rows arrive in storage order; order them by position with one primitive sort of
    // (position, row) pairs packed into longs.
    long[] order = new long[n];
    for (int k = 0; k < n; k++) {
      order[k] = ((long) pos[k] << 32) | k;
    }
    Arrays.sort(order);
    int[] sortedPos = new int[n];
    double[][] sortedValues = new double[3][n];
    for (int k = 0; k < n; k++) {
      int row = (int) order[k];
      sortedPos[k] = pos[row];
      for (int m = 0; m < 3; m++) {
        sortedValues[m][k] = values[m][row];
      }
    }
    return Measures.of(st.ts.length, sortedPos, sortedValues);
  }

  private static double value(ResultSet r, int column) throws SQLException {
    Object v = r.getObject(column); // wasNull() is not reliable in every DuckDB JDBC getter
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  private BaseSegment encode(Staging st, int customers, int classes, long maxSeq) {
    int n = st.ts.length;
    long epochMs = n == 0 ? 0 : Math.floorDiv(st.minTs, 1000) * 1000;
    boolean narrow = classes < BaseSegment.WIDE8;
    byte[] cls8 = narrow ? new byte[n] : null;
    char[] cls16 = narrow ? null : new char[n];
    int[] dts = new int[n];
    int[] baseSec = new int[customers];
    int chunks = Math.max(1, Math.min(customers, threads * 4));
    List<Future<Extras>> futures = new ArrayList<>();
    for (int k = 0; k < chunks; k++) {
      int from = (int) ((long) customers * k / chunks);
      int to = (int) ((long) customers * (k + 1) / chunks);
      futures.add(pool.submit(() -> encodeRange(st, from, to, epochMs, cls8, cls16, dts,
          baseSec)));
    }
    Extras all = new Extras();
    for (Future<Extras> f : futures) {
      all.addAll(join(f));
    }
    return new BaseSegment(customers, st.start, baseSec, epochMs, cls8, cls16, dts,
        all.wide.positions(), all.wide.ints(), all.far.positions(), all.far.longs(),
        all.ties.positions(), all.ties.longs(), Measures.NONE, maxSeq);
  }

  /** Sparse side tables collected while encoding a customer range. */
  private static final class Extras {
    final Sparse wide = new Sparse();
    final Sparse far = new Sparse();
    final Sparse ties = new Sparse();

    void addAll(Extras o) {
      wide.addAll(o.wide);
      far.addAll(o.far);
      ties.addAll(o.ties);
    }
  }

  private static Extras encodeRange(Staging st, int from, int to, long epochMs, byte[] cls8,
      char[] cls16, int[] dts, int[] baseSec) {
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
      long prev = epochMs + baseSec[c] * 1000L;
      for (int p = a; p < b; p++) {
        long d = st.ts[p] - prev;
        if (d >= 0xFFFFFFFFL) {
          dts[p] = BaseSegment.FAR;
          x.far.add(p, d);
        } else {
          dts[p] = (int) d;
        }
        prev = st.ts[p];
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
    Integer[] order = new Integer[b - a];
    for (int i = 0; i < order.length; i++) {
      order[i] = a + i;
    }
    Arrays.sort(order, (x, y) -> st.ts[x] != st.ts[y] ? Long.compare(st.ts[x], st.ts[y])
        : Long.compare(st.seq[x], st.seq[y]));
    long[] ts = new long[order.length];
    long[] seq = new long[order.length];
    int[] cls = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      ts[i] = st.ts[order[i]];
      seq[i] = st.seq[order[i]];
      cls[i] = st.cls[order[i]];
    }
    System.arraycopy(ts, 0, st.ts, a, ts.length);
    System.arraycopy(seq, 0, st.seq, a, seq.length);
    System.arraycopy(cls, 0, st.cls, a, cls.length);
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
