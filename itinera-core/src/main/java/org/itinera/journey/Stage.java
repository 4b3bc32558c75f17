package org.itinera.journey;

import org.itinera.ItineraException;

/** A journey stage: a stable id used in rules and results, and a display name. */
public record Stage(String id, String name) {
  public Stage {
    if (id == null || id.isBlank()) {
      throw ItineraException.invalid("stages.id", "a stage needs a non-blank id");
    }
    if (name == null || name.isBlank()) {
      name = id;
    }
  }
}
