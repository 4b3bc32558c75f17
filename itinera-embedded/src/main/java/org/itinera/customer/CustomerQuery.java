package org.itinera.customer;

import java.util.List;
import java.util.Map;
import org.itinera.ItineraException;

/**
 * Which customers to find. Every criterion given must hold (AND); none given means all.
 *
 * @param traits trait name → required value (string comparison)
 * @param topic a topic the customer's own words were tagged with
 * @param text a phrase the customer wrote (case-insensitive substring of any of their texts)
 * @param channel a channel they used
 * @param ids explicit canonical customer ids (null for any)
 * @param stage their current journey stage: the stage of their last event that the journey
 *     model maps to a stage (as on the journal's profile card)
 * @param droppedAt they dropped at this step of this funnel
 */
public record CustomerQuery(Map<String, String> traits, String topic, String text, String channel,
    List<String> ids, String stage, DropOff droppedAt, int limit, int offset) {
  public CustomerQuery {
    traits = traits == null ? Map.of() : Map.copyOf(traits);
    ids = ids == null ? null : List.copyOf(ids);
    topic = blankToNull(topic);
    text = blankToNull(text);
    channel = blankToNull(channel);
    stage = blankToNull(stage);
    if (limit < 1 || limit > 10_000) {
      throw ItineraException.invalid("limit", "must be between 1 and 10000, was " + limit);
    }
    if (offset < 0) {
      throw ItineraException.invalid("offset", "must be >= 0, was " + offset);
    }
    for (String key : traits.keySet()) {
      if (!key.matches("[^\"\\\\\\p{Cntrl}]{1,64}")) {
        throw ItineraException.invalid("trait", "'" + key
            + "' is not a trait name (1-64 characters, no quotes, backslashes or control"
            + " characters)");
      }
    }
  }

  /** Criteria on the store's tables only (no stage, no funnel). */
  public CustomerQuery(Map<String, String> traits, String topic, String text, String channel,
      List<String> ids, int limit, int offset) {
    this(traits, topic, text, channel, ids, null, null, limit, offset);
  }

  public static CustomerQuery all(int limit) {
    return new CustomerQuery(Map.of(), null, null, null, null, limit, 0);
  }

  /** Whether a criterion needs customers' event sequences (the stage or a funnel). */
  public boolean needsSequences() {
    return stage != null || droppedAt != null;
  }

  /** Whether any criterion is given at all. */
  public boolean isEmpty() {
    return traits.isEmpty() && topic == null && text == null && channel == null && ids == null
        && !needsSequences();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
