package org.itinera.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.itinera.ItineraException;
import org.itinera.sequence.EventExpression;
import org.itinera.sequence.InstantText;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import picocli.CommandLine.Option;

/** The filter options every analysis command shares: time range, channels, trait segment. */
final class FilterOptions {
  @Option(names = "--since", paramLabel = "DATE",
      description = "Only events at or after this date or instant (UTC), e.g. 2026-01-01.")
  String since;

  @Option(names = "--until", paramLabel = "DATE",
      description = "Only events before this date or instant (UTC), exclusive.")
  String until;

  @Option(names = "--channel", split = ",", paramLabel = "CHANNEL",
      description = "Only events on these channels (comma-separated); '(none)' for events "
          + "without one.")
  List<String> channels;

  @Option(names = "--trait", paramLabel = "CONDITION",
      description = "Only customers whose profile traits meet this condition: plan=pro, "
          + "plan=pro|team, plan!=free, orders>=3, email exists (repeatable, or comma-separated: "
          + "all must hold); the trait may be a dotted path.")
  List<String> traits;

  SequenceFilter filter() {
    List<PropertyPredicate> predicates = new ArrayList<>();
    if (traits != null) {
      traits.forEach(t -> predicates.addAll(EventExpression.conditions("trait", t)));
    }
    return new SequenceFilter(since == null ? null : InstantText.parse("since", since),
        until == null ? null : InstantText.parse("until", until), channels == null ? List.of() : channels,
        predicates);
  }

  /**
   * The same filter as the server's query parameters ({@code from}/{@code to} inclusive days,
   * {@code channel}, {@code trait=CONDITION}). The server filters by whole days, so
   * {@code --since}/{@code --until} must be dates there.
   */
  QueryString query(QueryString q) {
    if (since != null) {
      q.add("from", day("since", since));
    }
    if (until != null) {
      q.add("to", day("until", until).minusDays(1));
    }
    if (channels != null) {
      channels.forEach(c -> q.add("channel", c));
    }
    if (traits != null) {
      traits.forEach(t -> q.add("trait", t)); // the server reads the same conditions
    }
    return q;
  }

  private static LocalDate day(String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ItineraException.invalid(option, "'" + text + "' is not a date; with --server give"
          + " whole days such as 2026-06-01");
    }
  }

}
