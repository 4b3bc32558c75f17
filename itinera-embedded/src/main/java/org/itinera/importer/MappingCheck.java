package org.itinera.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.importer.Mapping.Field;
import org.itinera.importer.Mapping.Value;

/**
 * The checks of a mapping that need the store or the file: identity traits the store links by,
 * time formats and zones DuckDB accepts, and mapped columns the file has. Like the mapping
 * reader, it reports every problem with its line and field in one error.
 */
final class MappingCheck {
  private final Mapping m;
  private final List<String> problems = new ArrayList<>();
  private String firstField;

  MappingCheck(Mapping m) {
    this.m = m;
  }

  void check(Connection c, List<String> identityTraits) {
    for (String trait : m.identity().keySet()) {
      if (!identityTraits.contains(trait)) {
        problem("identity." + trait, "'" + trait + "' is not an identity trait of this store;"
            + " customers are linked by " + String.join(", ", identityTraits)
            + " (put other columns under traits:)");
      }
    }
    Mapping.Time t = m.timestamp();
    if (t != null && t.format().contains("%")) {
      duckdb(c, "SELECT try_strptime('2000-01-01', $1)", t.format(), "timestamp.format",
          "'" + t.format() + "' is not a strptime format (e.g. '%Y-%m-%d %H:%M:%S')");
    }
    if (t != null) {
      duckdb(c, "SELECT timezone($1, TIMESTAMP '2000-01-01')", t.timezone(),
          "timestamp.timezone", "'" + t.timezone() + "' is not a time zone; use a name such as"
              + " UTC, Asia/Seoul or America/New_York");
    }
    fail();
  }

  void checkColumns(InputFile in) {
    Map<String, String> columns = new LinkedHashMap<>();
    put(columns, "event_id", m.eventId());
    put(columns, "user_id", m.userId());
    put(columns, "anonymous_id", m.anonymousId());
    m.identity().forEach((trait, column) -> put(columns, "identity." + trait, column));
    if (m.timestamp() != null) {
      put(columns, "timestamp.column", m.timestamp().column());
    }
    put(columns, "type", m.type());
    put(columns, "name", m.name());
    put(columns, "channel", m.channel());
    put(columns, "currency", m.currency());
    put(columns, "text", m.text());
    put(columns, "rating", m.rating());
    put(columns, "revenue", m.revenue());
    fields(columns, "properties", m.properties());
    fields(columns, "traits", m.traits());
    columns.forEach((field, column) -> {
      if (!in.hasColumn(column)) {
        String where = in.format == FileFormat.JSONL
            ? "is not a key of the first 1,000 records of " + in.path + "; keys seen: "
            : "is not a column of " + in.path + "; its columns are: ";
        problem(field, "'" + column + "' " + where + String.join(", ", in.columnNames())
            + (field.equals("type") || field.equals("name") || field.equals("channel")
                || field.equals("currency") ? " (for a constant write {value: " + column + "})"
                : ""));
      }
    });
    fail();
  }

  private void fields(Map<String, String> columns, String kind, List<Field> fields) {
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      String path = m.lines().containsKey(kind + "[" + i + "]") ? kind + "[" + i + "]"
          : kind + "." + f.name();
      put(columns, path, f.column());
    }
  }

  private static void put(Map<String, String> columns, String field, Value v) {
    if (v != null && v.column() != null) {
      columns.put(field, v.column());
    }
  }

  private static void put(Map<String, String> columns, String field, String column) {
    if (column != null) {
      columns.put(field, column);
    }
  }

  private void duckdb(Connection c, String query, String value, String field, String message) {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      ps.setString(1, value);
      ps.executeQuery().close();
    } catch (SQLException e) {
      problem(field, message + " (" + InputFile.firstLine(e.getMessage()) + ")");
    }
  }

  private void problem(String field, String message) {
    if (firstField == null) {
      firstField = field;
    }
    problems.add(m.file() + " line " + m.lineOf(field) + ", field '" + field + "': " + message);
  }

  private void fail() {
    if (!problems.isEmpty()) {
      throw new ItineraException(ErrorCode.CONFIG_INVALID, firstField,
          "invalid mapping:\n  " + String.join("\n  ", problems));
    }
  }
}
