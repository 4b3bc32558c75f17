package org.itinera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.importer.FileReport;
import org.itinera.importer.ImportListener;
import org.itinera.importer.ImportOptions;
import org.itinera.importer.Importer;
import org.itinera.importer.Mapping;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.TextEnricher;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code itinera import FILE... --mapping MAPPING.yml}: bulk import of CSV, JSON Lines and
 * Parquet files (see docs/IMPORT.md). Each file is one transaction; a file that cannot be read at
 * all is reported and the others still go in.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import CSV, JSON Lines or Parquet files into the store, mapped to events by a"
        + " YAML mapping (docs/IMPORT.md). Rejected rows go to DIR/rejects/ with line and reason.")
final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "Files to import (.csv, .tsv, .jsonl, .ndjson, .parquet; .gz allowed).")
  List<Path> files;

  @Option(names = "--mapping", required = true, paramLabel = "MAPPING.yml",
      description = "How columns become events: ids, timestamp, type, channel, text, ...")
  Path mapping;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "itinera-data",
      description = "Data directory holding itinera.duckdb (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--rejects", paramLabel = "DIR",
      description = "Where rejects files go (default: DATA_DIR/rejects).")
  Path rejects;

  @Option(names = "--memory-limit", paramLabel = "SIZE", defaultValue = "2GB",
      description = "DuckDB memory limit while importing, e.g. 1GB, 512MB"
          + " (default: ${DEFAULT-VALUE}); larger work spills to disk.")
  String memoryLimit;

  @Option(names = "--commit-every", paramLabel = "ROWS", defaultValue = "1000000",
      description = "A file with more good rows is committed in chunks of ROWS, which keeps"
          + " memory flat; smaller files are all-or-nothing (default: ${DEFAULT-VALUE}).")
  long commitEvery;

  @Option(names = "--json", description = "Print the summary as JSON on stdout.")
  boolean json;

  @Spec CommandSpec spec;

  @Option(names = "--no-text-analytics", description = "Store rows with text without language,"
      + " sentiment, emotion and topics (faster; 'itinera text backfill' adds them later).")
  boolean noTextAnalytics;

  /**
   * The text analytics applied to rows with text; null means the data directory's model (or the
   * shipped one), as the server applies to events sent to it, loaded only when the mapping has a
   * text column.
   */
  TextEnricher textEnricher;

  @Override
  public Integer call() {
    if (commitEvery < 1) {
      throw ItineraException.invalid("commit-every", "must be at least 1 row, was " + commitEvery);
    }
    Mapping m = Mapping.load(mapping);
    List<FileReport> reports = new ArrayList<>();
    List<ImportSummary.Failure> failures = new ArrayList<>();
    long start = System.nanoTime();
    TextEnricher enricher = noTextAnalytics ? TextEnricher.NONE
        : textEnricher != null ? textEnricher
        : m.text() == null ? TextEnricher.NONE : Wiring.textEnricher(data);
    try (Store store = openStore(); Ingestor ingestor = Ingestor.open(store, enricher)) {
      limitMemory(store);
      Importer importer = Importer.open(store, ingestor, m,
          ImportOptions.DEFAULT.withRejectsDir(rejects).withCommitEvery(commitEvery));
      ImportListener progress = System.console() != null && !json
          ? new ProgressBar(System.err) : ImportListener.NONE;
      for (Path file : files) {
        try {
          reports.add(importer.importFile(file, progress));
        } catch (ItineraException e) {
          failures.add(new ImportSummary.Failure(file, e));
          if (!json) {
            spec.commandLine().getErr().println("itinera: " + file + ": " + e.getMessage());
          }
        }
      }
    }
    ImportSummary summary = new ImportSummary(reports, failures,
        (System.nanoTime() - start) / 1_000_000);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? summary.json() : summary.text());
    out.flush();
    return failures.isEmpty() ? 0 : failures.get(0).exitCode();
  }

  private Store openStore() {
    try {
      return Store.open(data);
    } catch (ItineraException e) {
      if (e.code() == ErrorCode.STORE_LOCKED) {
        throw new ItineraException(ErrorCode.STORE_LOCKED, "data", e.getMessage()
            + " A bulk import needs the store to itself: stop the server, import, then start it"
            + " again.", e);
      }
      throw e;
    }
  }

  private void limitMemory(Store store) {
    if (!memoryLimit.matches("\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
      throw ItineraException.invalid("memory-limit", "'" + memoryLimit
          + "' is not a size; expected e.g. 512MB or 2GB");
    }
    try (PreparedStatement ps = store.connection().prepareStatement("SET memory_limit = ?")) {
      ps.setString(1, memoryLimit);
      ps.execute();
    } catch (SQLException e) {
      throw ItineraException.invalid("memory-limit", "DuckDB refused memory limit '"
          + memoryLimit + "': " + e.getMessage());
    }
  }
}
