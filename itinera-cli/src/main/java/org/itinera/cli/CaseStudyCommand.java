package org.itinera.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.casestudy.CaseStudy;
import org.itinera.customer.CustomerMatch;
import org.itinera.journal.Journal;
import org.itinera.journal.Lang;
import org.itinera.journal.StoredJournals;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itinera casestudy}: journals of a selection of customers as Markdown or HTML: the
 * typical journeys of a segment, or of the customers who hit a pain point (a topic, a phrase, a
 * funnel drop-off).
 */
@Command(name = "casestudy", mixinStandardHelpOptions = true,
    description = "Write the journals of selected customers (a segment, those who mentioned a"
        + " topic, dropped out of a funnel or sit at a stage) as a Markdown or HTML case study"
        + " with their own words: a summary of the selection, then its most typical journeys.")
final class CaseStudyCommand implements Callable<Integer> {
  @Mixin DataDirOption dataDir;
  @Mixin ServerOption server;
  @Mixin CustomerCriteria criteria;

  @Option(names = "--customers", split = ",", paramLabel = "ID",
      description = "Explicit customers, by any of their ids (instead of criteria).")
  List<String> ids;

  @Option(names = "--limit", defaultValue = "5",
      description = "Stories to tell, most typical first (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--sample", defaultValue = "50", description = "Matching customers the"
      + " summary and the choice of typical journeys draw on, most recently active first, up to"
      + " 200 (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--lang", defaultValue = "en") String lang;
  @Option(names = "--title") String title;

  @Option(names = "--out", required = true, description = "Output file: .md or .html.")
  Path out;

  @Override
  public Integer call() throws Exception {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean html = name.endsWith(".html") || name.endsWith(".htm");
    if (!html && !name.endsWith(".md")) {
      throw ItineraException.invalid("out", "'" + out + "' must end in .md or .html");
    }
    if (limit < 1) {
      throw ItineraException.invalid("limit", "--limit is " + limit + "; expected 1 or more");
    }
    Lang l = Lang.parse(lang);
    List<String> selected = ids;
    if (selected == null) {
      selected = criteria.find(dataDir, server, Math.max(sample, limit), 0).customers().stream()
          .map(CustomerMatch::customerId).toList();
    }
    List<Journal> journals = journals(selected, l);
    if (journals.isEmpty()) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "selection",
          "no customer matches " + describe());
    }
    String t = title != null ? title : (l == Lang.KO ? "사례 연구: " : "Case study: ") + describe();
    CaseStudy cs = new CaseStudy(t, describe(), journals, l, limit);
    Files.writeString(out, html ? cs.html() : cs.markdown(), StandardCharsets.UTF_8);
    System.out.println("Wrote " + Math.min(limit, journals.size()) + " of " + journals.size()
        + " journals to " + out);
    return 0;
  }

  private List<Journal> journals(List<String> customers, Lang l) {
    List<Journal> journals = new ArrayList<>();
    if (server.url != null) {
      RemoteServer remote = RemoteServer.of(server, dataDir);
      for (String c : customers) {
        journals.add(remote.get("/api/customers/" + URLEncoder.encode(c, StandardCharsets.UTF_8)
            .replace("+", "%20") + "/journal?lang=" + l.name().toLowerCase(Locale.ROOT),
            Journal.class));
      }
      return journals;
    }
    try (Store store = Store.openReadOnly(dataDir.data)) {
      StoredJournals stored = new StoredJournals(store.connection(), Wiring.stages(store));
      for (String c : customers) {
        journals.add(stored.journal(c, l));
      }
    }
    return journals;
  }

  private String describe() {
    return ids != null ? "customers " + String.join(", ", ids) : criteria.describe();
  }
}
