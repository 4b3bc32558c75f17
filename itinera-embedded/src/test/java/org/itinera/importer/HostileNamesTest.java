package org.itinera.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.itinera.ingest.Ingestor;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File and column names that would break SQL pasted together from them. */
class HostileNamesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"it's.csv", "a\"b.csv", "x'); DROP TABLE events; --.csv",
      "semi;colon.csv", "[t]ickets.csv", "star*.csv", "what?.csv", "{a,b}.csv",
      "공백 있는 이름.csv", "~tilde.csv"})
  void importFile_readsExactlyTheNamedFile(String name) throws IOException {
    Path target = Files.writeString(dir.resolve(name), "id,who\ne1,u1\ne2,u2\n");
    // A file a glob in the name would also match must not be read.
    Files.writeString(dir.resolve("tickets.csv"), "id,who\nX,decoy\n");
    Files.writeString(dir.resolve("star.csv"), "id,who\nX,decoy\n");
    Files.writeString(dir.resolve("a.csv"), "id,who\nX,decoy\n");
    Path mapping =
        Files.writeString(dir.resolve("m.yml"), "source: s\nevent_id: id\nuser_id: who\n");
    try (Store store = Store.open(dir.resolve("data")); Ingestor ing = Ingestor.open(store)) {
      FileReport r = Importer.open(store, ing, Mapping.load(mapping))
          .importFile(target, ImportListener.NONE);

      assertThat(r.imported()).isEqualTo(2);
      assertThat(Db.rows(store, "SELECT DISTINCT customer_id FROM events ORDER BY 1"))
          .containsExactly(Map.of("customer_id", "u1"), Map.of("customer_id", "u2"));
      assertThat(Db.count(store, "SELECT count(*) FROM sources")).isZero();
      assertThat(Db.row(store, "SELECT context ->> '$.import.file' AS f FROM events LIMIT 1"))
          .containsEntry("f", name);
    }
  }

  @Test
  void importFile_hostileColumnNamesAreJustNames() throws IOException {
    Path csv = Files.writeString(dir.resolve("cols.csv"),
        "\"id\"\"\",\"who; DROP TABLE events\",\"it's\"\ne1,u1,v\n");
    Path mapping = Files.writeString(dir.resolve("m.yml"), """
        source: "s'; --"
        event_id: 'id"'
        user_id: 'who; DROP TABLE events'
        properties: ["it's"]
        """);
    try (Store store = Store.open(dir.resolve("data")); Ingestor ing = Ingestor.open(store)) {
      FileReport r = Importer.open(store, ing, Mapping.load(mapping))
          .importFile(csv, ImportListener.NONE);

      assertThat(r.imported()).isEqualTo(1);
      assertThat(Db.row(store, "SELECT event_id, customer_id, source_id, properties FROM events"))
          .containsEntry("event_id", "e1").containsEntry("customer_id", "u1")
          .containsEntry("source_id", "s'; --").containsEntry("properties", "{\"it's\":\"v\"}");
    }
  }

  @Test
  void identifier_doublesQuotesSoTheNameStaysOneIdentifier() {
    assertThat(Sql.identifier("plain")).isEqualTo("\"plain\"");
    assertThat(Sql.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(Sql.identifier("x\"; DROP TABLE events; --"))
        .isEqualTo("\"x\"\"; DROP TABLE events; --\"");
  }
}
