package org.itinera.index;

import org.itinera.sequence.Measure;

/**
 * Numeric fields of the base segment, stored per field as a presence bitmap with a rank directory
 * and a dense array of the present values: most events carry no sentiment, rating or revenue, so
 * a field costs about 0.19 bytes per event plus its values (4 bytes each; revenue 8), and nothing
 * at all when no event has it. Value lookup is O(1): a rank is the directory entry plus a popcount.
 */
final class Measures {
  static final Measures NONE = new Measures(new Column[Measure.values().length]);

  /** One field: bit p set when position p has a value; its value is at rank(p). */
  static final class Column {
    private final long[] present;
    private final int[] rankBefore;
    private final float[] floats;
    private final double[] doubles;

    Column(long[] present, float[] floats, double[] doubles) {
      this.present = present;
      this.floats = floats;
      this.doubles = doubles;
      this.rankBefore = new int[present.length];
      int rank = 0;
      for (int w = 0; w < present.length; w++) {
        rankBefore[w] = rank;
        rank += Long.bitCount(present[w]);
      }
    }

    double at(int position) {
      int w = position >>> 6;
      long bit = 1L << position;
      if (w >= present.length || (present[w] & bit) == 0) {
        return Double.NaN;
      }
      int rank = rankBefore[w] + Long.bitCount(present[w] & (bit - 1));
      return floats != null ? floats[rank] : doubles[rank];
    }

    /** The first position in [{@code position}, {@code end}) with a value, or {@code end}. */
    int next(int position, int end) {
      int w = position >>> 6;
      if (position >= end || w >= present.length) {
        return end;
      }
      long bits = present[w] & (-1L << position);
      while (bits == 0) {
        if (++w >= present.length || (w << 6) >= end) {
          return end;
        }
        bits = present[w];
      }
      return Math.min(end, (w << 6) + Long.numberOfTrailingZeros(bits));
    }

    long bytes() {
      return 12L * present.length + (floats != null ? 4L * floats.length : 8L * doubles.length);
    }
  }

  private final Column[] columns;

  Measures(Column[] columns) {
    this.columns = columns;
  }

  /** The value at a base position, or NaN. */
  double at(Measure m, int position) {
    Column c = columns[m.ordinal()];
    return c == null ? Double.NaN : c.at(position);
  }

  /** The first base position in [{@code position}, {@code end}) with {@code m}, or {@code end}. */
  int next(Measure m, int position, int end) {
    Column c = columns[m.ordinal()];
    return c == null ? end : c.next(position, end);
  }

  long bytes() {
    long b = 0;
    for (Column c : columns) {
      b += c == null ? 0 : c.bytes();
    }
    return b;
  }

  /**
   * Builds the columns from (position, value) rows sorted by position; NaN values are absent.
   * Sentiment and rating are kept as floats, revenue as doubles (cents on large amounts).
   */
  static Measures of(int events, int[] positions, double[][] values) {
    Column[] columns = new Column[Measure.values().length];
    for (Measure m : Measure.values()) {
      double[] v = values[m.ordinal()];
      long[] present = new long[(events + 63) >>> 6];
      int n = 0;
      for (int k = 0; k < positions.length; k++) {
        if (!Double.isNaN(v[k])) {
          present[positions[k] >>> 6] |= 1L << positions[k];
          n++;
        }
      }
      if (n == 0) {
        continue;
      }
      boolean exact = m == Measure.REVENUE;
      float[] floats = exact ? null : new float[n];
      double[] doubles = exact ? new double[n] : null;
      int i = 0;
      for (int k = 0; k < positions.length; k++) {
        if (!Double.isNaN(v[k])) {
          if (exact) {
            doubles[i++] = v[k];
          } else {
            floats[i++] = (float) v[k];
          }
        }
      }
      columns[m.ordinal()] = new Column(present, floats, doubles);
    }
    return new Measures(columns);
  }
}
