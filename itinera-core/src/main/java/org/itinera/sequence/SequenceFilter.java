package org.itinera.sequence;

import java.io.Serializable;
import java.util.List;
import org.itinera.ItineraException;

/**
 * The filter every analysis accepts. Events outside {@code [fromMs, toMs)} or on another channel
 * are removed from each customer's sequence before the analysis sees it (so a funnel step can only
 * be satisfied by an event that passes); customers whose profile traits fail any of {@code traits}
 * (a segment) are skipped entirely, as are customers left with no events.
 *
 * @param fromMs inclusive lower bound on event time, or null
 * @param toMs exclusive upper bound on event time, or null
 * @param channels allowed channels; empty allows all
 * @param traits predicates on the customer's traits that must all hold; empty allows all
 */
public record SequenceFilter(Long fromMs, Long toMs, List<String> channels,
    List<PropertyPredicate> traits) implements Serializable {

  public static final SequenceFilter NONE = new SequenceFilter(null, null, List.of(), List.of());

  public SequenceFilter {
    channels = List.copyOf(channels);
    traits = List.copyOf(traits);
    if (fromMs != null && toMs != null && fromMs >= toMs) {
      throw ItineraException.invalid("to", "the time range is empty: from " + fromMs
          + " is not before to " + toMs + " (epoch ms; 'to' is exclusive)");
    }
  }

  /** True when events need filtering (as opposed to whole customers). */
  public boolean filtersEvents() {
    return fromMs != null || toMs != null || !channels.isEmpty();
  }

  public SequenceFilter withTimeRange(Long from, Long to) {
    return new SequenceFilter(from, to, channels, traits);
  }

  public SequenceFilter withChannels(List<String> newChannels) {
    return new SequenceFilter(fromMs, toMs, newChannels, traits);
  }

  public SequenceFilter withTraits(List<PropertyPredicate> newTraits) {
    return new SequenceFilter(fromMs, toMs, channels, newTraits);
  }
}
