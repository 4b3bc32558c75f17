package org.itinera.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.itinera.ItineraException;
import org.itinera.store.Store;
import org.itinera.text.TextAnalyzer;
import org.itinera.text.topic.Theme;
import org.itinera.text.topic.TopicOptions;
import org.itinera.voice.SegmentTopics;
import org.itinera.voice.TopicQuery;
import org.itinera.voice.TopicReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code itinera text topics}: themes and pain points of the stored texts of a segment, computed
 * here by {@link SegmentTopics} or asked of a running server ({@code GET /api/text/topics}).
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Themes and pain points of what customers wrote in a segment (journey stage,"
        + " channel, period, traits): per theme customers, share negative, trend, association"
        + " with conversion or churn, and three quotes; ranked by a lower confidence bound of"
        + " the share of customers who complain about it.")
final class TextTopicsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin ServerOption server;
  @Mixin FilterOptions filters;

  @Option(names = "--stage", paramLabel = "STAGE",
      description = "Only texts whose event is in this journey stage (awareness, consideration,"
          + " purchase, retention, advocacy in the default model).")
  String stage;

  @Option(names = "--outcome", paramLabel = "conversion|churn", defaultValue = "conversion",
      description = "Compare each theme's customers with the others on conversion (a goal of the"
          + " journey model reached at or after their first text) or churn (default:"
          + " ${DEFAULT-VALUE}).")
  String outcome;

  @Option(names = "--churn-days", paramLabel = "DAYS", defaultValue = "90",
      description = "With --outcome churn: days without any event, before the newest event in"
          + " the store, that make a customer churned (default: ${DEFAULT-VALUE}).")
  int churnDays;

  @Option(names = "--granularity", paramLabel = "day|week|month", defaultValue = "week",
      description = "Trend buckets (default: ${DEFAULT-VALUE}).")
  String granularity;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
      description = "Themes to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--min-customers", paramLabel = "N", defaultValue = "3",
      description = "A term must be used by at least N customers (default: ${DEFAULT-VALUE}).")
  int minCustomers;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TopicReport report = server.url != null
        ? RemoteServer.of(server, dataDir).get("/api/text/topics" + queryString(),
            TopicReport.class)
        : local();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(IndexedData.JSON.writeValueAsString(report));
    } else {
      print(out, report);
    }
    out.flush();
    return 0;
  }

  private TopicReport local() {
    if (limit < 1 || limit > 100) {
      throw ItineraException.invalid("limit", "--limit was " + limit + "; expected 1 to 100");
    }
    TopicOptions d = TopicOptions.defaults();
    TopicOptions options = new TopicOptions(limit, minCustomers, d.minZ(), d.maxTermsPerTheme(),
        granularity(), d.zone());
    TopicQuery q = new TopicQuery(stage, filters.filter(), TopicQuery.Outcome.parse(outcome),
        churnDays, options);
    try (Store store = Store.openReadOnly(dataDir.data)) {
      return new SegmentTopics(store.connection(), Wiring.journeyModel(),
          TextAnalyzer.forDataDir(dataDir.data)).report(q);
    }
  }

  private TopicOptions.Granularity granularity() {
    try {
      return TopicOptions.Granularity.valueOf(granularity.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ItineraException.invalid("granularity", "'" + granularity
          + "' is not day, week or month");
    }
  }

  /** The same query as /api/text/topics parameters; dates only, as the API takes them. */
  String queryString() {
    List<String> p = new ArrayList<>();
    add(p, "stage", stage);
    add(p, "outcome", outcome);
    add(p, "churnDays", Integer.toString(churnDays));
    add(p, "granularity", granularity);
    add(p, "limit", Integer.toString(limit));
    add(p, "minCustomers", Integer.toString(minCustomers));
    if (filters.since != null) {
      add(p, "from", date("since", filters.since).toString());
    }
    if (filters.until != null) {
      // --until is exclusive, the API's "to" inclusive
      add(p, "to", date("until", filters.until).minusDays(1).toString());
    }
    if (filters.channels != null) {
      filters.channels.forEach(c -> add(p, "channel", c));
    }
    if (filters.traits != null) {
      filters.traits.forEach(t -> add(p, "trait", t)); // the server reads the same conditions
    }
    return p.isEmpty() ? "" : "?" + String.join("&", p);
  }

  private static void add(List<String> params, String name, String value) {
    if (value != null) {
      params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }
  }

  private static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ItineraException.invalid(option, "with --server, --" + option + " takes a date such"
          + " as 2026-06-01, not '" + text + "'");
    }
  }

  private static void print(PrintWriter out, TopicReport r) {
    out.printf(Locale.ROOT, "%d texts by %d customers%s. Outcome: %s%s%n", r.texts(),
        r.customers(), r.stage() == null ? "" : " in stage " + r.stage(), r.outcomeDefinition(),
        r.outcomeRate() == null ? "" : String.format(Locale.ROOT, " (%s of %d customers)",
            HumanTime.percent(r.outcomeRate()), r.customersWithOutcome()));
    if (r.themes().isEmpty()) {
      out.println("No recurring theme: too few texts, or none negative.");
      return;
    }
    out.printf("%-3s %-36s %9s %8s %9s %8s  %-26s %s%n", "#", "theme", "customers", "share",
        "negative", "pain LB", r.outcome() + ": mention / others (z)", "trend");
    int i = 0;
    for (Theme t : r.themes()) {
      Theme.OutcomeAssociation o = t.outcome();
      out.printf(Locale.ROOT, "%-3d %-36s %9d %8s %9s %8.3f  %-26s %s%n", ++i,
          clean(t.name(), 36), t.customers(), HumanTime.percent(t.shareOfCustomers()),
          HumanTime.percent(t.shareNegative()), t.painLowerBound(), o == null ? "-"
              : String.format(Locale.ROOT, "%s / %s (%+.1f)", HumanTime.percent(o.rateMentioning()),
                  HumanTime.percent(o.rateOthers()), o.z()), sparkline(t.trend()));
      for (Theme.Quote q : t.quotes()) {
        out.printf(Locale.ROOT, "      \"%s\" (%s, %+.2f)%n", clean(q.text(), 120),
            clean(q.customerId(), 40), q.sentiment());
      }
    }
  }

  /** Customer text is untrusted: no control characters (terminal escapes), bounded length. */
  static String clean(String s, int max) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp)
        || Character.getType(cp) == Character.FORMAT ? ' ' : cp));
    String t = b.toString().strip();
    return t.length() > max ? t.substring(0, max - 1) + "…" : t;
  }

  private static String sparkline(List<Theme.Period> trend) {
    String bars = "▁▂▃▄▅▆▇█";
    double max = 0;
    for (Theme.Period p : trend) {
      max = Math.max(max, p.share());
    }
    StringBuilder b = new StringBuilder();
    for (Theme.Period p : trend.subList(Math.max(0, trend.size() - 16), trend.size())) {
      b.append(max == 0 ? bars.charAt(0) : bars.charAt((int) Math.round(p.share() / max * 7)));
    }
    return b.toString();
  }
}
