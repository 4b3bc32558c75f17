package org.itinera.journal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Derives the profile card and its attention flags from a customer's touches. */
final class ProfileCards {
  static final long INACTIVE_MS = 60L * 86_400_000L;

  private ProfileCards() {}

  static ProfileCard of(String customerId, List<Touch> touches, Map<String, Entry> entries,
      Map<String, Object> traits, String persona, String stage, long now) {
    double ltv = 0;
    int orders = 0;
    Map<String, Integer> currencies = new HashMap<>();
    Set<String> channels = new LinkedHashSet<>();
    long lastOrder = Long.MIN_VALUE;
    long lastCheckout = Long.MIN_VALUE;
    Set<String> resolvedTickets = new HashSet<>();
    List<String> negativeTickets = new ArrayList<>();
    Double lastNps = null;
    for (Touch t : touches) {
      if (t.event.channel() != null) {
        channels.add(t.event.channel());
      }
      if (t.purchase()) {
        orders++;
        ltv += t.event.revenue() == null ? 0 : t.event.revenue();
        if (t.event.currency() != null) {
          currencies.merge(t.event.currency(), 1, Integer::sum);
        }
        lastOrder = t.event.ts();
      }
      if (t.checkoutStarted() || t.cartAbandoned()) {
        lastCheckout = t.event.ts();
      }
      String ticket = t.ticketId();
      if (ticket != null && t.ticketResolved()) {
        resolvedTickets.add(ticket);
      } else if (ticket != null && t.negativeText()) {
        negativeTickets.add(ticket);
      }
      if (t.nps()) {
        lastNps = t.event.rating();
      }
    }
    List<String> flags = new ArrayList<>();
    if (negativeTickets.stream().anyMatch(id -> !resolvedTickets.contains(id))) {
      flags.add("unresolved_negative_ticket");
    }
    if (lastCheckout > lastOrder) {
      flags.add("checkout_drop_off");
    }
    if (lastNps != null && lastNps <= 6) {
      flags.add("detractor");
    }
    long first = touches.isEmpty() ? 0 : touches.get(0).event.ts();
    long last = touches.isEmpty() ? 0 : touches.get(touches.size() - 1).event.ts();
    if (!touches.isEmpty() && now - last > INACTIVE_MS) {
      flags.add("inactive");
    }
    String currency = currencies.entrySet().stream()
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    return new ProfileCard(customerId, traits == null ? Map.of() : traits, persona,
        Math.round(ltv * 100) / 100.0, currency, orders, stage, first, last,
        new ArrayList<>(channels), flags);
  }
}
