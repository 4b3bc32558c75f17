package org.itinera.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.itinera.ItineraException;
import org.junit.jupiter.api.Test;

/** Packing sorted rows into blocks, cut at customer boundaries. */
class BlockBuilderTest {
  private static InternalRow event(String customer, long micros, int cls, Double sentiment,
      String properties) {
    return new GenericInternalRow(new Object[] {UTF8String.fromString(customer), micros, 0L, cls,
        properties == null ? null : UTF8String.fromString(properties), sentiment, null, null});
  }

  private static InternalRow profile(String customer, String traits) {
    return new GenericInternalRow(new Object[] {UTF8String.fromString(customer), null, null, -1,
        UTF8String.fromString(traits), null, null, null});
  }

  private static List<CustomerBlock> build(int blockEvents, InternalRow... rows) {
    Iterator<CustomerBlock> it = new BlockBuilder(true, blockEvents).call(7,
        List.of(rows).iterator());
    List<CustomerBlock> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void call_cutsBlocksAtCustomersAndSkipsProfilesWithoutEvents() {
    List<CustomerBlock> blocks = build(2,
        profile("c1", "{\"plan\":\"pro\"}"), event("c1", 1_000_500, 0, 0.5, "{\"k\":1}"),
        event("c1", 2_000_000, 1, null, null), event("c1", 3_000_000, 0, null, null),
        profile("c2", "{\"plan\":\"free\"}"),
        event("c3", -1_500, 2, null, null), event("c3", 4_000_000, 1, null, null),
        event("c4", 5_000_000, 0, null, null));
    assertThat(blocks).hasSize(3);
    CustomerBlock first = blocks.get(0);
    assertThat(first.partition).isEqualTo(7);
    assertThat(first.ids).containsExactly("c1");
    assertThat(first.start).containsExactly(0, 3);
    assertThat(first.ts).containsExactly(1000, 2000, 3000);
    assertThat(first.classes).containsExactly(0, 1, 0);
    assertThat(first.traits(0).get("plan").asText()).isEqualTo("pro");
    assertThat(first.properties(0).get("k").asInt()).isEqualTo(1);
    assertThat(first.properties(1)).isNull();
    assertThat(first.measures[0]).containsExactly(0.5, Double.NaN, Double.NaN);
    assertThat(first.measures[1]).isNull();

    CustomerBlock second = blocks.get(1);
    assertThat(second.ids).containsExactly("c3");
    assertThat(second.firstOrdinal).isEqualTo(1);
    assertThat(second.ts).containsExactly(-2, 4000); // floor of -1.5 ms
    assertThat(second.traits).isNull();
    assertThat(second.properties).isNull();
    assertThat(second.measures[0]).isNull();
    assertThat(blocks.get(2).ids).containsExactly("c4");
    assertThat(blocks.get(2).firstOrdinal).isEqualTo(2);
    assertThat(new int[] {first.rank[0], second.rank[0], blocks.get(2).rank[0]})
        .containsExactly(0, 1, 2);
  }

  @Test
  void call_ranksCustomersByIdInCodePointOrderWhateverTheirArrivalOrder() {
    // U+FF5E sorts before U+1F600 in code points (UTF-8 bytes) but after it in UTF-16 units
    List<CustomerBlock> blocks = build(1, event("b", 1, 0, null, null),
        event("\uD83D\uDE00", 1, 0, null, null), event("a", 1, 0, null, null),
        event("\uFF5E", 1, 0, null, null));
    int[] ranks = blocks.stream().mapToInt(b -> b.rank[0]).toArray();
    assertThat(ranks).containsExactly(1, 3, 0, 2);
  }

  @Test
  void call_refusesEventsWithoutCustomerOrTime() {
    InternalRow noCustomer = new GenericInternalRow(new Object[] {null, 1L, 0L, 0, null, null,
        null, null});
    assertThatThrownBy(() -> build(10, noCustomer)).isInstanceOf(ItineraException.class)
        .hasMessageContaining("customer_id");
    InternalRow noTime = new GenericInternalRow(new Object[] {UTF8String.fromString("c1"), null,
        0L, 0, null, null, null, null});
    assertThatThrownBy(() -> build(10, noTime)).isInstanceOf(ItineraException.class)
        .hasMessageContaining("no time");
  }
}
