package org.itinera.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The ranking's threshold: the top-th largest count, found without sorting every count. */
class PathAnalysisTest {

  @Property(tries = 300)
  void topmost_isTheKthLargest(
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 1, max = 40) Integer> counts,
      @ForAll @IntRange(min = 1, max = 300) int k) {
    int top = Math.min(k, counts.size());
    long[] values = counts.stream().mapToLong(Integer::longValue).toArray();
    long expected = counts.stream().sorted((a, b) -> b - a).skip(top - 1).findFirst().orElseThrow();
    assertThat(PathAnalysis.topmost(values, values.length, top)).isEqualTo(expected);
  }
}
