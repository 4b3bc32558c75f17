package org.itinera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.customer.CustomerCard;
import org.itinera.customer.Customers;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code itinera customers show ID}: one customer by any of their ids. */
@Command(name = "customers", mixinStandardHelpOptions = true,
    description = "Look customers up.", subcommands = {CustomersCommand.Show.class})
final class CustomersCommand {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
