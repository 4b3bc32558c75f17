package org.itinera.importer;

import java.util.ArrayList;
import java.util.List;
import org.itinera.importer.Mapping.Field;
import org.itinera.importer.Mapping.FieldType;
import org.itinera.importer.Mapping.Time;

/**
 * The row checks of an import as one SQL CASE: the first failing check gives the row's reason
 * (a message naming the mapping field, the column and the offending value), a good row gets NULL.
 * Runs over the typed projection of {@link RowSql}.
 */
final class Checks {
  private static final int QUOTE = 80;

  private final Mapping m;
  private final InputFile in;
  private final List<String> identityTraits;
  private final Sql sql;
  private final List<String> whens = new ArrayList<>();

  Checks(Mapping m, InputFile in, List<String> identityTraits, Sql sql) {
    this.m = m;
    this.in = in;
    this.identityTraits = identityTraits;
    this.sql = sql;
  }

  String reason() {
    if (in.jsonRow() != null) {
      check("json_row IS NULL", text("malformed JSON: the line is not a JSON value"));
      check("json_type(json_row) <> 'OBJECT'",
          text("expected a JSON object, got ") + " || lower(json_type(json_row))");
    }
    customerIds();
    if (m.eventId() != null) {
      check("event_id_raw IS NULL", text("event_id (" + col(m.eventId()) + ") is empty"));
      check("length(event_id_raw) > " + RowSql.MAX_ID,
          text("event_id is longer than " + RowSql.MAX_ID + " characters"));
    }
    time();
    if (m.type().column() != null) {
      check("type IS NULL", text("type (" + col(m.type().column()) + ") is empty"));
      check("NOT regexp_full_match(type, '" + MappingReader.TYPE.pattern() + "')",
          text("type ") + " || " + quoted("type_raw") + " || " + text(" is not a lower-case"
              + " event type such as track, ticket, review, purchase or identify"));
    }
    if (m.channel() != null && m.channel().column() != null) {
      check("channel IS NOT NULL AND NOT regexp_full_match(channel, '"
              + MappingReader.CHANNEL.pattern() + "')",
          text("channel ") + " || " + quoted("channel_raw") + " || " + text(" is not a channel"
              + " name (letters, digits, '_'; e.g. web, call_center)"));
    }
    if (m.currency() != null && m.currency().column() != null) {
      check("currency IS NOT NULL AND NOT regexp_full_match(currency, '"
              + MappingReader.CURRENCY.pattern() + "')",
          text("currency ") + " || " + quoted("currency_raw")
              + " || " + text(" is not an ISO 4217 code such as KRW or USD"));
    }
    number("rating", m.rating());
    if (m.rating() != null) {
      check("rating < -10 OR rating > 100", text("rating ") + " || " + quoted("rating_raw")
          + " || " + text(" is out of range; expected an NPS (0-10), CSAT/CES (1-7) or star"
              + " (1-5) score"));
    }
    number("revenue", m.revenue());
    fields(m.properties(), "p", "property");
    fields(m.traits(), "t", "trait");
    if (whens.isEmpty()) {
      return "NULL::VARCHAR";
    }
    return "CASE " + String.join(" ", whens) + " END";
  }

  private void customerIds() {
    List<String> nulls = new ArrayList<>(List.of("user_id IS NULL", "anonymous_id IS NULL"));
    List<String> named = new ArrayList<>();
    if (m.userId() != null) {
      named.add("user_id (" + col(m.userId()) + ")");
    }
    if (m.anonymousId() != null) {
      named.add("anonymous_id (" + col(m.anonymousId()) + ")");
    }
    for (int i = 0; i < identityTraits.size(); i++) {
      nulls.add("id_trait_" + (i + 1) + " IS NULL");
      String column = m.identity().get(identityTraits.get(i));
      if (column != null) {
        named.add(identityTraits.get(i) + " (" + col(column) + ")");
      }
    }
    check(String.join(" AND ", nulls), text("no customer id: " + String.join(", ", named)
        + (named.size() == 1 ? " is" : " are all") + " empty"));
    check("length(user_id) > " + RowSql.MAX_ID,
        text("user_id is longer than " + RowSql.MAX_ID + " characters"));
    check("length(anonymous_id) > " + RowSql.MAX_ID,
        text("anonymous_id is longer than " + RowSql.MAX_ID + " characters"));
  }

  private void time() {
    Time t = m.timestamp();
    if (t == null) {
      return;
    }
    check("ts_raw IS NULL", text("timestamp (" + col(t.column()) + ") is empty"));
    String expected = switch (t.format()) {
      case "iso" -> "an ISO 8601 time such as 2024-05-01T09:30:00+09:00";
      case "epoch_s" -> "seconds since 1970-01-01 UTC";
      case "epoch_ms" -> "milliseconds since 1970-01-01 UTC";
      default -> "the format '" + t.format() + "'";
    };
    check("ts IS NULL", text("timestamp ") + " || " + quoted("ts_raw") + " || "
        + text(" is not " + expected));
    check("ts < TIMESTAMP '2000-01-01' OR ts > make_timestamp("
            + sql.param((System.currentTimeMillis() + 86_400_000L) * 1000) + ")",
        text("timestamp ") + " || " + quoted("ts_raw") + " || " + text(" is absurd: expected"
            + " between 2000-01-01 and a day after now"));
  }

  private void number(String field, String column) {
    if (column == null) {
      return;
    }
    check(field + "_raw IS NOT NULL AND (" + field + " IS NULL OR NOT isfinite(" + field + "))",
        text(field + " (" + col(column) + ") ") + " || " + quoted(field + "_raw")
            + " || " + text(" is not a number"));
  }

  private void fields(List<Field> fields, String prefix, String kind) {
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (f.type() == FieldType.AUTO || f.type() == FieldType.STRING) {
        continue;
      }
      String expected = switch (f.type()) {
        case NUMBER -> "a number";
        case INTEGER -> "an integer";
        case BOOLEAN -> "true or false";
        default -> "JSON";
      };
      check(prefix + "_raw_" + i + " IS NOT NULL AND " + prefix + "_" + i + " IS NULL",
          text(kind + " '" + f.name() + "' (" + col(f.column()) + ") ") + " || "
              + quoted(prefix + "_raw_" + i + "::VARCHAR") + " || " + text(" is not " + expected));
    }
  }

  private void check(String condition, String message) {
    whens.add("WHEN " + condition + " THEN " + message);
  }

  /** A message fragment: always a bound parameter, since it may quote user-given names. */
  private String text(String fragment) {
    return sql.param(fragment) + "::VARCHAR";
  }

  /** The offending value in quotes, shortened. */
  private static String quoted(String expression) {
    return "'''' || left(" + expression + ", " + QUOTE + ") || ''''";
  }

  private static String col(String column) {
    return "column '" + column + "'";
  }
}
