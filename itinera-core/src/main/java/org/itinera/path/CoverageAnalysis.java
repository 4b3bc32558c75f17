package org.itinera.path;

import java.io.Serializable;
import java.util.Set;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.SequenceAnalysis;

/**
 * Pass two: which customers and which events the shown paths cover. Distinct customers and events
 * cannot be derived from per-path counts (paths overlap), so the walk is repeated with the shown
 * paths known. Only run when the counting pass could not tally the coverage itself ({@link
 * ShownCoverage}: paths longer than four events, more than {@value ShownCoverage#MAX_TOP} shown,
 * or a shown path that a worker had not picked as a candidate).
 */
final class CoverageAnalysis implements SequenceAnalysis<CoverageAnalysis.Partial, Coverage> {
  private static final long serialVersionUID = 1L;

  private final PathWalker walker;
  private final PathCounts shownPacked;
  private final Set<NameSeq> shownWide;
  private final int names;
  private final int[] nameOfClass;
  private final long occurrences;
  private final long occurrencesShown;

  CoverageAnalysis(PathWalker walker, PathCounts shownPacked, Set<NameSeq> shownWide, int names,
      long occurrences, long occurrencesShown) {
    this.walker = walker;
    this.shownPacked = shownPacked;
    this.shownWide = Set.copyOf(shownWide);
    this.names = names;
    this.nameOfClass = walker.nameOfClass();
    this.occurrences = occurrences;
    this.occurrencesShown = occurrencesShown;
  }

  /** Counts, plus per-customer marks (transient scratch). */
  static final class Partial implements Serializable, PathWalker.Sink {
    private static final long serialVersionUID = 1L;
    long customers;
    long customersCovered;
    long events;
    long eventsCovered;
    private transient CoverageAnalysis owner;
    private transient boolean[] covered;
    private transient boolean any;
    private transient boolean anyShown;
    private transient int[] scratch;

    @Override
    public int[] scratch(int n) {
      if (scratch == null || scratch.length < n) {
        scratch = new int[Math.max(n, 64)];
      }
      return scratch;
    }

    @Override
    public void path(EventSequence events, int first, int length) {
      any = true;
      boolean shown = PathCounts.packable(length, owner.names)
          ? owner.shownPacked.contains(PathKeys.pack(events, owner.nameOfClass, first, length))
          : owner.shownWide.contains(PathKeys.wide(events, owner.nameOfClass, first, length));
      if (shown) {
        anyShown = true;
        for (int i = first; i < first + length; i++) {
          covered[i] = true;
        }
      }
    }
  }

  @Override
  public Partial newPartial() {
    Partial p = new Partial();
    p.owner = this;
    p.covered = new boolean[64];
    return p;
  }

  @Override
  public void accept(Partial p, EventSequence events) {
    int n = events.size();
    if (p.covered.length < n) {
      p.covered = new boolean[Math.max(n, p.covered.length * 2)];
    }
    java.util.Arrays.fill(p.covered, 0, n, false);
    p.any = false;
    p.anyShown = false;
    walker.walk(events, p);
    p.events += n;
    if (p.any) {
      p.customers++;
    }
    if (p.anyShown) {
      p.customersCovered++;
      for (int i = 0; i < n; i++) {
        if (p.covered[i]) {
          p.eventsCovered++;
        }
      }
    }
  }

  @Override
  public Partial merge(Partial left, Partial right) {
    left.customers += right.customers;
    left.customersCovered += right.customersCovered;
    left.events += right.events;
    left.eventsCovered += right.eventsCovered;
    return left;
  }

  @Override
  public Coverage finish(Partial p) {
    return new Coverage(p.customers, p.customersCovered, p.customers - p.customersCovered,
        occurrences, occurrencesShown, occurrences - occurrencesShown,
        p.events, p.eventsCovered, p.events - p.eventsCovered);
  }
}
