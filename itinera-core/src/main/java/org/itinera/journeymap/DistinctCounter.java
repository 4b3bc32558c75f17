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

  void add(int bucket, int stamp) {
    events[bucket]++;
    if (stamps[bucket] != stamp) {
      stamps[bucket] = stamp;
      customers[bucket]++;
    }
  }

  void addAll(DistinctCounter other) {
    for (int b = 0; b < events.length; b++) {
      events[b] += other.events[b];
      customers[b] += other.customers[b];
      stamps[b] = 0;
    }
  }
}
