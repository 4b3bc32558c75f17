package org.itinera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.itinera.importer.FileReport;
import org.itinera.ingest.Ingestor;
import org.itinera.source.Source;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo loads through the paths a real user's data takes: Segment batches parsed as the
 * collection API does and ingested, and the CSVs imported with the shipped mappings. Everything
 * is accepted, stitched to the right customers, and loading it again stores nothing new.
 */
class DemoLoadTest {
  private static final Source WEB = new Source("demo-sdk", "demo-sdk", "web");
  private static final DemoOptions OPTIONS = DemoOptions.defaults().withCustomers(150);

  @TempDir Path dir;

  private static DemoLoader.Loaded load(Store store, Ingestor ingestor, Path files)
      throws IOException {
    // Two senders, so batches are ingested concurrently as the demo command does.
    DemoLoader.Loaded loaded = new DemoLoader(store, ingestor, WEB, 2).load(OPTIONS, files);
    for (Map.Entry<String, FileReport> f : loaded.files().entrySet()) {
      assertThat(f.getValue().rejected()).as(f.getKey()).isZero();
      assertThat(f.getValue().rowsRead()).as(f.getKey())
          .isEqualTo(loaded.stats().rows().getOrDefault(f.getKey(), 0L));
    }
    assertThat(loaded.files()).hasSize(loaded.stats().rows().size());
    return loaded;
  }

  @Test
  void load_storesEverythingOnceAndStitchesCustomersAcrossSources()
      throws SQLException, IOException {
    try (Store store = Store.open(dir.resolve("data")); Ingestor ingestor = Ingestor.open(store)) {
      DemoLoader.Loaded first = load(store, ingestor, dir.resolve("files"));
      long rows = first.stats().rows().values().stream().mapToLong(Long::longValue).sum();
      assertThat(first.accepted()).isEqualTo(first.stats().messages());
      assertThat(first.imported()).isEqualTo(rows);
      assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(first.stats().messages() + rows);

      // Every signed-up customer's records end up under their user id, whatever id they came with.
      long signedUp = first.stats().identity().signedUp();
      assertThat(count(store, "SELECT count(DISTINCT customer_id) FROM events WHERE customer_id LIKE 'C%'"))
          .isEqualTo(signedUp);
      long tickets = count(store, "SELECT count(*) FROM events WHERE type = 'ticket'");
      long stitched = count(store, "SELECT count(*) FROM events WHERE type = 'ticket' AND customer_id LIKE 'C%'");
      assertThat(stitched).isGreaterThan(tickets * 9 / 10);
      assertThat(count(store, "SELECT count(*) FROM events WHERE anonymous_id IS NOT NULL"
          + " AND user_id IS NULL AND customer_id LIKE 'C%'")).as("anonymous visits later identified")
          .isPositive();
      assertThat(count(store, "SELECT count(*) FROM events WHERE name = 'Survey Answered'"
          + " AND CAST(properties ->> '$.nps' AS INTEGER) >= 9")).as("NPS promoters").isPositive();

      DemoLoader.Loaded second = load(store, ingestor, dir.resolve("again"));
      assertThat(second.accepted()).isZero();
      assertThat(second.duplicates()).isEqualTo(first.stats().messages());
      assertThat(second.imported()).isZero();
      assertThat(second.importDuplicates()).isEqualTo(rows);
      assertThat(dir.resolve("data").resolve(DemoExport.TRUTH_FILE)).isRegularFile();
      assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(first.stats().messages() + rows);
    }
  }

  private static long count(Store store, String sql) throws SQLException {
    try (Statement s = store.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
