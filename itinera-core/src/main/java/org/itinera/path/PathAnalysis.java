package org.itinera.path;

import java.util.ArrayList;
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

  /** All paths ranked, with the total number of occurrences. */
  record Ranked(List<Counted> paths, long occurrences) {}

  private final PathWalker walker;
  private final int names;
  private final Vocabulary vocabulary;

  PathAnalysis(PathWalker walker, Vocabulary vocabulary) {
    this.walker = walker;
    this.names = vocabulary.names().size();
    this.vocabulary = vocabulary;
  }

  @Override
  public PathPartial newPartial() {
    return new PathPartial(names);
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

  @Override
  public Ranked finish(PathPartial partial) {
    List<Counted> all = new ArrayList<>(partial.packed.size() + partial.wide.size());
    PathCounts p = partial.packed;
    for (int s = 0; s < p.keys.length; s++) {
      if (p.keys[s] != 0) {
        all.add(new Counted(PathKeys.unpack(p.keys[s]), p.keys[s], null, p.counts[s],
            p.customers[s]));
      }
    }
    partial.wide.forEach((k, v) -> all.add(new Counted(k.names, 0, k, v[0], v[1])));
    all.sort(Comparator.comparingLong(Counted::count).reversed()
        .thenComparing(Comparator.comparingLong(Counted::customers).reversed())
        .thenComparing(Counted::names, this::compareNames));
    return new Ranked(all, partial.occurrences);
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
