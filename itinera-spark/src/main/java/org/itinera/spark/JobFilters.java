package org.itinera.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.ItineraException;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.InstantText;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;

/**
 * The job's filter and breakdown options, read into the core's {@link SequenceFilter} and {@link
 * Breakdown}s with the embedded CLI's meaning: {@code --since}/{@code --until} (a UTC date or an
 * instant; until is exclusive), {@code --channel}, {@code --trait KEY=VALUE} (equality on a
 * profile trait), and {@code --by channel,trait:KEY,segment} with segments named by {@code
 * --segment NAME:KEY=VALUE[&KEY=VALUE]}.
 */
final class JobFilters {
  private JobFilters() {}

  static SequenceFilter filter(JobOptions o) {
    List<PropertyPredicate> traits = new ArrayList<>();
    for (String t : o.all("--trait")) {
      traits.add(equality("trait", t));
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
    Map<String, List<PropertyPredicate>> segments = new LinkedHashMap<>();
    for (String s : o.all("--segment")) {
      int colon = s.indexOf(':');
      if (colon <= 0 || colon == s.length() - 1) {
        throw ItineraException.invalid("segment", "'" + s
            + "' is not NAME:KEY=VALUE[&KEY=VALUE], e.g. 'young:age_band=20s'");
      }
      List<PropertyPredicate> predicates = new ArrayList<>();
      for (String condition : s.substring(colon + 1).split("&")) {
        predicates.add(equality("segment", condition));
      }
      if (segments.put(s.substring(0, colon), predicates) != null) {
        throw ItineraException.invalid("segment", "segment '" + s.substring(0, colon)
            + "' is defined twice");
      }
    }
    if (segments.isEmpty()) {
      throw ItineraException.invalid("by", "'--by segment' needs at least one --segment"
          + " NAME:KEY=VALUE");
    }
    return segments;
  }

  private static PropertyPredicate equality(String option, String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw ItineraException.invalid(option, "'" + text + "' is not KEY=VALUE, e.g."
          + " 'region=Seoul'");
    }
    return PropertyPredicate.eq(text.substring(0, eq).strip(), text.substring(eq + 1));
  }

}
