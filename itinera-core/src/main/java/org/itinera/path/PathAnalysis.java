package org.itinera.path;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.Vocabulary;

/** Pass one: count every path; finish ranks them. */
final class PathAnalysis implements SequenceAnalysis<PathPartial, PathAnalysis.Ranked> {
  private static final long serialVersionUID = 1L;

  /** One counted path: its names and either its packed key or its wide key. */
  record Counted(int[] names, long packed, NameSeq wide, long count, long customers) {}

  /** The top paths ranked, how many distinct paths there were, and all occurrences. */
  record Ranked(List<Counted> paths, long distinct, long occurrences) {}

  private final PathWalker walker;
  private final int names;
  private final Vocabulary vocabulary;
  private final int top;

  PathAnalysis(PathWalker walker, Vocabulary vocabulary, int top) {
    this.walker = walker;
    this.names = vocabulary.names().size();
    this.vocabulary = vocabulary;
    this.top = top;
  }

  @Override
  public PathPartial newPartial() {
    return new PathPartial(names, walker.maxLength());
  }

  @Override
  public void accept(PathPartial partial, EventSequence events) {
    partial.nextCustomer();
    walker.walk(events, partial);
  }

  @Override
  public PathPartial merge(PathPartial left, PathPartial right) {
    left.addAll(right);
    return left;
  }

  /**
   * Ranks by count, then customers, then names. Only paths whose count reaches the top-th largest
   * count are built and fully ordered: there can be hundreds of thousands of distinct paths.
   */
  @Override
  public Ranked finish(PathPartial partial) {
    PathCounts p = partial.packed;
    long[] counts = new long[p.size() + partial.wide.size()];
    int n = 0;
    for (int s = 0; s < p.capacity(); s++) {
      if (p.key(s) != 0) {
        counts[n++] = p.count(s);
      }
    }
    for (long[] v : partial.wide.values()) {
      counts[n++] = v[0];
    }
    long threshold = Long.MIN_VALUE;
    if (n > top) {
      Arrays.sort(counts, 0, n);
      threshold = counts[n - top];
    }
    List<Counted> candidates = new ArrayList<>();
    for (int s = 0; s < p.capacity(); s++) {
      if (p.key(s) != 0 && p.count(s) >= threshold) {
        candidates.add(new Counted(PathKeys.unpack(p.key(s)), p.key(s), null, p.count(s),
            p.customers(s)));
      }
    }
    long limit = threshold;
    partial.wide.forEach((k, v) -> {
      if (v[0] >= limit) {
        candidates.add(new Counted(k.names, 0, k, v[0], v[1]));
      }
    });
    candidates.sort(Comparator.comparingLong(Counted::count).reversed()
        .thenComparing(Comparator.comparingLong(Counted::customers).reversed())
        .thenComparing(Counted::names, this::compareNames));
    return new Ranked(candidates.subList(0, Math.min(top, candidates.size())), n,
        partial.occurrences);
  }

  /** Ties are ordered by the event names' text, so every engine ranks alike. */
  private int compareNames(int[] a, int[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int c = vocabulary.name(a[i]).compareTo(vocabulary.name(b[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }
}
