package org.itinera.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.constraints.IntRange;
import org.itinera.event.Event;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.InMemorySource;
import org.itinera.sequence.TestEvents;

/** The engine's funnel against {@link ReferenceFunnel} on random event streams. */
class FunnelPropertyTest {
  private static final int SAMPLE = 2;

  @Provide
  Arbitrary<List<Event>> streams() {
    Arbitrary<int[]> row = Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.longs().between(0, 15), Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 1))
        .as((c, t, n, ch) -> new int[] {c, t.intValue(), n, ch});
    return row.list().ofMinSize(4).ofMaxSize(40).map(rows -> {
      List<Event> events = new ArrayList<>();
      for (int[] r : rows) {
        events.add(TestEvents.event(events.size(), "c" + r[0], r[1], "track",
            String.valueOf((char) ('A' + r[2])), r[3] == 0 ? "web" : "app", null, null));
      }
      return events;
    });
  }

  @Provide
  Arbitrary<ReferenceFunnel.Spec> specs() {
    Arbitrary<String> name = Arbitraries.of("A", "B", "C", "D");
    Arbitrary<Long> window = Arbitraries.longs().between(0, 12).injectNull(0.3);
    Arbitrary<Long> stepWindow = Arbitraries.longs().between(0, 6).injectNull(0.6);
    return Combinators.combine(name.list().ofMinSize(2).ofMaxSize(5), window,
        stepWindow.list().ofSize(5), Arbitraries.of(true, false))
        .as((steps, w, sw, strict) -> {
          List<Long> stepWindows = new ArrayList<>(sw.subList(0, steps.size()));
          stepWindows.set(0, null);
          return new ReferenceFunnel.Spec(steps, w, stepWindows, strict);
        });
  }

  /**
   * Distinct step names, no per-step windows, not strict: the shape {@link SingleStepPass} settles
   * in one greedy pass, falling back to the general search when the window cuts the first start's
   * chain short (windows of 0 to 12 over times of 0 to 15 do that often).
   */
  @Provide
  Arbitrary<ReferenceFunnel.Spec> singleStepSpecs() {
    Arbitrary<String> name = Arbitraries.of("A", "B", "C", "D");
    Arbitrary<Long> window = Arbitraries.longs().between(0, 12).injectNull(0.2);
    return Combinators.combine(name.list().uniqueElements().ofMinSize(1).ofMaxSize(4), window)
        .as((steps, w) -> {
          List<Long> stepWindows = new ArrayList<>();
          steps.forEach(s -> stepWindows.add(null));
          return new ReferenceFunnel.Spec(steps, w, stepWindows, false);
        });
  }

  @Property(tries = 600, edgeCases = EdgeCasesMode.FIRST)
  void engine_matchesReference(@ForAll("streams") List<Event> events,
      @ForAll("specs") ReferenceFunnel.Spec spec, @ForAll @IntRange(min = 1, max = 3) int parts) {
    check(events, spec, parts);
  }

  @Property(tries = 600, edgeCases = EdgeCasesMode.FIRST)
  void singleStepPass_matchesReference(@ForAll("streams") List<Event> events,
      @ForAll("singleStepSpecs") ReferenceFunnel.Spec spec,
      @ForAll @IntRange(min = 1, max = 3) int parts) {
    check(events, spec, parts);
  }

  private static void check(List<Event> events, ReferenceFunnel.Spec spec, int parts) {
    List<FunnelStep> steps = new ArrayList<>();
    for (int k = 0; k < spec.steps().size(); k++) {
      steps.add(FunnelStep.named(spec.steps().get(k)).withWindow(spec.stepWindows().get(k)));
    }
    FunnelSpec funnel = FunnelSpec.of(steps, spec.window()).withStrict(spec.strict())
        .withDropSample(SAMPLE).withBreakdowns(List.of(Breakdown.channel()));
    FunnelResult actual = Funnels.run(new InMemorySource(events, Map.of(), parts), funnel);

    List<ReferenceFunnel.Attempt> attempts = ReferenceFunnel.attempts(events, spec);
    List<ReferenceFunnel.StepFigures> expected = ReferenceFunnel.figures(attempts, steps.size());
    for (int k = 0; k < steps.size(); k++) {
      FunnelStepResult a = actual.steps().get(k);
      ReferenceFunnel.StepFigures e = expected.get(k);
      assertThat(a.step()).isEqualTo(k + 1);
      assertThat(a.customers()).as("customers at step %d", k + 1).isEqualTo(e.customers());
      assertThat(a.medianMsFromPrevious()).as("median at step %d", k + 1).isEqualTo(e.medianPrev());
      assertThat(a.p90MsFromPrevious()).isEqualTo(e.p90Prev());
      assertThat(a.medianMsFromFirst()).isEqualTo(e.medianFirst());
      assertThat(a.p90MsFromFirst()).isEqualTo(e.p90First());
      if (k > 0) {
        assertThat(a.dropOff()).isEqualTo(expected.get(k - 1).customers() - e.customers());
        assertThat(a.droppedCustomers())
            .isEqualTo(e.dropped().subList(0, Math.min(SAMPLE, e.dropped().size())));
        assertThat(a.nextInstead().stream()
            .collect(Collectors.toMap(NextEvent::event, NextEvent::customers)))
            .isEqualTo(e.next());
      }
    }
    Map<String, Long> enteredByChannel = attempts.stream()
        .collect(Collectors.groupingBy(ReferenceFunnel.Attempt::channel, Collectors.counting()));
    assertThat(actual.groups().stream().collect(Collectors.toMap(g -> g.by().get("channel"),
        g -> g.steps().get(0).customers()))).isEqualTo(enteredByChannel);
  }
}
