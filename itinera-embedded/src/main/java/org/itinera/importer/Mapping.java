package org.itinera.importer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the columns of an input file become canonical events: a validated mapping file (see
 * docs/IMPORT.md for every field, its meaning and default). Load one with {@link #load(Path)}.
 *
 * @param file the mapping file, for messages
 * @param source the source id stored with every event (or the name of a registered source)
 * @param format the input format, or null to decide by each file's extension
 * @param eventId column holding a unique event id, or null for a content hash of the row
 * @param identity identity trait (e.g. email, phone) to the column holding it, in file order
 * @param timestamp where the event time is and how to read it, or null for the import time
 * @param properties columns that become {@code properties}
 * @param traits columns that become {@code traits} (profile traits for {@code identify} rows)
 * @param lines the line in the mapping file of each field path (e.g. {@code timestamp.format})
 */
public record Mapping(
    Path file,
    String source,
    FileFormat format,
    CsvOptions csv,
    String eventId,
    String userId,
    String anonymousId,
    Map<String, String> identity,
    Time timestamp,
    Value type,
    Value name,
    Value channel,
    String text,
    String rating,
    String revenue,
    Value currency,
    List<Field> properties,
    List<Field> traits,
    Map<String, Integer> lines) {

  public Mapping {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(type, "type");
    identity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(identity));
    properties = List.copyOf(properties);
    traits = List.copyOf(traits);
    lines = Map.copyOf(lines);
  }

  /** Reads and validates a mapping file; errors name the line and the field. */
  public static Mapping load(Path file) {
    return MappingReader.read(file);
  }

  /** The line of a field path in the mapping file, or of its nearest enclosing field. */
  public int lineOf(String path) {
    return lineOf(lines, path);
  }

  static int lineOf(Map<String, Integer> lines, String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? "" : p.substring(0, cut);
    }
    return 1;
  }

  /** Either a column of the input file or a constant; exactly one is set. */
  public record Value(String column, String constant) {
    public Value {
      if ((column == null) == (constant == null)) {
        throw new IllegalArgumentException("exactly one of column and constant must be set");
      }
    }

    public static Value column(String column) {
      return new Value(column, null);
    }

    public static Value constant(String constant) {
      return new Value(null, constant);
    }
  }

  /** The event time: its column, format ({@code iso}, {@code epoch_s}, {@code epoch_ms} or a
   * strptime pattern such as {@code %Y-%m-%d %H:%M:%S}) and the zone of times without an offset. */
  public record Time(String column, String format, String timezone) {
    public Time {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(timezone, "timezone");
    }
  }

  /** A property or trait: its name in the event, the column it comes from, and its type. */
  public record Field(String name, String column, FieldType type) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(type, "type");
    }
  }

  /** How a property or trait value is read; AUTO keeps the input's own type. */
  public enum FieldType { AUTO, STRING, NUMBER, INTEGER, BOOLEAN, JSON }

  /**
   * CSV dialect. A null delimiter is detected by DuckDB's sniffer; quote and escape default to
   * {@code "} (a doubled quote inside a quoted value).
   */
  public record CsvOptions(String delimiter, boolean header, String quote, String escape,
      int skip) {
    public static final CsvOptions DEFAULT = new CsvOptions(null, true, "\"", "\"", 0);
  }
}
