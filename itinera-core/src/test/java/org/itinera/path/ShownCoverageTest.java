package org.itinera.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The one-pass coverage tally against marking events by hand, on customers with up to 150
 * distinct paths (several times the candidates), split over partials that buffer little or much.
 */
class ShownCoverageTest {

  /** One occurrence: a packed key and its first position. */
  record Occurrence(long key, int first) {}

  @Provide
  Arbitrary<List<List<Occurrence>>> customers() {
    // skewed like real paths: key k of 150 drawn with density falling as k^(-2/3)
    Arbitrary<Long> key = Arbitraries.integers().between(0, 149)
        .map(u -> key((int) ((long) u * u * u / (150 * 150))));
    Arbitrary<Occurrence> occurrence = Combinators.combine(key,
        Arbitraries.integers().between(0, 12)).as(Occurrence::new);
    return occurrence.list().ofMaxSize(8).list().ofMinSize(100).ofMaxSize(600);
  }

  @Property(tries = 300)
  void finish_matchesMarkingByHand(@ForAll("customers") List<List<Occurrence>> customers,
      @ForAll @IntRange(min = 100, max = 400) int budget,
      @ForAll @IntRange(min = 1, max = 4) int parts, @ForAll @IntRange(min = 1, max = 16) int top,
      @ForAll @IntRange(min = 0, max = 2) int skip, @ForAll boolean dense) {
    List<ShownCoverage> tallies = new ArrayList<>();
    List<PathCounts> counts = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      tallies.add(new ShownCoverage(budget));
      counts.add(dense ? PathCounts.forPaths(7, 3) : new PathCounts()); // keys: see key(int)
    }
    Map<Long, Long> total = new HashMap<>();
    for (int c = 0; c < customers.size(); c++) {
      ShownCoverage tally = tallies.get(c % parts);
      tally.beginCustomer(20);
      for (Occurrence o : customers.get(c)) {
        counts.get(c % parts).addOccurrence(o.key());
        tally.occurrence(o.key(), o.first());
        total.merge(o.key(), 1L, Long::sum);
      }
      tally.endCustomer(counts.get(c % parts));
    }
    ShownCoverage merged = tallies.get(0);
    for (int p = 1; p < parts; p++) {
      merged = merged.merge(tallies.get(p));
    }
    // the most frequent paths, as a query shows them, past the first few to vary the set
    List<Long> shown = total.entrySet().stream()
        .sorted(Map.Entry.<Long, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .skip(skip).limit(top).map(Map.Entry::getKey).toList();
    long[] actual = merged.finish(shown.stream().mapToLong(Long::longValue).toArray());

    Set<Long> shownSet = new HashSet<>(shown);
    long customersCovered = 0;
    long eventsCovered = 0;
    long withPaths = 0;
    for (List<Occurrence> customer : customers) {
      boolean[] marks = new boolean[20];
      boolean any = false;
      for (Occurrence o : customer) {
        if (shownSet.contains(o.key())) {
          any = true;
          for (int i = o.first(); i < o.first() + PathKeys.length(o.key()); i++) {
            marks[i] = true;
          }
        }
      }
      withPaths += customer.isEmpty() ? 0 : 1;
      customersCovered += any ? 1 : 0;
      for (boolean m : marks) {
        eventsCovered += m ? 1 : 0;
      }
    }
    assertThat(merged.customers).isEqualTo(withPaths);
    assertThat(merged.events).isEqualTo(20L * customers.size());
    boolean picked = false;
    for (int p = 0; p < parts; p++) {
      int occurrences = 0;
      for (int c = p; c < customers.size(); c += parts) {
        occurrences += customers.get(c).size();
      }
      picked |= occurrences >= budget;
    }
    if (actual == null) {
      assertThat(picked).as("only a partial that picked candidates may not tell").isTrue();
    } else {
      assertThat(actual).containsExactly(customersCovered, eventsCovered);
    }
    Statistics.label("outcome").collect(actual == null ? "second pass needed"
        : picked ? "exact after picking candidates" : "exact from buffers");
    Statistics.label("outcome").coverage(c -> {
      c.check("exact after picking candidates").percentage(p -> p > 30);
      c.check("exact from buffers").percentage(p -> p > 5);
    });
  }

  /** Key {@code r} of 300: one to three name ids below 7 (so the key has at most 3 events). */
  private static long key(int r) {
    int length = 1 + r % 3;
    long key = 0;
    int x = r / 3;
    for (int i = 0; i < length; i++) {
      key |= (long) (x % 7 + 1) << (16 * i);
      x /= 7;
    }
    return key;
  }

  @Property(tries = 20)
  void finish_isExactWhenTheShownPathsAreAmongTheCandidates(
      @ForAll @IntRange(min = 1, max = 32) int top) {
    // path k of 100 is one customer's only path 100 - k times, dealt in rounds; after the 3,000
    // buffered occurrences paths 0 to 63 lead, so they become the candidates
    ShownCoverage tally = new ShownCoverage(3000);
    PathCounts counts = new PathCounts();
    for (int round = 0; round < 100; round++) {
      for (int k = 0; k < 100 - round; k++) {
        tally.beginCustomer(3);
        counts.addOccurrence(key(3 * k + 2));
        tally.occurrence(key(3 * k + 2), 0);
        tally.endCustomer(counts);
      }
    }
    long[] shown = new long[top];
    long customers = 0;
    for (int k = 0; k < top; k++) {
      shown[k] = key(3 * k + 2);
      customers += 100 - k;
    }
    assertThat(tally.finish(shown)).containsExactly(customers, 3 * customers);
    assertThat(tally.finish(new long[] {key(3 * 70 + 2)})).as("path 70 is no candidate").isNull();
  }

  @Property(tries = 3)
  void finish_countsCustomersPastTheMaskListLimit(@ForAll @IntRange(min = 0, max = 3) int shown) {
    // 5.6M customers, each with two paths of four (positions 0 and 5), so that more than 4.2M
    // customers have two candidates and their masks are folded at least once
    ShownCoverage tally = new ShownCoverage(100);
    PathCounts counts = new PathCounts();
    long customers = 0;
    long events = 0;
    for (int i = 0; i < 5_600_000; i++) {
      long a = key(3 * (i % 4) + 1);
      long b = key(3 * ((i / 4) % 4) + 1);
      tally.beginCustomer(10);
      counts.addOccurrence(a);
      tally.occurrence(a, 0);
      counts.addOccurrence(b);
      tally.occurrence(b, 5);
      tally.endCustomer(counts);
      boolean inA = i % 4 == shown;
      boolean inB = (i / 4) % 4 == shown;
      customers += inA || inB ? 1 : 0;
      events += (inA ? 2 : 0) + (inB ? 2 : 0);
    }
    assertThat(tally.finish(new long[] {key(3 * shown + 1)})).containsExactly(customers, events);
  }
}
