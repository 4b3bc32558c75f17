package org.itinera.path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.Vocabulary;

/**
 * Pass one: count every path; finish ranks them. Where each customer has at most one path (from
 * journey start without sessions, or first anchors only) the shown paths' coverage follows from
 * their counts: covered customers are their occurrences, covered events their occurrences times
 * their lengths. Otherwise, when the paths pack into longs and at most {@value
 * ShownCoverage#MAX_TOP} are shown, the same pass tallies their coverage ({@link ShownCoverage}).
 * Either way {@link Paths#run} then needs no second pass.
 */
final class PathAnalysis implements SequenceAnalysis<PathPartial, PathAnalysis.Ranked> {
  private static final long serialVersionUID = 2L;

  /** One counted path: its names and either its packed key or its wide key. */
  record Counted(int[] names, long packed, NameSeq wide, long count, long customers) {}

  /**
   * The top paths ranked, how many distinct paths there were, all occurrences, and the shown
   * paths' coverage when the pass could tally it (else null).
   */
  record Ranked(List<Counted> paths, long distinct, long occurrences, Coverage coverage) {}

  private final PathWalker walker;
  private final int names;
  private final Vocabulary vocabulary;
  private final int top;
  /** Occurrences each partial buffers before it picks coverage candidates; 0: no tally. */
  private final int coverageBudget;
  /** Whether coverage follows from the counts (at most one path a customer). */
  private final boolean onePathEach;

  /**
   * @param coverageBudget {@link ShownCoverage#DEFAULT_BUDGET} to tally the coverage where the
   *     query allows, 0 never to
   */
  PathAnalysis(PathWalker walker, Vocabulary vocabulary, int top, int coverageBudget) {
    this.walker = walker;
    this.names = vocabulary.names().size();
    this.vocabulary = vocabulary;
    this.top = top;
    this.onePathEach = coverageBudget > 0 && walker.onePathPerCustomer();
    this.coverageBudget = coverageBudget > 0 && !onePathEach && top <= ShownCoverage.MAX_TOP
        && PathCounts.packable(walker.maxLength(), names) ? coverageBudget : 0;
  }

  @Override
  public PathPartial newPartial() {
    return new PathPartial(names, walker.maxLength(), walker.nameOfClass(),
        coverageBudget == 0 ? null : new ShownCoverage(coverageBudget));
  }

  @Override
  public void accept(PathPartial partial, EventSequence events) {
    partial.nextCustomer(events.size());
    walker.walk(events, partial);
    partial.endCustomer();
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
      long c = p.count(s);
      if (c != 0) {
        counts[n++] = c;
      }
    }
    for (long[] v : partial.wide.values()) {
      counts[n++] = v[0];
    }
    long threshold = n > top ? topmost(counts, n, top) : Long.MIN_VALUE;
    List<Counted> candidates = new ArrayList<>();
    for (int s = 0; s < p.capacity(); s++) {
      if (p.count(s) != 0 && p.count(s) >= threshold) {
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
    List<Counted> shown = candidates.subList(0, Math.min(top, candidates.size()));
    return new Ranked(shown, n, partial.occurrences,
        onePathEach ? coverageOfOnePathEach(partial, shown) : coverage(partial, shown));
  }

  /** The {@code k}-th largest of {@code values[0 .. n - 1]}, by a min-heap of the k largest. */
  static long topmost(long[] values, int n, int k) {
    long[] heap = new long[k];
    int size = 0;
    for (int i = 0; i < n; i++) {
      long v = values[i];
      if (size < k) {
        int at = size++;
        while (at > 0 && heap[(at - 1) / 2] > v) {
          heap[at] = heap[(at - 1) / 2];
          at = (at - 1) / 2;
        }
        heap[at] = v;
      } else if (v > heap[0]) {
        int at = 0;
        while (true) {
          int child = 2 * at + 1;
          if (child >= k) {
            break;
          }
          if (child + 1 < k && heap[child + 1] < heap[child]) {
            child++;
          }
          if (heap[child] >= v) {
            break;
          }
          heap[at] = heap[child];
          at = child;
        }
        heap[at] = v;
      }
    }
    return heap[0];
  }

  private static Coverage coverageOfOnePathEach(PathPartial partial, List<Counted> shown) {
    long customers = partial.occurrences;
    long covered = 0;
    long events = 0;
    for (Counted c : shown) {
      covered += c.count();
      events += c.count() * c.names().length;
    }
    return new Coverage(customers, covered, customers - covered, customers, covered,
        customers - covered, partial.events, events, partial.events - events);
  }

  private static Coverage coverage(PathPartial partial, List<Counted> shown) {
    ShownCoverage tally = partial.coverage;
    if (tally == null) {
      return null;
    }
    long[] keys = new long[shown.size()];
    long occurrencesShown = 0;
    for (int i = 0; i < keys.length; i++) {
      keys[i] = shown.get(i).packed();
      occurrencesShown += shown.get(i).count();
    }
    long[] covered = tally.finish(keys);
    if (covered == null) {
      return null;
    }
    return new Coverage(tally.customers, covered[0], tally.customers - covered[0],
        partial.occurrences, occurrencesShown, partial.occurrences - occurrencesShown,
        tally.events, covered[1], tally.events - covered[1]);
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
