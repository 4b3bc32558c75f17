package org.itinera.journal;

import java.util.List;

/**
 * A run of events with no gap longer than the session gap: a visit, a support conversation, a
 * store trip. Channels are listed in order of first use.
 */
public record Episode(int index, long start, long end, List<String> channels, List<Entry> entries) {
  public Episode {
    channels = List.copyOf(channels);
    entries = List.copyOf(entries);
  }
}
