package org.itinera.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.itinera.ItineraException;

/**
 * The text form of event predicates and of property or trait conditions: one grammar for the
 * command line, the HTTP API and the dashboard.
 *
 * <pre>
 *   Order Completed
 *   Signed Up | Registered                       either name
 *   Order Completed [channel=web|app, revenue&gt;=100]
 *   [channel=store]                              any event on the store channel
 *   "Odd, name" [coupon exists]
 * </pre>
 *
 * <p>Event names come first, separated by {@code |}; none means any event. Conditions follow in
 * brackets, separated by {@code ,} or {@code &}, and all must hold. {@code channel} and {@code
 * type} are the event's own fields ({@code =} only, {@code a|b} for any of); any other key is a
 * dotted property path ({@code properties.} in front names a property that is itself called
 * channel or type). Operators: {@code =} ({@code a|b}: any of), {@code !=}, {@code >}, {@code >=},
 * {@code <}, {@code <=} (numbers), and {@code exists}. A name, key or value that holds one of
 * {@code , & | [ ] = ! < > "}, or starts or ends with a space, is written in double quotes, with
 * {@code \"} and {@code \\} inside; {@link #format} quotes where needed, so its text parses back
 * to the same predicate.
 *
 * <p>Trait conditions (segments) use the same conditions without brackets, every key a trait
 * path: {@code plan=gold|platinum, orders>=3}.
 */
public final class EventExpression {
  private static final String PROPERTIES = "properties.";
  private static final String EXISTS = "exists";
  /** Characters that end an unquoted name. */
  private static final String NAME_STOP = "|[]\"";
  /** Characters that end an unquoted key. */
  private static final String KEY_STOP = "=!<>,&[]|\"";
  /** Characters that end an unquoted value. */
  private static final String VALUE_STOP = ",&[]|\"";
  /** Characters that make {@link #format} quote a name, key or value. */
  private static final String QUOTE_IF = ",&|[]=!<>\"\\";

  private final String field;
  private final String text;
  private int pos;

  private EventExpression(String field, String text) {
    this.field = field;
    this.text = text;
  }

