package org.itinera.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CustomersTest {

  private static String[] sortedIds(long seed, int n) {
    Random r = new Random(seed);
    String longPrefix = "x".repeat(300);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = switch (r.nextInt(4)) {
        case 0 -> "cust_" + String.format("%08d", r.nextInt(1_000_000));
        case 1 -> longPrefix + r.nextInt(1000);
        case 2 -> "고객-" + r.nextInt(500);
        default -> "anon:" + Long.toHexString(r.nextLong());
      };
      ids.add(id);
    }
    return ids.stream().distinct().sorted((a, b) -> Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))
        .toArray(String[]::new);
  }

  @Test
  void frontCoding_roundTripsIdsAndOrdinals() {
    String[] ids = sortedIds(1, 2000);
    Customers c = Customers.ofSorted(ids);
    assertThat(c.count()).isEqualTo(ids.length);
    for (int i = 0; i < ids.length; i++) {
      assertThat(c.id(i)).isEqualTo(ids[i]);
      assertThat(c.ordinal(ids[i])).isEqualTo(i);
    }
    assertThat(c.ordinal("cust_")).isEqualTo(-1);
    assertThat(c.ordinal("zzz")).isEqualTo(-1);
    assertThat(c.bytes()).isLessThan(Arrays.stream(ids).mapToLong(s -> s.length()).sum());
  }

  /** Dropping customers (a build's without events) keeps the rest's order and lookups. */
  @Test
  void retain_dropsCustomersAndRenumbersTheRest() {
    String[] ids = sortedIds(2, 1000);
    java.util.BitSet keep = new java.util.BitSet();
    Random r = new Random(3);
    for (int i = 1; i < ids.length - 1; i++) { // never the first or last
      if (r.nextInt(5) != 0) {
        keep.set(i);
      }
    }
    Customers c = Customers.ofSorted(ids).retain(keep);
    assertThat(c.count()).isEqualTo(keep.cardinality());
    int o = 0;
    for (int i = 0; i < ids.length; i++) {
      if (keep.get(i)) {
        assertThat(c.id(o)).isEqualTo(ids[i]);
        assertThat(c.ordinal(ids[i])).isEqualTo(o++);
      } else {
        assertThat(c.ordinal(ids[i])).isEqualTo(-1);
      }
    }
    assertThat(c).usingRecursiveComparison().isEqualTo(Customers.ofSorted(
        keep.stream().mapToObj(i -> ids[i]).toArray(String[]::new)));
  }

  @Test
  void appendedCustomers_getKeysInIdOrder() {
    String[] ids = sortedIds(2, 500);
    Customers c = Customers.ofSorted(ids).append(new String[] {"cust_5", "a", "cust_0", "zz"});
    List<String> all = new ArrayList<>();
    for (int i = 0; i < c.count(); i++) {
      all.add(c.id(i));
    }
    List<String> byKey = new ArrayList<>(all);
    byKey.sort((a, b) -> Long.compare(c.key(c.ordinal(a)), c.key(c.ordinal(b))));
    List<String> byId = new ArrayList<>(all);
    byId.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8)));
    assertThat(byKey).isEqualTo(byId);
    assertThat(c.ordinal("zz")).isEqualTo(ids.length + 3);
  }
}
