package org.itinera.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a read query with bound parameters and hands back its rows as values, so that query
 * classes read as their SQL and not as JDBC plumbing. For reports: the results are small
 * aggregates, read fully.
 */
public final class Rows {
  private Rows() {}

  /**
   * All rows of {@code sql}. Its {@code ?}s take {@code params} in order; a {@link SqlWhere}
   * among them stands for its own values, so a clause can sit anywhere in the statement.
   */
  public static List<Row> all(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int next = 1;
      for (Object p : params) {
        if (p instanceof SqlWhere w) {
          next = w.bind(ps, next);
        } else {
          ps.setObject(next++, p);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
          Object[] values = new Object[n];
          for (int i = 0; i < n; i++) {
            values[i] = rs.getObject(i + 1);
          }
          rows.add(new Row(values));
        }
        return rows;
      }
    }
  }

  /** The single row of an aggregate query. */
  public static Row one(Connection c, String sql, Object... params) throws SQLException {
    List<Row> rows = all(c, sql, params);
    if (rows.size() != 1) {
      throw new SQLException("expected one row, got " + rows.size() + " from: " + sql);
    }
    return rows.get(0);
  }

  /** One row; columns are 1-based as in JDBC. Null numbers read as 0 unless asked nullable. */
  public static final class Row {
    private final Object[] values;

    Row(Object[] values) {
      this.values = values;
    }

    public Object get(int col) {
      return values[col - 1];
    }

    public String getString(int col) {
      Object v = get(col);
      return v == null ? null : v.toString();
    }

    public long getLong(int col) {
      Object v = get(col);
      return v == null ? 0 : ((Number) v).longValue();
    }

    public double getDouble(int col) {
      Object v = get(col);
      return v == null ? 0 : ((Number) v).doubleValue();
    }

    public Double nullableDouble(int col) {
      Object v = get(col);
      return v == null ? null : ((Number) v).doubleValue();
    }

    public LocalDate date(int col) {
      Object v = get(col);
      if (v == null) {
        return null;
      }
      if (v instanceof LocalDate d) {
        return d;
      }
      if (v instanceof java.sql.Date d) {
        return d.toLocalDate();
      }
      if (v instanceof Timestamp t) {
        return t.toLocalDateTime().toLocalDate();
      }
      return LocalDate.parse(v.toString());
    }

    /** A TIMESTAMP column (UTC wall-clock) as an ISO-8601 instant, e.g. 2026-05-01T10:00:00Z. */
    public String instant(int col) {
      Object v = get(col);
      if (v == null) {
        return null;
      }
      long ms = v instanceof Timestamp t ? EventRows.millis(t)
          : v instanceof java.time.LocalDateTime l
              ? l.toInstant(java.time.ZoneOffset.UTC).toEpochMilli()
              : EventRows.millis(Timestamp.valueOf(v.toString()));
      return Instant.ofEpochMilli(ms).toString();
    }

    public List<String> strings(int col) throws SQLException {
      Object v = get(col);
      List<String> out = new ArrayList<>();
      if (v instanceof java.sql.Array a) {
        for (Object o : (Object[]) a.getArray()) {
          if (o != null) {
            out.add(o.toString());
          }
        }
      } else if (v instanceof Object[] arr) {
        for (Object o : arr) {
          if (o != null) {
            out.add(o.toString());
          }
        }
      }
      return out;
    }
  }
}
