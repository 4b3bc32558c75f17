package org.itinera.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.itinera.ItineraException;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.TestEvents;
import org.junit.jupiter.api.Test;

class PathsHandComputedTest {

  private static List<String> rows(PathsResult r) {
    return r.paths().stream().map(p -> String.join(">", p.events()) + "=" + p.count() + "/"
        + p.customers()).toList();
  }

  @Test
  void start_withSessionGap_startsAPathPerSession() {
    TestEvents e = new TestEvents().add("u1", 0, "A").add("u1", 10, "B").add("u1", 100, "C")
        .add("u1", 110, "A").add("u2", 0, "A").add("u2", 5, "B");
    PathsResult r = Paths.run(e.source(), PathSpec.of(Anchor.start(), 3).withSessionGap(50L));
    assertThat(rows(r)).containsExactly("A>B=2/2", "C>A=1/1");
    PathsResult noSessions = Paths.run(e.source(), PathSpec.of(Anchor.start(), 3));
    assertThat(rows(noSessions)).containsExactly("A>B=1/1", "A>B>C=1/1");
  }

  @Test
  void from_stopsAtWindowAndCountsEveryOccurrence() {
    TestEvents e = new TestEvents().add("u1", 0, "B").add("u1", 5, "C").add("u1", 10, "B")
        .add("u1", 100, "D");
    PathsResult r = Paths.run(e.source(),
        PathSpec.of(Anchor.from(EventPredicate.named("B")), 2).withWindow(20L));
    assertThat(rows(r)).containsExactly("B=1/1", "B>C=1/1");
    PathsResult first = Paths.run(e.source(),
        PathSpec.of(Anchor.from(EventPredicate.named("B")), 2).withFirstOnly(true));
    assertThat(rows(first)).containsExactly("B>C=1/1");
  }

  @Test
  void to_runsBackwardAndEndsAtTheAnchor() {
    TestEvents e = new TestEvents().add("u1", 0, "X").add("u1", 1, "A").add("u1", 2, "B")
        .add("u1", 3, "C").add("u2", 0, "C");
    PathsResult r = Paths.run(e.source(), PathSpec.of(Anchor.to(EventPredicate.named("C")), 3));
    assertThat(rows(r)).containsExactly("A>B>C=1/1", "C=1/1");
    assertThat(r.sankey().nodes()).extracting(n -> n.step() + ":" + n.event())
        .containsExactly("-2:A", "-1:B", "0:C");
  }

  @Test
  void customers_countDistinctCustomersPerPath() {
    TestEvents e = new TestEvents().add("u1", 0, "A").add("u1", 1, "B").add("u1", 2, "A")
        .add("u1", 3, "B").add("u2", 0, "A").add("u2", 1, "B");
    PathsResult r = Paths.run(e.source(), PathSpec.of(Anchor.from(EventPredicate.named("A")), 2));
    assertThat(rows(r)).containsExactly("A>B=3/2");
    assertThat(r.paths().get(0).share()).isEqualTo(1.0);
  }

  @Test
  void coverage_reportsWhatTheTopPathsCut() {
    TestEvents e = new TestEvents().add("u1", 0, "A").add("u1", 1, "B")
        .add("u2", 0, "A").add("u2", 1, "B").add("u3", 0, "C").add("u3", 1, "D")
        .add("u3", 2, "E");
    PathsResult r = Paths.run(e.source(), PathSpec.of(Anchor.start(), 2).withTop(1));
    assertThat(rows(r)).containsExactly("A>B=2/2");
    assertThat(r.distinctPaths()).isEqualTo(2);
    Coverage c = r.coverage();
    assertThat(c).isEqualTo(new Coverage(3, 2, 1, 3, 2, 1, 7, 4, 3));
  }

  @Test
  void sankey_linksConsecutiveStepsWeightedByOccurrences() {
    TestEvents e = new TestEvents().add("u1", 0, "A").add("u1", 1, "B").add("u1", 2, "C")
        .add("u2", 0, "A").add("u2", 1, "B").add("u2", 2, "D").add("u3", 0, "A")
        .add("u3", 1, "B").add("u3", 2, "C");
    Sankey s = Paths.run(e.source(), PathSpec.of(Anchor.start(), 3)).sankey();
    assertThat(s.nodes()).extracting(n -> n.step() + ":" + n.event())
        .containsExactly("0:A", "1:B", "2:C", "2:D");
    assertThat(s.links()).containsExactly(new Sankey.Link(0, 1, 3), new Sankey.Link(1, 2, 2),
        new Sankey.Link(1, 3, 1));
  }

  @Test
  void longPaths_beyondPackedKeys() {
    TestEvents e = new TestEvents();
    for (int i = 0; i < 7; i++) {
      e.add("u1", i, "E" + i).add("u2", i, "E" + i);
    }
    PathsResult r = Paths.run(e.source(), PathSpec.of(Anchor.start(), 0));
    assertThat(rows(r)).containsExactly("E0>E1>E2>E3>E4>E5>E6=2/2");
  }

  @Test
  void spec_rejectsBadLengthAndTop() {
    assertThatThrownBy(() -> PathSpec.of(Anchor.start(), -1)).isInstanceOf(ItineraException.class)
        .hasMessageContaining("path length is -1");
    assertThatThrownBy(() -> PathSpec.of(Anchor.start(), 2).withTop(0))
        .isInstanceOf(ItineraException.class).hasMessageContaining("top is 0");
  }
}
