package org.itinera.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.store.SqlText;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetExportTest {
  @TempDir Path dir;

  @Test
  void export_writesDatePartitionsThatReadBackIdentically() throws Exception {
    Path out = dir.resolve("it's; DROP TABLE events; --");
    try (Store store = Store.open(dir.resolve("data"))) {
      try (Ingestor ing = Ingestor.open(store)) {
        ing.ingest(List.of(
            new Event("e1", null, "a", null, 1_780_000_000_000L, 0, "track", "A", "web", "s",
                "{\"k\":1}", null, null, "좋아요", "ko", 0.8, "joy", List.of("배송"), 5.0, 10.0,
                "KRW"),
            new Event("e2", null, "a", null, 1_780_100_000_000L, 0, "track", "B", "app", "s",
                null, null, null, null, null, null, null, null, null, null, null)));
      }
      assertThat(new ParquetExport(store.connection()).export(out)).isEqualTo(2);
      try (Statement st = store.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT event_date),"
              + " max(text), max(topics[1]) FROM read_parquet("
              + SqlText.literal(out + "/**/*.parquet") + ", hive_partitioning = true)")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(2);
        assertThat(rs.getLong(2)).isEqualTo(2);
        assertThat(rs.getString(3)).isEqualTo("좋아요");
        assertThat(rs.getString(4)).isEqualTo("배송");
      }
      try (Statement st = store.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(2);
      }
      assertThat(Files.list(out).count()).isEqualTo(2);
      assertThatThrownBy(() -> new ParquetExport(store.connection()).export(out))
          .isInstanceOf(ItineraException.class).hasMessageContaining("not empty");
    }
  }
}
