package org.itinera.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who the customer is at a glance.
 *
 * @param lifetimeValue total revenue of their orders, in {@code currency} (the most used one)
 * @param flags things that need attention, e.g. {@code unresolved_negative_ticket},
 *     {@code checkout_drop_off}, {@code detractor}, {@code inactive}
 */
public record ProfileCard(
    String customerId,
    Map<String, Object> traits,
    String persona,
    double lifetimeValue,
    String currency,
    int orders,
    String currentStage,
    long firstSeen,
    long lastContact,
    List<String> channels,
    List<String> flags) {
  public ProfileCard {
    traits = Collections.unmodifiableMap(new LinkedHashMap<>(traits));
    channels = List.copyOf(channels);
    flags = List.copyOf(flags);
  }
}
