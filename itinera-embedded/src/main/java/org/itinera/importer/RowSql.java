package org.itinera.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.itinera.importer.Mapping.Field;
import org.itinera.importer.Mapping.FieldType;
import org.itinera.importer.Mapping.Time;
import org.itinera.importer.Mapping.Value;

/**
 * The SQL that turns the rows of an input file into validated canonical rows.
 *
 * <p>Design notes. Three nested projections, so each step reads the previous one's columns by
 * name: (1) raw text of every mapped column, blank meaning absent; (2) typed values (times
 * parsed, numbers cast with TRY_CAST, so a bad value is NULL instead of an error); (3) the JSON
 * columns and {@code reason}, a CASE over every check that names the first one a row fails, or
 * NULL for a good row. Checks match the collection API's (ids at most 512 characters, times
 * between 2000 and a day ahead, channel and currency formats, rating range). Column names go
 * through {@link Sql#identifier}; every other user value is a bound parameter, including the
 * wording of messages that quote column names.
 *
 * <p>Output columns are those {@link org.itinera.ingest.BulkSession} expects plus {@code reason}
 * and, when asked, {@code raw} (the whole input row, for the rejects file).
 */
final class RowSql {
  static final int MAX_ID = 512;
  private static final String TIME_WITH_OFFSET =
      "\\d:\\d\\d(:\\d\\d(\\.\\d*)?)?\\s*([zZ]|[+-]\\d\\d(:?\\d\\d)?)$";

  private final Mapping m;
  private final InputFile in;
  private final List<String> identityTraits;
  private final String sourceId;
  private final String defaultChannel;
  private final String contextJson;
  private final long nowMs;

  RowSql(Mapping m, InputFile in, List<String> identityTraits, String sourceId,
      String defaultChannel, String contextJson, long nowMs) {
    this.m = m;
    this.in = in;
    this.identityTraits = List.copyOf(identityTraits);
    this.sourceId = sourceId;
    this.defaultChannel = defaultChannel;
    this.contextJson = contextJson;
    this.nowMs = nowMs;
  }

  /**
   * The validated rows. {@code numbered} gives {@code rec} (the row's number in the file) at the
   * price of a single-threaded read; {@code withRaw} adds the input row as a list of text.
   */
  String validated(Sql sql, Read read) {
    return "SELECT " + finalColumns(sql, read.withRaw) + " FROM (SELECT *, " + typed(sql)
        + " FROM (SELECT " + raw(sql, read.withRaw) + " FROM ("
        + in.relation(sql, read.storeRejects, read.numbered) + ")))";
  }

  /**
   * The text of every row, rejected ones included (a few texts analysed in vain cost less than
   * checking every row again): one column {@code text}, NULL where blank.
   */
  String texts(Sql sql) {
    String t = in.text(sql, m.text());
    return "SELECT CASE WHEN trim(" + t + ") <> '' THEN " + t + " END AS text FROM ("
        + in.relation(sql, false, false) + ")";
  }

  /** How a scan reads the file. */
  enum Read {
    /** First scan: parallel, and DuckDB keeps the lines it cannot read (CSV). */
    CHECK(true, false, false),
    /** Insert: parallel. */
    INSERT(false, false, false),
    /** Finding rejected rows' numbers and values, or first copies of repeated ids: in order. */
    NUMBERED(false, true, true);

    final boolean storeRejects;
    final boolean numbered;
    final boolean withRaw;

    Read(boolean storeRejects, boolean numbered, boolean withRaw) {
      this.storeRejects = storeRejects;
      this.numbered = numbered;
      this.withRaw = withRaw;
    }
  }

