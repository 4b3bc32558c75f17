package org.itinera.voice;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.store.EventKinds;
import org.itinera.store.Rows;
import org.itinera.store.SqlWhere;
import org.itinera.voice.VoiceReport.Facet;
import org.itinera.voice.VoiceReport.Quote;
import org.itinera.voice.VoiceReport.Theme;

/**
 * Computes the {@link VoiceReport}: one filter over events with text, then aggregates by
 * emotion, channel, journey stage (given a {@link StageColumn}) and topic, and a page of quotes.
 * Filters are fixed conditions with bound values; the sort order is one of three fixed ORDER BY
 * texts.
 */
public final class VoiceOfCustomer {
  public static final int MAX_THEMES = 30;

  private final Connection connection;
  private final StageColumn stages;

  /** Without journey stages: no stage facet, and a stage filter is refused. */
  public VoiceOfCustomer(Connection connection) {
    this(connection, null);
  }

  public VoiceOfCustomer(Connection connection, StageColumn stages) {
    this.connection = connection;
    this.stages = stages;
  }

  public VoiceReport report(VoiceQuery q) {
    try {
      return compute(q);
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "cannot compute the voice of the customer: " + e.getMessage(), e);
    }
  }

  SqlWhere filter(VoiceQuery q) {
    SqlWhere w = new SqlWhere().and("text IS NOT NULL");
    if (q.stage() != null) {
      if (stages == null || !stages.stages().contains(q.stage())) {
        throw ItineraException.invalid("stage", "stage '" + q.stage() + "' is not one of "
            + (stages == null ? "[] (no journey model)" : stages.stages()));
      }
      w.and(stages.sql() + " = ?", stages.params(q.stage()));
    }
    q.period().restrict(w, "ts");
    if (q.channel() != null) {
      w.and("channel = ?", q.channel());
    }
    if (q.topic() != null) {
      w.and("list_contains(topics, ?)", q.topic());
    }
    if (q.emotion() != null) {
      w.and("emotion = ?", q.emotion());
    }
    if (q.lang() != null) {
      w.and("lang = ?", q.lang());
    }
    if (q.contains() != null) {
      w.and("contains(lower(text), lower(?))", q.contains());
    }
    if (q.sentiment() != null) {
      w.and(switch (q.sentiment()) {
        case "negative" -> EventKinds.NEGATIVE_TEXT;
        case "positive" -> EventKinds.POSITIVE_TEXT;
        default -> "sentiment > -0.25 AND sentiment < 0.25";
      });
    }
    return w;
  }

  private VoiceReport compute(VoiceQuery q) throws SQLException {
    SqlWhere w = filter(q);
    Rows.Row t = Rows.one(connection, "SELECT count(*), count(sentiment),"
        + " count(*) FILTER (WHERE " + EventKinds.NEGATIVE_TEXT + "),"
        + " count(*) FILTER (WHERE sentiment > -0.25 AND sentiment < 0.25),"
        + " count(*) FILTER (WHERE " + EventKinds.POSITIVE_TEXT + "), avg(sentiment)"
        + " FROM events" + w.sql(), w);
    return new VoiceReport(t.getLong(1), t.getLong(2), t.getLong(3), t.getLong(4), t.getLong(5),
        t.nullableDouble(6), facets("emotion", w), facets("channel", w), stageFacets(w),
        themes(w), q.offset(), q.limit(), quotes(w, q));
  }

  /** Texts per stage in journey order (stages without texts left out); none without stages. */
  private List<Facet> stageFacets(SqlWhere w) throws SQLException {
    if (stages == null) {
      return List.of();
    }
    java.util.Map<String, Facet> byStage = new java.util.HashMap<>();
    for (Rows.Row r : Rows.all(connection, "SELECT stage, count(*), avg(sentiment) FROM (SELECT "
        + stages.sql() + " AS stage, sentiment FROM events" + w.sql() + ") WHERE stage IS NOT NULL"
        + " GROUP BY 1", stages.params(w))) {
      byStage.put(r.getString(1), new Facet(r.getString(1), r.getLong(2), r.nullableDouble(3)));
    }
    return stages.stages().stream().filter(byStage::containsKey).map(byStage::get).toList();
  }

  /** {@code column} is "emotion" or "channel", chosen in this class, never by a request. */
  private List<Facet> facets(String column, SqlWhere w) throws SQLException {
    List<Facet> out = new ArrayList<>();
    for (Rows.Row r : Rows.all(connection, "SELECT " + column + ", count(*) AS n, avg(sentiment)"
        + " FROM events" + w.sql() + " AND " + column + " IS NOT NULL GROUP BY 1"
        + " ORDER BY n DESC, 1", w)) {
      out.add(new Facet(r.getString(1), r.getLong(2), r.nullableDouble(3)));
    }
    return out;
  }

  private List<Theme> themes(SqlWhere w) throws SQLException {
    List<Theme> out = new ArrayList<>();
    for (Rows.Row r : Rows.all(connection, "SELECT topic, count(*) AS n,"
        + " count(DISTINCT customer_id), avg(sentiment), count(*) FILTER (WHERE "
        + EventKinds.NEGATIVE_TEXT + ") FROM (SELECT unnest(topics) AS topic, customer_id, text,"
        + " sentiment FROM events" + w.sql() + ") GROUP BY topic ORDER BY n DESC, topic LIMIT ?",
        w, MAX_THEMES)) {
      out.add(new Theme(r.getString(1), r.getLong(2), r.getLong(3), r.nullableDouble(4),
          (double) r.getLong(5) / r.getLong(2)));
    }
    return out;
  }

  private List<Quote> quotes(SqlWhere w, VoiceQuery q) throws SQLException {
    if (q.limit() == 0) {
      return List.of();
    }
    String order = switch (q.sort()) {
      case "negative" -> "sentiment ASC NULLS LAST, ts DESC, event_id";
      case "positive" -> "sentiment DESC NULLS LAST, ts DESC, event_id";
      default -> "ts DESC, event_id";
    };
    List<Quote> out = new ArrayList<>();
    for (Rows.Row r : Rows.all(connection, "SELECT event_id, customer_id, ts, type, name,"
        + " channel, text, lang, sentiment, emotion, rating, topics FROM events" + w.sql()
        + " ORDER BY " + order + " LIMIT ? OFFSET ?", w, q.limit(), q.offset())) {
      out.add(new Quote(r.getString(1), r.getString(2), r.instant(3), r.getString(4),
          r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.nullableDouble(9),
          r.getString(10), r.nullableDouble(11), r.strings(12)));
    }
    return out;
  }
}
