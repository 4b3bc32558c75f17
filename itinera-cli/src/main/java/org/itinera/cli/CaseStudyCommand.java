package org.itinera.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.ItineraException;
import org.itinera.casestudy.CaseStudy;
import org.itinera.customer.CustomerFinder;
import org.itinera.customer.CustomerQuery;
import org.itinera.customer.CustomerSummary;
import org.itinera.journal.Journal;
import org.itinera.journal.Lang;
import org.itinera.journal.StoredJournals;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code itinera casestudy}: journals of a selection of customers as Markdown or HTML. */
@Command(name = "casestudy", mixinStandardHelpOptions = true,
    description = "Write the journals of selected customers (a segment, or those who mentioned a"
        + " topic) as a Markdown or HTML case study with their own words.")
final class CaseStudyCommand implements Callable<Integer> {
  @Mixin DataDirOption dataDir;

  @Option(names = "--trait", paramLabel = "NAME=VALUE") Map<String, String> traits =
      new LinkedHashMap<>();

  @Option(names = "--topic") String topic;
  @Option(names = "--text", description = "Customers who wrote this phrase.") String text;
  @Option(names = "--channel") String channel;

  @Option(names = "--customers", split = ",", description = "Explicit customer ids.")
  List<String> ids;

  @Option(names = "--limit", defaultValue = "5", description = "Customers to include (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--lang", defaultValue = "en") String lang;
  @Option(names = "--title") String title;

  @Option(names = "--out", required = true, description = "Output file: .md or .html.")
  Path out;

  @Override
  public Integer call() throws Exception {
    String name = out.getFileName().toString().toLowerCase();
    boolean html = name.endsWith(".html") || name.endsWith(".htm");
    if (!html && !name.endsWith(".md")) {
      throw ItineraException.invalid("out", "'" + out + "' must end in .md or .html");
    }
    Lang l = Lang.parse(lang);
    CustomerQuery q = new CustomerQuery(traits, topic, text, channel, ids, limit, 0);
    List<Journal> journals = new ArrayList<>();
    try (Store store = Store.openReadOnly(dataDir.data)) {
      StoredJournals stored = new StoredJournals(store.connection(), Wiring.stages(store));
      for (CustomerSummary c : new CustomerFinder(store.connection()).find(q)) {
        journals.add(stored.journal(c.customerId(), l));
      }
    }
    if (journals.isEmpty()) {
      throw new ItineraException(org.itinera.ErrorCode.NOT_FOUND, "selection",
          "no customer matches " + describe());
    }
    String t = title != null ? title : (l == Lang.KO ? "사례 연구: " : "Case study: ") + describe();
    CaseStudy cs = new CaseStudy(t, describe(), journals, l);
    Files.writeString(out, html ? cs.html() : cs.markdown(), StandardCharsets.UTF_8);
    System.out.println("Wrote " + journals.size() + " journals to " + out);
    return 0;
  }

  private String describe() {
    List<String> parts = new ArrayList<>();
    traits.forEach((k, v) -> parts.add(k + " = " + v));
    if (topic != null) {
      parts.add("topic = " + topic);
    }
    if (text != null) {
      parts.add("wrote \"" + text + "\"");
    }
    if (channel != null) {
      parts.add("channel = " + channel);
    }
    if (ids != null) {
      parts.add("customers " + String.join(", ", ids));
    }
    return parts.isEmpty() ? "all customers" : String.join(", ", parts);
  }
}
