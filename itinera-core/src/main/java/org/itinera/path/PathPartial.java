package org.itinera.path;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.itinera.sequence.EventSequence;

/**
 * Pass one of a paths query: counts per path, and when the query allows it the shown paths'
 * coverage tally ({@link ShownCoverage}). It is also the walker's sink, so walking a customer
 * allocates nothing for packed paths.
 */
final class PathPartial implements Serializable, PathWalker.Sink {
  private static final long serialVersionUID = 2L;

  final PathCounts packed;
  final Map<NameSeq, long[]> wide = new HashMap<>();
  /** Null when the coverage needs a second pass. */
  final ShownCoverage coverage;
  private final int names;
  private final int[] nameOfClass;
  long occurrences;
  private int stamp;

  PathPartial(int names, int maxLength, int[] nameOfClass, ShownCoverage coverage) {
    this.names = names;
    this.nameOfClass = nameOfClass;
    this.packed = PathCounts.forPaths(names, maxLength);
    this.coverage = coverage;
  }

  void nextCustomer(int size) {
    stamp++;
    if (coverage != null) {
      coverage.beginCustomer(size);
    }
  }

  void endCustomer() {
    if (coverage != null) {
      coverage.endCustomer(packed);
    }
  }

  @Override
  public void path(EventSequence events, int first, int length) {
    occurrences++;
    if (packed.dense()) {
      // every path fits: key and slot in one read of the names
      long key = 0;
      int index = 0;
      for (int i = 0; i < length; i++) {
        int digit = nameOfClass[events.eventClass(first + i)] + 1;
        key |= (long) digit << (16 * i);
        index += packed.weight(i) * digit;
      }
      packed.countDense(index, stamp);
      if (coverage != null) {
        coverage.occurrence(key, first);
      }
    } else if (PathCounts.packable(length, names)) {
      long key = PathKeys.pack(events, nameOfClass, first, length);
      packed.count(key, stamp);
      if (coverage != null) {
        coverage.occurrence(key, first);
      }
    } else {
      long[] c = wide.computeIfAbsent(PathKeys.wide(events, nameOfClass, first, length),
          k -> new long[3]);
      c[0]++;
      if (c[2] != stamp) {
        c[2] = stamp;
        c[1]++;
      }
    }
  }

  void addAll(PathPartial other) {
    packed.addAll(other.packed);
    other.wide.forEach((k, v) -> wide.merge(k, new long[] {v[0], v[1], 0}, (a, b) -> {
      a[0] += b[0];
      a[1] += b[1];
      a[2] = 0;
      return a;
    }));
    occurrences += other.occurrences;
    if (coverage != null) {
      coverage.merge(other.coverage);
    }
  }
}