  private String raw(Sql sql, boolean withRaw) {
    List<String> cols = new ArrayList<>();
    cols.add(InputFile.REC + " AS rec");
    if (in.jsonRow() != null) {
      cols.add(in.jsonRow() + " AS json_row");
    }
    cols.add((m.eventId() == null ? "NULL::VARCHAR" : trimmed(sql, m.eventId()))
        + " AS event_id_raw");
    if (m.eventId() == null) {
      cols.add("md5(" + sql.param(sourceId) + " || chr(31) || " + in.contentText()
          + ") AS content_hash");
    }
    cols.add(column(sql, m.userId()) + " AS user_id");
    cols.add(column(sql, m.anonymousId()) + " AS anonymous_id");
    for (int i = 0; i < identityTraits.size(); i++) {
      cols.add(column(sql, m.identity().get(identityTraits.get(i))) + " AS id_trait_" + (i + 1));
    }
    Time t = m.timestamp();
    if (t != null) {
      cols.add(trimmed(sql, t.column()) + " AS ts_raw");
      if (isTimeType(in.type(t.column()))) {
        cols.add(Sql.identifier(t.column()) + " AS ts_native");
      }
    }
    cols.add(value(sql, m.type()) + " AS type_raw");
    cols.add(value(sql, m.name()) + " AS name");
    cols.add(value(sql, m.channel()) + " AS channel_raw");
    cols.add(value(sql, m.currency()) + " AS currency_raw");
    cols.add((m.text() == null ? "NULL::VARCHAR"
        : "CASE WHEN trim(" + in.text(sql, m.text()) + ") <> '' THEN " + in.text(sql, m.text())
            + " END") + " AS text");
    cols.add(untrimmed(sql, m.rating()) + " AS rating_raw");
    cols.add(untrimmed(sql, m.revenue()) + " AS revenue_raw");
    fieldsRaw(sql, m.properties(), "p", cols);
    fieldsRaw(sql, m.traits(), "t", cols);
    if (withRaw) {
      cols.add(in.rawRow() + " AS raw");
    }
    return String.join(", ", cols);
  }

