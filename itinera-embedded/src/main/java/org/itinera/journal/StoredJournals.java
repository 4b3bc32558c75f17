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
      try (PreparedStatement ps = connection.prepareStatement("SELECT " + EventRows.COLUMNS
          + " FROM events WHERE customer_id = ? ORDER BY ts, seq")) {
        ps.setString(1, customer);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            events.add(EventRows.read(rs));
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
}
