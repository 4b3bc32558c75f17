package org.itinera.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Appending batch after batch to the tail keeps it sorted as one sort of every row would. */
class TailTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void plus_mergesBatchesIntoCustomerTimeSeqOrder(long seed) {
    Random r = new Random(seed);
    List<Tail.Row> all = new ArrayList<>();
    Tail tail = Tail.EMPTY;
    long seq = 0;
    for (int batch = 0; batch < 6; batch++) {
      List<Tail.Row> rows = new ArrayList<>();
      for (int i = r.nextInt(30); i > 0; i--) {
        rows.add(new Tail.Row(r.nextInt(8), r.nextInt(5), seq++, r.nextInt(4), r.nextDouble(),
            Double.NaN, i));
      }
      tail = tail.plus(rows);
      all.addAll(rows);
    }
    all.sort(Comparator.comparingInt(Tail.Row::customer).thenComparingLong(Tail.Row::ts)
        .thenComparingLong(Tail.Row::seq));
    assertThat(tail.size()).isEqualTo(all.size());
    for (int i = 0; i < all.size(); i++) {
      Tail.Row e = all.get(i);
      assertThat(List.of(tail.customer(i), tail.ts(i), tail.seq(i), tail.eventClass(i),
          tail.measure(org.itinera.sequence.Measure.SENTIMENT, i),
          tail.measure(org.itinera.sequence.Measure.REVENUE, i)))
          .isEqualTo(List.of(e.customer(), e.ts(), e.seq(), e.cls(), e.sentiment(), e.revenue()));
    }
    for (int c = 0; c < 8; c++) {
      int first = tail.first(c);
      assertThat(first == tail.size() || tail.customer(first) >= c).isTrue();
      assertThat(first == 0 || tail.customer(first - 1) < c).isTrue();
    }
  }
}
