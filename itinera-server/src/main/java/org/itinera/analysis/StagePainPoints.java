package org.itinera.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.journey.ModelStages;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.itinera.store.EventKinds;
import org.itinera.store.Rows;
import org.itinera.store.SqlWhere;
import org.itinera.voice.StageColumn;

/**
 * The top pain points of each journey stage: topics of negative customer texts (the journal's
 * threshold), with the customers' own words, where each text's stage is its event's stage under
 * the journey model ({@link StageSql}, which agrees with {@link ModelStages}). One query: the
 * newest {@value #MAX_TEXTS} negative texts of the filter, their topics counted per stage, the
 * {@value #PER_STAGE} most mentioned kept per stage with their {@value #QUOTES} most negative
 * texts (newest first on ties).
 */
final class StagePainPoints {
  static final int MAX_TEXTS = 20_000;
  static final int PER_STAGE = 3;
  static final int QUOTES = 2;

  /** A topic of a stage's negative texts; quotes: its most negative texts, newest first on ties. */
  record PainPoint(String topic, long mentions, long customers, List<Quote> quotes) {}

  record Quote(String eventId, String customerId, String text, Double sentiment) {}

  private StagePainPoints() {}

  static Map<String, List<PainPoint>> of(Connection c, StageColumn stages, SequenceFilter f)
      throws SQLException {
    SqlWhere w = new SqlWhere().and(EventKinds.NEGATIVE_TEXT).and("len(topics) > 0");
    if (f.fromMs() != null) {
      w.and("ts >= ?", utc(f.fromMs()));
    }
    if (f.toMs() != null) {
      w.and("ts < ?", utc(f.toMs()));
    }
    if (!f.channels().isEmpty()) {
      List<String> parts = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      StageSql.in(parts, values, "coalesce(channel, '" + ModelStages.NO_CHANNEL + "')",
          f.channels());
      w.and(parts.get(0), values.toArray());
    }
    if (!f.traits().isEmpty()) {
      List<String> parts = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (PropertyPredicate p : f.traits()) {
        parts.add(StageSql.property("traits", p, values));
      }
      w.and("customer_id IN (SELECT customer_id FROM profiles WHERE " + String.join(" AND ", parts)
          + ")", values.toArray());
    }
    String sql = "WITH t AS (SELECT event_id, customer_id, text, sentiment, ts, topics, "
        + stages.sql() + " AS stage FROM events" + w.sql()
        + " ORDER BY ts DESC, event_id LIMIT ?),"
        + " m AS (SELECT stage, unnest(topics) AS topic, event_id, customer_id, text, sentiment,"
        + " ts FROM t WHERE stage IS NOT NULL),"
        + " top AS (SELECT stage, topic, count(*) AS mentions, count(DISTINCT customer_id) AS"
        + " customers, row_number() OVER (PARTITION BY stage ORDER BY count(*) DESC, topic) AS r"
        + " FROM m GROUP BY stage, topic QUALIFY r <= ?),"
        + " q AS (SELECT *, row_number() OVER (PARTITION BY stage, topic"
        + " ORDER BY sentiment, ts DESC, event_id) AS n FROM m)"
        + " SELECT top.stage, top.topic, top.mentions, top.customers, q.event_id, q.customer_id,"
        + " q.text, q.sentiment FROM top JOIN q ON q.stage = top.stage AND q.topic = top.topic"
        + " AND q.n <= ? ORDER BY top.stage, top.r, q.n";
    Map<String, Map<String, PainPoint>> byStage = new LinkedHashMap<>();
    for (Rows.Row r : Rows.all(c, sql, stages.params(w, MAX_TEXTS, PER_STAGE, QUOTES))) {
      PainPoint p = byStage.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.getString(2), k -> new PainPoint(k, r.getLong(3), r.getLong(4),
              new ArrayList<>()));
      p.quotes().add(new Quote(r.getString(5), r.getString(6), r.getString(7),
          r.nullableDouble(8)));
    }
    Map<String, List<PainPoint>> out = new LinkedHashMap<>();
    for (String stage : stages.stages()) {
      Map<String, PainPoint> points = byStage.get(stage);
      if (points != null) {
        out.put(stage, points.values().stream().map(p -> new PainPoint(p.topic(), p.mentions(),
            p.customers(), List.copyOf(p.quotes()))).toList());
      }
    }
    return out;
  }

  /** Event times are stored as UTC wall-clock TIMESTAMPs. */
  private static Timestamp utc(long ms) {
    return Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000),
        (int) Math.floorMod(ms, 1000) * 1_000_000, ZoneOffset.UTC));
  }
}
