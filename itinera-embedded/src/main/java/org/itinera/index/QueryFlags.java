package org.itinera.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.itinera.sequence.PropertyPredicate;

/**
 * The property predicates of one query, evaluated by DuckDB over the events' JSON properties and
 * mapped onto index positions: one bit set over base positions and one over tail indices per
 * predicate. Property values are not held in memory, so each such query pays one scan.
 */
final class QueryFlags {
  static final QueryFlags NONE = new QueryFlags(new BitSet[0], new BitSet[0]);

  private static final String MATCHING = "SELECT customer_id, epoch_ms(ts), seq FROM events "
      + "WHERE seq > ? AND seq <= ? AND ";

  private final BitSet[] base;
  private final BitSet[] tail;

  private QueryFlags(BitSet[] base, BitSet[] tail) {
    this.base = base;
    this.tail = tail;
  }

  /**
   * Evaluates {@code predicates} on the snapshot. Base positions never change until the next
   * rebuild, so their bits are taken from {@code baseCache} when present (the caller clears it when
   * the base segment changes) and stored there otherwise; only the small tail, whose query DuckDB
   * confines by seq to the newest row groups, is evaluated on every call.
   */
  static QueryFlags resolve(Connection connection, Snapshot snapshot,
      List<PropertyPredicate> predicates, Map<PropertyPredicate, BitSet> baseCache)
      throws SQLException {
    if (predicates.isEmpty()) {
      return NONE;
    }
    BitSet[] base = new BitSet[predicates.size()];
    BitSet[] tail = new BitSet[predicates.size()];
    for (int f = 0; f < predicates.size(); f++) {
      PropertyPredicate p = predicates.get(f);
      base[f] = baseCache.get(p);
      if (base[f] == null) {
        base[f] = new BitSet();
        evaluate(connection, snapshot, p, Long.MIN_VALUE, snapshot.base().maxSeq, base[f]);
        baseCache.put(p, base[f]);
      }
      tail[f] = new BitSet();
      if (snapshot.tail().size() > 0) {
        evaluate(connection, snapshot, p, snapshot.base().maxSeq, snapshot.maxSeq(), tail[f]);
      }
    }
    return new QueryFlags(base, tail);
  }

  /** Sets the bits of the events with seq in (after, upTo] that satisfy {@code predicate}. */
  private static void evaluate(Connection connection, Snapshot snapshot,
      PropertyPredicate predicate, long after, long upTo, BitSet out) throws SQLException {
    long[] scratch = new long[64];
    PredicateSql where = PredicateSql.of(predicate, PredicateSql.Column.PROPERTIES);
    try (PreparedStatement s = connection.prepareStatement(MATCHING + where.sql())) {
      s.setLong(1, after);
      s.setLong(2, upTo);
      where.bind(s, 3);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int c = snapshot.customers().ordinal(r.getString(1));
          long seq = r.getLong(3);
          if (c < 0) {
            continue;
          }
          if (seq > snapshot.base().maxSeq) {
            int t = snapshot.tail().find(c, seq);
            if (t >= 0) {
              out.set(t);
            }
          } else {
            scratch = locate(snapshot.base(), c, r.getLong(2), seq, scratch, out);
          }
        }
      }
    }
  }

  /** Sets the base position of (customer, ts, seq); ties on time are told apart by seq. */
  private static long[] locate(BaseSegment base, int c, long ts, long seq, long[] scratch,
      BitSet out) {
    if (c >= base.customers) {
      return scratch;
    }
    int n = base.start[c + 1] - base.start[c];
    long[] times = scratch.length >= n ? scratch : new long[Math.max(n, scratch.length * 2)];
    base.decodeTimes(c, times);
    for (int i = 0; i < n; i++) {
      if (times[i] == ts) {
        int p = base.start[c] + i;
        long tie = base.tieSeq(p);
        if (tie < 0 || tie == seq) {
          out.set(p);
          break;
        }
      }
    }
    return times;
  }

  boolean base(int flag, int position) {
    return base[flag].get(position);
  }

  boolean tail(int flag, int index) {
    return tail[flag].get(index);
  }
}
