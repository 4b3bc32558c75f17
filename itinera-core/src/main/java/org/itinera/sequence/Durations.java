package org.itinera.sequence;

import java.io.Serializable;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * An exact, mergeable distribution of durations (milliseconds) with nearest-rank quantiles: the
 * q-quantile of n values is the ceil(q·n)-th smallest, so the median of an even count is the lower
 * middle value. Every value is kept (8 bytes each) because analysts compare medians across
 * breakdowns and an approximate sketch would make small groups disagree with their raw events.
 *
 * <p>Quantiles use a radix select rather than a sort: the range is kept as values arrive, then
 * each pass histograms the range known to hold a wanted rank in 2^16 buckets and narrows it to
 * the bucket holding it, until that bucket is one value wide: two passes for a range of up to
 * 2^32 ms (49 days), whatever the values' distribution. That keeps a million-value median and
 * p90 at a few milliseconds, which matters inside a 30 ms funnel.
 */
public final class Durations implements Serializable {
  private static final long serialVersionUID = 3L;
  private static final int BUCKET_BITS = 16;
  /** Segment size cap: 32k values (256 KB), well below the size G1 treats as humongous. */
  private static final int SEGMENT = 1 << 15;
  /** The open segment of an instance that writes no more to its last one (never written to). */
  private static final long[] CLOSED = new long[0];
  /** Values from which quantiles count and collect in {@link #GROUPS} groups of segments. */
  private static final int PARALLEL_VALUES = 1 << 21;
  private static final int GROUPS = 4;

  /**
   * Values in segments, each filled up to {@code lengths[i]}. Growth allocates a new segment
   * instead of copying, and a merge appends the other's segments by reference, so a funnel over
   * millions of customers neither copies its durations nor makes the collector move large arrays.
   * The last segment, while this instance may write to it, is also {@code open}, filled up to
   * {@code openLength} (its {@code lengths} entry is brought up to date by {@link #sync()}), so
   * that {@link #add} is a store, a bounds check and the range's update. A funnel adds up to two
   * values per customer and step, and the old add, through {@code segments[last]} and {@code
   * lengths[last]}, cost a third of a 10M-event funnel's CPU.
   */
  private long[][] segments = {new long[8]};
  private int[] lengths = new int[1];
  private int count = 1;
  /**
   * The last segment while {@code writable}; an empty array once it came from another instance by
   * a merge (or was closed), so that the next add opens a new one.
   */
  private transient long[] open = segments[0];
  private int openLength;
  private boolean writable = true;
  /** Values in every segment but the open one. */
  private int closedSize;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  public void add(long durationMs) {
    long[] seg = open;
    int n = openLength;
    if (n == seg.length) {
      seg = grow();
      n = openLength;
    }
    seg[n] = durationMs;
    openLength = n + 1;
    min = Math.min(min, durationMs); // kept here, on the workers, not in a pass at finish
    max = Math.max(max, durationMs);
  }

  /** Makes room in the open segment: doubles a small one, else opens a new full-size one. */
  private long[] grow() {
    if (writable && open.length < SEGMENT) {
      open = segments[count - 1] = Arrays.copyOf(open, open.length * 2);
      return open;
    }
    close();
    open = new long[SEGMENT];
    append(open, 0);
    writable = true;
    return open;
  }

