package org.itinera.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.itinera.ItineraException;

/**
 * A condition on one field of a JSON object: an event's {@code properties} or a customer's {@code
 * traits}. {@code path} is a dotted key path ({@code plan}, {@code cart.total}).
 *
 * <p>Semantics, identical in every engine: a missing key or a JSON {@code null} never matches
 * (except that {@code exists} is simply false); {@code eq}, {@code ne} and {@code in} compare the
 * value's text (a string's characters, a number or boolean as written in JSON); {@code gt}, {@code
 * gte}, {@code lt}, {@code lte} compare numbers and are false when either side is not a number.
 */
public record PropertyPredicate(String path, Op op, List<String> values) implements Serializable {

  /** Comparison operators, with their names in journey.yml and on the command line. */
  public enum Op {
    EQ, NE, IN, GT, GTE, LT, LTE, EXISTS;

    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code eq}, {@code gt}, ...; null when unknown. */
    public static Op ofToken(String token) {
      for (Op op : values()) {
        if (op.token().equals(token)) {
          return op;
        }
      }
      return null;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public PropertyPredicate {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(op, "op");
    values = List.copyOf(values);
    if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")
        || path.contains("\"") || path.contains("\\")) {
      throw ItineraException.invalid("path", "property path '" + path
          + "' is not a dotted key path such as 'plan' or 'cart.total' (no quotes or backslashes)");
    }
    int expected = op == Op.EXISTS ? 0 : 1;
    if (op == Op.IN ? values.isEmpty() : values.size() != expected) {
      throw ItineraException.invalid("values", "operator '" + op.token() + "' on '" + path
          + "' takes " + (op == Op.IN ? "at least one value" : expected + " value(s)")
          + ", got " + values.size());
    }
    if (op.ordinal() >= Op.GT.ordinal() && op != Op.EXISTS && !isNumber(values.get(0))) {
      throw ItineraException.invalid("values", "operator '" + op.token() + "' on '" + path
          + "' compares numbers, but '" + values.get(0) + "' is not a number");
    }
  }

  public static PropertyPredicate eq(String path, String value) {
    return new PropertyPredicate(path, Op.EQ, List.of(value));
  }

  /** The path split at dots. */
  public List<String> keys() {
    return List.of(path.split("\\."));
  }

  /** Evaluates the predicate on a JSON object given as text (null or blank: an empty object). */
  public boolean test(String json) {
    if (json == null || json.isBlank()) {
      return test((JsonNode) null);
    }
    try {
      return test(JSON.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return test((JsonNode) null);
    }
  }

  public boolean test(JsonNode object) {
    JsonNode node = object;
    for (String key : keys()) {
      if (node == null || !node.isObject()) {
        node = null;
        break;
      }
      node = node.get(key);
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (op == Op.EXISTS) {
      return true;
    }
    String text = node.isValueNode() ? node.asText() : node.toString();
    switch (op) {
      case EQ:
        return text.equals(values.get(0));
      case NE:
        return !text.equals(values.get(0));
      case IN:
        return values.contains(text);
      default:
        if (!node.isNumber() && !isNumber(text)) {
          return false;
        }
        int cmp = Double.compare(node.isNumber() ? node.doubleValue() : Double.parseDouble(text),
            Double.parseDouble(values.get(0)));
        return op == Op.GT ? cmp > 0 : op == Op.GTE ? cmp >= 0 : op == Op.LT ? cmp < 0 : cmp <= 0;
    }
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s.trim());
      return !s.isBlank();
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
