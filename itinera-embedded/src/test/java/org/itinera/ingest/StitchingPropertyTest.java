package org.itinera.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.itinera.event.Event;
import org.itinera.store.Store;

/**
 * Whatever the order, the grouping into calls and restarts of the writer, every stored event and
 * identity ends up under the customer a naive reference computes: connected components of all
 * the identities ever linked, named by the smallest user id, else the smallest anonymous id.
 * This holds the bounded rewrite of renamed customers' events (FreshCustomers) to the answer of
 * rewriting everything.
 */
class StitchingPropertyTest {
  /** One API event: its ids, and an e-mail trait when it is an identify call. */
  record Action(String anon, String user, String email) {}

  @Property(tries = 25)
  void ingest_anyStreamOfLinks_storesEveryEventUnderItsReferenceCustomer(
      @ForAll("streams") List<Action> actions, @ForAll @IntRange(min = 1, max = 9) int maxCall,
      @ForAll @IntRange(min = 0, max = 80) int restartAt) throws IOException {
    Path dir = Files.createTempDirectory("stitching");
    try {
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < actions.size(); i++) {
        Action a = actions.get(i);
        events.add(IngestorTest.event("e" + i, a.anon(), a.user(), 1_000 + i,
            a.email() == null ? "track" : "identify",
            a.email() == null ? null : "{\"email\":\"" + a.email() + "\"}"));
      }
      int at = 0;
      int call = 0;
      while (at < events.size()) {
        try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
          int stop = at < restartAt ? Math.min(restartAt, events.size()) : events.size();
          while (at < stop) {
            int n = Math.min(stop - at, 1 + (call++ * 7 + at) % maxCall);
            ing.ingest(events.subList(at, at + n));
            at += n;
          }
        }
      }
      Map<String, String> expected = reference(actions);
      try (Store store = Store.open(dir); Connection c = store.newConnection();
          Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT event_id, customer_id FROM events")) {
          int seen = 0;
          while (rs.next()) {
            Action a = actions.get(Integer.parseInt(rs.getString(1).substring(1)));
            assertThat(rs.getString(2)).as("customer of %s %s", rs.getString(1), a)
                .isEqualTo(expected.get(firstId(a)));
            seen++;
          }
          assertThat(seen).isEqualTo(actions.size());
        }
        try (ResultSet rs = st.executeQuery("SELECT identity, customer_id FROM identities")) {
          while (rs.next()) {
            assertThat(rs.getString(2)).as(rs.getString(1)).isEqualTo(expected.get(rs.getString(1)));
          }
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String firstId(Action a) {
    return a.user() != null ? "user:" + a.user() : "anon:" + a.anon();
  }

  /** Union-find over every identity, then IdentityGraph's naming rule per component. */
  static Map<String, String> reference(List<Action> actions) {
    Map<String, String> parent = new HashMap<>();
    for (Action a : actions) {
      List<String> ids = new ArrayList<>();
      if (a.user() != null) {
        ids.add("user:" + a.user());
      }
      if (a.anon() != null) {
        ids.add("anon:" + a.anon());
      }
      if (a.email() != null) {
        ids.add("email:" + a.email());
      }
      for (String id : ids) {
        parent.putIfAbsent(id, id);
        union(parent, ids.get(0), id);
      }
    }
    Map<String, List<String>> members = new HashMap<>();
    for (String id : parent.keySet()) {
      members.computeIfAbsent(find(parent, id), k -> new ArrayList<>()).add(id);
    }
    Map<String, String> nameOf = new HashMap<>();
    for (List<String> component : members.values()) {
      String name = component.stream().filter(i -> i.startsWith("user:")).map(i -> i.substring(5))
          .min(Comparator.naturalOrder())
          .or(() -> component.stream().filter(i -> i.startsWith("anon:"))
              .min(Comparator.naturalOrder()))
          .orElseGet(() -> component.stream().min(Comparator.naturalOrder()).orElseThrow());
      component.forEach(i -> nameOf.put(i, name));
    }
    return nameOf;
  }

  private static String find(Map<String, String> parent, String x) {
    while (!parent.get(x).equals(x)) {
      x = parent.get(x);
    }
    return x;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    parent.put(find(parent, a), find(parent, b));
  }

  @Provide
  Arbitrary<List<Action>> streams() {
    Arbitrary<String> anon = Arbitraries.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7")
        .injectNull(0.2);
    Arbitrary<String> user = Arbitraries.of("u0", "u1", "u2", "u3", "u4").injectNull(0.6);
    Arbitrary<String> email = Arbitraries.of("e0@x.com", "e1@x.com", "e2@x.com")
        .injectNull(0.7);
    return Combinators.combine(anon, user, email)
        .as((a, u, e) -> a == null && u == null ? new Action("a0", null, e) : new Action(a, u, e))
        .list().ofMinSize(1).ofMaxSize(60);
  }
}
