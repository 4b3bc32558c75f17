package org.itinera.path;

import java.io.Serializable;
/**
 * Occurrence and customer counts per path, keyed by a packed long (up to four event-name ids of 16
 * bits each, id + 1 so that zero means "no event"). Open addressing with linear probing: the hot
 * loop of a paths query is one probe per path, with no boxing. {@code stamp} remembers the last
 * customer (a per-partial counter) that counted towards a slot, so distinct customers are counted
 * without a per-customer set.
 */
final class PathCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  long[] keys = new long[1024];
  long[] counts = new long[1024];
  long[] customers = new long[1024];
  private int[] stamps = new int[1024];
  private int size;

  static boolean packable(int length, int names) {
    return length <= 4 && names < 0xFFFF;
  }

  /** Counts one occurrence for the customer with this stamp (stamps start at 1). */
  void count(long key, int stamp) {
    int slot = slot(key);
    counts[slot]++;
    if (stamps[slot] != stamp) {
      stamps[slot] = stamp;
      customers[slot]++;
    }
    growIfFull();
  }

  void addAll(PathCounts other) {
    for (int s = 0; s < other.keys.length; s++) {
      if (other.keys[s] != 0) {
        int slot = slot(other.keys[s]);
        counts[slot] += other.counts[s];
        customers[slot] += other.customers[s];
        stamps[slot] = 0;
        growIfFull();
      }
    }
  }

  /** The slot holding {@code key}, claimed if absent. */
  private int slot(long key) {
    int mask = keys.length - 1;
    int slot = (int) mix(key) & mask;
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (keys[slot] == 0) {
      keys[slot] = key;
      size++;
    }
    return slot;
  }

  private void growIfFull() {
    if (size * 2 > keys.length) {
      grow();
    }
  }

  boolean contains(long key) {
    int mask = keys.length - 1;
    int slot = (int) mix(key) & mask;
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    long[] oldCustomers = customers;
    int[] oldStamps = stamps;
    int cap = keys.length * 2;
    keys = new long[cap];
    counts = new long[cap];
    customers = new long[cap];
    stamps = new int[cap];
    int mask = cap - 1;
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] != 0) {
        int slot = (int) mix(oldKeys[s]) & mask;
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[s];
        counts[slot] = oldCounts[s];
        customers[slot] = oldCustomers[s];
        stamps[slot] = oldStamps[s];
      }
    }
  }

  int size() {
    return size;
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
