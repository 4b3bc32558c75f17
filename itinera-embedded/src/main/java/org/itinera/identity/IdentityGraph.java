package org.itinera.identity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identity graph as connected components, kept in memory by the single writer.
 *
 * <p>Design notes. Every identity ({@code user:U}, {@code anon:A}, {@code email:E}, {@code
 * phone:P}) belongs to exactly one component; a component is one customer. Linking identities
 * merges their components, so links are transitive. A component's name, the canonical {@code
 * customer_id}, is a pure function of its members: the smallest user id if it has one, else
 * {@code anon:} plus the smallest anonymous id, else the smallest identity. Because the name does
 * not depend on arrival order, replaying the same events in any order yields the same customer
 * ids, and the store can rewrite a renamed customer's past events with one UPDATE per rename.
 *
 * <p>Changes since the last {@link #drainChanges()} are collected so the writer persists them in
 * the same transaction as the events that caused them.
 */
public final class IdentityGraph {
  private final Map<String, String> customerOf = new HashMap<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final Map<String, String> changedIdentities = new LinkedHashMap<>();
  private final Map<String, String> renames = new LinkedHashMap<>();

  /** Everything that changed since the last drain: identities to upsert, customers renamed. */
  public record Changes(Map<String, String> identities, Map<String, String> renames) {
    public Changes {
      identities = Map.copyOf(identities);
      renames = Map.copyOf(renames);
    }

    public boolean isEmpty() {
      return identities.isEmpty() && renames.isEmpty();
    }
  }

  /** Loads the persisted graph. */
  public static IdentityGraph load(Connection connection) throws SQLException {
    IdentityGraph graph = new IdentityGraph();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT identity, customer_id FROM identities")) {
      while (rs.next()) {
        String identity = rs.getString(1);
        String customer = rs.getString(2);
        graph.customerOf.put(identity, customer);
        graph.members.computeIfAbsent(customer, k -> new HashSet<>()).add(identity);
      }
    }
    return graph;
  }

  public static String user(String userId) {
    return "user:" + userId;
  }

  public static String anonymous(String anonymousId) {
    return "anon:" + anonymousId;
  }

  /** The customer an identity belongs to now, or null if never seen. */
  public String customerOf(String identity) {
    return customerOf.get(identity);
  }

  /** Members of a customer's component (a copy). */
  public Set<String> identitiesOf(String customerId) {
    return Set.copyOf(members.getOrDefault(customerId, Set.of()));
  }

  public int customerCount() {
    return members.size();
  }

  /**
   * Puts all given identities into one component, merging components as needed, and returns the
   * component's current name. Null entries are ignored; at least one identity is required.
   */
  public String link(List<String> identities) {
    String known = knownTogether(identities);
    if (known != null) {
      return known;
    }
    List<String> ids = new ArrayList<>(identities.size());
    for (String id : identities) {
      if (id != null) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("link needs at least one identity");
    }
    Set<String> customers = new HashSet<>();
    for (String id : ids) {
      String c = customerOf.get(id);
      if (c != null) {
        customers.add(c);
      }
    }
    if (customers.size() == 1 && ids.stream().allMatch(customerOf::containsKey)) {
      return customers.iterator().next();
    }
    Set<String> merged = new HashSet<>(ids);
    for (String c : customers) {
      merged.addAll(members.remove(c));
    }
    String name = nameOf(merged);
    for (String c : customers) {
      if (!c.equals(name)) {
        renames.put(c, name);
      }
    }
    for (String id : merged) {
      String old = customerOf.put(id, name);
      if (!name.equals(old)) {
        changedIdentities.put(id, name);
      }
    }
    members.put(name, merged);
    return name;
  }

  /**
   * The customer of the identities if every one is known and all are in one component (the
   * common case of a returning customer: nothing changes), else null. Allocates nothing, since
   * a bulk load asks this for hundreds of thousands of identity tuples.
   */
  private String knownTogether(List<String> identities) {
    String customer = null;
    for (int i = 0; i < identities.size(); i++) {
      String id = identities.get(i);
      if (id == null) {
        continue;
      }
      String c = customerOf.get(id);
      if (c == null || (customer != null && !customer.equals(c))) {
        return null;
      }
      customer = c;
    }
    return customer;
  }

  /** Takes over another graph's state, dropping unpersisted changes (after a rollback). */
  public void replaceWith(IdentityGraph other) {
    customerOf.clear();
    customerOf.putAll(other.customerOf);
    members.clear();
    members.putAll(other.members);
    changedIdentities.clear();
    renames.clear();
  }

  /** Returns and forgets the changes since the last call; renames are collapsed to final names. */
  public Changes drainChanges() {
    Map<String, String> finalRenames = new LinkedHashMap<>();
    for (String old : renames.keySet()) {
      String target = renames.get(old);
      Set<String> seen = new HashSet<>();
      while (renames.containsKey(target) && seen.add(target)) {
        target = renames.get(target);
      }
      if (!old.equals(target)) {
        finalRenames.put(old, target);
      }
    }
    Changes changes = new Changes(changedIdentities, finalRenames);
    changedIdentities.clear();
    renames.clear();
    return changes;
  }

  static String nameOf(Set<String> identities) {
    String bestUser = null;
    String bestAnon = null;
    String best = null;
    for (String id : identities) {
      if (id.startsWith("user:")) {
        String u = id.substring(5);
        if (bestUser == null || u.compareTo(bestUser) < 0) {
          bestUser = u;
        }
      } else if (id.startsWith("anon:")) {
        if (bestAnon == null || id.compareTo(bestAnon) < 0) {
          bestAnon = id;
        }
      } else if (best == null || id.compareTo(best) < 0) {
        best = id;
      }
    }
    return bestUser != null ? bestUser : bestAnon != null ? bestAnon : best;
  }
}
