package org.itinera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
  static final Path DOCS = Path.of("../docs/import");

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = Main.configure(new CommandLine(new ImportCommand()));
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void import_jsonSummaryCountsEveryFileAndNamesTheRejectsFile() throws Exception {
    int code = run(DOCS.resolve("tickets.csv").toString(), "--mapping",
        DOCS.resolve("tickets.yml").toString(), "--data", dir.toString(), "--json");

    assertThat(code).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    JsonNode file = summary.get("files").get(0);
    assertThat(file.get("rowsRead").asLong()).isEqualTo(6);
    assertThat(file.get("imported").asLong()).isEqualTo(4);
    assertThat(file.get("rejected").asLong()).isEqualTo(2);
    assertThat(Path.of(file.get("rejectsFile").asText())).exists()
        .startsWith(dir.resolve("rejects").toAbsolutePath());
    assertThat(summary.get("total").get("imported").asLong()).isEqualTo(4);
  }

  @Test
  void import_rowsWithTextGetTheShippedTextAnalytics() throws Exception {
    int code = run(DOCS.resolve("tickets.csv").toString(), "--mapping",
        DOCS.resolve("tickets.yml").toString(), "--data", dir.toString());

    assertThat(code).isZero();
    try (Store store = Store.open(dir); Statement st = store.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE text IS NOT NULL),"
            + " count(*) FILTER (WHERE text IS NOT NULL AND lang IN ('en', 'ko')"
            + " AND sentiment BETWEEN -1 AND 1), count(*) FILTER (WHERE text IS NULL"
            + " AND (lang IS NOT NULL OR sentiment IS NOT NULL)) FROM events")) {
      rs.next();
      assertThat(rs.getLong(1)).isPositive();
      assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
      assertThat(rs.getLong(3)).isZero();
    }
  }

  @Test
  void import_textSummaryAndAMissingFileDoesNotStopTheOthers() {
    int code = run(dir.resolve("missing.csv").toString(), DOCS.resolve("orders.csv").toString(),
        "--mapping", DOCS.resolve("orders.yml").toString(), "--data", dir.toString());

    assertThat(code).isEqualTo(4);
    assertThat(out.toString()).contains("orders.csv: 4 rows read, 3 imported, 0 duplicates,"
        + " 1 rejected").contains("missing.csv: not imported (NOT_FOUND)");
    assertThat(err.toString()).contains("missing.csv does not exist");
  }

  @Test
  void import_badMappingExitsWithTheLineAndFieldBeforeTouchingTheStore() throws Exception {
    Path mapping = Files.writeString(dir.resolve("m.yml"), "source: s\nuser_id: u\ntype: 5x\n"
        + "timestamp: {column: t, format: nope}\n");

    int code = run(DOCS.resolve("orders.csv").toString(), "--mapping", mapping.toString(),
        "--data", dir.resolve("data").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("line 4, field 'timestamp.format'");
    assertThat(dir.resolve("data")).doesNotExist();
  }
}
