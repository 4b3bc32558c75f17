package org.itinera.journal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.customer.Customers;
import org.itinera.event.Event;
import org.itinera.store.EventRows;

/**
 * Journals of stored customers: finds the customer by any id, reads their stitched events in
 * time order (ties in arrival order) and their traits, and builds the journal. "Now" is the
 * newest event in the store, so a journal reads the same whenever it is asked for.
 */
public final class StoredJournals {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Only the columns a journal shows or a journey model's rules read (name, type, channel,
   * properties): a customer with 10,000 events is read in a fraction of the time all columns
   * take (see JournalBench).
   */
  private static final String EVENTS = "SELECT event_id, ts, type, name, channel,"
      + " CAST(properties AS VARCHAR),"
      + " text, lang, sentiment, emotion, rating, revenue, currency FROM events"
      + " WHERE customer_id = ? ORDER BY ts, seq";
  private final Connection connection;
  private final StageOf stages;

  public StoredJournals(Connection connection, StageOf stages) {
    this.connection = connection;
    this.stages = stages;
  }

  public Journal journal(String anyId, Lang lang) {
    String customer = new Customers(connection).resolve(anyId).orElseThrow(() ->
        new ItineraException(ErrorCode.NOT_FOUND, "customer",
            "no customer has the id '" + anyId + "'"));
    try {
      List<Event> events = new ArrayList<>();
      try (PreparedStatement ps = connection.prepareStatement(EVENTS)) {
        ps.setString(1, customer);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            events.add(read(rs, customer));
          }
        }
      }
      Map<String, Object> traits = Map.of();
      try (PreparedStatement ps =
          connection.prepareStatement("SELECT traits FROM profiles WHERE customer_id = ?")) {
        ps.setString(1, customer);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(1) != null) {
            traits = JSON.readValue(rs.getString(1), new TypeReference<Map<String, Object>>() {});
          }
        }
      }
      long now;
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT max(ts) FROM events")) {
        rs.next();
        now = EventRows.millis(rs.getTimestamp(1));
      }
      Object persona = traits.get("persona");
      return new JournalBuilder(stages, JournalBuilder.DEFAULT_SESSION_GAP_MS)
          .build(customer, events, traits, persona == null ? null : persona.toString(), lang,
              now);
    } catch (SQLException | IOException e) {
      throw new ItineraException(ErrorCode.INTERNAL,
          "cannot read the journal of " + customer + ": " + e.getMessage());
    }
  }

  private static Event read(ResultSet rs, String customer) throws SQLException {
    long ts = EventRows.millis(rs.getTimestamp(2));
    return new Event(rs.getString(1), customer, null, null, ts, ts, rs.getString(3),
        rs.getString(4), rs.getString(5), null, rs.getString(6), null, null, rs.getString(7),
        rs.getString(8), nullableDouble(rs, 9), rs.getString(10), List.of(),
        nullableDouble(rs, 11), nullableDouble(rs, 12), rs.getString(13));
  }

  private static Double nullableDouble(ResultSet rs, int col) throws SQLException {
    double d = rs.getDouble(col);
    return rs.wasNull() ? null : d;
  }
}
