package org.itinera.funnel;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.itinera.ItineraException;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.SequenceFilter;

/**
 * A funnel query.
 *
 * @param steps the ordered steps, at least one; there is no upper limit
 * @param windowMs every step must happen at most this long after step 1 (inclusive); null for
 *     unbounded
 * @param strict when true, each step must be the very next event after the previous step (in the
 *     filtered sequence)
 * @param breakdowns split every figure by these dimensions (combined)
 * @param dropSample how many dropped customer ids to return per step (0 to 10,000)
 * @param filter which customers and events the funnel sees
 */
public record FunnelSpec(List<FunnelStep> steps, Long windowMs, boolean strict,
    List<Breakdown> breakdowns, int dropSample, SequenceFilter filter) implements Serializable {

  public static final int MAX_DROP_SAMPLE = 10_000;

  public FunnelSpec {
    steps = List.copyOf(steps);
    breakdowns = List.copyOf(breakdowns);
    Objects.requireNonNull(filter, "filter");
    if (steps.isEmpty()) {
      throw ItineraException.invalid("steps", "a funnel needs at least one step; none was given");
    }
    if (windowMs != null && windowMs < 0) {
      throw ItineraException.invalid("window", "the funnel window is negative (" + windowMs
          + " ms); give a duration such as 7d");
    }
    if (steps.get(0).windowMs() != null) {
      throw ItineraException.invalid("steps[0].window", "step 1 ('" + steps.get(0).label()
          + "') cannot have a per-step window: it has no previous step");
    }
    if (dropSample < 0 || dropSample > MAX_DROP_SAMPLE) {
      throw ItineraException.invalid("dropSample", "dropSample is " + dropSample
          + "; expected 0 to " + MAX_DROP_SAMPLE);
    }
  }

  /** A funnel over these steps within {@code windowMs}, non-strict, no breakdown, no filter. */
  public static FunnelSpec of(List<FunnelStep> steps, Long windowMs) {
    return new FunnelSpec(steps, windowMs, false, List.of(), 20, SequenceFilter.NONE);
  }

  public FunnelSpec withStrict(boolean newStrict) {
    return new FunnelSpec(steps, windowMs, newStrict, breakdowns, dropSample, filter);
  }

  public FunnelSpec withBreakdowns(List<Breakdown> newBreakdowns) {
    return new FunnelSpec(steps, windowMs, strict, newBreakdowns, dropSample, filter);
  }

  public FunnelSpec withDropSample(int newDropSample) {
    return new FunnelSpec(steps, windowMs, strict, breakdowns, newDropSample, filter);
  }

  public FunnelSpec withFilter(SequenceFilter newFilter) {
    return new FunnelSpec(steps, windowMs, strict, breakdowns, dropSample, newFilter);
  }

  boolean hasStepWindows() {
    return steps.stream().anyMatch(s -> s.windowMs() != null);
  }
}
