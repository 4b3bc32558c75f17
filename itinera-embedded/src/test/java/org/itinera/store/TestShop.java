package org.itinera.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;

/** Builds events for query tests and runs a query over them in a fresh store. */
public final class TestShop {
  private TestShop() {}

  public static long at(String isoInstant) {
    return Instant.parse(isoInstant).toEpochMilli();
  }

  /** A plain event of {@code user} (or, with an "anon:" prefix, of an anonymous id). */
  public static Event event(String id, String who, String when, String type, String name,
      String channel, String propertiesJson) {
    boolean anon = who.startsWith("anon:");
    return new Event(id, null, anon ? who.substring(5) : null, anon ? null : who, at(when),
        at(when), type, name, channel, "src", propertiesJson, null, null, null, null, null, null,
        null, null, null, null);
  }

  public static Event identify(String id, String user, String anon, String when, String traits) {
    return new Event(id, null, anon, user, at(when), at(when), "identify", "Identify", "web",
        "src", null, null, traits, null, null, null, null, null, null, null, null);
  }

  /** A customer text as text analytics would have stored it. */
  public static Event text(String id, String user, String when, String channel, String text,
      Double sentiment, String emotion, List<String> topics) {
    return new Event(id, null, null, user, at(when), at(when), "review", "Review Submitted",
        channel, "src", null, null, null, text, sentiment == null ? null : "en", sentiment,
        emotion, topics, null, null, null);
  }

  /** Stores {@code events} through the real ingestor, then runs {@code query} on a connection. */
  public static <T> T query(java.nio.file.Path dir, List<Event> events,
      Function<Connection, T> query) {
    try (Store store = Store.open(dir)) {
      try (Ingestor ing = Ingestor.open(store)) {
        ing.ingest(events);
      }
      try (Connection c = store.newConnection()) {
        return query.apply(c);
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
    }
  }
}
