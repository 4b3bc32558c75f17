package org.itinera.journal;

import org.itinera.event.Event;

/** Which journey stage an event belongs to (from the journey model), or null for none. */
@FunctionalInterface
public interface StageOf {
  StageOf NONE = e -> null;

  String stageOf(Event event);
}
