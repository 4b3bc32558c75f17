package org.itinera.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.itinera.ingest.Ingestor;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file big enough for DuckDB to read in parallel chunks: the rows rejected in the first scan
 * must be exactly the rows left out in the second, which holds only if both number the rows the
 * same way.
 */
class LargeFileTest {
  static final int ROWS = 300_000;

  @TempDir Path dir;

  @Test
  void importFile_bothScansAgreeOnWhichRowsWereRejected() throws Exception {
    Path csv = dir.resolve("big.csv");
    Path mapping = Files.writeString(dir.resolve("m.yml"), """
        source: big
        event_id: id
        user_id: who
        timestamp: {column: at, format: '%Y-%m-%d %H:%M:%S'}
        text: note
        """);
    try (Store store = Store.open(dir.resolve("data")); Ingestor ing = Ingestor.open(store)) {
      try (Statement st = store.newConnection().createStatement()) {
        // Every 9,973rd row has a bad time, every 50th a quoted value over two lines, and the
        // id of row 250,000 repeats row 17.
        st.execute("COPY (SELECT CASE WHEN i = 250000 THEN 'e17' ELSE 'e' || i END AS id,"
            + " 'u' || (i % 1000) AS who,"
            + " CASE WHEN i % 9973 = 0 THEN 'bad' ELSE '2024-05-01 10:00:00' END AS at,"
            + " CASE WHEN i % 50 = 0 THEN 'line one' || chr(10) || 'line two' END AS note"
            + " FROM range(1, " + (ROWS + 1) + ") t(i)) TO '" + csv + "' (HEADER)");
      }
      FileReport r = Importer.open(store, ing, Mapping.load(mapping))
          .importFile(csv, ImportListener.NONE);

      int bad = ROWS / 9973;
      assertThat(r.rowsRead()).isEqualTo(ROWS);
      assertThat(r.rejected()).isEqualTo(bad);
      assertThat(r.duplicates()).isEqualTo(1);
      assertThat(r.imported()).isEqualTo(ROWS - bad - 1);
      assertThat(Db.count(store, "SELECT count(*) FROM events WHERE event_id IN ("
          + "SELECT 'e' || (i * 9973) FROM range(1, " + (bad + 1) + ") t(i))")).isZero();
      // The first row with id e17 (row 17, no note) is kept, not row 250,000 (with a note).
      assertThat(Db.row(store, "SELECT text FROM events WHERE event_id = 'e17'"))
          .containsEntry("text", null);
      assertThat(Db.count(store, "SELECT count(DISTINCT seq) FROM events"))
          .isEqualTo(r.imported());
      // Line of row i: 1 (header) + i + the extra lines of the two-line rows before it.
      List<String> rejects = Files.readAllLines(r.rejectsFile());
      long row = 9973;
      assertThat(rejects.get(1)).startsWith((1 + row + (row - 1) / 50) + ",timestamp 'bad'");
      assertThat(rejects).hasSize(bad + 1);
    }
  }
}
