package org.itinera.sequence;

import java.io.Serializable;
import java.util.Arrays;

/**
 * An exact, mergeable distribution of durations (milliseconds) with nearest-rank quantiles: the
 * q-quantile of n values is the ceil(q·n)-th smallest, so the median of an even count is the lower
 * middle value. Every value is kept (8 bytes each) because analysts compare medians across
 * breakdowns and an approximate sketch would make small groups disagree with their raw events.
 *
 * <p>Quantiles use a radix select rather than a sort: the range is kept as values arrive, then one
 * pass histograms the top 16 bits of it and one collects the few values in the buckets holding
 * every wanted rank. That keeps a million-value median and p90 at a few milliseconds, which
 * matters inside a 30 ms funnel.
 */
public final class Durations implements Serializable {
  private static final long serialVersionUID = 3L;
  private static final int BUCKET_BITS = 16;
  /** Segment size cap: 32k values (256 KB), well below the size G1 treats as humongous. */
  private static final int SEGMENT = 1 << 15;
  /** The open segment of an instance that writes no more to its last one (never written to). */
  private static final long[] CLOSED = new long[0];

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

  private static int firstWithBucket(int[] bucket, int k) {
    for (int j = 0; j < k; j++) {
      if (bucket[j] == bucket[k]) {
        return j;
      }
    }
    return k;
  }

  /** The nearest-rank quantile, or null when empty. {@code q} in (0, 1]. */
  public Long quantile(double q) {
    return quantiles(q)[0];
  }

  /** Several quantiles in one pass set; nulls when empty. */
  public Long[] quantiles(double... qs) {
    Long[] out = new Long[qs.length];
    sync();
    int size = size();
    if (size == 0) {
      return out;
    }
    int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(max - min) - BUCKET_BITS);
    int[] counts = new int[(int) ((max - min) >>> shift) + 1];
    for (int s = 0; s < count; s++) {
      long[] seg = segments[s];
      for (int i = 0, n = lengths[s]; i < n; i++) {
        counts[(int) ((seg[i] - min) >>> shift)]++;
      }
    }
    int[] rank = new int[qs.length];
    int[] bucket = new int[qs.length];
    int[] below = new int[qs.length];
    for (int k = 0; k < qs.length; k++) {
      if (!(qs[k] > 0 && qs[k] <= 1)) {
        throw new IllegalArgumentException("quantile must be in (0, 1], was " + qs[k]);
      }
      rank[k] = (int) Math.ceil(qs[k] * size) - 1; // 0-based rank of the wanted value
      int b = 0;
      int n = 0;
      while (n + counts[b] <= rank[k]) {
        n += counts[b++];
      }
      bucket[k] = b;
      below[k] = n;
    }
    // One pass collects the values of every wanted bucket (quantiles may share one) into slices.
    int[] first = new int[qs.length];
    int[] offset = new int[qs.length];
    int total = 0;
    for (int k = 0; k < qs.length; k++) {
      first[k] = firstWithBucket(bucket, k);
      if (first[k] == k) {
        offset[k] = total;
        total += counts[bucket[k]];
      } else {
        offset[k] = offset[first[k]];
      }
    }
    long[] picked = new long[total];
    int[] fill = offset.clone();
    for (int s = 0; s < count; s++) {
      long[] seg = segments[s];
      for (int i = 0, n = lengths[s]; i < n; i++) {
        int b = (int) ((seg[i] - min) >>> shift);
        for (int k = 0; k < qs.length; k++) {
          if (bucket[k] == b) {
            picked[fill[first[k]]++] = seg[i];
            break;
          }
        }
      }
    }
    for (int k = 0; k < qs.length; k++) {
      if (first[k] == k) {
        Arrays.sort(picked, offset[k], offset[k] + counts[bucket[k]]);
      }
      out[k] = picked[offset[k] + rank[k] - below[k]];
    }
    return out;
  }
}
