package org.itinera.journeymap;

import java.io.Serializable;

/** Sentiment sums for a fixed number of buckets (stages, touchpoints or cells). */
final class EmotionTally implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] sum;
  private final long[] scored;
  private final long[] negative;

  EmotionTally(int buckets) {
    sum = new double[buckets];
    scored = new long[buckets];
    negative = new long[buckets];
  }

  void add(int bucket, double sentiment) {
    sum[bucket] += sentiment;
    scored[bucket]++;
    if (sentiment <= Emotion.NEGATIVE_AT_MOST) {
      negative[bucket]++;
    }
  }

  void addAll(EmotionTally other) {
    for (int b = 0; b < sum.length; b++) {
      sum[b] += other.sum[b];
      scored[b] += other.scored[b];
      negative[b] += other.negative[b];
    }
  }

  Emotion emotion(int bucket) {
    long n = scored[bucket];
    return n == 0 ? new Emotion(0, null, null)
        : new Emotion(n, sum[bucket] / n, (double) negative[bucket] / n);
  }
}
