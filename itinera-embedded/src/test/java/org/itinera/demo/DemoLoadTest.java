package org.itinera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itinera.importer.FileReport;
import org.itinera.importer.ImportListener;
import org.itinera.importer.Importer;
import org.itinera.importer.Mapping;
import org.itinera.ingest.IngestResult;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.SegmentMessages;
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

  private record Load(DemoStats stats, long accepted, long duplicates, long imported,
      long importDuplicates) {}

  private Load load(Store store, Ingestor ingestor, Path files) {
    long[] counts = new long[4];
    List<String> problems = new ArrayList<>();
    DemoStats stats;
    try (DemoBatcher batches = new DemoBatcher(500, new DemoBatcher.Handler() {
          @Override
          public void segmentBatch(byte[] body, int messages) {
            SegmentMessages.Parsed parsed = SegmentMessages.parse("batch", body, WEB, System.currentTimeMillis());
            parsed.problems().forEach(p -> problems.add(p.toString()));
            IngestResult r = ingestor.ingest(parsed.events());
            counts[0] += r.accepted();
            counts[1] += r.duplicates();
          }

          @Override
          public void rows(DemoFile file, List<DemoRow> rows) {
            problems.add("rows must go to the CSV files, got " + file);
          }
        });
        DemoCsvWriter csv = DemoCsvWriter.open(files, batches)) {
      stats = new DemoGenerator(OPTIONS).generate(csv);
    }
    assertThat(problems).isEmpty();
    for (Map.Entry<DemoFile, Path> m : DemoExport.writeMappings(files.resolve("mappings")).entrySet()) {
      FileReport r = Importer.open(store, ingestor, Mapping.load(m.getValue()))
          .importFile(files.resolve(m.getKey().fileName()), ImportListener.NONE);
      assertThat(r.rejected()).as(m.getKey().fileName()).isZero();
      assertThat(r.rowsRead()).as(m.getKey().fileName())
          .isEqualTo(stats.rows().getOrDefault(m.getKey().fileName(), 0L));
      counts[2] += r.imported();
      counts[3] += r.duplicates();
    }
    return new Load(stats, counts[0], counts[1], counts[2], counts[3]);
  }

  @Test
  void load_storesEverythingOnceAndStitchesCustomersAcrossSources() throws SQLException {
    try (Store store = Store.open(dir.resolve("data")); Ingestor ingestor = Ingestor.open(store)) {
      Load first = load(store, ingestor, dir.resolve("files"));
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

      Load second = load(store, ingestor, dir.resolve("again"));
      assertThat(second.accepted()).isZero();
      assertThat(second.imported()).isZero();
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
