package org.itinera.customer;

import java.util.List;
import java.util.Map;

/**
 * One customer as the store knows them: every identity stitched to them, their traits, when they
 * were first and last seen, and how many events they have per channel.
 *
 * @param firstSeen ISO-8601 UTC, or null when the customer has no events
 */
public record CustomerCard(
    String customerId,
    List<String> identities,
    Map<String, Object> traits,
    String firstSeen,
    String lastSeen,
    long eventCount,
    Map<String, Long> eventsByChannel) {
  public CustomerCard {
    identities = List.copyOf(identities);
    traits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(traits));
    eventsByChannel = Map.copyOf(eventsByChannel);
  }
}
