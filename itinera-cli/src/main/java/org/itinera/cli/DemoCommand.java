package org.itinera.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.demo.DemoExport;
import org.itinera.demo.DemoLoader;
import org.itinera.demo.DemoOptions;
import org.itinera.demo.DemoStats;
import org.itinera.importer.FileReport;
import org.itinera.ingest.Ingestor;
import org.itinera.source.Source;
import org.itinera.source.Sources;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code itinera demo}: generates the demo company's data, loads it through the same paths a
 * user's data takes (Segment batches through the collection API's parser and the ingestor; CSV
 * files through the importer with the shipped mappings), then serves it. Loading twice stores
 * nothing new: every message and row has a stable id.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start Itinera with demo data for a fictional multichannel retailer.")
final class DemoCommand implements Callable<Integer> {
  /** Concurrent senders of the generated batches (parse + ingest), like SDKs posting at once. */
  private static final int SENDERS = 3;

  @Option(names = "--data", defaultValue = "itinera-demo", paramLabel = "DIR",
      description = "Data directory for the demo (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--customers", description = "Number of customers (default: 3000).")
  Integer customers;

  @Option(names = "--seed", description = "Random seed (default: 42).")
  Long seed;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--no-serve", description = "Load the demo data and exit.")
  boolean noServe;

  @Option(names = "--export", paramLabel = "DIR",
      description = "Write the raw source files (JSONL, CSV, mappings, truth) instead of loading.")
  Path export;

  @Override
  public Integer call() throws Exception {
    DemoOptions options = DemoOptions.defaults();
    if (customers != null) {
      options = options.withCustomers(customers);
    }
    if (seed != null) {
      options = options.withSeed(seed);
    }
    if (export != null) {
      DemoStats stats = DemoExport.export(export, options);
      System.out.println("Wrote " + stats.messages() + " messages and the source files to "
          + export.toAbsolutePath());
      return 0;
    }
    long started = System.nanoTime();
    try (Store store = Store.open(data)) {
      try (Ingestor ingestor = Ingestor.open(store, Wiring.textEnricher(store.dataDir()))) {
        load(store, ingestor, options);
      }
    }
    System.out.printf("Demo data ready in %s (%.1f s).%n", data.toAbsolutePath(),
        (System.nanoTime() - started) / 1e9);
    if (noServe) {
      return 0;
    }
    ServeCommand.Running running = ServeCommand.Running.start(data, "0.0.0.0", port);
    System.out.println("Dashboard: " + running.server.url() + "/dashboard/");
    System.out.println("Admin token (to log in): " + running.server.token().value());
    running.awaitShutdown();
    return 0;
  }

  private static void load(Store store, Ingestor ingestor, DemoOptions options)
      throws IOException {
    System.out.println("Generating " + options.customers() + " customers of "
        + "Dalbit Market (seed " + options.seed() + ") and sending them through the collection"
        + " API's parser...");
    DemoLoader.Loaded loaded = new DemoLoader(store, ingestor, demoSource(store), SENDERS)
        .load(options, store.dataDir().resolve("demo-files"));
    System.out.println("  events: " + loaded.accepted() + " stored, " + loaded.duplicates()
        + " already there");
    for (Map.Entry<String, FileReport> f : loaded.files().entrySet()) {
      FileReport r = f.getValue();
      System.out.println("  " + f.getKey() + ": " + r.imported() + " imported, "
          + r.duplicates() + " already there, " + r.rejected() + " rejected");
    }
  }

  private static Source demoSource(Store store) {
    Sources sources = new Sources(store);
    for (Source s : sources.list()) {
      if (s.name().equals("Dalbit Market SDK")) {
        return s;
      }
    }
    return sources.create("Dalbit Market SDK", "web").source();
  }
}
