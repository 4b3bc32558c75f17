package org.itinera.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.Measure;
import org.itinera.sequence.CustomerLabels;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.SequenceSource;
import org.itinera.sequence.Vocabulary;
import org.itinera.store.EventMoves;

/**
 * The embedded engine: an in-memory columnar index of the DuckDB {@code events} table that runs
 * the core's sequence analyses in parallel.
 *
 * <p>Freshness. Every {@link #prepare} first calls {@link #refresh()}, which asks DuckDB for any
 * {@code seq} above the last one seen (a query that zone maps confine to the newest row group) and
 * appends newer events to a small uncompressed tail,
 * so a query sees every event committed before it started. Identity merges rewrite {@code
 * customer_id} of older events without new seqs; the writer counts each such move in the store's
 * {@code event_moves} row ({@link EventMoves}), and a refresh that finds the count changed since
 * the snapshot's rebuilds. That check is one row, where comparing every customer that has new
 * events with its older events in DuckDB scanned the whole table on every refresh (0.3 s at 10M
 * events; measured freshness under load reached 1.27 s). On a database without that row (not an
 * Itinera store) the comparison is still made. A refresh also rebuilds when the tail outgrows
 * {@value #TAIL_MIN} events or a sixteenth of the base.
 *
 * <p>The index owns the connection it is given (use {@code DuckDBConnection.duplicate()} to share
 * a database) and its worker threads; {@link #close()} releases both.
 */
public final class SequenceIndex implements SequenceSource, AutoCloseable {
  static final int TAIL_MIN = 100_000;
  private static final int FLAG_CACHE = 8;

  /** Only row groups with newer seqs are read: DuckDB prunes the rest by their min/max stats. */
  private static final String NEWER_SEQ = "SELECT max(seq), -1 FROM events WHERE seq > ?";
  /** The same, with the store's event-move count, in one round trip. */
  private static final String NEWER_SEQ_AND_MOVES = "SELECT max(seq), "
      + "(SELECT generation FROM event_moves) FROM events WHERE seq > ?";
  private static final String NEW_ROWS = "SELECT customer_id, epoch_ms(ts), seq, type, name, "
      + "channel, sentiment, rating, revenue FROM events WHERE seq > ? AND seq <= ? ORDER BY seq";
  private static final String OLDER_COUNTS = "SELECT customer_id, count(*) FROM events "
      + "WHERE seq <= ? AND customer_id IN (SELECT customer_id FROM events "
      + "WHERE seq > ? AND seq <= ?) GROUP BY customer_id";
  /**
   * Up to this many customers with new events, their older events are counted with a list of
   * bound ids, which DuckDB filters about three times faster than the semi-join above (measured at
   * 10M events: 0.33 s against 1.0 to 1.5 s for 1,000 customers). Both scan the whole table.
   */
  private static final int OLDER_COUNTS_LISTED = 1000;