  /** Brings the open segment's length up to date and stops writing to it. */
  private void close() {
    sync();
    if (writable) {
      closedSize += openLength;
    }
    writable = false;
    open = CLOSED;
    openLength = 0;
  }

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    sync();
    out.defaultWriteObject();
  }

  /** A deserialised instance writes no more to its last segment: the next add opens a new one. */
  private void readObject(java.io.ObjectInputStream in)
      throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (writable) {
      closedSize += openLength;
    }
    writable = false;
    open = CLOSED;
    openLength = 0;
  }

  /** Brings the open segment's entry in {@code lengths} up to date. */
  private void sync() {
    if (writable) {
      lengths[count - 1] = openLength;
    }
  }

  /**
   * Adds all of {@code other}'s values to this one, sharing its segments: {@code other} must not be
   * added to afterwards (partials are merged once, then dropped).
   */
  public void addAll(Durations other) {
    other.close();
    if (other.closedSize == 0) {
      return;
    }
    if (other.closedSize < 256) { // small: copy, so that small distributions stay compact
      for (int i = 0; i < other.count; i++) {
        for (int j = 0; j < other.lengths[i]; j++) {
          add(other.segments[i][j]);
        }
      }
      return;
    }
    close();
    if (closedSize == 0) { // drop our empty first segment
      count = 0;
    }
    for (int i = 0; i < other.count; i++) {
      if (other.lengths[i] > 0) {
        append(other.segments[i], other.lengths[i]);
      }
    }
    closedSize += other.closedSize;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  private int append(long[] segment, int length) {
    if (count == segments.length) {
      segments = Arrays.copyOf(segments, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
    }
    segments[count] = segment;
    lengths[count] = length;
    return count++;
  }

  public int size() {
    return closedSize + (writable ? openLength : 0);
  }

  /** The nearest-rank quantile, or null when empty. {@code q} in (0, 1]. */
  public Long quantile(double q) {
    return quantiles(q)[0];
  }

  /**
   * Several quantiles; nulls when empty. Each pass over the values histograms, for every quantile
   * not yet found, the range known to hold it, in at most 2^16 buckets; the bucket holding the
   * wanted rank becomes the next pass's range, until a bucket is one value wide. Quantiles whose
   * ranges coincide (all of them in the first pass) share a histogram. A range of up to 2^16
   * values takes one pass, 2^32 two: a funnel's times to convert, in milliseconds over a window
   * of days, take two. Splitting into equal-width buckets alone, then sorting the wanted bucket,
   * cost a sort of most values when they are heavy-tailed (most conversions within minutes, a few
   * after weeks, all in the first buckets).
   */
  public Long[] quantiles(double... qs) {
    for (double q : qs) {
      if (!(q > 0 && q <= 1)) {
        throw new IllegalArgumentException("quantile must be in (0, 1], was " + q);
      }
    }
    Long[] out = new Long[qs.length];
    sync();
    int size = size();
    if (size == 0) {
      return out;
    }
    int m = qs.length;
    long[] lo = new long[m];
    long[] span = new long[m]; // the range is lo..lo + span
    int[] rank = new int[m]; // 0-based rank of the wanted value within the range
    for (int k = 0; k < m; k++) {
      lo[k] = min;
      span[k] = max - min;
      rank[k] = (int) Math.ceil(qs[k] * size) - 1;
    }
    int groups = size >= PARALLEL_VALUES ? Math.min(count, GROUPS) : 1;
    int open = m;
    int pass = 0;
    int parentShift = -1;
    while (open > 0) {
      // the distinct ranges still searched, each with its bucket width
      long[] probeLo = new long[open];
      long[] probeSpan = new long[open];
      int[] shift = new int[open];
      int[] probeOf = new int[m];
      int probes = 0;
      for (int k = 0; k < m; k++) {
        if (out[k] != null) {
          continue;
        }
        int p = 0;
        while (p < probes && (probeLo[p] != lo[k] || probeSpan[p] != span[k])) {
          p++;
        }
        if (p == probes) {
          probeLo[p] = lo[k];
          probeSpan[p] = span[k];
          shift[p] = Math.max(0, 64 - Long.numberOfLeadingZeros(span[k]) - BUCKET_BITS);
          probes++;
        }
        probeOf[k] = p;
      }
      int[][] counts = histograms(groups, probes, probeLo, probeSpan, shift, parentShift);
      parentShift = pass++ == 0 ? shift[0] : -1;
      for (int k = 0; k < m; k++) {
        if (out[k] != null) {
          continue;
        }
        int p = probeOf[k];
        int[] c = counts[p];
        int b = 0;
        while (c[b] <= rank[k]) {
          rank[k] -= c[b++];
        }
        long bucketLo = probeLo[p] + ((long) b << shift[p]);
        if (shift[p] == 0) {
          out[k] = bucketLo;
          open--;
        } else {
          lo[k] = bucketLo;
          span[k] = Math.min((1L << shift[p]) - 1, probeSpan[p] - ((long) b << shift[p]));
        }
      }
    }
    return out;
  }

  /**
   * One pass: for each probe, how many values fall in each of its buckets. In groups of segments,
   * in parallel when there are many values. {@code parentShift} is the first pass's bucket width
   * in the second pass (every probe is then one of its buckets), else -1.
   */
  private int[][] histograms(int groups, int probes, long[] lo, long[] span, int[] shift,
      int parentShift) {
    int[][][] byGroup = new int[groups][probes][];
    inGroups(groups, g -> {
      int[][] counts = byGroup[g];
      for (int p = 0; p < probes; p++) {
        counts[p] = new int[(int) (span[p] >>> shift[p]) + 1];
      }
      for (int s = first(g, groups); s < first(g + 1, groups); s++) {
        long[] seg = segments[s];
        if (probes == 2 && parentShift >= 0) { // a median and a p90, in the second pass
          count2(seg, lengths[s], lo, shift, parentShift, counts);
          continue;
        }
        for (int p = 0; p < probes; p++) {
          count(seg, lengths[s], lo[p], span[p], shift[p], counts[p]);
        }
      }
    });
    int[][] sum = byGroup[0];
    for (int g = 1; g < groups; g++) {
      for (int p = 0; p < probes; p++) {
        for (int b = 0; b < sum[p].length; b++) {
          sum[p][b] += byGroup[g][p][b];
        }
      }
    }
    return sum;
  }

  /**
   * Two probes that are buckets {@code b0} and {@code b1} of the first pass's histogram (its
   * buckets are {@code 1 << parentShift} wide from {@code min}): a value is in one when its
   * first-pass bucket is, one shift and two compares, as cheap as collecting the two buckets.
   */
  private void count2(long[] seg, int n, long[] lo, int[] shift, int parentShift,
      int[][] counts) {
    long b0 = (lo[0] - min) >>> parentShift;
    long b1 = (lo[1] - min) >>> parentShift;
    long lo0 = lo[0];
    long lo1 = lo[1];
    int shift0 = shift[0];
    int shift1 = shift[1];
    int[] counts0 = counts[0];
    int[] counts1 = counts[1];
    for (int i = 0; i < n; i++) {
      long v = seg[i];
      long b = (v - min) >>> parentShift;
      if (b == b0) {
        counts0[(int) ((v - lo0) >>> shift0)]++;
      } else if (b == b1) {
        counts1[(int) ((v - lo1) >>> shift1)]++;
      }
    }
  }

  private void count(long[] seg, int n, long lo, long span, int shift, int[] counts) {
    if (lo == min && span == max - min) { // the first pass: every value is in range
      for (int i = 0; i < n; i++) {
        counts[(int) ((seg[i] - lo) >>> shift)]++;
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      long d = seg[i] - lo;
      if (d >= 0 && d <= span) {
        counts[(int) (d >>> shift)]++;
      }
    }
  }

  /** The first segment of group {@code g} of {@code groups}. */
  private int first(int g, int groups) {
    return (int) ((long) count * g / groups);
  }

  private static void inGroups(int groups, IntConsumer task) {
    if (groups == 1) {
      task.accept(0);
    } else {
      IntStream.range(0, groups).parallel().forEach(task);
    }
  }
}
