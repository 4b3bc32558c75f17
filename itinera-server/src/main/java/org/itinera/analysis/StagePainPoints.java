package org.itinera.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.event.Event;
import org.itinera.journey.ModelStages;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.itinera.store.EventKinds;
import org.itinera.store.EventRows;
import org.itinera.store.SqlWhere;

/**
 * The top pain points of each journey stage: topics of negative customer texts (the journal's
 * threshold), with the customers' own words, where each text's stage is its event's stage under
 * the journey model. Reads the newest {@value #MAX_TEXTS} negative texts of the filter at most.
 */
final class StagePainPoints {
  static final int MAX_TEXTS = 20_000;
  static final int PER_STAGE = 3;
  static final int QUOTES = 2;

  /** A topic of a stage's negative texts; quotes are its most negative texts, newest first on ties. */
  record PainPoint(String topic, long mentions, long customers, List<Quote> quotes) {}

  record Quote(String eventId, String customerId, String text, Double sentiment) {}

  private StagePainPoints() {}

  static Map<String, List<PainPoint>> of(Connection c, ModelStages stages, SequenceFilter f)
      throws SQLException {
    SqlWhere w = new SqlWhere().and(EventKinds.NEGATIVE_TEXT).and("len(topics) > 0");
    if (f.fromMs() != null) {
      w.and("ts >= ?", utc(f.fromMs()));
    }
    if (f.toMs() != null) {
      w.and("ts < ?", utc(f.toMs()));
    }
    Map<String, Map<String, List<Event>>> byStage = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + EventRows.COLUMNS
        + ", (SELECT p.traits FROM profiles p WHERE p.customer_id = events.customer_id)"
        + " FROM events" + w.sql() + " ORDER BY ts DESC, event_id LIMIT ?")) {
      ps.setInt(w.bind(ps, 1), MAX_TEXTS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Event e = EventRows.read(rs);
          String channel = e.channel() == null ? ModelStages.NO_CHANNEL : e.channel();
          if (!f.channels().isEmpty() && !f.channels().contains(channel)
              || !inSegment(f.traits(), rs.getString(22))) {
            continue;
          }
          String stage = stages.stageOf(e);
          if (stage == null) {
            continue;
          }
          for (String topic : e.topics()) {
            byStage.computeIfAbsent(stage, k -> new HashMap<>())
                .computeIfAbsent(topic, k -> new ArrayList<>()).add(e);
          }
        }
      }
    }
    Map<String, List<PainPoint>> out = new LinkedHashMap<>();
    byStage.forEach((stage, topics) -> {
      List<PainPoint> points = new ArrayList<>();
      topics.forEach((topic, events) -> {
        Set<String> customers = new HashSet<>();
        events.forEach(e -> customers.add(e.customerId()));
        List<Quote> quotes = events.stream()
            .sorted(Comparator.comparingDouble((Event e) -> e.sentiment())
                .thenComparing(Comparator.comparingLong(Event::ts).reversed()))
            .limit(QUOTES)
            .map(e -> new Quote(e.eventId(), e.customerId(), e.text(), e.sentiment()))
            .toList();
        points.add(new PainPoint(topic, events.size(), customers.size(), quotes));
      });
      points.sort(Comparator.comparingLong(PainPoint::mentions).reversed()
          .thenComparing(PainPoint::topic));
      out.put(stage, List.copyOf(points.subList(0, Math.min(PER_STAGE, points.size()))));
    });
    return out;
  }

  private static boolean inSegment(List<PropertyPredicate> traits, String traitsJson) {
    for (PropertyPredicate p : traits) {
      if (!p.test(traitsJson)) {
        return false;
      }
    }
    return true;
  }

  /** Event times are stored as UTC wall-clock TIMESTAMPs. */
  private static Timestamp utc(long ms) {
    return Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000),
        (int) Math.floorMod(ms, 1000) * 1_000_000, ZoneOffset.UTC));
  }
}