  private final Connection connection;
  private final ExecutorService pool;
  private final int threads;
  private volatile Snapshot snapshot;
  private Vocabulary.Builder vocabulary;
  private int rebuilds;
  private volatile Map<String, Long> lastBuildMs = Map.of();
  /** Whether the store counts event moves; if not, refreshes compare older events instead. */
  private boolean movesKept;
  /** The store's event-move count when the current base was read. */
  private long moves;
  /** The refresh's first query, prepared on first use (guarded by this index's lock). */
  private PreparedStatement probe;
  /**
   * Property predicates' bits over the base segment, reused by later queries (dashboards repeat
   * them) until the base changes; a few entries only, each at most one bit per event.
   */
  private final Map<PropertyPredicate, BitSet> flagCache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<PropertyPredicate, BitSet> eldest) {
      return size() > FLAG_CACHE;
    }
  };
  private BaseSegment flagCacheBase;

  private SequenceIndex(Connection connection, int threads) {
    this.connection = connection;
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "itinera-index-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Builds the index over every event now in {@code connection}'s events table. */
  public static SequenceIndex build(Connection connection) {
    return build(connection, Runtime.getRuntime().availableProcessors());
  }

  public static SequenceIndex build(Connection connection, int threads) {
    if (threads < 1) {
      throw ItineraException.invalid("threads", "threads must be at least 1, was " + threads);
    }
    SequenceIndex index = new SequenceIndex(connection, threads);
    try {
      index.rebuild();
    } catch (RuntimeException e) {
      index.pool.shutdownNow();
      throw e;
    }
    return index;
  }

  /** Rebuilds from scratch (done automatically after identity merges). */
  public synchronized void rebuild() {
    try {
      boolean kept = EventMoves.kept(connection);
      if (kept != movesKept && probe != null) {
        probe.close();
        probe = null;
      }
      movesKept = kept;
      long movesBefore = movesKept ? EventMoves.generation(connection) : -1;
      IndexBuilder.Built built = new IndexBuilder(connection, pool, threads).build();
      moves = movesBefore; // a move during the build is seen, and rebuilt for, by the next refresh
      vocabulary = built.vocabulary();
      snapshot = built.snapshot();
      lastBuildMs = built.phasesMs();
      rebuilds++;
    } catch (SQLException e) {
      throw storeFailure("build the sequence index", e);
    }
  }

  /**
   * Appends events committed since the last refresh; rebuilds instead when older events were
   * re-attributed (identity merges) or the tail has grown large.
   */
  public synchronized void refresh() {
    Snapshot s = snapshot;
    try {
      if (probe == null) { // prepared once: planning it again cost as much as running it
        probe = connection.prepareStatement(movesKept ? NEWER_SEQ_AND_MOVES : NEWER_SEQ);
      }
      probe.setLong(1, s.maxSeq());
      Object newer;
      long movesNow;
      try (ResultSet r = probe.executeQuery()) {
        r.next();
        newer = r.getObject(1);
        movesNow = r.getLong(2);
      }
      if (movesKept && movesNow != moves) {
        rebuild();
        return;
      }
      if (newer == null) {
        return;
      }
      long max = ((Number) newer).longValue();
      List<String[]> rows = new ArrayList<>();
      List<double[]> numbers = new ArrayList<>();
      try (PreparedStatement st = connection.prepareStatement(NEW_ROWS)) {
        st.setLong(1, s.maxSeq());
        st.setLong(2, max);
        try (ResultSet r = st.executeQuery()) {
          while (r.next()) {
            rows.add(new String[] {r.getString(1), r.getString(4), r.getString(5),
                r.getString(6)});
            numbers.add(new double[] {r.getLong(2), r.getLong(3), nan(r, 7), nan(r, 8),
                nan(r, 9)});
          }
        }
      }
      if ((!movesKept && olderEventsMoved(s, max, rows)) || s.tail().size() + rows.size()
          > Math.max(TAIL_MIN, s.base().events() / 16)) {
        rebuild();
        return;
      }
      snapshot = append(s, rows, numbers, max);
    } catch (SQLException e) {
      throw storeFailure("refresh the sequence index", e);
    }
  }

  private static double nan(ResultSet r, int column) throws SQLException {
    Object v = r.getObject(column); // wasNull() is not reliable in every DuckDB JDBC getter
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  /**
   * True when DuckDB holds a different number of older events for a customer with new ones: how a
   * database without an event-move count reveals identity merges.
   */
  private boolean olderEventsMoved(Snapshot s, long max, List<String[]> rows)
      throws SQLException {
    Set<String> ids = new LinkedHashSet<>();
    for (String[] r : rows) {
      ids.add(r[0]);
    }
    boolean listed = ids.size() <= OLDER_COUNTS_LISTED;
    String sql = !listed ? OLDER_COUNTS : "SELECT customer_id, count(*) FROM events WHERE seq <= ? "
        + "AND customer_id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
        + ") GROUP BY customer_id";
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setLong(1, s.maxSeq());
      if (listed) {
        int k = 2;
        for (String id : ids) {
          st.setString(k++, id);
        }
      } else {
        st.setLong(2, s.maxSeq());
        st.setLong(3, max);
      }
      try (ResultSet r = st.executeQuery()) {
        while (r.next()) {
          counts.put(r.getString(1), r.getLong(2));
        }
      }
    }
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      int c = s.customers().ordinal(e.getKey());
      if (c < 0 || e.getValue() != eventsOf(s, c)) {
        return true;
      }
    }
    return false;
  }

  private static long eventsOf(Snapshot s, int c) {
    long n = c < s.base().customers ? s.base().start[c + 1] - s.base().start[c] : 0;
    for (int t = s.tail().first(c); t < s.tail().size() && s.tail().customer(t) == c; t++) {
      n++;
    }
    return n;
  }

  private Snapshot append(Snapshot s, List<String[]> rows, List<double[]> numbers, long max) {
    Map<String, Integer> newIds = new LinkedHashMap<>();
    List<Tail.Row> tailRows = new ArrayList<>();
    int known = s.customerCount();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      double[] v = numbers.get(i);
      int c = s.customers().ordinal(r[0]);
      if (c < 0) {
        c = newIds.computeIfAbsent(r[0], k -> known + newIds.size());
      }
      tailRows.add(new Tail.Row(c, (long) v[0], (long) v[1], vocabulary.classOf(r[1], r[2], r[3]),
          v[2], v[3], v[4]));
    }
    Customers customers = newIds.isEmpty() ? s.customers()
        : s.customers().append(newIds.keySet().toArray(new String[0]));
    return new Snapshot(vocabulary.build(), customers, s.base(), s.tail().plus(tailRows), max);
  }

  @Override
  public PreparedQuery prepare(SequenceFilter filter, List<PropertyPredicate> flags,
      List<Breakdown> breakdowns) {
    refresh();
    Snapshot s = snapshot;
    try {
      synchronized (this) {
        if (flagCacheBase != s.base()) {
          flagCache.clear();
          flagCacheBase = s.base();
        }
        QueryFlags queryFlags = QueryFlags.resolve(connection, s, flags, flagCache);
        TraitResolver traits = new TraitResolver(connection, s.customers());
        BitSet customers = filter.traits().isEmpty() ? null : traits.matching(filter.traits());
        List<CustomerLabels> labels = new ArrayList<>();
        for (Breakdown b : breakdowns) {
          labels.add(b.kind() == Breakdown.Kind.CHANNEL ? null : traits.labels(b));
        }
        return new IndexQuery(s, s.vocabulary().withFlags(flags), queryFlags, customers, labels,
            filter, pool, threads);
      }
    } catch (SQLException e) {
      throw storeFailure("evaluate the query's property or trait conditions", e);
    }
  }

  /**
   * One customer's events in journey order (time, then arrival), from the index alone: no store
   * query beyond the freshness check every query makes. Empty when the id is unknown; identity
   * merges apply, so an id that was merged into another is unknown here.
   */
  public List<TimelineEvent> timeline(String customerId) {
    refresh();
    return timelineAsOfLastRefresh(customerId);
  }

  /**
   * {@link #timeline} without the freshness check: what the index held at its last refresh, for
   * callers that just refreshed or read many customers in a row.
   */
  public List<TimelineEvent> timelineAsOfLastRefresh(String customerId) {
    Snapshot s = snapshot;
    int c = s.customers().ordinal(customerId);
    if (c < 0) {
      return List.of();
    }
    Vocabulary v = s.vocabulary();
    IndexView view = new IndexView(s, v, QueryFlags.NONE);
    view.position(c);
    List<TimelineEvent> out = new ArrayList<>(view.size());
    for (int i = 0; i < view.size(); i++) {
      int cls = view.eventClass(i);
      String channel = v.channel(v.channelOfClass(cls));
      out.add(new TimelineEvent(view.ts(i), v.type(v.typeOfClass(cls)),
          v.name(v.nameOfClass(cls)), Vocabulary.NO_CHANNEL.equals(channel) ? null : channel,
          present(view.measure(Measure.SENTIMENT, i)), present(view.measure(Measure.RATING, i)),
          present(view.measure(Measure.REVENUE, i))));
    }
    return out;
  }

  private static Double present(double value) {
    return Double.isNaN(value) ? null : value;
  }

  public IndexStats stats() {
    Snapshot s = snapshot;
    long events = s.events();
    return new IndexStats(events, s.customerCount(), s.vocabulary().classCount(), s.bytes(),
        events == 0 ? 0 : (double) s.bytes() / events, s.maxSeq(), s.tail().size(),
        lastBuildMs);
  }

  /** How many full builds this index has made (the first included). */
  public synchronized int rebuilds() {
    return rebuilds;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      synchronized (this) {
        if (probe != null) {
          probe.close();
        }
      }
      connection.close();
    } catch (SQLException e) {
      throw storeFailure("close the index's connection", e);
    }
  }

  private static ItineraException storeFailure(String what, SQLException e) {
    return new ItineraException(ErrorCode.IO_FAILURE, null, "could not " + what + ": "
        + e.getMessage(), e);
  }
}
