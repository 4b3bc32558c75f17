package org.itinera.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause built from structure: each condition is SQL text written in the calling code
 * (fixed column names and {@code ?} placeholders), and every value travels as a bound parameter.
 * Nothing a user sends is ever pasted into the SQL text.
 */
public final class SqlWhere {
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** Adds {@code condition} (constant SQL with one {@code ?} per value) joined by AND. */
  public SqlWhere and(String condition, Object... boundValues) {
    long marks = condition.chars().filter(c -> c == '?').count();
    if (marks != boundValues.length) {
      throw new IllegalArgumentException("condition '" + condition + "' has " + marks
          + " placeholders but " + boundValues.length + " values");
    }
    conditions.add("(" + condition + ")");
    values.addAll(List.of(boundValues));
    return this;
  }

  /** {@code " WHERE a AND b"}, or an empty string when there are no conditions. */
  public String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** The conditions joined by AND for use after an existing WHERE, or {@code TRUE}. */
  public String conjunction() {
    return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
  }

  /** Binds the values from parameter index {@code first}; returns the next free index. */
  public int bind(PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Object v : values) {
      ps.setObject(i++, v);
    }
    return i;
  }

  public SqlWhere copy() {
    SqlWhere c = new SqlWhere();
    c.conditions.addAll(conditions);
    c.values.addAll(values);
    return c;
  }
}
