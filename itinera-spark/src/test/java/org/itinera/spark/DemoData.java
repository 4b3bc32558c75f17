package org.itinera.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.itinera.demo.DemoBatcher;
import org.itinera.demo.DemoCsvWriter;
import org.itinera.demo.DemoExport;
import org.itinera.demo.DemoFile;
import org.itinera.demo.DemoGenerator;
import org.itinera.demo.DemoOptions;
import org.itinera.demo.DemoRow;
import org.itinera.export.ParquetExport;
import org.itinera.importer.FileReport;
import org.itinera.importer.ImportListener;
import org.itinera.importer.Importer;
import org.itinera.importer.Mapping;
import org.itinera.index.SequenceIndex;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.SegmentMessages;
import org.itinera.source.Source;
import org.itinera.store.Store;

/**
 * The demo data set loaded once per JVM the way a user's data arrives (Segment batches through
 * the ingestor, CSVs through the importer, identities stitched on the way), then exported with
 * {@code ParquetExport}: the embedded index and the Spark engine read the same events.
 */
final class DemoData {
  static final int CUSTOMERS = 1000;
  private static final Source WEB = new Source("demo-sdk", "demo-sdk", "web");
  private static DemoData instance;

  final Path dir;
  final Store store;
  final SequenceIndex index;
  final Path parquet;
  final long events;

  private DemoData(Path dir, Store store, SequenceIndex index, Path parquet, long events) {
    this.dir = dir;
    this.store = store;
    this.index = index;
    this.parquet = parquet;
    this.events = events;
  }

  static synchronized DemoData get() {
    if (instance == null) {
      try {
        instance = load(Files.createTempDirectory("itinera-spark-demo"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(instance::delete));
    }
    return instance;
  }

  private static DemoData load(Path dir) throws IOException {
    Store store = Store.open(dir.resolve("data"));
    try (Ingestor ingestor = Ingestor.open(store)) {
      Path files = dir.resolve("files");
      List<String> problems = new ArrayList<>();
      try (DemoBatcher batches = new DemoBatcher(500, new DemoBatcher.Handler() {
            @Override
            public void segmentBatch(byte[] body, int messages) {
              SegmentMessages.Parsed parsed = SegmentMessages.parse("batch", body, WEB,
                  System.currentTimeMillis());
              parsed.problems().forEach(p -> problems.add(p.toString()));
              ingestor.ingest(parsed.events());
            }

            @Override
            public void rows(DemoFile file, List<DemoRow> rows) {
              problems.add("rows must go to the CSV files, got " + file);
            }
          });
          DemoCsvWriter csv = DemoCsvWriter.open(files, batches)) {
        new DemoGenerator(DemoOptions.defaults().withCustomers(CUSTOMERS)).generate(csv);
      }
      for (Map.Entry<DemoFile, Path> m :
          DemoExport.writeMappings(files.resolve("mappings")).entrySet()) {
        FileReport r = Importer.open(store, ingestor, Mapping.load(m.getValue()))
            .importFile(files.resolve(m.getKey().fileName()), ImportListener.NONE);
        if (r.rejected() > 0) {
          problems.add(m.getKey().fileName() + ": " + r.rejected() + " rows rejected");
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("demo did not load cleanly: " + problems);
      }
    }
    Path parquet = dir.resolve("events-parquet");
    long events = new ParquetExport(store.connection()).export(parquet);
    return new DemoData(dir, store, SequenceIndex.build(store.newConnection(), 2), parquet,
        events);
  }

  private void delete() {
    index.close();
    store.close();
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }
}
