package org.itinera.journey;

import java.util.Objects;
import org.itinera.sequence.EventPredicate;

/** A conversion the business cares about: the events matching {@code when}. */
public record Goal(String name, EventPredicate when) {
  public Goal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
  }
}
