package org.itinera.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itinera.event.Event;

/** Builds canonical events for tests; list order is arrival order. */
public final class TestEvents {
  private final List<Event> events = new ArrayList<>();

  public TestEvents add(String customer, long ts, String name) {
    return add(customer, ts, name, "web", null, null);
  }

  public TestEvents add(String customer, long ts, String name, String channel) {
    return add(customer, ts, name, channel, null, null);
  }

  public TestEvents add(String customer, long ts, String name, String channel, String properties,
      Double sentiment) {
    events.add(event(events.size(), customer, ts, "track", name, channel, properties, sentiment));
    return this;
  }

  public List<Event> list() {
    return List.copyOf(events);
  }

  public InMemorySource source() {
    return new InMemorySource(events, Map.of(), 1);
  }

  public static Event event(int n, String customer, long ts, String type, String name,
      String channel, String properties, Double sentiment) {
    return new Event("e" + n, customer, null, customer, ts, ts, type, name, channel, null,
        properties, null, null, null, null, sentiment, null, null, null, null, null);
  }
}
