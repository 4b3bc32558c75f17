package org.itinera.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.itinera.event.Event;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.InMemorySource;
import org.itinera.sequence.TestEvents;

/** Paths against a naive list-based reference on random streams. */
class PathsPropertyTest {

  @Provide
  Arbitrary<List<Event>> streams() {
    return streams(4, 30, 3, 1, 40);
  }

  /** Longer streams over ten names: more distinct paths than the coverage tally has candidates. */
  @Provide
  Arbitrary<List<Event>> manyPaths() {
    return streams(6, 200, 9, 150, 400);
  }

  private static Arbitrary<List<Event>> streams(int customers, int times, int names, int min,
      int max) {
    Arbitrary<int[]> row = Combinators.combine(Arbitraries.integers().between(0, customers),
        Arbitraries.integers().between(0, times), Arbitraries.integers().between(0, names))
        .as((c, t, n) -> new int[] {c, t, n});
    return row.list().ofMinSize(min).ofMaxSize(max).map(rows -> {
      List<Event> events = new ArrayList<>();
      for (int[] r : rows) {
        events.add(TestEvents.event(events.size(), "c" + r[0], r[1], "track",
            String.valueOf((char) ('A' + r[2])), "web", null, null));
      }
      return events;
    });
  }

  @Provide
  Arbitrary<PathSpec> specs() {
    Arbitrary<Anchor> anchor = Arbitraries.of(Anchor.start(), Anchor.every(),
        Anchor.from(EventPredicate.named("A")), Anchor.to(EventPredicate.named("B")));
    return Combinators.combine(anchor, Arbitraries.integers().between(0, 6),
        Arbitraries.longs().between(1, 10).injectNull(0.5),
        Arbitraries.longs().between(0, 15).injectNull(0.5), Arbitraries.of(true, false),
        Arbitraries.integers().between(1, 6))
        .as((a, len, gap, window, firstOnly, top) -> PathSpec.of(a, len).withSessionGap(gap)
            .withWindow(window).withFirstOnly(firstOnly).withTop(top));
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.FIRST)
  void engine_matchesReference(@ForAll("streams") List<Event> events,
      @ForAll("specs") PathSpec spec, @ForAll @IntRange(min = 1, max = 3) int parts) {
    check(events, spec, Paths.run(new InMemorySource(events, Map.of(), parts), spec));
  }

  /**
   * The one-pass coverage tally with small buffers, so that partials pick candidates early, among
   * more distinct paths than there are candidates, and sometimes must fall back to a second pass.
   */
  @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
  void engine_matchesReference_tallyingEarly(@ForAll("manyPaths") List<Event> events,
      @ForAll("specs") PathSpec spec, @ForAll @IntRange(min = 1, max = 4) int parts,
      @ForAll @IntRange(min = 1, max = 200) int budget) {
    check(events, spec, Paths.run(new InMemorySource(events, Map.of(), parts), spec, budget));
  }

  private static void check(List<Event> events, PathSpec spec, PathsResult actual) {
    Map<String, List<Event>> byCustomer = new TreeMap<>();
    events.forEach(e -> byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e));
    Map<List<String>, long[]> counts = new HashMap<>();
    Map<List<String>, Set<String>> customers = new HashMap<>();
    Map<String, List<int[]>> occurrences = new HashMap<>();
    long total = 0;
    for (var entry : byCustomer.entrySet()) {
      List<Event> list = entry.getValue();
      list.sort(Comparator.comparingLong(Event::ts));
      List<int[]> ranges = referencePaths(list, spec);
      occurrences.put(entry.getKey(), ranges);
      for (int[] r : ranges) {
        List<String> names = new ArrayList<>();
        for (int i = r[0]; i < r[0] + r[1]; i++) {
          names.add(list.get(i).name());
        }
        counts.computeIfAbsent(names, k -> new long[1])[0]++;
        customers.computeIfAbsent(names, k -> new HashSet<>()).add(entry.getKey());
        total++;
      }
    }
    assertThat(actual.distinctPaths()).isEqualTo(counts.size());
    assertThat(actual.coverage().paths()).isEqualTo(total);
    for (PathRow row : actual.paths()) {
      assertThat(row.count()).isEqualTo(counts.get(row.events())[0]);
      assertThat(row.customers()).isEqualTo(customers.get(row.events()).size());
    }
    List<Long> sortedCounts = counts.values().stream().map(c -> c[0])
        .sorted(Comparator.reverseOrder()).limit(spec.top()).toList();
    assertThat(actual.paths()).extracting(PathRow::count).isEqualTo(sortedCounts);

    Set<List<String>> shown = new HashSet<>();
    actual.paths().forEach(p -> shown.add(p.events()));
    long covered = 0;
    long eventsCovered = 0;
    long withPaths = 0;
    for (var entry : byCustomer.entrySet()) {
      List<Event> list = entry.getValue();
      boolean[] marks = new boolean[list.size()];
      boolean any = false;
      for (int[] r : occurrences.get(entry.getKey())) {
        List<String> names = list.subList(r[0], r[0] + r[1]).stream().map(Event::name).toList();
        if (shown.contains(names)) {
          any = true;
          for (int i = r[0]; i < r[0] + r[1]; i++) {
            marks[i] = true;
          }
        }
      }
      withPaths += occurrences.get(entry.getKey()).isEmpty() ? 0 : 1;
      covered += any ? 1 : 0;
      for (boolean m : marks) {
        eventsCovered += m ? 1 : 0;
      }
    }
    assertThat(actual.coverage().customers()).isEqualTo(withPaths);
    assertThat(actual.coverage().customersCovered()).isEqualTo(covered);
    assertThat(actual.coverage().eventsCovered()).isEqualTo(eventsCovered);
    assertThat(actual.coverage().events()).isEqualTo(events.size());
  }

  /** Position ranges {first, length} of every path, the slow obvious way. */
  private static List<int[]> referencePaths(List<Event> list, PathSpec spec) {
    int limit = spec.length() == 0 ? Integer.MAX_VALUE : spec.length();
    long gap = spec.sessionGapMs() == null ? Long.MAX_VALUE : spec.sessionGapMs();
    long window = spec.windowMs() == null ? Long.MAX_VALUE : spec.windowMs();
    List<int[]> out = new ArrayList<>();
    for (int a = 0; a < list.size(); a++) {
      boolean isAnchor = switch (spec.anchor().kind()) {
        case START -> a == 0 || list.get(a).ts() - list.get(a - 1).ts() > gap;
        case EVERY -> true;
        case FROM -> list.get(a).name().equals("A");
        case TO -> list.get(a).name().equals("B");
      };
      if (!isAnchor) {
        continue;
      }
      List<Integer> members = new ArrayList<>(List.of(a));
      int step = spec.anchor().kind() == Anchor.Kind.TO ? -1 : 1;
      for (int j = a + step; j >= 0 && j < list.size() && members.size() < limit; j += step) {
        int prev = j - step;
        boolean sameSession = Math.abs(list.get(j).ts() - list.get(prev).ts()) <= gap;
        boolean inWindow = Math.abs(list.get(j).ts() - list.get(a).ts()) <= window;
        if (!sameSession || !inWindow) {
          break;
        }
        members.add(j);
      }
      int first = Math.min(members.get(0), members.get(members.size() - 1));
      out.add(new int[] {first, members.size()});
      if (spec.firstOnly()) {
        break;
      }
    }
    return out;
  }
}
