package org.itinera.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The radix-select quantiles against sorting every value. */
class DurationsTest {

  @Property(tries = 300)
  void quantiles_matchNearestRankOfSortedValues(
      @ForAll @Size(min = 1, max = 3000)
          List<@LongRange(min = 0, max = 40_000_000_000L) Long> values,
      @ForAll @IntRange(min = 1, max = 4) int parts) {
    Durations[] split = new Durations[parts];
    for (int p = 0; p < parts; p++) {
      split[p] = new Durations();
    }
    for (int i = 0; i < values.size(); i++) {
      split[i % parts].add(values.get(i));
    }
    Durations all = split[0];
    for (int p = 1; p < parts; p++) {
      all.addAll(split[p]);
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    double[] qs = {0.5, 0.9, 0.5, 1.0, 0.01};
    Long[] got = all.quantiles(qs);
    for (int k = 0; k < qs.length; k++) {
      assertThat(got[k]).as("q %s of %s", qs[k], Arrays.toString(sorted))
          .isEqualTo(sorted[(int) Math.ceil(qs[k] * sorted.length) - 1]);
    }
  }

  @Test
  void quantiles_ofEmptyAreNull_andOfEqualValuesAreThatValue() {
    assertThat(new Durations().quantiles(0.5, 0.9)).containsExactly(null, null);
    Durations same = new Durations();
    for (int i = 0; i < 100; i++) {
      same.add(7);
    }
    same.addAll(new Durations());
    assertThat(same.quantiles(0.5, 0.9)).containsExactly(7L, 7L);
  }
}
