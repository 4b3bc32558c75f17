package org.itinera.path;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.itinera.sequence.EventSequence;

/**
 * Pass one of a paths query: counts per path, and when the query allows it the shown paths'
 * coverage tally ({@link ShownCoverage}). It is also the walker's sink, so walking a customer
 * allocates nothing for packed paths. It remembers the current customer's packed paths (dense
 * slots, or keys) so that, when the customer ends, a path it had more than once counts it once
 * as a customer ({@link PathCounts#repeat}).
 */
final class PathPartial implements Serializable, PathWalker.Sink {
  private static final long serialVersionUID = 3L;

  final PathCounts packed;
  final Map<NameSeq, long[]> wide = new HashMap<>();
  /** Null when the coverage needs a second pass. */
  final ShownCoverage coverage;
  private final int names;
  private final int[] nameOfClass;
  long occurrences;
  /** Events of every customer seen. */
  long events;
  private int stamp;
  /** The current customer's packed paths: dense slots or keys (transient scratch). */
  private transient long[] seen;
  private transient int seenCount;
  private transient int[] scratch;

  PathPartial(int names, int maxLength, int[] nameOfClass, ShownCoverage coverage) {
    this.names = names;
    this.nameOfClass = nameOfClass;
    this.packed = PathCounts.forPaths(names, maxLength);
    this.coverage = coverage;
  }

  void nextCustomer(int size) {
    stamp++;
    events += size;
    seenCount = 0;
    if (seen == null) {
      seen = new long[16];
    }
    if (coverage != null) {
      coverage.beginCustomer(size);
    }
  }

  void endCustomer() {
    if (seenCount > 1) {
      repeats();
    }
    if (coverage != null) {
      coverage.endCustomer(packed);
    }
  }

  /** Reports the paths the customer had more than once. */
  private void repeats() {
    if (seenCount <= 8) {
      // a few paths: compare each with the earlier ones rather than sort
      for (int i = 1; i < seenCount; i++) {
        for (int j = 0; j < i; j++) {
          if (seen[j] == seen[i]) {
            if (packed.dense()) {
              packed.repeatDense((int) seen[i], 1);
            } else {
              packed.repeat(seen[i], 1);
            }
            break;
          }
        }
      }
      return;
    }
    Arrays.sort(seen, 0, seenCount);
    for (int i = 0; i < seenCount; ) {
      int j = i + 1;
      while (j < seenCount && seen[j] == seen[i]) {
        j++;
      }
      if (j - i > 1) {
        if (packed.dense()) {
          packed.repeatDense((int) seen[i], j - i - 1);
        } else {
          packed.repeat(seen[i], j - i - 1);
        }
      }
      i = j;
    }
  }

  private void see(long slotOrKey) {
    if (seenCount == seen.length) {
      seen = Arrays.copyOf(seen, seenCount * 2);
    }
    seen[seenCount++] = slotOrKey;
  }

  @Override
  public int[] scratch(int n) {
    if (scratch == null || scratch.length < n) {
      scratch = new int[Math.max(n, 64)];
    }
    return scratch;
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
      packed.countDense(index);
      see(index);
      if (coverage != null) {
        coverage.occurrence(key, first);
      }
    } else if (PathCounts.packable(length, names)) {
      long key = PathKeys.pack(events, nameOfClass, first, length);
      packed.addOccurrence(key);
      see(key);
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
    events += other.events;
    if (coverage != null) {
      coverage.merge(other.coverage);
    }
  }
}
