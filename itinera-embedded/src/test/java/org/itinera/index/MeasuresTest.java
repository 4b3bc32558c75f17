package org.itinera.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.itinera.sequence.Measure;
import org.junit.jupiter.api.Test;

class MeasuresTest {

  /** The first position in [from, end) whose value is present, by asking each position. */
  private static int naiveNext(Measures m, Measure field, int from, int end) {
    for (int p = from; p < end; p++) {
      if (!Double.isNaN(m.at(field, p))) {
        return p;
      }
    }
    return end;
  }

  @Test
  void next_findsEveryPresentValueAcrossWordsAndStopsAtTheEnd() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      int events = 1 + random.nextInt(400);
      int[] positions = random.ints(0, events).distinct().limit(random.nextInt(events) / 3)
          .sorted().toArray();
      double[][] values = new double[Measure.values().length][positions.length];
      for (double[] v : values) {
        java.util.Arrays.fill(v, Double.NaN);
      }
      for (int k = 0; k < positions.length; k++) {
        // sentiment on some, revenue on others, rating on none
        values[Measure.SENTIMENT.ordinal()][k] = random.nextBoolean() ? k / 10.0 : Double.NaN;
        values[Measure.REVENUE.ordinal()][k] = random.nextBoolean() ? k : Double.NaN;
      }
      Measures m = Measures.of(events, positions, values);
      for (Measure field : Measure.values()) {
        for (int from = 0; from <= events; from++) {
          int end = from + random.nextInt(events - from + 1);
          assertThat(m.next(field, from, end)).as("%s from %d to %d of %d", field, from, end,
              events).isEqualTo(naiveNext(m, field, from, end));
          assertThat(m.next(field, from, events)).isEqualTo(naiveNext(m, field, from, events));
        }
      }
    }
  }

  @Test
  void next_onAFieldNoEventCarries_isTheEnd() {
    Measures m = Measures.of(130, new int[] {0, 64, 129}, new double[][] {
        {0.5, Double.NaN, -0.5}, {Double.NaN, Double.NaN, Double.NaN}, {1, 2, 3}});
    assertThat(m.next(Measure.RATING, 0, 130)).isEqualTo(130);
    assertThat(m.next(Measure.SENTIMENT, 1, 130)).isEqualTo(129);
    assertThat(m.next(Measure.SENTIMENT, 1, 129)).isEqualTo(129);
    assertThat(m.next(Measure.REVENUE, 1, 100)).isEqualTo(64);
    assertThat(Measures.NONE.next(Measure.SENTIMENT, 3, 9)).isEqualTo(9);
  }
}
