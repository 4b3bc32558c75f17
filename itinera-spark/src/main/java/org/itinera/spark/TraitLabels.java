package org.itinera.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.CustomerLabels;

/**
 * A customer-level breakdown resolved over the persisted blocks: each block labels its customers
 * from their profile traits with the core's {@link Breakdown#labelOf} and sends back a small
 * dictionary and one int per customer; the driver merges them into {@link CustomerLabels} indexed
 * by global ordinal, named as the embedded engine names them (the no-value label first, then
 * segments in their order or trait values sorted).
 */
final class TraitLabels {
  private TraitLabels() {}

  /** One block's labels: ids into {@code names}, -1 for the no-value label. */
  record Chunk(int partition, int firstOrdinal, List<String> names, int[] ids)
      implements Serializable {}

  static CustomerLabels resolve(JavaRDD<CustomerBlock> blocks, Breakdown breakdown,
      int[] offsets, int customers) {
    List<Chunk> chunks = blocks.map(block -> chunk(block, breakdown)).collect();
    Set<String> seen = new HashSet<>();
    chunks.forEach(ch -> seen.addAll(ch.names()));
    List<String> names = breakdown.labelNames(seen);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      ids.putIfAbsent(names.get(i), i);
    }
    int[] labelOf = new int[customers];
    for (Chunk ch : chunks) {
      int base = offsets[ch.partition()] + ch.firstOrdinal();
      int[] global = ch.names().stream().mapToInt(ids::get).toArray();
      for (int c = 0; c < ch.ids().length; c++) {
        labelOf[base + c] = ch.ids()[c] < 0 ? 0 : global[ch.ids()[c]];
      }
    }
    return new CustomerLabels(labelOf, names);
  }

  private static Chunk chunk(CustomerBlock block, Breakdown breakdown) {
    Map<String, Integer> local = new LinkedHashMap<>();
    int[] ids = new int[block.customers()];
    for (int c = 0; c < ids.length; c++) {
      String label = block.traits == null ? null : breakdown.labelOf(block.traits(c));
      ids[c] = label == null ? -1 : local.computeIfAbsent(label, k -> local.size());
    }
    return new Chunk(block.partition, block.firstOrdinal, new ArrayList<>(local.keySet()), ids);
  }
}
