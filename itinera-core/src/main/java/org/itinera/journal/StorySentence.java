package org.itinera.journal;

import java.util.List;

/** A sentence of a customer's story and the events it states facts about. */
public record StorySentence(String text, List<String> eventIds) {
  public StorySentence {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a story sentence needs text");
    }
    eventIds = List.copyOf(eventIds);
    if (eventIds.isEmpty()) {
      throw new IllegalArgumentException("every story sentence must be traceable to events: "
          + text);
    }
  }
}
