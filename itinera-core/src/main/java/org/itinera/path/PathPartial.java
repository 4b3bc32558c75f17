package org.itinera.path;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.itinera.sequence.EventSequence;

/**
 * Pass one of a paths query: counts per path. It is also the walker's sink, so walking a customer
 * allocates nothing for packed paths.
 */
final class PathPartial implements Serializable, PathWalker.Sink {
  private static final long serialVersionUID = 1L;

  final PathCounts packed;
  final Map<NameSeq, long[]> wide = new HashMap<>();
  private final int names;
  long occurrences;
  private int stamp;

  PathPartial(int names, int maxLength) {
    this.names = names;
    this.packed = PathCounts.forPaths(names, maxLength);
  }

  void nextCustomer() {
    stamp++;
  }

  @Override
  public void path(EventSequence events, int first, int length) {
    occurrences++;
    if (PathCounts.packable(length, names)) {
      packed.count(PathKeys.pack(events, first, length), stamp);
    } else {
      long[] c = wide.computeIfAbsent(PathKeys.wide(events, first, length), k -> new long[3]);
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
  }
}
