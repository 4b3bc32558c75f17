package org.itinera.index;

import java.util.Arrays;

/** A growable list of (position, value) pairs in ascending position order, for side tables. */
final class Sparse {
  private int[] positions = new int[16];
  private long[] values = new long[16];
  private int size;

  void add(int position, long value) {
    if (size == positions.length) {
      positions = Arrays.copyOf(positions, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    positions[size] = position;
    values[size++] = value;
  }

  void addAll(Sparse other) {
    for (int i = 0; i < other.size; i++) {
      add(other.positions[i], other.values[i]);
    }
  }

  int[] positions() {
    return Arrays.copyOf(positions, size);
  }

  long[] longs() {
    return Arrays.copyOf(values, size);
  }

  int[] ints() {
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = (int) values[i];
    }
    return out;
  }
}
