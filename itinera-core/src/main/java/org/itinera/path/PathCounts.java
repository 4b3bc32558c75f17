package org.itinera.path;

import java.io.Serializable;

/**
 * Occurrence and customer counts per path, keyed by a packed long (up to four event-name ids of 16
 * bits each, id + 1 so that zero means "no event"). Open addressing with linear probing: the hot
 * loop of a paths query is one probe per path, with no boxing. A slot is three adjacent longs (key,
 * occurrences, then customers in the low 32 bits and a stamp in the high 32), so a probe touches
 * one cache line even when tens of thousands of distinct paths outgrow the caches. The stamp
 * remembers the last customer (a per-partial counter) that counted towards the slot, so distinct
 * customers are counted without a per-customer set.
 */
final class PathCounts implements Serializable {
  private static final long serialVersionUID = 2L;
  private static final int WIDTH = 3;
  private static final long LOW = 0xFFFFFFFFL;

  private long[] slots = new long[1024 * WIDTH];
  private int size;

  static boolean packable(int length, int names) {
    return length <= 4 && names < 0xFFFF;
  }

  /** Counts one occurrence for the customer with this stamp (stamps start at 1). */
  void count(long key, int stamp) {
    int at = slot(key) * WIDTH;
    slots[at + 1]++;
    long c = slots[at + 2];
    if ((int) (c >>> 32) != stamp) {
      slots[at + 2] = ((long) stamp << 32) | ((c + 1) & LOW);
    }
    growIfFull();
  }

  void addAll(PathCounts other) {
    for (int s = 0; s < other.capacity(); s++) {
      if (other.key(s) != 0) {
        int at = slot(other.key(s)) * WIDTH;
        slots[at + 1] += other.count(s);
        slots[at + 2] = (slots[at + 2] + other.customers(s)) & LOW; // stamps are per partial
        growIfFull();
      }
    }
  }

  /** Slots to iterate with {@link #key}, {@link #count} and {@link #customers}. */
  int capacity() {
    return slots.length / WIDTH;
  }

  /** The key in slot {@code s}, 0 when empty. */
  long key(int s) {
    return slots[s * WIDTH];
  }

  long count(int s) {
    return slots[s * WIDTH + 1];
  }

  long customers(int s) {
    return slots[s * WIDTH + 2] & LOW;
  }

  /** The slot holding {@code key}, claimed if absent. */
  private int slot(long key) {
    int mask = capacity() - 1;
    int slot = (int) mix(key) & mask;
    long k;
    while ((k = slots[slot * WIDTH]) != 0 && k != key) {
      slot = (slot + 1) & mask;
    }
    if (k == 0) {
      slots[slot * WIDTH] = key;
      size++;
    }
    return slot;
  }

  private void growIfFull() {
    if (size * 2 > capacity()) {
      grow();
    }
  }

  boolean contains(long key) {
    int mask = capacity() - 1;
    int slot = (int) mix(key) & mask;
    long k;
    while ((k = slots[slot * WIDTH]) != 0) {
      if (k == key) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = capacity() - 1;
    for (int at = 0; at < old.length; at += WIDTH) {
      if (old[at] != 0) {
        int slot = (int) mix(old[at]) & mask;
        while (slots[slot * WIDTH] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, at, slots, slot * WIDTH, WIDTH);
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