  private void fieldsRaw(Sql sql, List<Field> fields, String prefix, List<String> cols) {
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      String v = f.type() == FieldType.AUTO ? in.value(sql, f.column())
          : untrimmed(sql, f.column());
      cols.add(v + " AS " + prefix + "_raw_" + i);
    }
  }

  private String typed(Sql sql) {
    List<String> cols = new ArrayList<>();
    cols.add(m.eventId() == null ? "'h:' || content_hash AS event_id" : "event_id_raw AS event_id");
    cols.add((subMillisecond() ? "date_trunc('millisecond', " + time(sql) + ")" : time(sql))
        + " AS ts");
    cols.add(m.type().constant() != null ? "type_raw AS type" : "lower(type_raw) AS type");
    cols.add("lower(channel_raw) AS channel");
    cols.add("upper(currency_raw) AS currency");
    cols.add("TRY_CAST(rating_raw AS DOUBLE) AS rating");
    cols.add("TRY_CAST(revenue_raw AS DOUBLE) AS revenue");
    fieldsTyped(m.properties(), "p", cols);
    fieldsTyped(m.traits(), "t", cols);
    return String.join(", ", cols);
  }

  private static void fieldsTyped(List<Field> fields, String prefix, List<String> cols) {
    for (int i = 0; i < fields.size(); i++) {
      String r = prefix + "_raw_" + i;
      String v = switch (fields.get(i).type()) {
        case AUTO, STRING -> r;
        case NUMBER -> "TRY_CAST(" + r + " AS DOUBLE)";
        case INTEGER -> "TRY_CAST(" + r + " AS BIGINT)";
        case BOOLEAN -> "TRY_CAST(" + r + " AS BOOLEAN)";
        case JSON -> "CASE WHEN json_valid(" + r + ") THEN json(" + r + ") END";
      };
      cols.add(v + " AS " + prefix + "_" + i);
    }
  }

  private String time(Sql sql) {
    Time t = m.timestamp();
    if (t == null) {
      return "make_timestamp(" + sql.param(nowMs * 1000) + ")";
    }
    String type = in.type(t.column()).toUpperCase(Locale.ROOT);
    if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
      return "timezone('UTC', ts_native)";
    }
    if (isTimeType(type)) {
      return inZone(sql, "CAST(ts_native AS TIMESTAMP)", t);
    }
    return switch (t.format()) {
      case "iso" -> "CASE WHEN regexp_matches(ts_raw, '" + TIME_WITH_OFFSET + "')"
          + " THEN timezone('UTC', TRY_CAST(ts_raw AS TIMESTAMPTZ)) ELSE "
          + inZone(sql, "TRY_CAST(ts_raw AS TIMESTAMP)", t) + " END";
      case "epoch_s" -> "CASE WHEN abs(TRY_CAST(ts_raw AS DOUBLE)) < 1e11 THEN make_timestamp("
          + "CAST(TRY_CAST(ts_raw AS DOUBLE) * 1000000 AS BIGINT)) END";
      case "epoch_ms" -> "CASE WHEN abs(TRY_CAST(ts_raw AS DOUBLE)) < 1e14 THEN make_timestamp("
          + "CAST(TRY_CAST(ts_raw AS DOUBLE) * 1000 AS BIGINT)) END";
      default -> hasOffset(t.format())
          ? "timezone('UTC', try_strptime(ts_raw, " + sql.param(t.format()) + "))"
          : inZone(sql, "try_strptime(ts_raw, " + sql.param(t.format()) + ")", t);
    };
  }

  /** Whether times may carry more than millisecond precision, which the store does not keep. */
  private boolean subMillisecond() {
    Time t = m.timestamp();
    return t != null && (isTimeType(in.type(t.column())) || t.format().equals("iso")
        || t.format().equals("epoch_s") || t.format().contains("%f") || t.format().contains("%n")
        || t.format().contains("%g"));
  }

  static boolean hasOffset(String format) {
    return format.contains("%z") || format.contains("%Z");
  }

  private static String inZone(Sql sql, String naive, Time t) {
    if (t.timezone().equalsIgnoreCase("UTC")) {
      return naive;
    }
    return "timezone('UTC', timezone(" + sql.param(t.timezone()) + ", " + naive + "))";
  }

  private static boolean isTimeType(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    return t.startsWith("TIMESTAMP") || t.equals("DATE");
  }

  private String finalColumns(Sql sql, boolean withRaw) {
    List<String> cols = new ArrayList<>(List.of("rec", "event_id", "user_id", "anonymous_id"));
    for (int i = 1; i <= identityTraits.size(); i++) {
      cols.add("id_trait_" + i);
    }
    cols.addAll(List.of("ts", "type", "name",
        "coalesce(channel, " + (defaultChannel == null ? "NULL" : sql.param(defaultChannel))
            + ") AS channel",
        sql.param(sourceId) + " AS source_id",
        properties(sql) + " AS properties",
        sql.param(contextJson) + "::JSON AS context",
        traits(sql) + " AS traits",
        "text", "rating", "revenue", "currency",
        new Checks(m, in, identityTraits, sql).reason() + " AS reason"));
    if (withRaw) {
      cols.add("raw");
    }
    return String.join(", ", cols);
  }

  private String properties(Sql sql) {
    if (m.properties().isEmpty()) {
      return "NULL::JSON";
    }
    StringJoiner pairs = new StringJoiner(", ", "json_object(", ")");
    for (int i = 0; i < m.properties().size(); i++) {
      pairs.add(sql.param(m.properties().get(i).name())).add("p_" + i);
    }
    return pairs.toString();
  }

  /** Identity traits and mapped traits; absent values are left out, so they never erase. */
  private String traits(Sql sql) {
    StringJoiner pairs = new StringJoiner(", ", "json_object(", ")");
    List<String> present = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < identityTraits.size(); i++) {
      if (m.identity().containsKey(identityTraits.get(i))) {
        pairs.add(sql.param(identityTraits.get(i))).add("id_trait_" + (i + 1));
        present.add("id_trait_" + (i + 1) + " IS NULL");
        n++;
      }
    }
    for (int i = 0; i < m.traits().size(); i++) {
      pairs.add(sql.param(m.traits().get(i).name())).add("t_" + i);
      present.add("t_" + i + " IS NULL");
      n++;
    }
    if (n == 0) {
      return "NULL::JSON";
    }
    return "CASE WHEN " + String.join(" AND ", present) + " THEN NULL ELSE json_merge_patch('{}', "
        + pairs + ") END";
  }

  private String column(Sql sql, String column) {
    return column == null ? "NULL::VARCHAR" : trimmed(sql, column);
  }

  private String value(Sql sql, Value v) {
    if (v == null) {
      return "NULL::VARCHAR";
    }
    return v.constant() != null ? sql.param(v.constant()) + "::VARCHAR" : trimmed(sql, v.column());
  }

  /** Numbers and free text: casts ignore surrounding blanks, so only empty means absent. */
  private String untrimmed(Sql sql, String column) {
    return column == null ? "NULL::VARCHAR" : "nullif(" + in.text(sql, column) + ", '')";
  }

  private String trimmed(Sql sql, String column) {
    return "nullif(trim(" + in.text(sql, column) + "), '')";
  }
}
