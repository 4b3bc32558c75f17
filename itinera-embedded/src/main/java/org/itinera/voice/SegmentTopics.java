package org.itinera.voice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.journey.Goal;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.ModelStages;
import org.itinera.journey.Stage;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.itinera.store.EventRows;
import org.itinera.store.SqlWhere;
import org.itinera.text.TextAnalyzer;
import org.itinera.text.topic.TextDoc;
import org.itinera.text.topic.Theme;
import org.itinera.text.topic.TopicAnalysis;
import org.itinera.voice.TopicQuery.Outcome;

/**
 * Themes and pain points of the stored texts of a segment: the one computation behind
 * {@code itinera text topics} and {@code GET /api/text/topics}.
 *
 * <p>Reads the segment's texts with their stored sentiment and key phrases (texts not yet scored
 * are analysed on the fly with the data directory's model), keeps those whose event falls in the
 * requested journey stage by {@link ModelStages}, gives each writer an outcome (conversion by the
 * journey model's goals, or churn by inactivity) and hands them to {@link TopicAnalysis}.
 */
public final class SegmentTopics {
  private static final long DAY_MS = 86_400_000L;

  private final Connection connection;
  private final JourneyModel model;
  private final TextAnalyzer analyzer;

  public SegmentTopics(Connection connection, JourneyModel model, TextAnalyzer analyzer) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.model = Objects.requireNonNull(model, "model");
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  public TopicReport report(TopicQuery q) {
    if (q.stage() != null && model.stageIndex(q.stage()) < 0) {
      throw ItineraException.invalid("stage", "'" + q.stage() + "' is not a stage of the journey"
          + " model; expected one of " + model.stages().stream().map(Stage::id).toList());
    }
    try {
      return compute(q);
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "cannot read the texts for topic analysis: " + e.getMessage(), e);
    }
  }

  private TopicReport compute(TopicQuery q) throws SQLException {
    List<Row> rows = texts(q);
    Map<String, Long> firstText = new HashMap<>();
    for (Row r : rows) {
      firstText.merge(r.customerId, r.ts, Math::min);
    }
    SqlWhere writers = segmentWhere(q.filter());
    Map<String, Boolean> outcome = new HashMap<>();
    String definition = q.outcome() == Outcome.CONVERSION
        ? conversions(firstText, writers, outcome)
        : churn(firstText, writers, q.churnDays(), outcome);
    List<TextDoc> docs = new ArrayList<>(rows.size());
    for (Row r : rows) {
      docs.add(new TextDoc(r.customerId, r.text, r.ts, outcome.get(r.customerId), r.sentiment,
          r.phrases));
    }
    List<Theme> themes = new TopicAnalysis(analyzer).themes(docs, List.of(), q.options());
    int known = 0;
    int positive = 0;
    for (Boolean o : outcome.values()) {
      known++;
      positive += o ? 1 : 0;
    }
    return new TopicReport(q.stage(), q.outcome().code(), definition, rows.size(),
        firstText.size(), known, known == 0 ? null : positive / (double) known, themes);
  }

  /** A stored text of the segment. */
  private record Row(String customerId, long ts, String text, Double sentiment,
      List<String> phrases) {}

  /** Period and channels as SQL over the alias {@code e}; traits are tested in Java. */
  private static SqlWhere segmentWhere(SequenceFilter f) {
    SqlWhere w = new SqlWhere().and("e.text IS NOT NULL");
    if (f.fromMs() != null) {
      w.and("e.ts >= ?", utc(f.fromMs()));
    }
    if (f.toMs() != null) {
      w.and("e.ts < ?", utc(f.toMs()));
    }
    if (!f.channels().isEmpty()) {
      w.and("coalesce(e.channel, '" + ModelStages.NO_CHANNEL + "') IN ("
          + "?, ".repeat(f.channels().size() - 1) + "?)", f.channels().toArray());
    }
    return w;
  }

  private List<Row> texts(TopicQuery q) throws SQLException {
    SequenceFilter f = q.filter();
    boolean byTraits = !f.traits().isEmpty();
    ModelStages stages = new ModelStages(model);
    SqlWhere w = segmentWhere(f);
    String sql = "SELECT e.event_id, e.customer_id, e.ts, e.type, e.name, e.channel,"
        + (q.stage() == null ? " NULL" : " e.properties") + ", e.text, e.sentiment,"
        + " array_to_string(e.topics, chr(31)), "
        + (byTraits ? "p.traits" : "NULL") + " FROM events e"
        + (byTraits ? " LEFT JOIN profiles p ON p.customer_id = e.customer_id" : "") + w.sql()
        + " ORDER BY e.seq";
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      w.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String customer = rs.getString(2);
          long ts = EventRows.millis(rs.getTimestamp(3));
          if (byTraits && !inSegment(f.traits(), rs.getString(11))) {
            continue;
          }
          if (q.stage() != null) {
            Event e = new Event(rs.getString(1), customer, null, null, ts, ts, rs.getString(4),
                rs.getString(5), rs.getString(6), null, rs.getString(7), null, null, null, null,
                null, null, null, null, null, null);
            if (!q.stage().equals(stages.stageOf(e))) {
              continue;
            }
          }
          double s = rs.getDouble(9);
          Double sentiment = rs.wasNull() ? null : s;
          // A scored text's topics are stored (NULL when it had none); an unscored one is
          // analysed by TopicAnalysis.
          List<String> phrases = sentiment == null ? null : phrases(rs.getString(10));
          rows.add(new Row(customer, ts, rs.getString(8), sentiment, phrases));
        }
      }
    }
    return rows;
  }

  /** Outcome: a goal event at or after the customer's first text of the segment. */
  private String conversions(Map<String, Long> firstText, SqlWhere writers,
      Map<String, Boolean> outcome) throws SQLException {
    List<Goal> goals = model.goals();
    if (goals.isEmpty()) {
      return "conversion: the journey model has no goals, so no outcome is known";
    }
    Set<String> names = new LinkedHashSet<>();
    boolean allNamed = true;
    for (Goal g : goals) {
      allNamed &= !g.when().names().isEmpty();
      names.addAll(g.when().names());
    }
    for (String c : firstText.keySet()) {
      outcome.put(c, false);
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT customer_id, ts, type, name,"
        + " channel, properties FROM events" + ofWriters(writers)
        + (allNamed ? " AND coalesce(name, type) IN (" + "?, ".repeat(names.size() - 1) + "?)"
            : ""))) {
      int next = writers.bind(ps, 1);
      if (allNamed) {
        for (String n : names) {
          ps.setString(next++, n);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Long first = firstText.get(rs.getString(1));
          if (first == null || EventRows.millis(rs.getTimestamp(2)) < first) {
            continue;
          }
          for (Goal g : goals) {
            if (ModelStages.matchesColumns(g.when(), rs.getString(4), rs.getString(3),
                rs.getString(5), rs.getString(6))) {
              outcome.put(rs.getString(1), true);
              break;
            }
          }
        }
      }
    }
    return "conversion: reached a goal of the journey model ("
        + String.join(", ", goals.stream().map(g -> g.name() + ": " + g.when().label()).toList())
        + ") at or after their first text of the segment";
  }

  /** Outcome: no event in the last {@code days} days of the data; unknown for recent writers. */
  private String churn(Map<String, Long> firstText, SqlWhere writers, int days,
      Map<String, Boolean> outcome) throws SQLException {
    Long end = null;
    try (PreparedStatement ps = connection.prepareStatement("SELECT max(ts) FROM events");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next() && rs.getTimestamp(1) != null) {
        end = EventRows.millis(rs.getTimestamp(1));
      }
    }
    if (end == null) {
      return "churn: the store has no events";
    }
    long cutoff = end - days * DAY_MS;
    try (PreparedStatement ps = connection.prepareStatement("SELECT customer_id, max(ts) FROM"
        + " events" + ofWriters(writers) + " GROUP BY customer_id")) {
      writers.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Long first = firstText.get(rs.getString(1));
          if (first != null && first <= cutoff) {
            outcome.put(rs.getString(1), EventRows.millis(rs.getTimestamp(2)) < cutoff);
          }
        }
      }
    }
    return "churn: no event of any kind in the " + days + " days before the newest event in the"
        + " store (" + Instant.ofEpochMilli(end) + "); customers whose first text of the segment"
        + " falls in those days are not counted";
  }

  /** WHERE: the customer wrote a text of the segment (period, channels; traits not checked). */
  private static String ofWriters(SqlWhere writers) {
    return " WHERE customer_id IN (SELECT e.customer_id FROM events e" + writers.sql() + ")";
  }

  private static boolean inSegment(List<PropertyPredicate> traits, String traitsJson) {
    for (PropertyPredicate p : traits) {
      if (!p.test(traitsJson)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The stored topics, read as one string joined by U+001F (no phrase holds it): much cheaper
   * than a JDBC array per row over a million texts.
   */
  private static List<String> phrases(String joined) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    return List.of(joined.split("\u001f"));
  }

  /** Event times are stored as UTC wall-clock TIMESTAMPs. */
  private static Timestamp utc(long ms) {
    return Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000),
        (int) Math.floorMod(ms, 1000) * 1_000_000, ZoneOffset.UTC));
  }
}
