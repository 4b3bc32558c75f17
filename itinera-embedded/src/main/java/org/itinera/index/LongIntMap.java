package org.itinera.index;

/**
 * Open-addressing map from 64-bit hashes to ints, used while building: DuckDB sends {@code
 * hash(customer_id)} and {@code hash(type, name, channel)} instead of strings, and this maps them
 * to ordinals without boxing. Key 0 is stored out of line. Keys and values are interleaved in one
 * array: a million customers' map is far larger than the caches, and one cache line per probe
 * instead of two halves the cost of the ten million lookups a build makes.
 */
final class LongIntMap {
  /** key at 2i, value at 2i + 1. */
  private long[] slots;
  private int size;
  private boolean hasZero;
  private int zeroValue;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    slots = new long[2 * cap];
  }

  /** Stores {@code value} under {@code key}; returns false if the key was already present. */
  boolean putIfAbsent(long key, int value) {
    if (key == 0) {
      if (hasZero) {
        return false;
      }
      hasZero = true;
      zeroValue = value;
      return true;
    }
    if ((size + 1) * 4 > slots.length) {
      grow();
    }
    int mask = (slots.length >>> 1) - 1;
    int slot = mix(key) & mask;
    while (slots[2 * slot] != 0) {
      if (slots[2 * slot] == key) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = key;
    slots[2 * slot + 1] = value;
    size++;
    return true;
  }

  /** The value for {@code key}, or -1. */
  int get(long key) {
    if (key == 0) {
      return hasZero ? zeroValue : -1;
    }
    long[] s = slots;
    int mask = (s.length >>> 1) - 1;
    int slot = mix(key) & mask;
    long k;
    while ((k = s[2 * slot]) != 0) {
      if (k == key) {
        return (int) s[2 * slot + 1];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /**
   * How many leading bits of a slot index {@link #region} uses: enough that one region of the
   * table (about 128 KiB) stays in a core's L2 cache while the lookups that fall in it run.
   */
  int regionBits() {
    long bytes = 8L * slots.length;
    int bits = 0;
    while (bits < 12 && (bytes >>> bits) > 128 * 1024) {
      bits++;
    }
    return bits;
  }

  /**
   * The part of the table (one of {@code 2^bits}) where a lookup of {@code key} starts: lookups
   * grouped by region touch one cache-sized part of the table at a time instead of all of it.
   */
  int region(long key, int bits) {
    int capacityBits = Integer.numberOfTrailingZeros(slots.length >>> 1);
    int mask = (slots.length >>> 1) - 1;
    return bits == 0 ? 0 : (mix(key) & mask) >>> (capacityBits - bits);
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        putIfAbsent(old[i], (int) old[i + 1]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
