package org.itinera.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.itinera.sequence.Measure;

/**
 * Events appended since the base segment was built (seq above its maxSeq), kept uncompressed and
 * sorted by customer, time and seq. Small by design: once it grows past a fraction of the base,
 * the index rebuilds. Every tail event arrived after every base event, so on equal times a base
 * event comes first.
 */
final class Tail {
  static final Tail EMPTY = new Tail(List.of());

  /** One appended event. NaN for absent measures. */
  record Row(int customer, long ts, long seq, int cls, double sentiment, double rating,
      double revenue) {}

  private final int[] customer;
  private final long[] ts;
  private final long[] seq;
  private final int[] cls;
  private final double[][] measures;

  private Tail(List<Row> rows) {
    this(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      set(i, rows.get(i));
    }
  }

  private Tail(int n) {
    customer = new int[n];
    ts = new long[n];
    seq = new long[n];
    cls = new int[n];
    measures = new double[3][n];
  }

  private void set(int i, Row r) {
    customer[i] = r.customer();
    ts[i] = r.ts();
    seq[i] = r.seq();
    cls[i] = r.cls();
    measures[0][i] = r.sentiment();
    measures[1][i] = r.rating();
    measures[2][i] = r.revenue();
  }

  private void copy(Tail from, int i, int to) {
    customer[to] = from.customer[i];
    ts[to] = from.ts[i];
    seq[to] = from.seq[i];
    cls[to] = from.cls[i];
    for (int m = 0; m < 3; m++) {
      measures[m][to] = from.measures[m][i];
    }
  }

  /**
   * This tail plus {@code rows}: only the new rows are sorted, then merged with the sorted tail, so
   * a refresh costs a copy of the tail's arrays rather than a sort of all of it.
   */
  Tail plus(List<Row> rows) {
    List<Row> added = new ArrayList<>(rows);
    added.sort(ORDER);
    Tail out = new Tail(size() + added.size());
    int i = 0;
    int j = 0;
    for (int k = 0; k < out.size(); k++) {
      if (j == added.size() || (i < size() && before(i, added.get(j)))) {
        out.copy(this, i++, k);
      } else {
        out.set(k, added.get(j++));
      }
    }
    return out;
  }

  private static final Comparator<Row> ORDER = Comparator.comparingInt(Row::customer)
      .thenComparingLong(Row::ts).thenComparingLong(Row::seq);

  /** Whether tail event {@code i} sorts before {@code r} (by customer, time, seq). */
  private boolean before(int i, Row r) {
    if (customer[i] != r.customer()) {
      return customer[i] < r.customer();
    }
    if (ts[i] != r.ts()) {
      return ts[i] < r.ts();
    }
    return seq[i] < r.seq();
  }

  int size() {
    return customer.length;
  }

  /** The first tail index of customer {@code c} (or where it would be). */
  int first(int c) {
    int lo = 0;
    int hi = customer.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (customer[mid] < c) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  int customer(int i) {
    return customer[i];
  }

  long ts(int i) {
    return ts[i];
  }

  long seq(int i) {
    return seq[i];
  }

  int eventClass(int i) {
    return cls[i];
  }

  double measure(Measure m, int i) {
    return measures[m.ordinal()][i];
  }

  /** The tail index of the event with this customer and seq, or -1. */
  int find(int c, long wantedSeq) {
    for (int i = first(c); i < customer.length && customer[i] == c; i++) {
      if (seq[i] == wantedSeq) {
        return i;
      }
    }
    return -1;
  }

  long bytes() {
    return 52L * customer.length;
  }
}
