package org.itinera.funnel;

import java.io.Serializable;
import java.util.Objects;
import org.itinera.ItineraException;
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

  public FunnelStep withWindow(Long newWindowMs) {
    return new FunnelStep(label, match, newWindowMs);
  }
}
