package org.itinera.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.store.Store;

/** Reads the store in tests: rows as column-name maps. */
final class Db {
  private Db() {}

  static List<Map<String, Object>> rows(Store store, String sql) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = store.newConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.put(rs.getMetaData().getColumnLabel(i), v == null ? null : v.toString());
        }
        out.add(row);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  static Map<String, Object> row(Store store, String sql) {
    List<Map<String, Object>> rows = rows(store, sql);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row from " + sql + ", got " + rows);
    }
    return rows.get(0);
  }

  static long count(Store store, String sql) {
    return Long.parseLong(String.valueOf(row(store, sql).values().iterator().next()));
  }
}
