package org.itinera.customer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * Finds a customer by any of their ids: the canonical customer id, a user id, an anonymous id, an
 * e-mail or a phone number (as {@code email:...} / {@code phone:...} or bare).
 */
public final class Customers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Connection connection;

  public Customers(Connection connection) {
    this.connection = connection;
  }

  /** The canonical customer id for any of a customer's ids, if known. */
  public Optional<String> resolve(String anyId) {
    if (anyId == null || anyId.isBlank()) {
      throw ItineraException.invalid("id", "a customer id must not be empty");
    }
    String id = anyId.strip();
    List<String> candidates = new ArrayList<>(List.of(id, "user:" + id, "anon:" + id));
    if (id.contains("@")) {
      candidates.add("email:" + id.toLowerCase(Locale.ROOT));
    }
    candidates.add("phone:" + id.replaceAll("[^0-9+]", ""));
    String sql = "SELECT customer_id FROM identities WHERE identity = ?"
        + " UNION ALL SELECT customer_id FROM identities WHERE customer_id = ? LIMIT 1";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (String candidate : candidates) {
        ps.setString(1, candidate);
        ps.setString(2, candidate);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.of(rs.getString(1));
          }
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot look up " + id + ": " + e.getMessage());
    }
  }

  public CustomerCard show(String anyId) {
    String customer = resolve(anyId).orElseThrow(() -> new ItineraException(ErrorCode.NOT_FOUND,
        "id", "no customer has the id '" + anyId + "' (tried customer, user and anonymous ids,"
            + " e-mail and phone)"));
    try {
      List<String> identities = new ArrayList<>();
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT identity FROM identities WHERE customer_id = ? ORDER BY identity")) {
        ps.setString(1, customer);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            identities.add(rs.getString(1));
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
      Map<String, Long> byChannel = new TreeMap<>();
      long total = 0;
      Timestamp first = null;
      Timestamp last = null;
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT coalesce(channel, 'unknown'), count(*), min(ts), max(ts) FROM events"
              + " WHERE customer_id = ? GROUP BY ALL")) {
        ps.setString(1, customer);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            byChannel.put(rs.getString(1), rs.getLong(2));
            total += rs.getLong(2);
            Timestamp lo = rs.getTimestamp(3);
            Timestamp hi = rs.getTimestamp(4);
            first = first == null || lo.before(first) ? lo : first;
            last = last == null || hi.after(last) ? hi : last;
          }
        }
      }
      return new CustomerCard(customer, identities, traits, iso(first), iso(last), total,
          byChannel);
    } catch (SQLException | IOException e) {
      throw new ItineraException(ErrorCode.INTERNAL,
          "cannot read customer " + customer + ": " + e.getMessage());
    }
  }

  private static String iso(Timestamp t) {
    return t == null ? null : t.toLocalDateTime().toString() + "Z";
  }
}
