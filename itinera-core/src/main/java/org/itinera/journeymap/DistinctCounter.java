package org.itinera.journeymap;

import java.io.Serializable;

/**
 * Counts, per bucket, events and distinct customers. A bucket remembers the stamp of the last
 * customer it counted (stamps are per-partial customer numbers), so no per-customer set is needed.
 */
final class DistinctCounter implements Serializable {
  private static final long serialVersionUID = 1L;

  final long[] events;
  final long[] customers;
  private final int[] stamps;

  DistinctCounter(int buckets) {
    events = new long[buckets];
    customers = new long[buckets];
    stamps = new int[buckets];
  }

  /**
   * Counts an event and, when the bucket has not seen this customer yet, the customer. Without a
   * branch: whether a bucket is new for the customer is a coin toss event by event (about half of
   * a customer's events open a new touchpoint or cell), and the mispredicted branch cost the
   * journey map 5 to 10% of its CPU at 10M events.
   */
  void add(int bucket, int stamp) {
    events[bucket]++;
    int other = stamps[bucket] ^ stamp; // 0 when this customer was counted already
    stamps[bucket] = stamp;
    customers[bucket] += (other | -other) >>> 31;
  }

  void addAll(DistinctCounter other) {
    for (int b = 0; b < events.length; b++) {
      events[b] += other.events[b];
      customers[b] += other.customers[b];
      stamps[b] = 0;
    }
  }
}
