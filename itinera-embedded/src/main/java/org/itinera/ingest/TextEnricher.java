package org.itinera.ingest;

import org.itinera.event.Event;

/**
 * Adds what text analytics finds (language, sentiment, emotion, topics) to an event that carries
 * customer text. Runs on the ingesting thread, before the write, so scoring never holds the lock.
 * What it adds must depend on the text alone: a bulk load analyses each distinct text once, with
 * an event that carries just that text, and gives every row of that text the result.
 */
@FunctionalInterface
public interface TextEnricher {
  TextEnricher NONE = e -> e;

  Event enrich(Event event);
}
