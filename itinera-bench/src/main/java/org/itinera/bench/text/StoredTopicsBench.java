package org.itinera.bench.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.ingest.TextBackfill;
import org.itinera.journey.JourneyModel;
import org.itinera.sequence.SequenceFilter;
import org.itinera.store.Store;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;
import org.itinera.voice.SegmentTopics;
import org.itinera.voice.TopicQuery;
import org.itinera.voice.TopicReport;

/**
 * Macro benchmark of {@code itinera text topics} and {@code itinera text backfill} on a stored
 * data directory. Usage:
 *
 * <pre>
 * java -Xmx8g -cp ... org.itinera.bench.text.StoredTopicsBench DIR [texts=1000000]
 *     [backfillTexts=200000]
 * </pre>
 *
 * <p>Writes {@code texts} scored customer texts (short synthetic ones, three per customer, as
 * ingest stores them: lang, sentiment, emotion, topics) of 40% support tickets (stage retention)
 * and 60% reviews, plus an order after the text for one customer in four, into a fresh store in
 * {@code DIR}; then times the topics of all texts (conversion), of the retention stage, and with
 * churn, each end to end as the CLI and {@code GET /api/text/topics} run it (reading from DuckDB,
 * stage of every event, outcomes, themes); then a backfill of the first {@code backfillTexts}
 * texts in a second store, stored unscored, and a second backfill of them with the same model
 * (which scores every text again and writes nothing).
 */
public final class StoredTopicsBench {
  private static final long T0 = 1_767_225_600_000L;

  private StoredTopicsBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int backfill = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
    TextAnalyzer analyzer = TextAnalyzer.load();
    List<String> texts = ShortTexts.generate(20_000, 11);
    List<TextAnalysis> analysed = new ArrayList<>(texts.size());
    for (String t : texts) {
      analysed.add(analyzer.analyze(t));
    }
    if (Files.exists(dir.resolve(Store.FILE_NAME))) {
      throw new IllegalArgumentException(dir + " already holds a store; give a fresh directory");
    }
    long t0 = System.nanoTime();
    try (Store store = Store.open(dir)) {
      write((DuckDBConnection) store.connection(), texts, analysed, n, true);
    }
    System.out.printf(Locale.ROOT, "wrote %,d scored texts in %.1f s%n", n,
        (System.nanoTime() - t0) / 1e9);
    try (Store store = Store.openReadOnly(dir)) {
      JourneyModel model = JourneyModel.defaultModel();
      for (int round = 0; round < 2; round++) {
        time(store, model, analyzer, "all texts, conversion", TopicQuery.all());
        time(store, model, analyzer, "stage retention, conversion", new TopicQuery("retention",
            SequenceFilter.NONE, TopicQuery.Outcome.CONVERSION, 90, null));
        time(store, model, analyzer, "all texts, churn 90 days", new TopicQuery(null,
            SequenceFilter.NONE, TopicQuery.Outcome.CHURN, 90, null));
      }
    }
    if (backfill > 0) {
      Path second = dir.resolve("backfill");
      try (Store store = Store.open(second)) {
        write((DuckDBConnection) store.connection(), texts, analysed, backfill, false);
        backfill(store, analyzer, "unscored texts");
        backfill(store, analyzer, "again, same model");
      }
    }
  }

  private static void backfill(Store store, TextAnalyzer analyzer, String what) {
    long cpu0 = cpuNanos();
    TextBackfill.Result r = new TextBackfill(store, analyzer::enrich, TextBackfill.DEFAULT_BATCH)
        .run(TextBackfill.Progress.NONE);
    double cpu = (cpuNanos() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT, "backfill (%s): %,d texts in %.1f s wall (%,.0f texts/s),"
        + " %.1f CPU-s of the process (%,.0f texts per CPU-s), %d cores; %,d changed%n", what,
        r.texts(), r.millis() / 1000.0, r.texts() * 1000.0 / r.millis(), cpu, r.texts() / cpu,
        Runtime.getRuntime().availableProcessors(), r.changed());
  }

  private static void time(Store store, JourneyModel model, TextAnalyzer analyzer, String what,
      TopicQuery q) throws SQLException {
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    TopicReport r;
    try (var c = store.newConnection()) {
      r = new SegmentTopics(c, model, analyzer).report(q);
    }
    System.out.printf(Locale.ROOT, "topics (%s): %,d texts, %,d customers in %.2f s wall, %.2f"
        + " CPU-s of the process; %d themes; top: %s%n", what, r.texts(), r.customers(),
        (System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9, r.themes().size(),
        r.themes().isEmpty() ? "-" : r.themes().get(0).name());
  }

  /** CPU time of the whole process (JVM and DuckDB threads). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** {@code n} texts, three per customer, scored (or not), and an order for every 4th customer. */
  private static void write(DuckDBConnection c, List<String> texts, List<TextAnalysis> analysed,
      int n, boolean scored) throws SQLException {
    try (DuckDBAppender app = c.createAppender("main", "events")) {
      long seq = 0;
      for (int i = 0; i < n; i++) {
        int k = i % texts.size();
        TextAnalysis a = analysed.get(k);
        boolean ticket = i % 5 < 2;
        String customer = "c" + (i / 3);
        long ts = T0 + i * 20_000L;
        row(app, seq++, "t" + i, customer, ts, ticket ? "ticket" : "review",
            ticket ? "Ticket Opened" : "Review Submitted", ticket ? "chat" : "review",
            texts.get(k), scored ? a : null);
        if (i % 12 == 2) {
          row(app, seq++, "o" + i, customer, ts + 3_600_000L, "track", "Order Completed", "web",
              null, null);
        }
      }
    }
    try (Statement st = c.createStatement()) {
      st.execute("CHECKPOINT");
    }
  }

  private static void row(DuckDBAppender app, long seq, String id, String customer, long ts,
      String type, String name, String channel, String text, TextAnalysis a) throws SQLException {
    app.beginRow();
    app.append(seq);
    app.append(id);
    app.append(customer);
    app.appendNull(); // anonymous_id
    app.append(customer); // user_id
    app.appendEpochMicros(ts * 1000);
    app.appendEpochMicros(ts * 1000);
    app.append(type);
    app.append(name);
    app.append(channel);
    app.appendNull(); // source_id
    app.appendNull(); // properties
    app.appendNull(); // context
    app.appendNull(); // traits
    if (text == null) {
      app.appendNull();
    } else {
      app.append(text);
    }
    if (a == null) {
      app.appendNull();
      app.appendNull();
      app.appendNull();
      app.appendNull();
    } else {
      app.append(a.lang().code());
      app.append(a.score());
      app.append(a.emotion().code());
      if (a.topics().isEmpty()) {
        app.appendNull();
      } else {
        app.append(a.topics());
      }
    }
    app.appendNull(); // rating
    app.appendNull(); // revenue
    app.appendNull(); // currency
    app.endRow();
  }
}
