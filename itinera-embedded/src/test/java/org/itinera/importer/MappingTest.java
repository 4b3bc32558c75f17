package org.itinera.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.importer.Mapping.Field;
import org.itinera.importer.Mapping.FieldType;
import org.itinera.importer.Mapping.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingTest {
  @TempDir Path dir;

  Mapping load(String yaml) throws IOException {
    return Mapping.load(Files.writeString(dir.resolve("mapping.yml"), yaml));
  }

  ItineraException problem(String yaml) {
    try {
      load(yaml);
    } catch (ItineraException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("mapping was accepted:\n" + yaml);
  }

  @Test
  void load_readsEveryFieldWithItsDefaults() throws IOException {
    Mapping m = load("""
        source: crm
        user_id: id
        identity: {email: mail}
        timestamp: created
        name: {value: Signed Up}
        channel: {column: ch}
        properties:
          - plan
          - {name: seats, column: n_seats, type: integer}
        traits:
          city: town
        """);

    assertThat(m.source()).isEqualTo("crm");
    assertThat(m.eventId()).isNull();
    assertThat(m.type()).isEqualTo(Value.constant("track"));
    assertThat(m.name()).isEqualTo(Value.constant("Signed Up"));
    assertThat(m.channel()).isEqualTo(Value.column("ch"));
    assertThat(m.timestamp()).isEqualTo(new Mapping.Time("created", "iso", "UTC"));
    assertThat(m.identity()).containsEntry("email", "mail");
    assertThat(m.csv()).isEqualTo(Mapping.CsvOptions.DEFAULT);
    assertThat(m.properties()).containsExactly(new Field("plan", "plan", FieldType.AUTO),
        new Field("seats", "n_seats", FieldType.INTEGER));
    assertThat(m.traits()).containsExactly(new Field("city", "town", FieldType.AUTO));
    assertThat(m.lineOf("properties[1].type")).isEqualTo(9);
  }

  @Test
  void load_everyProblemNamesItsLineAndField() {
    ItineraException e = problem("""
        source: shop
        user_id: customer
        timestmap: at
        timestamp:
          column: at
          format: yyyy-MM-dd
        channel: {value: Call Center}
        currency: {value: euro}
        properties:
          - {name: qty, column: q, type: decimal}
        csv: {delimiter: ';;'}
        """);

    assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.field()).isEqualTo("timestmap");
    assertThat(e.getMessage()).contains(
        "line 3, field 'timestmap': unknown field",
        "line 6, field 'timestamp.format': 'yyyy-MM-dd' is not a time format",
        "line 7, field 'channel.value': 'Call Center' is not a channel name",
        "line 8, field 'currency.value': 'euro' is not an ISO 4217 code",
        "line 10, field 'properties[0].type': 'decimal' is not a type",
        "line 11, field 'csv.delimiter': expected a single character");
  }

  @Test
  void load_missingRequiredFieldsAreNamed() {
    ItineraException e = problem("event_id: id\n");

    assertThat(e.getMessage()).contains("line 1, field 'source': is required",
        "field 'user_id': no customer id is mapped");
  }

  @Test
  void load_brokenYamlNamesTheLine() {
    ItineraException e = problem("source: s\nuser_id: [unclosed\n");

    assertThat(e.getMessage()).contains("mapping.yml line 2: not valid YAML");
  }

  @Test
  void load_missingFileIsNotFound() {
    assertThatThrownBy(() -> Mapping.load(dir.resolve("none.yml")))
        .isInstanceOfSatisfying(ItineraException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void load_theShippedExamplesAreValid() throws IOException {
    List<Path> examples;
    try (Stream<Path> files = Files.list(Path.of("../docs/import"))) {
      examples = files.filter(p -> p.toString().endsWith(".yml")).toList();
    }

    assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
    for (Path p : examples) {
      assertThat(Mapping.load(p).source()).as(p.toString()).isNotBlank();
    }
  }
}
