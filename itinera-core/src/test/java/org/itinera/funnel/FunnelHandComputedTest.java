package org.itinera.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.itinera.ItineraException;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.InMemorySource;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.TestEvents;
import org.junit.jupiter.api.Test;

class FunnelHandComputedTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long WEEK = 7 * DAY;

  private static FunnelResult run(TestEvents events, Long window, String... steps) {
    return Funnels.run(events.source(), FunnelSpec.of(
        List.of(steps).stream().map(FunnelStep::named).toList(), window));
  }

  /** Steps named S0, S1, ... S(n - 1). */
  private static List<FunnelStep> numberedSteps(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(k -> FunnelStep.named("S" + k))
        .toList();
  }

  private static List<Long> customers(FunnelResult r) {
    return r.steps().stream().map(FunnelStepResult::customers).toList();
  }

  @Test
  void window_boundaryIsInclusive() {
    TestEvents e = new TestEvents()
        .add("u1", 0, "A").add("u1", WEEK, "B")
        .add("u2", 0, "A").add("u2", WEEK + 1, "B");
    FunnelResult r = run(e, WEEK, "A", "B");
    assertThat(customers(r)).containsExactly(2L, 1L);
    assertThat(r.steps().get(1).medianMsFromPrevious()).isEqualTo(WEEK);
    assertThat(r.steps().get(1).droppedCustomers()).containsExactly("u2");
  }

  @Test
  void outOfOrderArrival_isPlacedByTimestamp() {
    TestEvents e = new TestEvents().add("u1", 10, "B").add("u1", 5, "A");
    assertThat(customers(run(e, null, "A", "B"))).containsExactly(1L, 1L);
  }

  @Test
  void repeatedAttempts_laterStartCanConvertWhenEarlierCannot() {
    TestEvents e = new TestEvents()
        .add("u1", 0, "A").add("u1", 100, "A").add("u1", WEEK + 50, "B");
    FunnelResult r = run(e, WEEK, "A", "B");
    assertThat(customers(r)).containsExactly(1L, 1L);
    assertThat(r.steps().get(1).medianMsFromPrevious()).isEqualTo(WEEK - 50);
  }

  @Test
  void repeatedAttempts_earliestOfEquallyDeepAttemptsIsReported() {
    TestEvents e = new TestEvents()
        .add("u1", 0, "A").add("u1", 10, "B").add("u1", 20, "A").add("u1", 21, "B");
    FunnelResult r = run(e, null, "A", "B");
    assertThat(r.steps().get(1).medianMsFromPrevious()).isEqualTo(10L);
  }

  @Test
  void equalTimestamps_followArrivalOrder() {
    TestEvents inOrder = new TestEvents().add("u1", 5, "A").add("u1", 5, "B");
    TestEvents reversed = new TestEvents().add("u1", 5, "B").add("u1", 5, "A");
    assertThat(customers(run(inOrder, null, "A", "B"))).containsExactly(1L, 1L);
    assertThat(customers(run(reversed, null, "A", "B"))).containsExactly(1L, 0L);
  }

  @Test
  void oneEvent_neverSatisfiesTwoSteps() {
    assertThat(customers(run(new TestEvents().add("u1", 0, "A"), null, "A", "A")))
        .containsExactly(1L, 0L);
    assertThat(customers(run(new TestEvents().add("u1", 0, "A").add("u1", 0, "A"), null,
        "A", "A"))).containsExactly(1L, 1L);
  }

  @Test
  void emptyAndSingleEventCustomers_countOnlyWhenTheyEnter() {
    TestEvents e = new TestEvents().add("single", 0, "A").add("other", 0, "X");
    FunnelResult r = run(e, null, "A", "B", "C");
    assertThat(customers(r)).containsExactly(1L, 0L, 0L);
    assertThat(r.steps().get(1).nextInstead()).containsExactly(new NextEvent("(end)", 1));
    assertThat(r.steps().get(2).conversionFromPrevious()).isZero();
    FunnelResult none = run(new TestEvents(), null, "A");
    assertThat(none.entered()).isZero();
    assertThat(none.steps()).hasSize(1);
  }

  @Test
  void strict_requiresTheVeryNextEvent() {
    TestEvents e = new TestEvents().add("u1", 0, "A").add("u1", 1, "X").add("u1", 2, "B")
        .add("u2", 0, "A").add("u2", 1, "B");
    FunnelSpec spec = FunnelSpec.of(List.of(FunnelStep.named("A"), FunnelStep.named("B")), null);
    assertThat(customers(Funnels.run(e.source(), spec))).containsExactly(2L, 2L);
    FunnelResult strict = Funnels.run(e.source(), spec.withStrict(true));
    assertThat(customers(strict)).containsExactly(2L, 1L);
    assertThat(strict.steps().get(1).nextInstead()).containsExactly(new NextEvent("X", 1));
  }

  @Test
  void perStepWindow_choosesTheChainThatCompletes() {
    TestEvents e = new TestEvents().add("u1", 0, "A").add("u1", 1, "B").add("u1", 5, "B")
        .add("u1", 9, "C");
    FunnelSpec spec = FunnelSpec.of(List.of(FunnelStep.named("A"), FunnelStep.named("B"),
        FunnelStep.named("C").withWindow(5L)), null);
    FunnelResult r = Funnels.run(e.source(), spec);
    assertThat(customers(r)).containsExactly(1L, 1L, 1L);
    assertThat(r.steps().get(1).medianMsFromPrevious()).isEqualTo(5L);
    assertThat(r.steps().get(2).medianMsFromPrevious()).isEqualTo(4L);
    assertThat(r.steps().get(2).medianMsFromFirst()).isEqualTo(9L);
  }

  @Test
  void medianAndP90_areNearestRank() {
    TestEvents e = new TestEvents();
    for (int c = 1; c <= 10; c++) {
      e.add("u" + c, 0, "A").add("u" + c, c * 1000L, "B");
    }
    FunnelStepResult b = run(e, null, "A", "B").steps().get(1);
    assertThat(b.medianMsFromPrevious()).isEqualTo(5000L);
    assertThat(b.p90MsFromPrevious()).isEqualTo(9000L);
  }

  @Test
  void breakdownByChannel_usesTheStepOneEvent() {
    TestEvents e = new TestEvents().add("u1", 0, "A", "web").add("u1", 1, "B", "app")
        .add("u2", 0, "A", "app").add("u3", 0, "A", "web");
    FunnelSpec spec = FunnelSpec.of(List.of(FunnelStep.named("A"), FunnelStep.named("B")), null)
        .withBreakdowns(List.of(Breakdown.channel()));
    FunnelResult r = Funnels.run(e.source(), spec);
    assertThat(r.groups()).hasSize(2);
    FunnelGroupResult web = r.groups().get(0);
    assertThat(web.by()).containsEntry("channel", "web");
    assertThat(web.steps().get(0).customers()).isEqualTo(2);
    assertThat(web.steps().get(1).customers()).isEqualTo(1);
    assertThat(r.groups().get(1).by()).containsEntry("channel", "app");
  }

  @Test
  void breakdownByTrait_andSegmentFilter() {
    TestEvents e = new TestEvents().add("u1", 0, "A").add("u1", 1, "B").add("u2", 0, "A")
        .add("u3", 0, "A");
    InMemorySource source = new InMemorySource(e.list(), Map.of(
        "u1", "{\"plan\":\"pro\"}", "u2", "{\"plan\":\"free\"}"), 2);
    FunnelSpec spec = FunnelSpec.of(List.of(FunnelStep.named("A"), FunnelStep.named("B")), null)
        .withBreakdowns(List.of(Breakdown.trait("plan")));
    FunnelResult r = Funnels.run(source, spec);
    assertThat(r.groups()).extracting(g -> g.by().get("trait:plan"))
        .containsExactlyInAnyOrder("pro", "free", "(none)");
    FunnelResult pro = Funnels.run(source, spec.withFilter(SequenceFilter.NONE
        .withTraits(List.of(PropertyPredicate.eq("plan", "pro")))));
    assertThat(customers(pro)).containsExactly(1L, 1L);
  }

  @Test
  void stepWithPropertyAndChannelConditions() {
    TestEvents e = new TestEvents()
        .add("u1", 0, "A").add("u1", 1, "Order", "web", "{\"total\": 120}", null)
        .add("u2", 0, "A").add("u2", 1, "Order", "web", "{\"total\": 20}", null)
        .add("u3", 0, "A").add("u3", 1, "Order", "store", "{\"total\": 300}", null);
    FunnelStep bigWebOrder = new FunnelStep("big web order", EventPredicate.named("Order")
        .withChannels(List.of("web"))
        .withProperties(List.of(new PropertyPredicate("total", PropertyPredicate.Op.GT,
            List.of("100")))), null);
    FunnelResult r = Funnels.run(e.source(),
        FunnelSpec.of(List.of(FunnelStep.named("A"), bigWebOrder), null));
    assertThat(customers(r)).containsExactly(3L, 1L);
    assertThat(r.steps().get(1).label()).isEqualTo("big web order");
  }

  @Test
  void timeRangeFilter_removesEventsBeforeMatching() {
    TestEvents e = new TestEvents().add("u1", 0, "A").add("u1", 10, "B").add("u1", 20, "A")
        .add("u1", 30, "B");
    FunnelSpec spec = FunnelSpec.of(List.of(FunnelStep.named("A"), FunnelStep.named("B")), null)
        .withFilter(SequenceFilter.NONE.withTimeRange(15L, null));
    FunnelResult r = Funnels.run(e.source(), spec);
    assertThat(r.steps().get(1).medianMsFromPrevious()).isEqualTo(10L);
    assertThat(r.converted()).isEqualTo(1);
  }

  @Test
  void manySteps_beyondSixtyFour() {
    TestEvents e = new TestEvents();
    for (int k = 0; k < 70; k++) {
      e.add("u1", k, "S" + k);
    }
    List<FunnelStep> steps = new java.util.ArrayList<>(numberedSteps(70));
    steps.add(FunnelStep.named("never"));
    FunnelResult r = Funnels.run(e.source(), FunnelSpec.of(steps, null));
    assertThat(r.steps()).hasSize(71);
    assertThat(r.steps().get(69).customers()).isEqualTo(1);
    assertThat(r.steps().get(70).customers()).isZero();
    assertThat(r.steps().get(70).nextInstead()).containsExactly(new NextEvent("(end)", 1));
  }

  /**
   * Exactly 64 steps, the most the greedy pass tracks in one word: a complete chain moves its bit
   * past the word's last, and events after it must change nothing.
   */
  @Test
  void sixtyFourSteps_completeChainAndEventsAfterIt() {
    TestEvents e = new TestEvents();
    for (int k = 0; k < 64; k++) {
      e.add("u1", k, "S" + k);
      e.add("u2", 2 * k, "S" + k);
    }
    List<FunnelStep> steps = numberedSteps(64);
    e.add("u1", 100, "S0").add("u1", 101, "S63");
    e.add("u3", 0, "S0").add("u3", 5, "S1").add("u3", 6, "S3");
    FunnelResult r = Funnels.run(e.source(), FunnelSpec.of(steps, null));
    assertThat(r.steps()).hasSize(64);
    assertThat(r.steps().get(1).customers()).isEqualTo(3);
    assertThat(r.steps().get(2).customers()).isEqualTo(2);
    assertThat(r.steps().get(63).customers()).isEqualTo(2);
    assertThat(r.steps().get(63).medianMsFromFirst()).isEqualTo(63L);
    assertThat(r.steps().get(63).p90MsFromFirst()).isEqualTo(126L);
    assertThat(r.steps().get(2).nextInstead()).containsExactly(new NextEvent("S3", 1));
  }

  @Test
  void spec_rejectsNoStepsAndWindowOnFirstStep() {
    assertThatThrownBy(() -> FunnelSpec.of(List.of(), null))
        .isInstanceOf(ItineraException.class).hasMessageContaining("at least one step");
    assertThatThrownBy(() -> FunnelSpec.of(List.of(FunnelStep.named("A").withWindow(5L)), null))
        .isInstanceOf(ItineraException.class)
        .satisfies(t -> assertThat(((ItineraException) t).field()).isEqualTo("steps[0].window"));
  }

  /**
   * Enough customers that the finish computes the times' quantiles in parallel: each step's
   * median and p90, from the previous step and from the first, equal the nearest ranks of the
   * times computed here.
   */
  @Test
  void manyCustomers_timesToConvertAreTheNearestRanks() {
    TestEvents e = new TestEvents();
    java.util.Random random = new java.util.Random(7);
    int n = 120_000;
    long[][] gaps = new long[3][n];
    for (int c = 0; c < n; c++) {
      String id = "u" + c;
      long t = random.nextInt(1_000_000);
      e.add(id, t, "A");
      for (int k = 0; k < 3; k++) {
        gaps[k][c] = 1 + random.nextInt(1_000_000 * (k + 1));
        t += gaps[k][c];
        e.add(id, t, k == 0 ? "B" : k == 1 ? "C" : "D");
      }
    }
    FunnelResult r = run(e, null, "A", "B", "C", "D");
    long[] fromFirst = new long[n];
    for (int k = 0; k < 3; k++) {
      long[] fromPrevious = gaps[k].clone();
      for (int c = 0; c < n; c++) {
        fromFirst[c] += gaps[k][c];
      }
      long[] first = fromFirst.clone();
      java.util.Arrays.sort(fromPrevious);
      java.util.Arrays.sort(first);
      FunnelStepResult step = r.steps().get(k + 1);
      assertThat(step.medianMsFromPrevious()).isEqualTo(fromPrevious[n / 2 - 1]);
      assertThat(step.p90MsFromPrevious()).isEqualTo(fromPrevious[(int) Math.ceil(0.9 * n) - 1]);
      assertThat(step.medianMsFromFirst()).isEqualTo(first[n / 2 - 1]);
      assertThat(step.p90MsFromFirst()).isEqualTo(first[(int) Math.ceil(0.9 * n) - 1]);
    }
  }
}
