package org.itinera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.customer.CustomerCard;
import org.itinera.customer.CustomerMatch;
import org.itinera.customer.CustomerPage;
import org.itinera.customer.Customers;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code itinera customers show ID} (one customer by any of their ids) and {@code itinera
 * customers find ...} (customers by id, trait, topic, stage or funnel drop-off).
 */
@Command(name = "customers", mixinStandardHelpOptions = true,
    description = "Look customers up.",
    subcommands = {CustomersCommand.Show.class, CustomersCommand.Find.class})
final class CustomersCommand {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Command(name = "find", mixinStandardHelpOptions = true,
      description = "Customers matching every criterion given, most recently active first.")
  static final class Find implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption dataDir;
    @Mixin ServerOption server;
    @Mixin CustomerCriteria criteria;

    @Option(names = "--limit", defaultValue = "50",
        description = "Customers per page, 1 to 200 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Customers to skip.")
    int offset;

    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() throws Exception {
      CustomerPage page = criteria.find(dataDir, server, limit, offset);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(JSON.writeValueAsString(page));
        out.flush();
        return 0;
      }
      out.printf("%d customers match %s%s%n", page.total(), criteria.describe(),
          page.total() > page.customers().size() ? " (showing " + (page.offset() + 1) + "-"
              + (page.offset() + page.customers().size()) + ")" : "");
      out.printf("%-28s %-20s %7s %12s %8s  %-24s  %s%n", "CUSTOMER", "NAME", "EVENTS",
          "REVENUE", "NEGATIVE", "LAST SEEN", "CHANNELS");
      for (CustomerMatch c : page.customers()) {
        out.printf("%-28s %-20s %7d %12.2f %8d  %-24s  %s%n", c.customerId(),
            c.name() == null ? "" : c.name(), c.events(), c.revenue(), c.negativeTexts(),
            c.lastSeen() == null ? "" : c.lastSeen(), String.join(", ", c.channels()));
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "A customer's identities, traits, first/last seen and event counts, by any"
          + " of their ids (customer id, user id, anonymous id, e-mail, phone).")
  static final class Show implements Callable<Integer> {
    @Parameters(paramLabel = "ID") String id;
    @Mixin DataDirOption dataDir;
    @Mixin ServerOption server;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      CustomerCard card;
      if (server.url != null) {
        card = RemoteServer.of(server, dataDir).get("/api/customers/"
            + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"),
            CustomerCard.class);
      } else {
        try (Store store = Store.openReadOnly(dataDir.data)) {
          card = new Customers(store.connection()).show(id);
        }
      }
      if (json) {
        System.out.println(JSON.writeValueAsString(card));
        return 0;
      }
      System.out.println("Customer   " + card.customerId());
      System.out.println("Identities " + String.join(", ", card.identities()));
      System.out.println("First seen " + card.firstSeen() + "   Last seen " + card.lastSeen());
      System.out.println("Events     " + card.eventCount());
      for (Map.Entry<String, Long> e : card.eventsByChannel().entrySet()) {
        System.out.printf("  %-14s %d%n", e.getKey(), e.getValue());
      }
      if (!card.traits().isEmpty()) {
        System.out.println("Traits     " + JSON.writeValueAsString(card.traits()));
      }
      return 0;
    }
  }
}
