package org.itinera.journeymap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.itinera.event.Event;
import org.itinera.journey.JourneyModel;
import org.itinera.sequence.InMemorySource;
import org.itinera.sequence.TestEvents;
import org.junit.jupiter.api.Test;

class JourneyMapTest {
  private static final JourneyModel MODEL = JourneyModel.parse("""
      stages: [a, b, c]
      rules:
        - {stage: a, when: {name: A}}
        - {stage: b, touchpoint: bt, when: {name: B}}
        - {stage: c, when: {name: C}}
      goals:
        - {name: done, when: {name: C}}
      """, "test.yml");

  @Test
  void handComputed_stagesTransitionsStaysMatrixAndEmotion() {
    TestEvents e = new TestEvents()
        .add("u1", 0, "A", "web", null, -0.5).add("u1", 10, "B", "web", null, 0.5)
        .add("u1", 20, "A").add("u1", 50, "C").add("u1", 60, "X")
        .add("u2", 0, "B");
    JourneyMapResult r = JourneyMaps.run(e.source(), JourneyMapSpec.of(MODEL));

    assertThat(r.customers()).isEqualTo(2);
    assertThat(r.customersInStages()).isEqualTo(2);
    assertThat(r.events()).isEqualTo(6);
    assertThat(r.unmappedEvents()).isEqualTo(1);
    StageResult a = r.stages().get(0);
    StageResult b = r.stages().get(1);
    StageResult c = r.stages().get(2);
    assertThat(a).isEqualTo(new StageResult("a", "a", 1, 1, 1.0, 0, 0.0, 1, 1.0, 2, 10L, 30L, 2,
        new Emotion(1, -0.5, 1.0)));
    assertThat(b).isEqualTo(new StageResult("b", "b", 2, 1, 0.5, 1, 0.5, 1, 0.5, 2, 10L, 10L, 1,
        new Emotion(1, 0.5, 0.0)));
    assertThat(c).isEqualTo(new StageResult("c", "c", 1, 0, 0.0, 1, 1.0, 1, 1.0, 1, null, null, 0,
        new Emotion(0, null, null)));
    assertThat(r.transitions()).containsExactlyInAnyOrder(
        new TransitionResult("(start)", "a", "entry", 1, 1),
        new TransitionResult("(start)", "b", "entry", 1, 1),
        new TransitionResult("a", "b", "forward", 1, 1),
        new TransitionResult("b", "a", "back", 1, 1),
        new TransitionResult("a", "c", "skip", 1, 1));
    assertThat(r.touchpoints()).containsExactly(
        new TouchpointResult("web", 4, 1, new Emotion(1, -0.5, 1.0)),
        new TouchpointResult("bt", 2, 2, new Emotion(1, 0.5, 0.0)));
    assertThat(r.matrix()).containsExactly(
        new MatrixCell("a", "web", 2, 1, new Emotion(1, -0.5, 1.0)),
        new MatrixCell("b", "bt", 2, 2, new Emotion(1, 0.5, 0.0)),
        new MatrixCell("c", "web", 1, 1, new Emotion(0, null, null)));
    assertThat(r.goals()).containsExactly("done");
  }

  /**
   * Sentiment on an event no rule maps counts for its touchpoint only; on an event whose rule
   * depends on its properties, for the rule that matched.
   */
  @Test
  void emotion_ofUnmappedEventsAndOfPropertyRules() {
    JourneyModel model = JourneyModel.parse("""
        stages: [browse, vip]
        rules:
          - {stage: vip, touchpoint: big, when: {name: Order, properties: {total: {gte: 100}}}}
          - {stage: browse, when: {name: Order}}
        """, "t.yml");
    TestEvents e = new TestEvents()
        .add("u1", 0, "Order", "web", "{\"total\": 150}", 0.75)
        .add("u1", 5, "Order", "web", "{\"total\": 15}", -0.25)
        .add("u1", 9, "Chat", "web", null, -1.0)
        .add("u2", 0, "Order", "web", "{\"total\": 15}", null)
        .add("u2", 3, "Order", "web", "{\"total\": 200}", 0.25);
    JourneyMapResult r = JourneyMaps.run(e.source(), JourneyMapSpec.of(model));
    assertThat(r.stages()).extracting(StageResult::emotion).containsExactly(
        new Emotion(1, -0.25, 1.0), new Emotion(2, 0.5, 0.0));
    assertThat(r.touchpoints()).extracting(TouchpointResult::touchpoint, TouchpointResult::emotion)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("big", new Emotion(2, 0.5, 0.0)),
            org.assertj.core.groups.Tuple.tuple("web", new Emotion(2, -0.625, 1.0)));
    assertThat(r.unmappedEvents()).isEqualTo(1);
  }

  @Test
  void propertyRules_firstMatchWins() {
    JourneyModel model = JourneyModel.parse("""
        stages: [browse, vip]
        rules:
          - {stage: vip, when: {name: Order, properties: {total: {gte: 100}}}}
          - {stage: browse, when: {name: Order}}
        """, "t.yml");
    TestEvents e = new TestEvents().add("u1", 0, "Order", "web", "{\"total\": 150}", null)
        .add("u2", 0, "Order", "web", "{\"total\": 15}", null);
    JourneyMapResult r = JourneyMaps.run(e.source(), JourneyMapSpec.of(model));
    assertThat(r.stages()).extracting(StageResult::customers).containsExactly(1L, 1L);
  }

  @Provide
  Arbitrary<List<Event>> streams() {
    Arbitrary<Event> event = Combinators.combine(Arbitraries.integers().between(0, 6),
        Arbitraries.longs().between(0, 40), Arbitraries.of("A", "B", "C", "X"),
        Arbitraries.doubles().between(-1, 1).injectNull(0.5))
        .as((c, t, n, s) -> TestEvents.event(0, "c" + c, t, "track", n, "web", null, s));
    return event.list().ofMaxSize(50).map(list -> {
      List<Event> out = new java.util.ArrayList<>();
      for (Event x : list) {
        out.add(TestEvents.event(out.size(), x.customerId(), x.ts(), "track", x.name(), "web",
            null, x.sentiment()));
      }
      return out;
    });
  }

  @Property(tries = 200)
  void result_doesNotDependOnPartitioning(@ForAll("streams") List<Event> events) {
    JourneyMapResult one = JourneyMaps.run(new InMemorySource(events, Map.of(), 1),
        JourneyMapSpec.of(MODEL));
    JourneyMapResult three = JourneyMaps.run(new InMemorySource(events, Map.of(), 3),
        JourneyMapSpec.of(MODEL));
    assertThat(three.stages()).usingRecursiveComparison()
        .withComparatorForType((x, y) -> Math.abs(x - y) < 1e-9 ? 0 : Double.compare(x, y),
            Double.class).isEqualTo(one.stages());
    assertThat(three.transitions()).containsExactlyInAnyOrderElementsOf(one.transitions());
    long moves = one.transitions().stream().mapToLong(TransitionResult::count).sum();
    long stays = one.stages().stream().mapToLong(StageResult::completedStays).sum();
    long entries = one.transitions().stream().filter(t -> t.kind().equals("entry"))
        .mapToLong(TransitionResult::count).sum();
    assertThat(entries).isEqualTo(one.customersInStages());
    assertThat(stays).isEqualTo(moves - entries);
  }
}
