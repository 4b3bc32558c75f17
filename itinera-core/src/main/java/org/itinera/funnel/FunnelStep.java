package org.itinera.funnel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.itinera.ItineraException;
import org.itinera.sequence.EventExpression;
import org.itinera.sequence.EventPredicate;

/**
 * One funnel step: the events that satisfy it and, optionally, how soon after the previous step it
 * must happen.
 *
 * @param label shown in results; defaults to the predicate's label
 * @param match the events that satisfy the step
 * @param windowMs for steps after the first: at most this long after the previous step (inclusive);
 *     null for no per-step limit
 */
public record FunnelStep(String label, EventPredicate match, Long windowMs)
    implements Serializable {

  public FunnelStep {
    Objects.requireNonNull(match, "match");
    if (label == null || label.isBlank()) {
      label = match.label();
    }
    if (windowMs != null && windowMs < 0) {
      throw ItineraException.invalid("steps.window", "step '" + label
          + "' has a negative window (" + windowMs + " ms); give a duration such as 1h or 2d");
    }
  }

  /** The step "an event named {@code name}". */
  public static FunnelStep named(String name) {
    return new FunnelStep(name, EventPredicate.named(name), null);
  }

  /**
   * The step an event expression describes ({@link EventExpression}: a name, or names and
   * conditions such as {@code Order Completed [channel=web, revenue>=100]}), labelled with the
   * expression's canonical text, which parses back to the same step.
   */
  public static FunnelStep parse(String field, String expression) {
    EventPredicate match = EventExpression.parse(field, expression);
    return new FunnelStep(EventExpression.format(match), match, null);
  }

  /**
   * The steps with per-step windows: step K (1-based, 2 or more) within {@code windows.get(K)}
   * ms of step K-1. A K without a previous step in these steps is refused, naming {@code field}.
   */
  public static List<FunnelStep> withWindows(List<FunnelStep> steps, Map<Integer, Long> windows,
      String field) {
    List<FunnelStep> out = new ArrayList<>(steps);
    windows.forEach((k, ms) -> {
      if (k < 2 || k > out.size()) {
        throw ItineraException.invalid(field, "step " + k + " has no previous step in this "
            + out.size() + "-step funnel; use 2 to " + out.size());
      }
      out.set(k - 1, out.get(k - 1).withWindow(ms));
    });
    return out;
  }

  public FunnelStep withWindow(Long newWindowMs) {
    return new FunnelStep(label, match, newWindowMs);
  }
}
