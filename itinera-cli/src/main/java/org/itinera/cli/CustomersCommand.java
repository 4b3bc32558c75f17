package org.itinera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.customer.CustomerCard;
import org.itinera.customer.CustomerFinder;
import org.itinera.customer.CustomerQuery;
import org.itinera.customer.CustomerSummary;
import org.itinera.customer.Customers;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code itinera customers show ID}: one customer by any of their ids. */
@Command(name = "customers", mixinStandardHelpOptions = true,
    description = "Look customers up.",
    subcommands = {CustomersCommand.Show.class, CustomersCommand.Find.class})
final class CustomersCommand {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Command(name = "find", mixinStandardHelpOptions = true,
      description = "Customers matching every criterion given, most recently active first.")
  static final class Find implements Callable<Integer> {
    @Mixin DataDirOption dataDir;

    @Option(names = "--trait", paramLabel = "NAME=VALUE", description = "A trait value, e.g."
        + " region=Seoul (repeatable).")
    Map<String, String> traits = new java.util.LinkedHashMap<>();

    @Option(names = "--topic", description = "Mentioned this topic in their own words.")
    String topic;

    @Option(names = "--text", description = "Wrote this phrase (case-insensitive).")
    String text;

    @Option(names = "--channel", description = "Used this channel.")
    String channel;

    @Option(names = "--limit", defaultValue = "50") int limit;

    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() throws Exception {
      CustomerQuery q = new CustomerQuery(traits, topic, text, channel, null, limit, 0);
      List<CustomerSummary> found;
      try (Store store = Store.openReadOnly(dataDir.data)) {
        found = new CustomerFinder(store.connection()).find(q);
      }
      if (json) {
        System.out.println(JSON.writeValueAsString(found));
        return 0;
      }
      System.out.printf("%-28s %7s %12s %9s  %s%n", "CUSTOMER", "EVENTS", "REVENUE", "NEGATIVE",
          "LAST SEEN");
      for (CustomerSummary c : found) {
        System.out.printf("%-28s %7d %12.2f %9d  %s%n", c.customerId(), c.events(), c.revenue(),
            c.negativeTexts(), c.lastSeen());
      }
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
        card = RemoteServer.of(server, dataDir).get(
            "/api/customers/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"), CustomerCard.class);
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
