package org.itinera.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.itinera.demo.DemoLoader;
import org.itinera.demo.DemoOptions;
import org.itinera.export.ParquetExport;
import org.itinera.index.SequenceIndex;
import org.itinera.ingest.Ingestor;
import org.itinera.source.Source;
import org.itinera.store.Store;

/**
 * The demo data set loaded once per JVM the way a user's data arrives (Segment batches through
 * the ingestor, CSVs through the importer, identities stitched on the way), then exported with
 * {@code ParquetExport} (events and profiles): the embedded index and the Spark engine read the
 * same data.
 */
final class DemoData {
  static final int CUSTOMERS = 1000;
  private static final Source WEB = new Source("demo-sdk", "demo-sdk", "web");
  private static DemoData instance;

  final Path dir;
  final Store store;
  final SequenceIndex index;
  final Path parquet;
  final Path profiles;
  final long events;

  private DemoData(Path dir, Store store, SequenceIndex index, Path parquet, Path profiles,
      long events) {
    this.dir = dir;
    this.store = store;
    this.index = index;
    this.parquet = parquet;
    this.profiles = profiles;
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
      DemoLoader.Loaded loaded = new DemoLoader(store, ingestor, WEB, 2)
          .load(DemoOptions.defaults().withCustomers(CUSTOMERS), dir.resolve("files"));
      loaded.files().forEach((file, r) -> {
        if (r.rejected() > 0) {
          throw new IllegalStateException("demo did not load cleanly: " + file + ": "
              + r.rejected() + " rows rejected");
        }
      });
    }
    Path parquet = dir.resolve("events-parquet");
    Path profiles = dir.resolve("profiles-parquet");
    ParquetExport export = new ParquetExport(store.connection());
    long events = export.export(parquet);
    export.exportProfiles(profiles);
    return new DemoData(dir, store, SequenceIndex.build(store.newConnection(), 2), parquet,
        profiles, events);
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
