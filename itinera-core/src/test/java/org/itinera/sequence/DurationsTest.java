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

  /**
   * A large distribution is counted and collected in groups of segments, in parallel: the same
   * answers as sorting, for quantiles that share a bucket and for the extremes.
   */
  @Test
  void quantiles_ofManyValues_matchSorting() {
    java.util.Random r = new java.util.Random(7);
    long[] values = new long[2_200_000]; // past the size counted in parallel groups
    Durations[] parts = {new Durations(), new Durations(), new Durations()};
    for (int i = 0; i < values.length; i++) {
      values[i] = r.nextInt(10) == 0 ? r.nextInt(1000)
          : (long) Math.exp(r.nextGaussian() * 2 + 12);
      parts[i % 3].add(values[i]);
    }
    parts[0].addAll(parts[1]);
    parts[0].addAll(parts[2]);
    Arrays.sort(values);
    double[] qs = {0.5, 0.9, 0.99, 1.0, 0.000001, 0.5, 0.5000001};
    Long[] got = parts[0].quantiles(qs);
    for (int k = 0; k < qs.length; k++) {
      assertThat(got[k]).as("q %s", qs[k])
          .isEqualTo(values[(int) Math.ceil(qs[k] * values.length) - 1]);
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

  /**
   * Large distributions span several segments, merges share them, and adds after a merge or a
   * quantile query, and a serialisation round trip, keep every value.
   */
  @Property(tries = 20)
  void manySegments_mergesAddsAfterMergeAndSerialisation_keepEveryValue(
      @ForAll @IntRange(min = 1, max = 120_000) int n, @ForAll @IntRange(min = 1, max = 4) int parts,
      @ForAll long seed) throws Exception {
    java.util.Random random = new java.util.Random(seed);
    long[] values = new long[n];
    Durations[] split = new Durations[parts];
    for (int p = 0; p < parts; p++) {
      split[p] = new Durations();
    }
    int half = n / 2;
    for (int i = 0; i < half; i++) {
      values[i] = random.nextInt(1_000_000_000);
      split[i % parts].add(values[i]);
    }
    Durations all = split[0];
    all.quantiles(0.5); // a query in between must not lose the open segment's values
    for (int p = 1; p < parts; p++) {
      all.addAll(split[p]);
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(all);
    }
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      all = (Durations) in.readObject();
    }
    for (int i = half; i < n; i++) {
      values[i] = random.nextInt(1_000_000_000);
      all.add(values[i]);
    }
    Arrays.sort(values);
    assertThat(all.size()).isEqualTo(n);
    double[] qs = {0.5, 0.9, 1.0, 1e-6};
    Long[] got = all.quantiles(qs);
    for (int k = 0; k < qs.length; k++) {
      assertThat(got[k]).isEqualTo(values[(int) Math.ceil(qs[k] * n) - 1]);
    }
  }
}
