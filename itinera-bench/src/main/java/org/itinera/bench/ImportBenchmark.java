package org.itinera.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.itinera.importer.FileReport;
import org.itinera.importer.ImportListener;
import org.itinera.importer.Importer;
import org.itinera.importer.Mapping;
import org.itinera.ingest.BulkTimer;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.TextEnricher;
import org.itinera.store.Store;
import org.itinera.text.TextAnalyzer;

/**
 * Macro benchmark of CSV import into the store: generates a CSV of N e-commerce events (a fixed
 * number of customers, so only the file grows with N; 2% of rows carry free text, no two alike),
 * then imports it with the real {@link Importer} into a fresh data directory and reports rows/s,
 * process CPU, the time and CPU of each phase, and the process's peak resident memory (VmHWM).
 *
 * <p>Each customer {@code k} has a user id, an e-mail and two devices (anonymous ids); a row is
 * one of them visiting, carrying the user id on a quarter of rows and the e-mail on a tenth, so
 * the identity graph has one component per customer, as in real traffic.
 *
 * <p>Generate and import in separate runs, so the import's peak memory is its own:
 *
 * <pre>
 * java -cp ... org.itinera.bench.ImportBenchmark generate --rows 5000000 --file /tmp/events-5m.csv
 * java -Xmx1g -cp ... org.itinera.bench.ImportBenchmark import --file /tmp/events-5m.csv
 *     [--memory-limit 1GB] [--threads 2] [--text analyze|off]
 * </pre>
 *
 * <p>{@code --text analyze} (the default) runs the shipped text analytics on rows with text, as
 * {@code itinera import} does; {@code off} measures the import without it.
 */
