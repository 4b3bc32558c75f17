package org.itinera.sequence;

import java.io.Serializable;
import java.util.Arrays;

/**
 * An exact, mergeable distribution of durations (milliseconds) with nearest-rank quantiles: the
 * q-quantile of n values is the ceil(q·n)-th smallest, so the median of an even count is the lower
 * middle value. Every value is kept (8 bytes each) because analysts compare medians across
 * breakdowns and an approximate sketch would make small groups disagree with their raw events.
 *
 * <p>Quantiles use a radix select rather than a sort: one pass for the range, one to histogram the
 * top 16 bits, one to collect the few values in the buckets holding the wanted ranks. That keeps a
 * million-value median at a few milliseconds, which matters inside a 30 ms funnel.
 */
public final class Durations implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int BUCKET_BITS = 16;

  private long[] values = new long[8];
  private int size;

  public void add(long durationMs) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = durationMs;
  }

  /** Adds all of {@code other}'s values to this one. */
  public void addAll(Durations other) {
    if (size + other.size > values.length) {
      values = Arrays.copyOf(values, Math.max(size + other.size, values.length * 2));
    }
    System.arraycopy(other.values, 0, values, size, other.size);
    size += other.size;
  }

  public int size() {
    return size;
  }

  /** The nearest-rank quantile, or null when empty. {@code q} in (0, 1]. */
  public Long quantile(double q) {
    return quantiles(q)[0];
  }

  /** Several quantiles in one pass set; nulls when empty. */
  public Long[] quantiles(double... qs) {
    Long[] out = new Long[qs.length];
    if (size == 0) {
      return out;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(max - min) - BUCKET_BITS);
    int[] counts = new int[(int) ((max - min) >>> shift) + 1];
    for (int i = 0; i < size; i++) {
      counts[(int) ((values[i] - min) >>> shift)]++;
    }
    for (int k = 0; k < qs.length; k++) {
      if (!(qs[k] > 0 && qs[k] <= 1)) {
        throw new IllegalArgumentException("quantile must be in (0, 1], was " + qs[k]);
      }
      int rank = (int) Math.ceil(qs[k] * size) - 1; // 0-based rank of the wanted value
      int bucket = 0;
      int below = 0;
      while (below + counts[bucket] <= rank) {
        below += counts[bucket++];
      }
      long[] inBucket = new long[counts[bucket]];
      int n = 0;
      for (int i = 0; i < size; i++) {
        if ((int) ((values[i] - min) >>> shift) == bucket) {
          inBucket[n++] = values[i];
        }
      }
      Arrays.sort(inBucket);
      out[k] = inBucket[rank - below];
    }
    return out;
  }
}
