package org.itinera.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.itinera.journal.Entry;
import org.itinera.journal.Episode;
import org.itinera.journal.Journal;
import org.itinera.journal.Lang;
import org.itinera.journal.ProfileCard;
import org.itinera.journal.StageOf;
import org.itinera.journal.StorySentence;
import org.itinera.journal.StoredJournals;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code itinera journal CUSTOMER}: one customer's profile, story and timeline. */
@Command(name = "journal", mixinStandardHelpOptions = true,
    description = "A customer's journal: profile card, story and timeline, by any of their ids.")
final class JournalCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CUSTOMER") String id;
  @Mixin DataDirOption dataDir;
  @Mixin ServerOption server;

  @Option(names = "--lang", defaultValue = "en", description = "ko or en (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(names = "--json", description = "Print JSON (each story sentence with its event ids).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Lang l = Lang.parse(lang);
    Journal journal;
    if (server.url != null) {
      journal = RemoteServer.of(server, dataDir).get("/api/customers/"
          + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20") + "/journal?lang=" + l.name().toLowerCase(), Journal.class);
    } else {
      try (Store store = Store.openReadOnly(dataDir.data)) {
        journal = new StoredJournals(store.connection(), Wiring.stages(store)).journal(id, l);
      }
    }
    if (json) {
      System.out.println(CustomersCommand.JSON.writeValueAsString(journal));
    } else {
      print(journal);
    }
    return 0;
  }

  private static void print(Journal j) {
    ProfileCard p = j.profile();
    System.out.println("Customer " + p.customerId() + "   stage: " + p.currentStage()
        + "   orders: " + p.orders() + "   lifetime value: " + p.lifetimeValue()
        + (p.currency() == null ? "" : " " + p.currency()));
    System.out.println("First seen " + Instant.ofEpochMilli(p.firstSeen()) + "   last contact "
        + Instant.ofEpochMilli(p.lastContact()) + "   channels " + String.join(", ", p.channels()));
    if (!p.flags().isEmpty()) {
      System.out.println("Flags: " + String.join(", ", p.flags()));
    }
    System.out.println();
    for (StorySentence s : j.story()) {
      System.out.println(s.text());
    }
    System.out.println();
    for (Episode ep : j.timeline()) {
      System.out.println("— " + Instant.ofEpochMilli(ep.start()) + "  "
          + String.join(", ", ep.channels()));
      for (Entry e : ep.entries()) {
        StringBuilder line = new StringBuilder("    ")
            .append(Instant.ofEpochMilli(e.ts())).append("  ").append(e.channel()).append("  ")
            .append(e.name());
        if (e.stageEntered() != null) {
          line.append("  → ").append(e.stageEntered());
        }
        if (e.revenue() != null) {
          line.append("  ").append(e.revenue()).append(' ').append(e.currency());
        }
        if (e.rating() != null) {
          line.append("  rating ").append(e.rating());
        }
        if (e.text() != null) {
          line.append("  “").append(e.text()).append("”");
          if (e.sentiment() != null) {
            line.append(String.format(" (%+.2f)", e.sentiment()));
          }
        }
        System.out.println(line);
      }
    }
  }
}
