package org.itinera.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.itinera.event.Event;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.FunnelStepResult;
import org.itinera.funnel.Funnels;
import org.itinera.path.Anchor;
import org.itinera.path.PathRow;
import org.itinera.path.PathSpec;
import org.itinera.path.Paths;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.junit.jupiter.api.Test;
import org.itinera.store.EventMoves;
import org.itinera.store.Store;
import org.junit.jupiter.api.io.TempDir;

class SequenceIndexTest {
  private static final long T = 1_700_000_000_000L;

  @TempDir
  Path dir;

  private static Event event(String customer, long ts, String name) {
    return new Event("e", customer, null, customer, ts, ts, "track", name, "web", null, null,
        null, null, null, null, null, null, null, null, null, null);
  }

  private static SequenceIndex index(Store store) {
    return SequenceIndex.build(store.newConnection(), 2);
  }

  private static List<Long> funnel(SequenceIndex index, String... steps) {
    FunnelResult r = Funnels.run(index, FunnelSpec.of(List.of(steps).stream()
        .map(FunnelStep::named).toList(), null));
    return r.steps().stream().map(FunnelStepResult::customers).toList();
  }

  @Test
  void appendedEvents_areVisibleToTheNextQuery() throws Exception {
    try (Store store = EventsTable.create(dir)) {
      Connection c = store.connection();
      EventsTable.insert(c, List.of(event("u1", T, "A")), 0);
      try (SequenceIndex index = index(store)) {
        assertThat(funnel(index, "A", "B")).containsExactly(1L, 0L);
        EventsTable.insert(c, List.of(event("u1", T + 5, "B"), event("u2", T, "A")), 1);
        assertThat(funnel(index, "A", "B")).containsExactly(2L, 1L);
        EventsTable.insert(c, List.of(event("u2", T - 10, "B")), 3); // late, out of order
        assertThat(funnel(index, "A", "B")).containsExactly(2L, 1L);
        assertThat(funnel(index, "B", "A")).containsExactly(2L, 1L);
        assertThat(index.rebuilds()).isEqualTo(1);
        assertThat(index.stats().tailEvents()).isEqualTo(3);
      }
    }
  }

  @Test
  void identityMerge_countedByTheWriter_triggersRebuild() throws Exception {
    identityMerge_triggersRebuild(true);
  }

  /** A database without the store's move count: the refresh compares older events instead. */
  @Test
  void identityMerge_inADatabaseWithoutMoveCount_isFoundByComparingOlderEvents() throws Exception {
    identityMerge_triggersRebuild(false);
  }

  private void identityMerge_triggersRebuild(boolean counted) throws Exception {
    try (Store store = EventsTable.create(dir)) {
      Connection c = store.connection();
      if (!counted) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE event_moves");
        }
      }
      EventsTable.insert(c, List.of(event("anon:x", T, "A"), event("user-1", T + 10, "C")), 0);
      try (SequenceIndex index = index(store)) {
        assertThat(funnel(index, "A", "B")).containsExactly(1L, 0L);
        try (Statement s = c.createStatement()) {
          s.execute("UPDATE events SET customer_id = 'user-1' WHERE customer_id = 'anon:x'");
        }
        if (counted) {
          EventMoves.record(c); // as the writers do after moving events
        }
        EventsTable.insert(c, List.of(event("user-1", T + 20, "B")), 2);
        assertThat(funnel(index, "A", "B")).containsExactly(1L, 1L);
        assertThat(index.rebuilds()).isEqualTo(2);
        assertThat(index.stats().customers()).isEqualTo(1);
        assertThat(funnel(index, "A", "B")).containsExactly(1L, 1L);
        assertThat(index.rebuilds()).as("no further moves, no further rebuild").isEqualTo(2);
      }
    }
  }

  @Test
  void encoding_keepsLongGapsTiesAndManyClassesExact() throws Exception {
    List<Event> events = new ArrayList<>();
    long year = 365L * 86_400_000L;
    events.add(event("u1", T, "A"));
    events.add(event("u1", T + 3 * year + 7, "B")); // gap far beyond 49.7 days
    events.add(event("u1", T + 3 * year + 7, "C")); // tie: arrival order decides
    for (int i = 0; i < 70_000; i++) {            // more classes than 16 bits hold
      events.add(event("bulk", T + i, "N" + i));
    }
    events.add(event("bulk", T + 80_000, "A"));
    events.add(event("bulk", T + 80_001, "N69999"));
    try (Store store = EventsTable.create(dir)) {
      Connection c = store.connection();
      EventsTable.insert(c, events, 0);
      try (SequenceIndex index = index(store)) {
        FunnelResult r = Funnels.run(index, FunnelSpec.of(List.of(FunnelStep.named("A"),
            FunnelStep.named("B"), FunnelStep.named("C")), null));
        assertThat(r.steps().get(2).customers()).isEqualTo(1);
        assertThat(r.steps().get(1).medianMsFromPrevious()).isEqualTo(3 * year + 7);
        assertThat(r.steps().get(2).medianMsFromPrevious()).isZero();
        assertThat(funnel(index, "C", "B")).containsExactly(1L, 0L);
        assertThat(funnel(index, "A", "N69999")).containsExactly(2L, 1L);
        assertThat(index.stats().eventClasses()).isGreaterThan(65_536);
        PathsCheck.lastPathOfBulk(index);
      }
    }
  }

  @Test
  void nonAsciiCustomerIds_resolveForTraitFilters() throws Exception {
    List<String> ids = List.of("고객-1", "Zoe", "ébène", "a", "B", "顧客");
    List<Event> events = new ArrayList<>();
    for (String id : ids) {
      events.add(event(id, T, "A"));
    }
    try (Store store = EventsTable.create(dir)) {
      Connection c = store.connection();
      EventsTable.insert(c, events, 0);
      for (String id : ids) {
        EventsTable.profile(c, id, "{\"vip\": " + !id.equals("a") + "}");
      }
      try (SequenceIndex index = index(store)) {
        FunnelResult vip = Funnels.run(index, FunnelSpec.of(List.of(FunnelStep.named("A"),
            FunnelStep.named("B")), null).withFilter(SequenceFilter.NONE.withTraits(List.of(
                PropertyPredicate.eq("vip", "true")))));
        assertThat(vip.entered()).isEqualTo(5);
        assertThat(vip.steps().get(1).droppedCustomers())
            .containsExactly("B", "Zoe", "ébène", "顧客", "고객-1");
      }
    }
  }

  /** Checks a long path through the wide-class side table. */
  private static final class PathsCheck {
    static void lastPathOfBulk(SequenceIndex index) {
      PathRow row = Paths.run(index, PathSpec.of(Anchor.to(
          org.itinera.sequence.EventPredicate.named("N69999")), 3).withTop(5)).paths().get(0);
      assertThat(row.events()).containsAnyOf("N69998", "A");
    }
  }
}
