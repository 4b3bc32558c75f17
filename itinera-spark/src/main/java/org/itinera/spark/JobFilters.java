package org.itinera.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itinera.ItineraException;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.EventExpression;
import org.itinera.sequence.InstantText;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;

/**
 * The job's filter and breakdown options, read into the core's {@link SequenceFilter} and {@link
 * Breakdown}s with the embedded CLI's meaning: {@code --since}/{@code --until} (a UTC date or an
 * instant; until is exclusive), {@code --channel}, {@code --trait CONDITION} (a profile trait
 * condition such as {@code plan=gold} or {@code orders>=3}, {@link EventExpression}'s form), and
 * {@code --by channel,trait:KEY,segment} with segments named by {@code --segment
 * NAME:KEY=VALUE[&KEY=VALUE]} (any trait conditions, separated by {@code &} or {@code ,}).
 */
final class JobFilters {
  private JobFilters() {}

  static SequenceFilter filter(JobOptions o) {
    List<PropertyPredicate> traits = new ArrayList<>();
    for (String t : o.all("--trait")) {
      traits.addAll(EventExpression.conditions("trait", t));
    }
    return new SequenceFilter(o.has("--since") ? InstantText.parse("since", o.get("--since")) : null,
        o.has("--until") ? InstantText.parse("until", o.get("--until")) : null,
        o.list("--channel", List.of()), traits);
  }

  static List<Breakdown> breakdowns(JobOptions o) {
    List<Breakdown> out = new ArrayList<>();
    for (String by : o.list("--by", List.of())) {
      out.add(by.equals("segment") ? Breakdown.segments(segments(o)) : Breakdown.parse(by));
    }
    return out;
  }

  private static Map<String, List<PropertyPredicate>> segments(JobOptions o) {
    Map<String, List<PropertyPredicate>> segments = Breakdown.segments("segment",
        o.all("--segment"));
    if (segments.isEmpty()) {
      throw ItineraException.invalid("by", "'--by segment' needs at least one --segment"
          + " NAME:KEY=VALUE");
    }
    return segments;
  }
}