  /**
   * Parses one event expression. Errors name {@code field}, quote the expression and say where
   * and what was expected.
   */
  public static EventPredicate parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw ItineraException.invalid(field, "an event expression is empty; give an event name,"
          + " such as 'Order Completed', optionally with conditions: 'Order Completed"
          + " [channel=web, revenue>=100]'");
    }
    return new EventExpression(field, text).event();
  }

  /**
   * Splits a comma-separated list of event expressions (the command line's {@code --steps}) at
   * the commas outside brackets and quotes. Refuses an empty element.
   */
  public static List<String> split(String field, String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ',';
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
        continue;
      }
      if (c == '"') {
        quoted = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        String part = text.substring(start, Math.min(i, text.length())).strip();
        if (part.isEmpty()) {
          throw ItineraException.invalid(field, "'" + text + "' has an empty element "
              + (out.size() + 1) + "; separate event expressions by commas, such as"
              + " \"Product Viewed,Order Completed [channel=web]\"");
        }
        out.add(part);
        start = i + 1;
      }
    }
    if (quoted) { // an unclosed quote swallowed the rest: parsing it says so
      out.add(text.substring(start).strip());
    }
    return out;
  }

  /** Trait conditions separated by {@code ,} or {@code &}, every key a trait path. */
  public static List<PropertyPredicate> conditions(String field, String text) {
    if (text == null || text.isBlank()) {
      throw ItineraException.invalid(field, "a condition is empty; give KEY=VALUE, such as"
          + " 'plan=gold' or 'orders>=3'");
    }
    EventExpression p = new EventExpression(field, text);
    Parsed parsed = new Parsed();
    p.conditionList(parsed, false);
    p.skipSpace();
    if (!p.end()) {
      throw p.error("unexpected '" + p.peek() + "'");
    }
    return parsed.properties;
  }

  /** The canonical text of a predicate, which {@link #parse} reads back to an equal one. */
  public static String format(EventPredicate p) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < p.names().size(); i++) {
      out.append(i == 0 ? "" : "|").append(quote(p.names().get(i)));
    }
    List<String> conditions = new ArrayList<>();
    if (!p.types().isEmpty()) {
      conditions.add("type=" + alternatives(p.types()));
    }
    if (!p.channels().isEmpty()) {
      conditions.add("channel=" + alternatives(p.channels()));
    }
    for (PropertyPredicate c : p.properties()) {
      boolean shadowed = c.path().equals("channel") || c.path().equals("type")
          || c.path().startsWith(PROPERTIES);
      conditions.add(format(c, shadowed ? PROPERTIES + c.path() : c.path()));
    }
    if (!conditions.isEmpty()) {
      out.append(out.length() == 0 ? "[" : " [").append(String.join(", ", conditions))
          .append(']');
    }
    return out.toString();
  }

  /** One trait or property condition's text ({@code plan=gold}, {@code orders>=3}). */
  public static String format(PropertyPredicate c) {
    return format(c, c.path());
  }

  private static String format(PropertyPredicate c, String key) {
    String k = quote(key);
    return switch (c.op()) {
      case EXISTS -> k + " exists";
      case EQ, IN -> k + "=" + alternatives(c.values());
      case NE -> k + "!=" + quote(c.values().get(0));
      case GT -> k + ">" + quote(c.values().get(0));
      case GTE -> k + ">=" + quote(c.values().get(0));
      case LT -> k + "<" + quote(c.values().get(0));
      case LTE -> k + "<=" + quote(c.values().get(0));
    };
  }

  private static String alternatives(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : "|").append(quote(values.get(i)));
    }
    return out.toString();
  }

  private static String quote(String s) {
    boolean plain = !s.isEmpty() && s.equals(s.strip()) && !s.equals(EXISTS)
        && !s.endsWith(" " + EXISTS);
    for (int i = 0; plain && i < s.length(); i++) {
      plain = QUOTE_IF.indexOf(s.charAt(i)) < 0;
    }
    return plain ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** What the conditions of one expression name. */
  private static final class Parsed {
    List<String> channels = List.of();
    List<String> types = List.of();
    final List<PropertyPredicate> properties = new ArrayList<>();
  }

  private EventPredicate event() {
    List<String> names = new ArrayList<>();
    skipSpace();
    if (!end() && peek() != '[') {
      names.add(name());
      skipSpace();
      while (!end() && peek() == '|') {
        pos++;
        names.add(name());
        skipSpace();
      }
    }
    Parsed parsed = new Parsed();
    if (!end() && peek() == '[') {
      pos++;
      conditionList(parsed, true);
      skipSpace();
      if (end() || peek() != ']') {
        throw error(end() ? "the conditions are not closed with ']'"
            : "expected ',' or ']' but found '" + peek() + "'");
      }
      pos++;
      skipSpace();
    }
    if (!end()) {
      throw error("unexpected '" + peek() + "' after the "
          + (names.isEmpty() ? "conditions" : "conditions or names")
          + "; conditions go in one pair of brackets after the names");
    }
    return new EventPredicate(names, parsed.types, parsed.channels, parsed.properties);
  }

  private String name() {
    skipSpace();
    if (!end() && peek() == '"') {
      return quoted("event name");
    }
    String name = until(NAME_STOP).strip();
    if (name.isEmpty()) {
      throw error("an event name is empty");
    }
    return name;
  }

  private void conditionList(Parsed parsed, boolean eventFields) {
    while (true) {
      skipSpace();
      if (end() || peek() == ',' || peek() == '&' || peek() == ']') {
        throw error("a condition is empty");
      }
      condition(parsed, eventFields);
      skipSpace();
      if (end() || peek() != ',' && peek() != '&') {
        return;
      }
      pos++;
    }
  }

  private void condition(Parsed parsed, boolean eventFields) {
    skipSpace();
    int at = pos;
    boolean quotedKey = !end() && peek() == '"';
    String key = quotedKey ? quoted("key") : until(KEY_STOP).strip();
    boolean exists = false;
    if (!quotedKey && key.endsWith(" " + EXISTS)) {
      key = key.substring(0, key.length() - EXISTS.length()).strip();
      exists = true;
    }
    if (key.isEmpty()) {
      throw error("a condition needs a key before its operator, as in 'plan=pro'", at);
    }
    skipSpace();
    if (quotedKey && text.startsWith(EXISTS, pos)) {
      pos += EXISTS.length();
      exists = true;
    }
    if (exists) {
      add(parsed, eventFields, key, PropertyPredicate.Op.EXISTS, List.of(), at);
      return;
    }
    PropertyPredicate.Op op = operator(key);
    skipSpace();
    int valueAt = pos;
    List<String> values = new ArrayList<>();
    values.add(value(key));
    if (op.compareTo(PropertyPredicate.Op.GT) >= 0 && !isNumber(values.get(0))) {
      throw error("'" + key + "' " + symbol(op) + " compares numbers, but '" + values.get(0)
          + "' is not a number", valueAt);
    }
    skipSpace();
    while (!end() && peek() == '|') {
      pos++;
      values.add(value(key));
      skipSpace();
    }
    if (values.size() > 1 && op != PropertyPredicate.Op.EQ) {
      throw error("'|' (any of) goes with '=' only; '" + key + "' has " + symbol(op));
    }
    add(parsed, eventFields, key, values.size() > 1 ? PropertyPredicate.Op.IN : op, values, at);
  }

  private void add(Parsed parsed, boolean eventFields, String key, PropertyPredicate.Op op,
      List<String> values, int at) {
    boolean channel = eventFields && key.equals("channel");
    if (channel || eventFields && key.equals("type")) {
      if (op != PropertyPredicate.Op.EQ && op != PropertyPredicate.Op.IN) {
        throw error(key + " takes '=' (with a|b for any of), not " + symbol(op), at);
      }
      if (!(channel ? parsed.channels : parsed.types).isEmpty()) {
        throw error(key + " is given twice; list the alternatives in one condition: " + key
            + "=a|b", at);
      }
      if (channel) {
        parsed.channels = List.copyOf(values);
      } else {
        parsed.types = List.copyOf(values);
      }
      return;
    }
    String path = eventFields && key.startsWith(PROPERTIES) ? key.substring(PROPERTIES.length())
        : key;
    try {
      parsed.properties.add(new PropertyPredicate(path, op, values));
    } catch (ItineraException e) {
      throw error(e.getMessage(), at);
    }
  }

  private PropertyPredicate.Op operator(String key) {
    if (end()) {
      throw error("'" + key + "' needs an operator: =, !=, >, >=, <, <= or exists");
    }
    String[] symbols = {"!=", ">=", "<=", ">", "<", "="};
    PropertyPredicate.Op[] ops = {PropertyPredicate.Op.NE, PropertyPredicate.Op.GTE,
        PropertyPredicate.Op.LTE, PropertyPredicate.Op.GT, PropertyPredicate.Op.LT,
        PropertyPredicate.Op.EQ};
    for (int i = 0; i < symbols.length; i++) {
      if (text.startsWith(symbols[i], pos)) {
        pos += symbols[i].length();
        return ops[i];
      }
    }
    throw error("expected an operator (=, !=, >, >=, <, <= or exists) after '" + key
        + "' but found '" + peek() + "'");
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String symbol(PropertyPredicate.Op op) {
    return switch (op) {
      case EQ, IN -> "'='";
      case NE -> "'!='";
      case GT -> "'>'";
      case GTE -> "'>='";
      case LT -> "'<'";
      case LTE -> "'<='";
      case EXISTS -> "'exists'";
    };
  }

  private String value(String key) {
    skipSpace();
    if (!end() && peek() == '"') {
      return quoted("value");
    }
    String value = until(VALUE_STOP).strip();
    if (value.isEmpty()) {
      throw error("'" + key + "' has an empty value; write \"\" for the empty text");
    }
    return value;
  }

  private String quoted(String what) {
    int open = pos++;
    StringBuilder out = new StringBuilder();
    while (!end()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\' && !end()) {
        c = text.charAt(pos++);
      }
      out.append(c);
    }
    throw error("the quoted " + what + " is not closed with '\"'", open);
  }

  private String until(String stops) {
    int start = pos;
    while (!end() && stops.indexOf(peek()) < 0) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void skipSpace() {
    while (!end() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean end() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }

  private ItineraException error(String what) {
    return error(what, pos);
  }

  private ItineraException error(String what, int at) {
    return ItineraException.invalid(field, String.format(Locale.ROOT, "'%s', at character %d: %s",
        text, at + 1, what));
  }
}
