package org.itinera.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itinera.demo.DemoFile;
import org.itinera.demo.DemoLoader;
import org.itinera.demo.DemoOptions;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.TextEnricher;
import org.itinera.source.Source;
import org.itinera.store.Store;
import org.itinera.text.TextAnalyzer;

/**
 * The demo company's generated data loaded into a real store the way {@code itinera demo} loads
 * it (Segment batches through the collection API's parser, CSVs through the importers, text
 * analytics on ingest), with its source and truth files kept for the tests to read.
 */
final class DemoStore {
  private static final Source WEB = new Source("demo-sdk", "demo-sdk", "web");

  private DemoStore() {}

  /** Loads {@code customers} demo customers into {@code dir/data}; files go to dir/files. */
  static Store load(Path dir, int customers) {
    Store store = Store.open(dir.resolve("data"));
    TextAnalyzer analyzer = TextAnalyzer.load();
    TextEnricher enricher = TextAnalyzer.load()::enrich;
    try (Ingestor ingestor = Ingestor.open(store, enricher)) {
      DemoLoader.Loaded loaded = new DemoLoader(store, ingestor, WEB, 2)
          .load(DemoOptions.defaults().withCustomers(customers), dir.resolve("files"));
      loaded.files().forEach((file, r) -> {
        if (r.rejected() > 0) {
          throw new IllegalStateException("demo did not load: " + file + ": " + r.rejected()
              + " rows rejected");
        }
      });
    } catch (IOException | RuntimeException e) {
      store.close();
      throw new IllegalStateException("demo did not load: " + e.getMessage(), e);
    }
    return store;
  }

  /** The rows of a demo CSV file (no quoted commas in the columns the tests read). */
  static List<Map<String, String>> rows(Path dir, DemoFile file) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("files").resolve(file.fileName()),
        StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        row.put(header[i], cells[i]);
      }
      out.add(row);
    }
    return out;
  }
}
