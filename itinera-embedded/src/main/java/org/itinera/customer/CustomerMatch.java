package org.itinera.customer;

import java.util.List;

/**
 * One customer in search results: enough to recognise them and open their journal.
 *
 * @param name the {@code name} trait (or first and last name), null when unknown
 * @param firstSeen ISO-8601 instant of their first event, null when they have none
 * @param channels the channels of their events, most used first
 * @param revenue the sum of their events' revenue (any currency)
 * @param negativeTexts how many of their texts have a sentiment of -0.25 or lower
 */
public record CustomerMatch(String customerId, String name, String email, long events,
    String firstSeen, String lastSeen, List<String> channels, double revenue,
    long negativeTexts) {
  public CustomerMatch {
    channels = List.copyOf(channels);
  }
}