public final class ImportBenchmark {
  private static final int CUSTOMERS = 100_000;
  /** Held here: JUL keeps loggers weakly, and the level set on one must stay. */
  private static final Logger PHASES = Logger.getLogger(BulkTimer.class.getName());

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      return;
    }
    long rows = 1_000_000;
    Path file = null;
    String memoryLimit = null;
    String threads = null;
    boolean analyzeText = true;
    for (int i = 1; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(value.replace("_", ""));
        case "--file" -> file = Path.of(value);
        case "--memory-limit" -> memoryLimit = value;
        case "--threads" -> threads = value;
        case "--text" -> {
          if (!value.equals("analyze") && !value.equals("off")) {
            usage();
            return;
          }
          analyzeText = value.equals("analyze");
        }
        default -> {
          usage();
          return;
        }
      }
    }
    if (file == null) {
      usage();
      return;
    }
    switch (args[0]) {
      case "generate" -> generate(rows, file);
      case "import" -> importFile(file, memoryLimit, threads, analyzeText);
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println("usage: ImportBenchmark generate --rows N --file PATH\n"
        + "       ImportBenchmark import --file PATH [--memory-limit 1GB] [--threads N]"
        + " [--text analyze|off]");
  }

  static void generate(long rows, Path file) throws SQLException {
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement ps = c.prepareStatement("COPY (SELECT"
            + " 'ev-' || i AS event_id,"
            + " CASE WHEN i % 4 = 0 THEN 'u' || (hash(i) % $2) END AS user_id,"
            + " 'a' || (hash(i) % $2) || ['w', 'm'][i % 3 % 2 + 1] AS anonymous_id,"
            + " CASE WHEN i % 10 = 0 THEN 'c' || (hash(i) % $2) || '@example.com' END AS email,"
            + " strftime(TIMESTAMP '2024-01-01' + INTERVAL (i % 31536000) SECOND,"
            + "   '%Y-%m-%d %H:%M:%S') AS ts,"
            + " ['Product Viewed', 'Product Added', 'Checkout Started',"
            + "   'Order Completed'][i % 4 + 1] AS event,"
            + " ['web', 'app', 'store'][i % 3 + 1] AS channel,"
            + " CASE WHEN i % 50 = 0 THEN ['Delivery took ' || (i % 9 + 1) || ' days, box was"
            + " damaged.', 'Great quality, arrived early. Will buy again!',"
            + " '배송이 너무 늦어요. 환불 요청합니다.', '친절한 상담 감사합니다. 만족해요.',"
            + " 'The app crashed twice at checkout and support never answered.']"
            + "[(i // 50) % 5 + 1] || ' (order ' || i || ')' END AS comment,"
            + " CASE WHEN i % 50 = 0 THEN i % 5 + 1 END AS rating,"
            + " CASE WHEN i % 4 = 3 THEN round((i % 100000) / 100.0, 2) END AS amount,"
            + " CASE WHEN i % 4 = 3 THEN 'USD' END AS currency,"
            + " 'sku-' || (i % 5000) AS sku,"
            + " i % 7 + 1 AS qty"
            + " FROM range($1) t(i)) TO $3 (HEADER)")) {
      ps.setLong(1, rows);
      ps.setLong(2, CUSTOMERS);
      ps.setString(3, file.toAbsolutePath().toString());
      ps.execute();
    }
    System.out.printf(Locale.ROOT, "generated %,d rows (%,d bytes) in %s in %.1f s%n", rows,
        size(file), file, (System.nanoTime() - t0) / 1e9);
  }

  static void importFile(Path file, String memoryLimit, String threads, boolean analyzeText)
      throws Exception {
    showPhases();
    Path data = Files.createTempDirectory("itinera-import-bench");
    Path mapping = data.resolve("mapping.yml");
    try (InputStream in = ImportBenchmark.class.getResourceAsStream("import-bench-mapping.yml")) {
      Files.copy(in, mapping, StandardCopyOption.REPLACE_EXISTING);
    }
    try (Store store = Store.open(data)) {
      try (PreparedStatement ps = store.connection().prepareStatement("SET memory_limit = $1")) {
        if (memoryLimit != null) {
          ps.setString(1, memoryLimit);
          ps.execute();
        }
      }
      if (threads != null) {
        try (PreparedStatement ps = store.connection().prepareStatement("SET threads = $1")) {
          ps.setLong(1, Long.parseLong(threads));
          ps.execute();
        }
      }
      FileReport r;
      double cpuBefore = processCpuSeconds();
      TextEnricher enricher = analyzeText ? TextAnalyzer.load()::enrich : TextEnricher.NONE;
      try (Ingestor ingestor = Ingestor.open(store, enricher)) {
        Importer importer = Importer.open(store, ingestor, Mapping.load(mapping));
        r = importer.importFile(file, ImportListener.NONE);
      }
      double cpu = processCpuSeconds() - cpuBefore;
      long duckdbBytes = 0;
      try (var st = store.connection().createStatement();
          var rs = st.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
        rs.next();
        duckdbBytes = rs.getLong(1);
      }
      var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      System.out.printf(Locale.ROOT, "file %s: %,d bytes%n", file, size(file));
      System.out.printf(Locale.ROOT, "rows read %,d  imported %,d  duplicates %,d  rejected %,d%n",
          r.rowsRead(), r.imported(), r.duplicates(), r.rejected());
      System.out.printf(Locale.ROOT, "import %.2f s  %,.0f rows/s  (process CPU %.1f s, %,.0f rows"
          + " per CPU-second; text analytics %s)%n", r.millis() / 1000.0, r.rowsPerSecond(), cpu,
          r.rowsRead() / cpu, analyzeText ? "on" : "off");
      System.out.printf(Locale.ROOT, "peak RSS (VmHWM) %s; after the import: DuckDB buffers %,d MB,"
          + " Java heap used %,d MB of %,d MB committed%n", peakRss(), duckdbBytes >> 20,
          heap.getUsed() >> 20, heap.getCommitted() >> 20);
      System.out.printf(Locale.ROOT, "load average %s%n",
          Files.readString(Path.of("/proc/loadavg")).trim());
    } finally {
      try (Stream<Path> walk = Files.walk(data)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Prints the import's phases (BulkTimer logs them at DEBUG) on stderr. */
  private static void showPhases() {
    Logger phases = PHASES;
    ConsoleHandler console = new ConsoleHandler();
    console.setLevel(java.util.logging.Level.FINE);
    console.setFormatter(new SimpleFormatter() {
      @Override
      public String format(LogRecord r) {
        return "  phase " + r.getMessage() + System.lineSeparator();
      }
    });
    phases.setLevel(java.util.logging.Level.FINE);
    phases.setUseParentHandlers(false);
    phases.addHandler(console);
  }

  /** CPU time of the whole process (all DuckDB threads): comparable when the machine is busy. */
  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  private static String peakRss() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "n/a";
    }
    return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM"))
        .map(l -> l.substring(6).trim()).findFirst().orElse("n/a");
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
