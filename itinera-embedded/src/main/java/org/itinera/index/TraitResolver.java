package org.itinera.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.CustomerLabels;
import org.itinera.sequence.PropertyPredicate;

/**
 * Customer-level conditions, evaluated by DuckDB over the {@code profiles} table's traits and
 * mapped to customer ordinals: segment filters become a bit set, breakdowns become labels. A
 * customer without a profile has no traits, so no trait predicate holds for it.
 */
final class TraitResolver {
  private final Connection connection;
  private final Customers customers;

  TraitResolver(Connection connection, Customers customers) {
    this.connection = connection;
    this.customers = customers;
  }

  /** Customers whose traits satisfy every predicate. */
  BitSet matching(List<PropertyPredicate> predicates) throws SQLException {
    PredicateSql where = PredicateSql.all(predicates, PredicateSql.Column.TRAITS);
    BitSet out = new BitSet(customers.count());
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT customer_id FROM profiles WHERE " + where.sql())) {
      where.bind(s, 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int c = customers.ordinal(r.getString(1));
          if (c >= 0) {
            out.set(c);
          }
        }
      }
    }
    return out;
  }

  CustomerLabels labels(Breakdown b) throws SQLException {
    int[] labelOf = new int[customers.count()];
    if (b.kind() == Breakdown.Kind.SEGMENTS) {
      List<List<PropertyPredicate>> segments = new ArrayList<>(b.segments().values());
      for (int k = segments.size() - 1; k >= 0; k--) { // earlier segments win: assign them last
        BitSet in = matching(segments.get(k));
        for (int c = in.nextSetBit(0); c >= 0; c = in.nextSetBit(c + 1)) {
          labelOf[c] = k + 1;
        }
      }
      return new CustomerLabels(labelOf, b.labelNames(List.of()));
    }
    PredicateSql exists = PredicateSql.of(new PropertyPredicate(b.key(),
        PropertyPredicate.Op.EXISTS, List.of()), PredicateSql.Column.TRAITS);
    String[] value = new String[labelOf.length];
    Set<String> distinct = new HashSet<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT customer_id, "
        + "json_extract_string(traits, ?) FROM profiles WHERE " + exists.sql())) {
      s.setString(1, (String) exists.params().get(0));
      exists.bind(s, 2);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int c = customers.ordinal(r.getString(1));
          if (c >= 0) {
            value[c] = r.getString(2);
            distinct.add(value[c]);
          }
        }
      }
    }
    List<String> names = b.labelNames(distinct);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      ids.put(names.get(i), i);
    }
    for (int c = 0; c < labelOf.length; c++) {
      labelOf[c] = value[c] == null ? 0 : ids.get(value[c]);
    }
    return new CustomerLabels(labelOf, names);
  }
}
