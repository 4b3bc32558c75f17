package org.itinera.index;

/**
 * Open-addressing map from 64-bit hashes to ints, used while building: DuckDB sends {@code
 * hash(customer_id)} and {@code hash(type, name, channel)} instead of strings, and this maps them
 * to ordinals without boxing. Key 0 is stored out of line.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int size;
  private boolean hasZero;
  private int zeroValue;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
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
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    values[slot] = value;
    size++;
    return true;
  }

  /** The value for {@code key}, or -1. */
  int get(long key) {
    if (key == 0) {
      return hasZero ? zeroValue : -1;
    }
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    long k;
    while ((k = keys[slot]) != 0) {
      if (k == key) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        putIfAbsent(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
