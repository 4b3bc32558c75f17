package org.itinera.funnel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.itinera.ItineraException;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.CustomerLabels;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.Vocabulary;

/**
 * The funnel as a sequence analysis: per customer, find the best attempt ({@link AttemptFinder})
 * and tally it overall and in its breakdown group. Groups are keyed by a mixed-radix number of
 * their label ids, so grouping costs no allocation beyond the first customer of each group.
 */
final class FunnelAnalysis implements SequenceAnalysis<FunnelPartial, FunnelResult> {
  private static final long serialVersionUID = 1L;
  static final String END = "(end)";
  static final int NEXT_LIMIT = 20;
  /** Values from which a tally's quantiles are worth computing in parallel. */
  private static final long PARALLEL_QUANTILES = 200_000;

  private final FunnelSpec spec;
  private final Vocabulary vocabulary;
  private final AttemptFinder finder;
  private final CustomerLabels[] labels;
  private final long[] radix;

  FunnelAnalysis(FunnelSpec spec, PreparedQuery query) {
    this.spec = spec;
    this.vocabulary = query.vocabulary();
    this.finder = new AttemptFinder(spec.steps(), spec.windowMs(), spec.strict(), vocabulary);
    int dims = spec.breakdowns().size();
    this.labels = new CustomerLabels[dims];
    this.radix = new long[dims];
    long combinations = 1;
    for (int d = 0; d < dims; d++) {
      labels[d] = query.labels(d);
      radix[d] = labels[d] == null ? vocabulary.channels().size() : labels[d].names().size();
      combinations = Math.multiplyHigh(combinations, radix[d]) == 0
          ? combinations * radix[d] : Long.MAX_VALUE;
      if (combinations >= Long.MAX_VALUE / 2) {
        throw ItineraException.invalid("by", "the breakdowns " + spec.breakdowns()
            + " have too many value combinations; use fewer dimensions");
      }
    }
  }

  @Override
  public FunnelPartial newPartial() {
    return new FunnelPartial(finder.steps());
  }

  @Override
  public void accept(FunnelPartial partial, EventSequence events) {
    AttemptFinder.Scratch scratch = partial.scratch();
    int depth = finder.find(events, scratch);
    if (depth == 0) {
      return;
    }
    partial.all.record(depth, scratch.stepTs);
    if (radix.length > 0) {
      long key = 0;
      for (int d = 0; d < radix.length; d++) {
        int value = labels[d] == null
            ? events.channel(scratch.pos[0]) : labels[d].label(events.customer());
        key = key * radix[d] + value;
      }
      partial.groups.computeIfAbsent(key, k -> new StepTally(finder.steps()))
          .record(depth, scratch.stepTs);
    }
    if (depth < finder.steps()) {
      int last = scratch.pos[depth - 1];
      int names = vocabulary.names().size();
      partial.countNext(depth, last + 1 < events.size() ? events.name(last + 1) : names, names + 1);
      long key = events.customerKey();
      if (partial.keepsDropped(depth, key, spec.dropSample())) {
        partial.addDropped(depth, key, events.customerId(), spec.dropSample());
      }
    }
  }

  @Override
  public FunnelPartial merge(FunnelPartial left, FunnelPartial right) {
    left.addAll(right, spec.dropSample());
    return left;
  }

  @Override
  public FunnelResult finish(FunnelPartial partial) {
    List<FunnelStepResult> steps = steps(partial.all, partial);
    List<FunnelGroupResult> groups = new ArrayList<>();
    partial.groups.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<Long, StepTally> e) -> -e.getValue().reached[0])
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> groups.add(new FunnelGroupResult(groupLabels(e.getKey()),
            steps(e.getValue(), null))));
    long entered = partial.all.reached[0];
    long converted = partial.all.reached[finder.steps() - 1];
    return new FunnelResult(spec.windowMs(), spec.strict(), entered, converted,
        ratio(converted, entered), steps, groups);
  }

  private List<FunnelStepResult> steps(StepTally tally, FunnelPartial details) {
    List<FunnelStepResult> out = new ArrayList<>();
    Long[][] times = times(tally);
    for (int k = 0; k < finder.steps(); k++) {
      long customers = tally.reached[k];
      long previous = k == 0 ? customers : tally.reached[k - 1];
      Long[] prev = times[2 * k];
      Long[] first = times[2 * k + 1];
      List<String> dropped = details == null ? List.of()
          : List.copyOf(details.dropped[k].values());
      List<NextEvent> next = details == null ? List.of() : nextEvents(details.nextInstead[k]);
      out.add(new FunnelStepResult(k + 1, spec.steps().get(k).label(), customers,
          k == 0 ? 1.0 : ratio(customers, previous), ratio(customers, tally.reached[0]),
          previous - customers, ratio(previous - customers, previous),
          prev[0], prev[1], first[0], first[1], dropped, next));
    }
    return out;
  }

  /**
   * Median and p90 of each step's times from the previous and from the first step, at {@code 2k}
   * and {@code 2k + 1}. Computed in parallel when there are many values: exact quantiles of a
   * million durations take milliseconds, and at 10M events they were a sixth of the funnel's wall
   * time on one thread.
   */
  private Long[][] times(StepTally tally) {
    int steps = finder.steps();
    Long[][] out = new Long[2 * steps][];
    out[0] = new Long[2];
    out[1] = out[0];
    long values = 0;
    for (int k = 1; k < steps; k++) {
      values += tally.fromPrevious[k].size() + (k == 1 ? 0 : tally.fromFirst(k).size());
    }
    IntStream slots = IntStream.range(2, 2 * steps).filter(i -> i != 3); // step 2: one distribution
    (values > PARALLEL_QUANTILES ? slots.parallel() : slots).forEach(i -> out[i] =
        (i % 2 == 0 ? tally.fromPrevious[i / 2] : tally.fromFirst(i / 2)).quantiles(0.5, 0.9));
    if (steps > 1) {
      out[3] = out[2];
    }
    return out;
  }

  private List<NextEvent> nextEvents(long[] counts) {
    if (counts == null) {
      return List.of();
    }
    List<NextEvent> out = new ArrayList<>();
    for (int e = 0; e < counts.length; e++) {
      if (counts[e] > 0) {
        out.add(new NextEvent(e == counts.length - 1 ? END : vocabulary.name(e), counts[e]));
      }
    }
    out.sort(Comparator.comparingLong(NextEvent::customers).reversed()
        .thenComparing(NextEvent::event));
    return out.size() > NEXT_LIMIT ? out.subList(0, NEXT_LIMIT) : out;
  }

  private Map<String, String> groupLabels(long key) {
    String[] values = new String[radix.length];
    for (int d = radix.length - 1; d >= 0; d--) {
      int id = (int) (key % radix[d]);
      key /= radix[d];
      values[d] = labels[d] == null ? vocabulary.channel(id) : labels[d].names().get(id);
    }
    Map<String, String> by = new LinkedHashMap<>();
    for (int d = 0; d < radix.length; d++) {
      Breakdown b = spec.breakdowns().get(d);
      by.put(b.label(), values[d]);
    }
    return by;
  }

  static double ratio(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
