package org.itinera.index;

import java.util.Arrays;
import org.itinera.sequence.Measure;

/**
 * Numeric fields, stored sparsely: most events carry no sentiment, rating or revenue, so only the
 * positions that do are kept (sorted), with NaN for the fields an event lacks. Sentiment and rating
 * fit a float; revenue keeps a double.
 */
final class Measures {
  static final Measures NONE = new Measures(new int[0], new float[0], new float[0], new double[0]);

  private final int[] positions;
  private final float[] sentiment;
  private final float[] rating;
  private final double[] revenue;

  Measures(int[] positions, float[] sentiment, float[] rating, double[] revenue) {
    this.positions = positions;
    this.sentiment = sentiment;
    this.rating = rating;
    this.revenue = revenue;
  }

  /** The index of the first stored position at or after {@code position}. */
  int lowerBound(int position) {
    int i = Arrays.binarySearch(positions, position);
    return i >= 0 ? i : -i - 1;
  }

  int size() {
    return positions.length;
  }

  int position(int k) {
    return positions[k];
  }

  double value(Measure m, int k) {
    return switch (m) {
      case SENTIMENT -> sentiment[k];
      case RATING -> rating[k];
      case REVENUE -> revenue[k];
    };
  }

  /** The value at {@code position}, or NaN (a binary search; for random access). */
  double at(Measure m, int position) {
    int k = Arrays.binarySearch(positions, position);
    return k < 0 ? Double.NaN : value(m, k);
  }

  long bytes() {
    return 20L * positions.length;
  }
}
