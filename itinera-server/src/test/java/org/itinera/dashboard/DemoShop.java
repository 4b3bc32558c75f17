package org.itinera.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.itinera.demo.DemoLoader;
import org.itinera.demo.DemoOptions;
import org.itinera.ingest.Ingestor;
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
    try {
      DemoLoader.Loaded loaded = new DemoLoader(store, ingestor, source, 2)
          .load(DemoOptions.defaults().withCustomers(customers),
              store.dataDir().resolve("demo-files"));
      loaded.files().forEach((file, r) -> {
        if (r.rejected() > 0) {
          throw new IllegalStateException("the demo did not load cleanly: " + file + ": "
              + r.rejected() + " rows rejected");
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ingestor.ingest(ShopData.hostileCustomer(EVE_AT));
  }
}
