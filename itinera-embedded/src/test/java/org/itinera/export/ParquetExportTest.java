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

  @Test
  void exportProfiles_writesTraitsWithFirstAndLastSeen() throws Exception {
    Path out = dir.resolve("profiles");
    try (Store store = Store.open(dir.resolve("data"))) {
      try (Ingestor ing = Ingestor.open(store)) {
        ing.ingest(List.of(
            new Event("e1", null, "a", null, 1_780_000_000_000L, 0, "track", "A", "web", "s",
                null, null, null, null, null, null, null, null, null, null, null),
            new Event("e2", null, "a", null, 1_780_100_000_000L, 0, "track", "B", "app", "s",
                null, null, null, null, null, null, null, null, null, null, null)));
      }
      try (Statement st = store.connection().createStatement()) {
        st.execute("DELETE FROM profiles");
        st.execute("INSERT INTO profiles SELECT DISTINCT customer_id, '{\"plan\":\"프로\"}'"
            + " FROM events");
        st.execute("INSERT INTO profiles VALUES ('zz-no-events', '{\"plan\":\"free\"}')");
      }
      assertThat(new ParquetExport(store.connection()).exportProfiles(out)).isEqualTo(2);
      try (Statement st = store.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT customer_id, traits->>'plan',"
              + " epoch_ms(first_seen), epoch_ms(last_seen), events FROM read_parquet("
              + SqlText.literal(out + "/*.parquet") + ") ORDER BY customer_id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(2)).isEqualTo("프로");
        assertThat(rs.getLong(3)).isEqualTo(1_780_000_000_000L);
        assertThat(rs.getLong(4)).isEqualTo(1_780_100_000_000L);
        assertThat(rs.getLong(5)).isEqualTo(2);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("zz-no-events");
        assertThat(rs.getObject(3)).isNull();
        assertThat(rs.getLong(5)).isZero();
        assertThat(rs.next()).isFalse();
      }
      assertThatThrownBy(() -> new ParquetExport(store.connection()).exportProfiles(out))
          .isInstanceOf(ItineraException.class).hasMessageContaining("not empty");
    }
  }
}
