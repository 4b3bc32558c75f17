package org.itinera.event;

import java.util.List;
import java.util.Objects;

/**
 * The canonical event: one touchpoint of one customer, as stored. Field names follow the Segment
 * Tracking API plus the customer-experience fields journeys need (channel, text, rating, revenue).
 *
 * <p>JSON payloads ({@code properties}, {@code context}, {@code traits}) are kept as JSON text: the
 * record stays immutable and the store writes them as DuckDB JSON without re-encoding.
 *
 * @param eventId the source's messageId (or a content hash); unique in the store
 * @param customerId canonical customer after identity resolution; null before resolution
 * @param ts event time, UTC epoch milliseconds (after clock-skew correction)
 * @param receivedAt arrival time at the server, UTC epoch milliseconds
 * @param sentiment score in [-1, 1], or null when the event has no text or was not scored
 * @param rating NPS (0-10), CSAT (1-5), CES or review stars, as sent; null when absent
 */
public record Event(
    String eventId,
    String customerId,
    String anonymousId,
    String userId,
    long ts,
    long receivedAt,
    String type,
    String name,
    String channel,
    String sourceId,
    String propertiesJson,
    String contextJson,
    String traitsJson,
    String text,
    String lang,
    Double sentiment,
    String emotion,
    List<String> topics,
    Double rating,
    Double revenue,
    String currency) {

  public Event {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    if (eventId.isEmpty()) {
      throw new IllegalArgumentException("eventId must not be empty");
    }
    if (anonymousId == null && userId == null && customerId == null) {
      throw new IllegalArgumentException("event " + eventId + " has neither anonymousId nor userId");
    }
    topics = topics == null ? List.of() : List.copyOf(topics);
    if (sentiment != null && (sentiment < -1 || sentiment > 1)) {
      throw new IllegalArgumentException("sentiment must be in [-1, 1], was " + sentiment);
    }
  }

  /** The same event under another canonical customer. */
  public Event withCustomerId(String newCustomerId) {
    return new Event(eventId, newCustomerId, anonymousId, userId, ts, receivedAt, type, name,
        channel, sourceId, propertiesJson, contextJson, traitsJson, text, lang, sentiment, emotion,
        topics, rating, revenue, currency);
  }

  /** The same event with what text analytics found in its text. */
  public Event withTextAnalysis(String newLang, Double newSentiment, String newEmotion,
      List<String> newTopics) {
    return new Event(eventId, customerId, anonymousId, userId, ts, receivedAt, type, name,
        channel, sourceId, propertiesJson, contextJson, traitsJson, text, newLang, newSentiment,
        newEmotion, newTopics, rating, revenue, currency);
  }
}
