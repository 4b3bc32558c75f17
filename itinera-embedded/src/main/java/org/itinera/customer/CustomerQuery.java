package org.itinera.customer;

import java.util.Map;
import org.itinera.ItineraException;

/**
 * Which customers to find. Every criterion given must hold (AND); none given means all.
 *
 * @param traits trait name → required value (string comparison)
 * @param topic a topic the customer's own words were tagged with
 * @param text a phrase the customer wrote (case-insensitive substring of any of their texts)
 * @param channel a channel they used
 * @param ids explicit canonical customer ids (e.g. the customers who dropped at a funnel step)
 */
public record CustomerQuery(Map<String, String> traits, String topic, String text, String channel,
    java.util.List<String> ids, int limit, int offset) {
  public CustomerQuery {
    traits = traits == null ? Map.of() : Map.copyOf(traits);
    ids = ids == null ? null : java.util.List.copyOf(ids);
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

  public static CustomerQuery all(int limit) {
    return new CustomerQuery(Map.of(), null, null, null, null, limit, 0);
  }
}
