package org.itinera.index;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.itinera.sequence.PropertyPredicate;

/**
 * A {@link PropertyPredicate} as a SQL condition on a JSON column. Built only from structure: the
 * column is one of two constants, the JSON path and every value are bound parameters, so nothing a
 * user typed is pasted into SQL. The semantics match {@link PropertyPredicate#test}: a missing key
 * or JSON null never matches, text comparisons for eq/ne/in, numeric ones for gt/gte/lt/lte.
 */
record PredicateSql(String sql, List<Object> params) {

  enum Column {
    PROPERTIES("properties"), TRAITS("traits");

    final String sql;

    Column(String sql) {
      this.sql = sql;
    }
  }

  static PredicateSql of(PropertyPredicate p, Column column) {
    StringBuilder path = new StringBuilder("$");
    for (String key : p.keys()) {
      path.append(".\"").append(key).append('"');
    }
    String text = "json_extract_string(" + column.sql + ", ?)";
    String number = "TRY_CAST(" + text + " AS DOUBLE)";
    List<Object> params = new ArrayList<>();
    params.add(path.toString());
    String sql = switch (p.op()) {
      case EQ -> text + " = ?";
      case NE -> text + " <> ?";
      case IN -> text + " IN (" + String.join(", ", p.values().stream().map(v -> "?").toList())
          + ")";
      case GT -> number + " > ?";
      case GTE -> number + " >= ?";
      case LT -> number + " < ?";
      case LTE -> number + " <= ?";
      case EXISTS -> text + " IS NOT NULL";
    };
    switch (p.op()) {
      case EQ, NE, IN -> params.addAll(p.values());
      case GT, GTE, LT, LTE -> params.add(Double.parseDouble(p.values().get(0)));
      case EXISTS -> { }
    }
    return new PredicateSql("(" + sql + ")", params);
  }

  /** All of {@code predicates} (true when empty). */
  static PredicateSql all(List<PropertyPredicate> predicates, Column column) {
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (PropertyPredicate p : predicates) {
      PredicateSql one = of(p, column);
      parts.add(one.sql());
      params.addAll(one.params());
    }
    return new PredicateSql(parts.isEmpty() ? "TRUE" : String.join(" AND ", parts), params);
  }

  /** Binds the parameters starting at index {@code first}; returns the next free index. */
  int bind(PreparedStatement s, int first) throws SQLException {
    int i = first;
    for (Object v : params) {
      s.setObject(i++, v);
    }
    return i;
  }
}
