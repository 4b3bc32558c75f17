package org.itinera.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The dense table against the hash table: same counts, customers, membership and merges. */
class PathCountsTest {

  @Property(tries = 300)
  void dense_countsAsHash(@ForAll @IntRange(min = 1, max = 6) int names,
      @ForAll @IntRange(min = 1, max = 4) int maxLength,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> draws,
      @ForAll @IntRange(min = 1, max = 5) int every) {
    PathCounts dense = PathCounts.forPaths(names, maxLength);
    PathCounts denseOther = PathCounts.forPaths(names, maxLength);
    PathCounts hash = new PathCounts();
    // customers: runs of draws, each ending where a draw is a multiple of 3
    List<Long> customer = new ArrayList<>();
    int customers = 0;
    for (int i = 0; i < draws.size(); i++) {
      customer.add(key(draws.get(i), names, maxLength));
      if (draws.get(i) % 3 == 0 || i == draws.size() - 1) {
        PathCounts part = ++customers % every == 0 ? denseOther : dense; // one partial each
        Map<Long, Integer> times = new TreeMap<>();
        for (long key : customer) {
          part.addOccurrence(key);
          hash.addOccurrence(key);
          times.merge(key, 1, Integer::sum);
        }
        times.forEach((key, n) -> {
          if (n > 1) {
            part.repeat(key, n - 1);
            hash.repeat(key, n - 1);
          }
        });
        customer.clear();
      }
    }
    dense.addAll(denseOther);
    Map<Long, List<Long>> fromHash = contents(hash);
    assertThat(contents(dense)).isEqualTo(fromHash);
    assertThat(dense.size()).isEqualTo(hash.size());
    for (int d = 0; d < 40; d++) {
      long key = key(Arbitraries.integers().between(0, Integer.MAX_VALUE).sample(), names,
          maxLength);
      assertThat(dense.contains(key)).isEqualTo(fromHash.containsKey(key));
    }
    assertThat(dense.contains(key(7, names, maxLength) | (1L << 63))).isFalse();
  }

  @Property(tries = 20)
  void forPaths_isDenseOnlyWhenEveryKeyFits(@ForAll @IntRange(min = 1, max = 400) int names,
      @ForAll @IntRange(min = 0, max = 6) int maxLength) {
    PathCounts counts = PathCounts.forPaths(names, maxLength);
    boolean fits = maxLength >= 1 && maxLength <= 4
        && Math.pow(names + 1.0, maxLength) <= PathCounts.DENSE_LIMIT;
    // (the hash table's first capacity, 1024, can equal names + 1 to the power of the length)
    assertThat(counts.dense()).isEqualTo(fits);
    if (fits) {
      assertThat(counts.capacity()).isEqualTo((int) Math.pow(names + 1.0, maxLength));
    }
  }

  /** A packed key of 1 to maxLength name ids below {@code names}, drawn from {@code r}. */
  private static long key(int r, int names, int maxLength) {
    int length = 1 + r % maxLength;
    long key = 0;
    int x = r / maxLength;
    for (int i = 0; i < length; i++) {
      key |= (long) (x % names + 1) << (16 * i);
      x /= names;
    }
    return key;
  }

  private static Map<Long, List<Long>> contents(PathCounts counts) {
    Map<Long, List<Long>> out = new TreeMap<>();
    for (int s = 0; s < counts.capacity(); s++) {
      if (counts.key(s) != 0) {
        out.put(counts.key(s), List.of(counts.count(s), counts.customers(s)));
      }
    }
    return out;
  }
}
