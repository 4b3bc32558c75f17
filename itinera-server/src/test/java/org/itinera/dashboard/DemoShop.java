package org.itinera.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itinera.demo.DemoBatcher;
import org.itinera.demo.DemoCsvWriter;
import org.itinera.demo.DemoExport;
import org.itinera.demo.DemoFile;
import org.itinera.demo.DemoGenerator;
import org.itinera.demo.DemoOptions;
import org.itinera.demo.DemoRow;
import org.itinera.importer.FileReport;
import org.itinera.importer.ImportListener;
import org.itinera.importer.Importer;
import org.itinera.importer.Mapping;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.SegmentMessages;
import org.itinera.source.Source;
import org.itinera.source.Sources;
import org.itinera.store.Store;

/**
 * The demo data set (Dalbit Market) loaded as {@code itinera demo} loads it: Segment batches
 * through the collection API's parser into the ingestor (whose text enricher scores the texts),
 * the CSV files through the importer with the shipped mappings. Then one more customer, Eve,
 * whose reviews carry markup that must render as text (see {@link ShopData#hostileCustomer}).
 */
final class DemoShop {
  /** When Eve writes her reviews: inside the demo's year. */
  static final Instant EVE_AT = DemoOptions.DEFAULT_START.plusDays(200)
      .atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600);

  private DemoShop() {}

  static void load(Store store, Ingestor ingestor, int customers) {
    Source source = new Sources(store).create("Dalbit Market SDK", "web").source();
    Path files = store.dataDir().resolve("demo-files");
    List<String> problems = new ArrayList<>();
    try {
      Files.createDirectories(files);
      try (DemoBatcher batches = new DemoBatcher(500, new DemoBatcher.Handler() {
            @Override
            public void segmentBatch(byte[] body, int messages) {
              SegmentMessages.Parsed parsed =
                  SegmentMessages.parse("batch", body, source, System.currentTimeMillis());
              parsed.problems().forEach(p -> problems.add(p.toString()));
              ingestor.ingest(parsed.events());
            }

            @Override
            public void rows(DemoFile file, List<DemoRow> rows) {
              problems.add("rows must go to the CSV files, got " + file);
            }
          });
          DemoCsvWriter csv = DemoCsvWriter.open(files, batches)) {
        new DemoGenerator(DemoOptions.defaults().withCustomers(customers)).generate(csv);
      }
      for (Map.Entry<DemoFile, Path> m :
          DemoExport.writeMappings(files.resolve("mappings")).entrySet()) {
        FileReport r = Importer.open(store, ingestor, Mapping.load(m.getValue()))
            .importFile(files.resolve(m.getKey().fileName()), ImportListener.NONE);
        if (r.rejected() > 0) {
          problems.add(m.getKey().fileName() + ": " + r.rejected() + " rows rejected");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the demo did not load cleanly: " + problems);
    }
    ingestor.ingest(ShopData.hostileCustomer(EVE_AT));
  }
}
