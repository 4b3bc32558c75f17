package org.itinera.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.itinera.event.Event;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.InMemorySource;
import org.itinera.sequence.TestEvents;
import org.junit.jupiter.api.Test;

class RetentionTest {
  private static final long DAY = 86_400_000L;
  private static final long W0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(); // Monday

  @Test
  void weekly_handComputed_withUnobservablePeriodsAsNull() {
    TestEvents e = new TestEvents()
        .add("u1", W0 + DAY, "A").add("u1", W0 + 8 * DAY, "B").add("u1", W0 + 9 * DAY, "B")
        .add("u1", W0 + 22 * DAY, "B")
        .add("u2", W0 + 7 * DAY - 3_600_000, "A").add("u2", W0 + 7 * DAY, "B")
        .add("u3", W0 + 7 * DAY, "A").add("u3", W0 + 14 * DAY, "B");
    RetentionResult r = Retention.run(e.source(), RetentionSpec.of(Period.WEEK, 4));
    assertThat(r.cohorts()).hasSize(2);
    CohortRow first = r.cohorts().get(0);
    assertThat(first.start()).isEqualTo("2024-01-01");
    assertThat(first.retained()).containsExactly(2L, 2L, 0L, 1L, null);
    CohortRow second = r.cohorts().get(1);
    assertThat(second.start()).isEqualTo("2024-01-08");
    assertThat(second.retained()).containsExactly(1L, 1L, 0L, null, null);
    assertThat(r.average()).containsExactly(1.0, 1.0, 0.0, 0.5, null);
  }

  @Test
  void monthly_withChosenCohortAndReturnEvents() {
    long jan31 = Instant.parse("2024-01-31T23:59:59Z").toEpochMilli();
    long feb1 = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
    long mar5 = Instant.parse("2024-03-05T00:00:00Z").toEpochMilli();
    TestEvents e = new TestEvents().add("u1", jan31 - DAY, "Visit").add("u1", jan31, "Signup")
        .add("u1", feb1, "Visit").add("u1", mar5, "Order");
    RetentionSpec spec = RetentionSpec.of(Period.MONTH, 2)
        .withCohortEvent(EventPredicate.named("Signup"))
        .withReturnEvent(EventPredicate.named("Order"));
    RetentionResult r = Retention.run(e.source(), spec);
    assertThat(r.cohorts()).singleElement().satisfies(c -> {
      assertThat(c.start()).isEqualTo("2024-01-01");
      assertThat(c.retained()).containsExactly(1L, 0L, 1L);
    });
  }

  @Provide
  Arbitrary<List<Event>> streams() {
    Arbitrary<Event> event = Combinators.combine(Arbitraries.integers().between(0, 8),
        Arbitraries.longs().between(0, 120 * DAY), Arbitraries.of("A", "B"))
        .as((c, t, n) -> TestEvents.event(0, "c" + c, W0 + t, "track", n, "web", null, null));
    return event.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 300)
  void engine_matchesNaiveReference(@ForAll("streams") List<Event> events,
      @ForAll Period period) {
    RetentionSpec spec = RetentionSpec.of(period, 6).withReturnEvent(EventPredicate.named("B"));
    RetentionResult actual = Retention.run(new InMemorySource(events, Map.of(), 2), spec);

    Map<String, List<Event>> byCustomer = new TreeMap<>();
    events.forEach(e -> byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e));
    int last = period.index(events.stream().mapToLong(Event::ts).max().orElseThrow());
    TreeMap<Integer, long[]> expected = new TreeMap<>();
    for (List<Event> list : byCustomer.values()) {
      list.sort(Comparator.comparingLong(Event::ts));
      int c = period.index(list.get(0).ts());
      long[] counts = expected.computeIfAbsent(c, k -> new long[7]);
      counts[0]++;
      boolean[] seen = new boolean[7];
      for (Event e : list.subList(1, list.size())) {
        int k = period.index(e.ts()) - c;
        if (k >= 1 && k <= 6 && e.name().equals("B")) {
          seen[k] = true;
        }
      }
      for (int k = 1; k <= 6; k++) {
        counts[k] += seen[k] ? 1 : 0;
      }
    }
    assertThat(actual.cohorts()).hasSize(expected.size());
    int row = 0;
    for (var e : expected.entrySet()) {
      CohortRow r = actual.cohorts().get(row++);
      assertThat(r.start()).isEqualTo(period.firstDay(e.getKey()).toString());
      for (int k = 0; k <= 6; k++) {
        assertThat(r.retained().get(k))
            .isEqualTo(e.getKey() + k <= last ? Long.valueOf(e.getValue()[k]) : null);
      }
    }
    assertThat(Arrays.asList(period.index(period.start(5)), period.index(period.start(5) - 1)))
        .containsExactly(5, 4);
  }
}
