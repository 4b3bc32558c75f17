package org.itinera.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.importer.Mapping.CsvOptions;
import org.itinera.importer.Mapping.Field;
import org.itinera.importer.Mapping.FieldType;
import org.itinera.importer.Mapping.Time;
import org.itinera.importer.Mapping.Value;

/**
 * Reads a mapping file into a {@link Mapping}, checking every field and collecting all problems
 * (each naming its line and field) into one error, so a user fixes the file in one go.
 */
final class MappingReader {
  static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern TRAIT = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  private static final Set<String> TOP = Set.of("source", "format", "csv", "event_id", "user_id",
      "anonymous_id", "identity", "timestamp", "type", "name", "channel", "text", "rating",
      "revenue", "currency", "properties", "traits");

  private final Path file;
  private final Map<String, Integer> lines;
  private final List<String> problems = new ArrayList<>();
  private String firstField;

  private MappingReader(Path file, Map<String, Integer> lines) {
    this.file = file;
    this.lines = lines;
  }

  static Mapping read(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "mapping", "mapping file " + file
          + " does not exist");
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "mapping",
          "cannot read mapping file " + file + ": " + e.getMessage(), e);
    }
    JsonNode root;
    Map<String, Integer> lines;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
      lines = YamlLines.of(yaml);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      throw new ItineraException(ErrorCode.CONFIG_INVALID, "mapping", file + " line " + line
          + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "mapping",
          "cannot read mapping file " + file + ": " + e.getMessage(), e);
    }
    return new MappingReader(file, lines).mapping(root);
  }

  private Mapping mapping(JsonNode root) {
    if (root == null || !root.isObject()) {
      problem("", "expected a mapping of fields such as 'source:', 'user_id:', 'timestamp:'");
      throw failure();
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP.contains(key)) {
        problem(key, "unknown field; expected one of " + new TreeSet<>(TOP));
      }
    }
    String source = text(root, "source", true);
    FileFormat format = null;
    String formatName = text(root, "format", false);
    if (formatName != null) {
      format = FileFormat.named(formatName);
      if (format == null) {
        problem("format", "'" + formatName + "' is not a format; expected csv, jsonl or parquet");
      }
    }
    CsvOptions csv = csv(root.get("csv"));
    String eventId = text(root, "event_id", false);
    String userId = text(root, "user_id", false);
    String anonymousId = text(root, "anonymous_id", false);
    Map<String, String> identity = identity(root.get("identity"));
    if (userId == null && anonymousId == null && identity.isEmpty()) {
      problem("user_id", "no customer id is mapped; map at least one of user_id, anonymous_id"
          + " or an identity trait (identity: {email: COLUMN})");
    }
    Time time = time(root.get("timestamp"));
    Value type = value(root, "type", TYPE, "a lower-case event type such as track, ticket,"
        + " review, survey_response, purchase or identify");
    Value name = value(root, "name", null, null);
    Value channel = value(root, "channel", CHANNEL,
        "a channel name (lower-case letters, digits, '_'; e.g. web, call_center)");
    Value currency = value(root, "currency", CURRENCY, "an ISO 4217 code such as KRW or USD");
    if (currency != null && currency.constant() != null) {
      currency = Value.constant(currency.constant().toUpperCase(Locale.ROOT));
    }
    String text = text(root, "text", false);
    String rating = text(root, "rating", false);
    String revenue = text(root, "revenue", false);
    List<Field> properties = fields(root.get("properties"), "properties");
    List<Field> traits = fields(root.get("traits"), "traits");
    if (!problems.isEmpty()) {
      throw failure();
    }
    return new Mapping(file, source, format, csv, eventId, userId, anonymousId, identity, time,
        type == null ? Value.constant("track") : type, name, channel, text, rating, revenue,
        currency, properties, traits, lines);
  }

  private CsvOptions csv(JsonNode node) {
    if (node == null || node.isNull()) {
      return CsvOptions.DEFAULT;
    }
    if (!node.isObject()) {
      problem("csv", "expected options such as {delimiter: ';', header: true}");
      return CsvOptions.DEFAULT;
    }
    Set<String> known = Set.of("delimiter", "header", "quote", "escape", "skip");
    node.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        problem("csv." + k, "unknown CSV option; expected one of " + new TreeSet<>(known));
      }
    });
    String delimiter = text(node, "delimiter", "csv.delimiter", false);
    String quote = text(node, "quote", "csv.quote", false);
    String escape = text(node, "escape", "csv.escape", false);
    for (String[] c : new String[][] {{"delimiter", delimiter}, {"quote", quote},
        {"escape", escape}}) {
      if (c[1] != null && c[1].length() != 1 && !c[1].equals("\\t")) {
        problem("csv." + c[0], "expected a single character, got '" + c[1] + "'");
      }
    }
    boolean header = true;
    JsonNode h = node.get("header");
    if (h != null) {
      if (!h.isBoolean()) {
        problem("csv.header", "expected true or false, got '" + h.asText() + "'");
      } else {
        header = h.asBoolean();
      }
    }
    int skip = 0;
    JsonNode s = node.get("skip");
    if (s != null) {
      if (!s.canConvertToInt() || s.asInt() < 0) {
        problem("csv.skip", "expected a number of lines >= 0, got '" + s.asText() + "'");
      } else {
        skip = s.asInt();
      }
    }
    return new CsvOptions("\\t".equals(delimiter) ? "\t" : delimiter, header,
        quote == null ? "\"" : quote, escape == null ? (quote == null ? "\"" : quote) : escape,
        skip);
  }

  private Map<String, String> identity(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      problem("identity", "expected identity traits and their columns, e.g. {email: email,"
          + " phone: mobile}");
      return out;
    }
    node.fieldNames().forEachRemaining(trait -> {
      if (!TRAIT.matcher(trait).matches()) {
        problem("identity." + trait, "'" + trait + "' is not a trait name (lower-case letters,"
            + " digits, '_')");
      }
      String column = text(node, trait, "identity." + trait, true);
      if (column != null) {
        out.put(trait, column);
      }
    });
    return out;
  }

  private Time time(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isValueNode()) {
      return new Time(node.asText(), "iso", "UTC");
    }
    if (!node.isObject()) {
      problem("timestamp", "expected a column name or {column: ..., format: ..., timezone: ...}");
      return null;
    }
    node.fieldNames().forEachRemaining(k -> {
      if (!Set.of("column", "format", "timezone").contains(k)) {
        problem("timestamp." + k, "unknown field; expected column, format or timezone");
      }
    });
    String column = text(node, "column", "timestamp.column", true);
    String format = text(node, "format", "timestamp.format", false);
    String zone = text(node, "timezone", "timestamp.timezone", false);
    if (format != null && !format.contains("%")
        && !Set.of("iso", "epoch_s", "epoch_ms").contains(format)) {
      problem("timestamp.format", "'" + format + "' is not a time format; expected iso, epoch_s,"
          + " epoch_ms or a strptime pattern such as '%Y-%m-%d %H:%M:%S'");
    }
    return column == null ? null
        : new Time(column, format == null ? "iso" : format, zone == null ? "UTC" : zone);
  }

  /** A column (plain string or {column: X}) or a constant ({value: X}). */
  private Value value(JsonNode root, String field, Pattern constantPattern, String expected) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isValueNode()) {
      return Value.column(node.asText());
    }
    if (!node.isObject() || node.size() != 1
        || !(node.has("column") || node.has("value"))) {
      problem(field, "expected a column name, {column: NAME} or a constant {value: VALUE}");
      return null;
    }
    if (node.has("column")) {
      String column = text(node, "column", field + ".column", true);
      return column == null ? null : Value.column(column);
    }
    String constant = text(node, "value", field + ".value", true);
    if (constant == null) {
      return null;
    }
    String check = field.equals("currency") ? constant.toUpperCase(Locale.ROOT) : constant;
    if (constantPattern != null && !constantPattern.matcher(check).matches()) {
      problem(field + ".value", "'" + constant + "' is not " + expected);
    }
    return Value.constant(constant);
  }

  private List<Field> fields(JsonNode node, String field) {
    List<Field> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        String at = field + "[" + i + "]";
        if (item.isValueNode()) {
          out.add(new Field(item.asText(), item.asText(), FieldType.AUTO));
        } else if (item.isObject()) {
          String column = text(item, "column", at + ".column", true);
          String name = text(item, "name", at + ".name", false);
          FieldType type = fieldType(item, at);
          if (column != null) {
            out.add(new Field(name == null ? column : name, column, type));
          }
        } else {
          problem(at, "expected a column name or {name: ..., column: ..., type: ...}");
        }
      }
    } else if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> {
        JsonNode item = node.get(name);
        String at = field + "." + name;
        if (item.isValueNode()) {
          out.add(new Field(name, item.asText(), FieldType.AUTO));
        } else if (item.isObject()) {
          String column = text(item, "column", at + ".column", true);
          if (column != null) {
            out.add(new Field(name, column, fieldType(item, at)));
          }
        } else {
          problem(at, "expected a column name or {column: ..., type: ...}");
        }
      });
    } else {
      problem(field, "expected a list of columns or a map of name: column");
    }
    Set<String> names = new HashSet<>();
    for (Field f : out) {
      if (f.name().isBlank() || !names.add(f.name())) {
        problem(field, "'" + f.name() + "' is " + (f.name().isBlank() ? "an empty name"
            : "named twice"));
      }
    }
    return out;
  }

  private FieldType fieldType(JsonNode item, String at) {
    String t = text(item, "type", at + ".type", false);
    if (t == null) {
      return FieldType.AUTO;
    }
    try {
      return FieldType.valueOf(t.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem(at + ".type", "'" + t + "' is not a type; expected string, number, integer,"
          + " boolean, json or auto");
      return FieldType.AUTO;
    }
  }

  private String text(JsonNode node, String field, boolean required) {
    return text(node, field, field, required);
  }

  private String text(JsonNode node, String key, String path, boolean required) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        problem(path, "is required");
      }
      return null;
    }
    if (!v.isValueNode()) {
      problem(path, "expected a single value, got a " + (v.isArray() ? "list" : "map"));
      return null;
    }
    if (v.asText().isEmpty()) {
      problem(path, "must not be empty");
      return null;
    }
    return v.asText();
  }

  private void problem(String path, String message) {
    if (firstField == null) {
      firstField = path;
    }
    int line = Mapping.lineOf(lines, path);
    problems.add(file + " line " + line + (path.isEmpty() ? "" : ", field '" + path + "'")
        + ": " + message);
  }

  private ItineraException failure() {
    return new ItineraException(ErrorCode.CONFIG_INVALID, firstField,
        "invalid mapping:\n  " + String.join("\n  ", problems));
  }
}
