package org.itinera.ingest;

import org.itinera.event.Event;

/**
 * Adds what text analytics finds (language, sentiment, emotion, topics) to an event that carries
 * customer text. Runs on the ingesting thread, before the write, so scoring never holds the lock.
 */
@FunctionalInterface
public interface TextEnricher {
  TextEnricher NONE = e -> e;

  Event enrich(Event event);
}
