package org.itinera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DemoOptions OPTIONS = DemoOptions.defaults().withCustomers(150);

  @Test
  void export_writesEveryFileWithItsHeaderAndEveryRow(@TempDir Path dir) throws IOException {
    DemoStats stats = DemoExport.export(dir, OPTIONS);
    for (DemoFile f : DemoFile.values()) {
      List<List<String>> rows = readCsv(dir.resolve(f.fileName()));
      assertThat(rows.get(0)).as(f.fileName()).isEqualTo(f.columns());
      for (List<String> row : rows) {
        assertThat(row).as(f.fileName()).hasSameSizeAs(f.columns());
      }
      if (!f.isTruth()) {
        assertThat((long) rows.size() - 1).as(f.fileName()).isEqualTo(stats.rows().get(f.fileName()));
      }
    }
    List<List<String>> customers = readCsv(dir.resolve(DemoFile.TRUTH_CUSTOMERS.fileName()));
    assertThat(customers).hasSize(151);
  }

  @Test
  void export_eventsAreSegmentMessagesOnePerLine(@TempDir Path dir) throws IOException {
    DemoStats stats = DemoExport.export(dir, OPTIONS);
    List<String> lines = Files.readAllLines(dir.resolve(DemoExport.EVENTS_FILE));
    assertThat((long) lines.size()).isEqualTo(stats.messages());
    java.util.regex.Pattern iso =
        java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    List<String> problems = new ArrayList<>();
    java.util.Set<String> types = new java.util.HashSet<>();
    for (String line : lines) {
      JsonNode m = JSON.readTree(line);
      String type = m.path("type").asText();
      types.add(type);
      boolean ok = m.path("messageId").asText().length() == 36
          && (m.has("userId") || m.has("anonymousId"))
          && iso.matcher(m.path("timestamp").asText()).matches()
          && switch (type) {
            case "track" -> !m.path("event").asText().isBlank();
            case "page", "screen" -> !m.path("name").asText().isBlank();
            case "identify" -> m.path("traits").path("email").asText().contains("@");
            default -> false;
          }
          && (type.equals("identify") || !m.path("properties").path("channel").asText().isBlank());
      if (!ok) {
        problems.add(line);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(types).containsExactlyInAnyOrder("track", "page", "screen", "identify");
  }

  @Test
  void export_truthFileHoldsEveryPlantedTruthAndTheObservedRun(@TempDir Path dir) throws IOException {
    DemoExport.export(dir, OPTIONS);
    JsonNode truth = JSON.readTree(dir.resolve(DemoExport.TRUTH_FILE).toFile());
    assertThat(truth.get("personas")).hasSize(4);
    assertThat(truth.get("pain_points")).hasSize(6);
    assertThat(truth.get("pain_points").get(0).get("label_ko").asText()).isEqualTo("결제 오류");
    assertThat(truth.get("experiment").get("relative_lift").asDouble()).isCloseTo(0.15, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(truth.get("improvement").get("shipped_on").asText()).isEqualTo("2025-07-01");
    assertThat(truth.get("seasonality").get("month")).hasSize(12);
    assertThat(truth.get("observed").get("customers").asInt()).isEqualTo(150);
    assertThat(truth.get("observed").get("checkout").has("completion_with_error")).isTrue();
  }

  @Test
  void export_sameOptions_sameBytes(@TempDir Path a, @TempDir Path b) throws IOException {
    DemoOptions tiny = OPTIONS.withCustomers(40);
    DemoExport.export(a, tiny);
    DemoExport.export(b, tiny);
    for (String f : new String[] {DemoExport.EVENTS_FILE, DemoExport.TRUTH_FILE, "orders.csv", "tickets.csv"}) {
      assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
    }
  }

  @Test
  void csv_quotesOnlyWhatNeedsQuoting() {
    assertThat(DemoCsvWriter.csv("plain")).isEqualTo("plain");
    assertThat(DemoCsvWriter.csv("배송이 늦어요, 정말")).isEqualTo("\"배송이 늦어요, 정말\"");
    assertThat(DemoCsvWriter.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(DemoCsvWriter.csv(" edge")).isEqualTo("\" edge\"");
    assertThat(DemoCsvWriter.csv("")).isEmpty();
  }

  /** RFC 4180 reader, enough for these files (no line breaks inside fields). */
  static List<List<String>> readCsv(Path file) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      List<String> fields = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            f.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          fields.add(f.toString());
          f.setLength(0);
        } else {
          f.append(c);
        }
      }
      fields.add(f.toString());
      out.add(fields);
    }
    return out;
  }
}
