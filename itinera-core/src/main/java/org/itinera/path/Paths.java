package org.itinera.path;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.SequenceSource;
import org.itinera.sequence.Vocabulary;

/**
 * Runs paths queries on any engine: one counting pass that also tallies the shown paths' coverage
 * where it can ({@link ShownCoverage}: paths of at most four events, at most {@value
 * ShownCoverage#MAX_TOP} shown), else a second, coverage pass over the shown paths.
 */
public final class Paths {
  private Paths() {}

  public static PathsResult run(SequenceSource source, PathSpec spec) {
    return run(source, spec, ShownCoverage.DEFAULT_BUDGET);
  }

  /** As {@link #run(SequenceSource, PathSpec)}, each partial buffering this many occurrences. */
  static PathsResult run(SequenceSource source, PathSpec spec, int coverageBudget) {
    List<PropertyPredicate> flags = spec.anchor().event() == null ? List.of()
        : EventPredicate.flagsOf(java.util.stream.Stream.of(spec.anchor().event()));
    PreparedQuery query = source.prepare(spec.filter(), flags, List.of());
    Vocabulary vocabulary = query.vocabulary();
    PathWalker walker = new PathWalker(spec, vocabulary);
    PathAnalysis counting = new PathAnalysis(walker, vocabulary, spec.top(), coverageBudget);
    PathAnalysis.Ranked ranked = counting.finish(query.run(counting));

    List<PathAnalysis.Counted> shown = ranked.paths();
    PathCounts shownPacked = new PathCounts();
    Set<NameSeq> shownWide = new HashSet<>();
    long shownOccurrences = 0;
    List<PathRow> rows = new ArrayList<>();
    for (PathAnalysis.Counted c : shown) {
      if (c.wide() == null) {
        shownPacked.addOccurrence(c.packed());
      } else {
        shownWide.add(c.wide());
      }
      shownOccurrences += c.count();
      rows.add(new PathRow(names(c.names(), vocabulary), c.count(), c.customers(),
          ranked.occurrences() == 0 ? 0 : (double) c.count() / ranked.occurrences()));
    }
    Coverage covered = ranked.coverage();
    if (covered == null) {
      CoverageAnalysis coverage = new CoverageAnalysis(walker, shownPacked, shownWide,
          vocabulary.names().size(), ranked.occurrences(), shownOccurrences);
      covered = coverage.finish(query.run(coverage));
    }
    return new PathsResult(rows, ranked.distinct(), covered,
        sankey(rows, spec.anchor().backward()));
  }

  /**
   * The counting pass as an analysis, for engines that drive analyses directly; its result lists
   * the top paths but no coverage (that needs the second pass {@link #run} makes).
   */
  public static SequenceAnalysis<?, List<PathRow>> countingAnalysis(PathSpec spec,
      PreparedQuery query) {
    PathAnalysis counting = new PathAnalysis(new PathWalker(spec, query.vocabulary()),
        query.vocabulary(), spec.top(), 0);
    return new RowsOnly(counting, query.vocabulary());
  }

  /** Adapts the counting pass's ranked result to rows. */
  private record RowsOnly(PathAnalysis counting, Vocabulary vocabulary)
      implements SequenceAnalysis<PathPartial, List<PathRow>> {
    @Override
    public PathPartial newPartial() {
      return counting.newPartial();
    }

    @Override
    public void accept(PathPartial partial, org.itinera.sequence.EventSequence events) {
      counting.accept(partial, events);
    }

    @Override
    public PathPartial merge(PathPartial left, PathPartial right) {
      return counting.merge(left, right);
    }

    @Override
    public List<PathRow> finish(PathPartial partial) {
      PathAnalysis.Ranked ranked = counting.finish(partial);
      return ranked.paths().stream().map(c -> new PathRow(names(c.names(), vocabulary), c.count(),
          c.customers(), ranked.occurrences() == 0 ? 0
              : (double) c.count() / ranked.occurrences())).toList();
    }
  }

  private static List<String> names(int[] ids, Vocabulary vocabulary) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(vocabulary.name(id));
    }
    return out;
  }

  static Sankey sankey(List<PathRow> rows, boolean backward) {
    Map<String, Sankey.Node> nodes = new LinkedHashMap<>();
    Map<List<Integer>, Long> links = new LinkedHashMap<>();
    for (PathRow row : rows) {
      int previous = -1;
      int n = row.events().size();
      for (int i = 0; i < n; i++) {
        int step = backward ? i - (n - 1) : i;
        String event = row.events().get(i);
        Sankey.Node node = nodes.computeIfAbsent(step + "\u0000" + event,
            k -> new Sankey.Node(nodes.size(), step, event));
        if (previous >= 0) {
          links.merge(List.of(previous, node.id()), row.count(), Long::sum);
        }
        previous = node.id();
      }
    }
    List<Sankey.Link> linkList = new ArrayList<>();
    links.forEach((k, v) -> linkList.add(new Sankey.Link(k.get(0), k.get(1), v)));
    return new Sankey(new ArrayList<>(nodes.values()), linkList);
  }
}
