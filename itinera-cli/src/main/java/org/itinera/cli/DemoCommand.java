package org.itinera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.demo.DemoBatcher;
import org.itinera.demo.DemoCsvWriter;
import org.itinera.demo.DemoExport;
import org.itinera.demo.DemoFile;
import org.itinera.demo.DemoGenerator;
import org.itinera.demo.DemoOptions;
import org.itinera.demo.DemoRow;
import org.itinera.demo.DemoStats;
import org.itinera.importer.FileReport;
import org.itinera.importer.ImportListener;
import org.itinera.importer.Importer;
import org.itinera.importer.Mapping;
import org.itinera.ingest.IngestResult;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.SegmentMessages;
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
    Source source = demoSource(store);
    Path files = store.dataDir().resolve("demo-files");
    Files.createDirectories(files);
    long[] counts = new long[2];
    List<String> problems = new ArrayList<>();
    DemoGenerator generator = new DemoGenerator(options);
    System.out.println("Generating " + options.customers() + " customers of "
        + "Dalbit Market (seed " + options.seed() + ") and sending them through the collection"
        + " API's parser...");
    DemoStats stats;
    try (DemoBatcher batches = new DemoBatcher(500, new DemoBatcher.Handler() {
          @Override
          public void segmentBatch(byte[] body, int messages) {
            SegmentMessages.Parsed parsed =
                SegmentMessages.parse("batch", body, source, System.currentTimeMillis());
            if (!parsed.problems().isEmpty() && problems.size() < 5) {
              problems.add(parsed.problems().get(0).toString());
            }
            IngestResult r = ingestor.ingest(parsed.events());
            counts[0] += r.accepted();
            counts[1] += r.duplicates();
          }

          @Override
          public void rows(DemoFile file, List<DemoRow> rows) {
            throw new IllegalStateException("rows go to the CSV files, got " + file);
          }
        });
        DemoCsvWriter csv = DemoCsvWriter.open(files, batches)) {
      stats = generator.generate(csv);
    }
    if (!problems.isEmpty()) {
      throw new ItineraException(ErrorCode.INTERNAL, "the demo generator produced invalid"
          + " messages: " + problems);
    }
    System.out.println("  events: " + counts[0] + " stored, " + counts[1] + " already there");
    for (Map.Entry<DemoFile, Path> m :
        DemoExport.writeMappings(files.resolve("mappings")).entrySet()) {
      FileReport r = Importer.open(store, ingestor, Mapping.load(m.getValue()))
          .importFile(files.resolve(m.getKey().fileName()), ImportListener.NONE);
      System.out.println("  " + m.getKey().fileName() + ": " + r.imported() + " imported, "
          + r.duplicates() + " already there, " + r.rejected() + " rejected");
    }
    DemoExport.writeTruth(store.dataDir().resolve(DemoExport.TRUTH_FILE), generator.truth(),
        stats);
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
