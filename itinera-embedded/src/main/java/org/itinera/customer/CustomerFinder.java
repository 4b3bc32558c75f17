package org.itinera.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.journey.JourneyModel;
import org.itinera.sequence.SequenceSource;
import org.itinera.store.Rows;
import org.itinera.store.SqlWhere;

/**
 * Finds customers by traits, topics, their own words, channels, an explicit id list, their
 * current journey stage, or where they dropped out of a funnel. The SQL is assembled only from
 * fixed fragments; every value, trait names (as JSON paths) and id lists (as JSON) included, is a
 * bound parameter. Stage and drop-off criteria are resolved by the sequence engine first (see
 * {@link SequenceCriteria}); a finder built without one refuses them.
 */
public final class CustomerFinder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final SequenceSource sequences;
  private final JourneyModel model;

  /** A finder over the store's tables only: no stage or funnel criteria. */
  public CustomerFinder(Connection connection) {
    this(connection, null, null);
  }

  /**
   * @param sequences the engine holding the store's sequences, for stage and funnel criteria
   * @param model the journey model that defines stages
   */
  public CustomerFinder(Connection connection, SequenceSource sequences, JourneyModel model) {
    this.connection = connection;
    this.sequences = sequences;
    this.model = model;
  }

  /** Matching customers with their activity, most recently active first. */
  public List<CustomerSummary> find(CustomerQuery q) {
    SqlWhere where = where(q);
    String sql = "SELECT customer_id, count(*), min(ts), max(ts), coalesce(sum(revenue), 0),"
        + " count(*) FILTER (WHERE sentiment <= -0.25) FROM events WHERE " + where.conjunction()
        + " GROUP BY customer_id ORDER BY max(ts) DESC, customer_id LIMIT ? OFFSET ?";
    List<CustomerSummary> out = new ArrayList<>();
    try {
      for (Rows.Row r : Rows.all(connection, sql, where, q.limit(), q.offset())) {
        out.add(new CustomerSummary(r.getString(1), r.getLong(2), r.instant(3), r.instant(4),
            r.getDouble(5), r.getLong(6)));
      }
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot search customers: " + e.getMessage());
    }
    return out;
  }

  /**
   * A page of the customers matching both {@code text} (as {@link CustomerSearch} reads it) and
   * every criterion of {@code q}; {@code q}'s limit is at most {@link CustomerSearch#MAX_LIMIT}.
   */
  public CustomerPage search(String text, CustomerQuery q) {
    return new CustomerSearch(connection).search(text, q.isEmpty() ? null : where(q),
        q.offset(), q.limit());
  }

  /** The criteria as a condition on a {@code customer_id} column. */
  private SqlWhere where(CustomerQuery q) {
    SqlWhere where = new SqlWhere();
    for (Map.Entry<String, String> t : q.traits().entrySet()) {
      where.and("customer_id IN (SELECT customer_id FROM profiles"
          + " WHERE json_extract_string(traits, ?) = ?)", "$.\"" + t.getKey() + "\"",
          t.getValue());
    }
    if (q.topic() != null) {
      where.and("customer_id IN (SELECT customer_id FROM events WHERE list_contains(topics, ?))",
          q.topic());
    }
    if (q.text() != null) {
      String like = "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
          + "%";
      where.and("customer_id IN (SELECT customer_id FROM events"
          + " WHERE text ILIKE ? ESCAPE '\\')", like);
    }
    if (q.channel() != null) {
      where.and("customer_id IN (SELECT customer_id FROM events WHERE channel = ?)",
          q.channel());
    }
    if (q.ids() != null) {
      where.and(IN_IDS, json(q.ids()));
    }
    Set<String> resolved = SequenceCriteria.ids(q, sequences, model);
    if (resolved != null) {
      where.and(IN_IDS, json(resolved));
    }
    return where;
  }

  private static final String IN_IDS =
      "customer_id IN (SELECT unnest(from_json(?, '[\"VARCHAR\"]')))";

  private static String json(Collection<String> ids) {
    try {
      return JSON.writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot encode customer ids: "
          + e.getMessage());
    }
  }
}
