package org.itinera.catalog;

import java.util.List;

/**
 * What the store holds, most common first.
 *
 * @param from first day with events (ISO date), null for an empty store
 * @param to last day with events, likewise
 */
public record CatalogReport(String from, String to, List<EventName> events,
    List<Channel> channels, List<Trait> traits) {
  public CatalogReport {
    events = List.copyOf(events);
    channels = List.copyOf(channels);
    traits = List.copyOf(traits);
  }

  /** An event name, its most common type, and how many events and customers have it. */
  public record EventName(String name, String type, long events, long customers) {}

  public record Channel(String channel, long events, long customers) {}

  /**
   * A profile trait with scalar values.
   *
   * @param values its most common values (at most {@link Catalog#TOP_VALUES})
   */
  public record Trait(String key, long customers, long distinctValues, List<TraitValue> values) {
    public Trait {
      values = List.copyOf(values);
    }
  }

  public record TraitValue(String value, long customers) {}
}
