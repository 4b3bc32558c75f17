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
    int n = rows.size();
    customer = new int[n];
    ts = new long[n];
    seq = new long[n];
    cls = new int[n];
    measures = new double[3][n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      customer[i] = r.customer();
      ts[i] = r.ts();
      seq[i] = r.seq();
      cls[i] = r.cls();
      measures[0][i] = r.sentiment();
      measures[1][i] = r.rating();
      measures[2][i] = r.revenue();
    }
  }

  /** This tail plus {@code rows}, re-sorted. */
  Tail plus(List<Row> rows) {
    List<Row> all = new ArrayList<>(size() + rows.size());
    for (int i = 0; i < size(); i++) {
      all.add(new Row(customer[i], ts[i], seq[i], cls[i], measures[0][i], measures[1][i],
          measures[2][i]));
    }
    all.addAll(rows);
    all.sort(Comparator.comparingInt(Row::customer).thenComparingLong(Row::ts)
        .thenComparingLong(Row::seq));
    return new Tail(all);
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
