package org.itinera.cli;


import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.ItineraException;
import org.itinera.customer.Customers;
import org.itinera.impact.BeforeAfter;
import org.itinera.impact.Comparison;
import org.itinera.impact.Measures;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code itinera compare}: the same measures before and after a date. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Customer-experience measures in equal windows before and after a date, for"
        + " everyone, a trait segment, or one customer.")
final class CompareCommand implements Callable<Integer> {
  @Mixin DataDirOption dataDir;

  @Option(names = "--date", required = true, description = "The date, e.g. 2026-06-01 (UTC).")
  String date;

  @Option(names = "--window", defaultValue = "28d", description = "Window on each side: 7d, 12h, ... (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(names = "--trait", paramLabel = "NAME=VALUE") Map<String, String> trait;
  @Option(names = "--customer", description = "One customer, by any of their ids.") String customer;
  @Option(names = "--topic", description = "Count mentions of this topic too.") String topic;
  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws Exception {
    long at = parseDate(date);
    long windowMs = Windows.parse("window", window);
    if (trait != null && trait.size() > 1) {
      throw ItineraException.invalid("trait", "give at most one --trait");
    }
    String traitName = trait == null ? null : trait.keySet().iterator().next();
    String traitValue = trait == null ? null : trait.values().iterator().next();
    Comparison c;
    try (Store store = Store.openReadOnly(dataDir.data)) {
      List<String> ids = null;
      if (customer != null) {
        ids = List.of(new Customers(store.connection()).resolve(customer).orElseThrow(() ->
            new ItineraException(org.itinera.ErrorCode.NOT_FOUND, "customer",
                "no customer has the id '" + customer + "'")));
      }
      c = new BeforeAfter(store.connection()).compare(at, windowMs, traitName, traitValue, ids,
          topic);
    }
    if (json) {
      System.out.println(CustomersCommand.JSON.writeValueAsString(c));
      return 0;
    }
    System.out.println("Before/after " + Instant.ofEpochMilli(at) + " for " + c.segment()
        + " (" + window + " each side)");
    System.out.printf("%-26s %14s %14s%n", "", "before", "after");
    row("active customers", c.before().activeCustomers(), c.after().activeCustomers());
    row("orders", c.before().orders(), c.after().orders());
    row("revenue", c.before().revenue(), c.after().revenue());
    row("conversion", c.before().conversion(), c.after().conversion());
    row("mean sentiment", c.before().meanSentiment(), c.after().meanSentiment());
    row("share negative texts", c.before().shareNegative(), c.after().shareNegative());
    row("tickets", c.before().tickets(), c.after().tickets());
    row("median resolution (h)", c.before().medianResolutionHours(),
        c.after().medianResolutionHours());
    row("NPS", c.before().nps(), c.after().nps());
    if (topic != null) {
      row("mentions of " + topic, c.before().topicMentions(), c.after().topicMentions());
    }
    return 0;
  }

  private static void row(String label, Object before, Object after) {
    System.out.printf("%-26s %14s %14s%n", label, fmt(before), fmt(after));
  }

  private static String fmt(Object v) {
    if (v == null) {
      return "–";
    }
    if (v instanceof Double d) {
      return String.format("%.3f", d);
    }
    return v.toString();
  }

  static long parseDate(String s) {
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s).toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw ItineraException.invalid("date", "'" + s + "' is not a date like 2026-06-01 or"
            + " 2026-06-01T00:00:00Z");
      }
    }
  }

}
