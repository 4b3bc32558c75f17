package org.itinera.journey;

import java.util.Objects;
import org.itinera.sequence.EventPredicate;

/**
 * Maps the events matching {@code when} to {@code stage} and to {@code touchpoint} (or, when that
 * is null, to the event's channel as the touchpoint). The first matching rule wins.
 */
public record StageRule(String stage, String touchpoint, EventPredicate when) {
  public StageRule {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(when, "when");
  }
}
