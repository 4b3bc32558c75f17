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
 *
 * <p>When every possible key fits a small array (names + 1 to the power of the path length at
 * most {@value #DENSE_LIMIT}), the table is instead that array, indexed by the key's digits in base
 * names + 1, with two longs a slot (occurrences; customers and stamp) and the key implied by the
 * index: no probing, no growth, and less memory than a hash table holding as many paths. Measured
 * on a million paths of four events over 17 names (62,668 distinct), counting took 7 ms instead
 * of 37 ms.
 */
final class PathCounts implements Serializable {
  private static final long serialVersionUID = 4L;
  private static final long LOW = 0xFFFFFFFFL;
  static final int DENSE_LIMIT = 1 << 17;

  /** Dense mode: the base of the digits (names + 1) and how many; 0 and 0 in hash mode. */
  private final int radix;
  private final int digits;
  /** Longs per slot: 3 (key, occurrences, customers) hashed, 2 (occurrences, customers) dense. */
  private final int width;
  private long[] slots;
  /** Slots: {@code slots.length / width}, kept so that no probe divides. */
  private int capacity;
  /** The digit weights {@code radix^i} in dense mode. */
  private final int[] weights;
  private int size;

  /** A hash-mode table. */
  PathCounts() {
    this(0, 0);
  }

  private PathCounts(int radix, int digits) {
    this.radix = radix;
    this.digits = digits;
    this.width = radix == 0 ? 3 : 2;
    this.capacity = radix == 0 ? 1024 : pow(radix, digits);
    this.slots = new long[capacity * width];
    this.weights = new int[digits];
    for (int i = 0; i < digits; i++) {
      weights[i] = pow(radix, i);
    }
  }

  /** Whether the table is dense: {@link #countDense} applies. */
  boolean dense() {
    return radix != 0;
  }

  /** The dense slot of a path: the sum of (name id + 1) times {@code weight(i)} over its events. */
  int weight(int i) {
    return weights[i];
  }

  /**
   * Dense mode: counts one occurrence in {@code index} (from {@link #weight}) for the customer
   * with this stamp; the caller guarantees a path of at most {@code digits} known names.
   */
  void countDense(int index, int stamp) {
    int at = index * 2;
    long occurrences = slots[at];
    if (occurrences == 0) {
      size++;
    }
    slots[at] = occurrences + 1;
    long c = slots[at + 1];
    if ((int) (c >>> 32) != stamp) {
      slots[at + 1] = ((long) stamp << 32) | ((c + 1) & LOW);
    }
  }

  /** A table for paths of at most {@code maxLength} events over {@code names} names. */
  static PathCounts forPaths(int names, int maxLength) {
    boolean dense = maxLength >= 1 && packable(maxLength, names)
        && Math.pow(names + 1.0, maxLength) <= DENSE_LIMIT;
    return dense ? new PathCounts(names + 1, maxLength) : new PathCounts();
  }

  private static int pow(int base, int exponent) {
    int p = 1;
    for (int i = 0; i < exponent; i++) {
      p *= base;
    }
    return p;
  }

  static boolean packable(int length, int names) {
    return length <= 4 && names < 0xFFFF;
  }

  /** Counts one occurrence for the customer with this stamp (stamps start at 1). */
  void count(long key, int stamp) {
    int at = slot(key) * width + width - 2;
    slots[at]++;
    long c = slots[at + 1];
    if ((int) (c >>> 32) != stamp) {
      slots[at + 1] = ((long) stamp << 32) | ((c + 1) & LOW);
    }
    growIfFull();
  }

  void addAll(PathCounts other) {
    for (int s = 0; s < other.capacity(); s++) {
      long key = other.key(s);
      if (key != 0) {
        int at = slot(key) * width + width - 2;
        slots[at] += other.count(s);
        slots[at + 1] = (slots[at + 1] + other.customers(s)) & LOW; // stamps are per partial
        growIfFull();
      }
    }
  }

  /** Slots to iterate with {@link #key}, {@link #count} and {@link #customers}. */
  int capacity() {
    return capacity;
  }

  /** The key in slot {@code s}, 0 when empty. */
  long key(int s) {
    if (radix == 0) {
      return slots[s * 3];
    }
    if (slots[s * 2] == 0) {
      return 0;
    }
    long key = 0;
    for (int i = 0; i < digits; i++) {
      key |= (long) (s % radix) << (16 * i);
      s /= radix;
    }
    return key;
  }

  long count(int s) {
    return slots[s * width + width - 2];
  }

  long customers(int s) {
    return slots[s * width + width - 1] & LOW;
  }

  /** The slot holding {@code key}, claimed if absent. */
  private int slot(long key) {
    if (radix != 0) {
      int s = denseIndex(key);
      if (slots[s * 2] == 0) {
        size++;
      }
      return s;
    }
    int mask = capacity() - 1;
    int slot = (int) mix(key) & mask;
    long k;
    while ((k = slots[slot * 3]) != 0 && k != key) {
      slot = (slot + 1) & mask;
    }
    if (k == 0) {
      slots[slot * 3] = key;
      size++;
    }
    return slot;
  }

  /** Whether the key has at most {@link #digits} events, each a name id below the radix. */
  private boolean fits(long key) {
    if (digits < 4 && key >>> (16 * digits) != 0) {
      return false;
    }
    for (int i = 0; i < digits; i++) {
      if (((key >>> (16 * i)) & 0xFFFF) >= radix) {
        return false;
      }
    }
    return true;
  }

  /** The packed key's digits (name ids + 1, 0 for none) read in base {@link #radix}. */
  private int denseIndex(long key) {
    if (!fits(key)) {
      throw new IllegalArgumentException("path key " + key + " has more than " + digits
          + " events or a name id of " + radix + " or more");
    }
    int index = 0;
    for (int i = 0; i < digits; i++) {
      index += weights[i] * (int) ((key >>> (16 * i)) & 0xFFFF);
    }
    return index;
  }

  private void growIfFull() {
    if (radix == 0 && size * 2 > capacity) {
      grow();
    }
  }

  boolean contains(long key) {
    if (radix != 0) {
      return fits(key) && slots[denseIndex(key) * 2] != 0;
    }
    int mask = capacity() - 1;
    int slot = (int) mix(key) & mask;
    long k;
    while ((k = slots[slot * 3]) != 0) {
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
    capacity *= 2;
    int mask = capacity - 1;
    for (int at = 0; at < old.length; at += 3) {
      if (old[at] != 0) {
        int slot = (int) mix(old[at]) & mask;
        while (slots[slot * 3] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, at, slots, slot * 3, 3);
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
