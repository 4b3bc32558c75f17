package org.itinera.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Customer ids in ordinal order, stored as one UTF-8 byte array plus offsets (about 16 bytes per
 * customer instead of a String's 50+). The first {@code sorted} ordinals are in id order (the base
 * build), so they can be found by binary search; customers appended later are searched linearly
 * (there are few, and a rebuild sorts them in).
 */
final class Customers {
  private final byte[] bytes;
  private final int[] offsets;
  private final int count;
  private final int sorted;

  private Customers(byte[] bytes, int[] offsets, int count, int sorted) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.count = count;
    this.sorted = sorted;
  }

  /** Customers from ids already in id order (as DuckDB's ORDER BY sorts: by bytes). */
  static Customers ofSorted(String[] ids) {
    Customers empty = new Customers(new byte[0], new int[] {0}, 0, 0);
    Customers c = empty.append(ids);
    return new Customers(c.bytes, c.offsets, c.count, c.count);
  }

  /** A copy with more customers, numbered after the existing ones. */
  Customers append(String[] ids) {
    byte[][] encoded = new byte[ids.length][];
    int extra = 0;
    for (int i = 0; i < ids.length; i++) {
      encoded[i] = ids[i].getBytes(StandardCharsets.UTF_8);
      extra += encoded[i].length;
    }
    int used = offsets[count];
    byte[] b = Arrays.copyOf(bytes, used + extra);
    int[] o = Arrays.copyOf(offsets, count + ids.length + 1);
    for (int i = 0; i < ids.length; i++) {
      System.arraycopy(encoded[i], 0, b, o[count + i], encoded[i].length);
      o[count + i + 1] = o[count + i] + encoded[i].length;
    }
    return new Customers(b, o, count + ids.length, sorted);
  }

  int count() {
    return count;
  }

  String id(int ordinal) {
    return new String(bytes, offsets[ordinal], offsets[ordinal + 1] - offsets[ordinal],
        StandardCharsets.UTF_8);
  }

  /** The ordinal of {@code id}, or -1. */
  int ordinal(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    int lo = 0;
    int hi = sorted - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = Arrays.compareUnsigned(bytes, offsets[mid], offsets[mid + 1], key, 0, key.length);
      if (cmp == 0) {
        return mid;
      }
      if (cmp < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (int c = sorted; c < count; c++) {
      if (Arrays.equals(bytes, offsets[c], offsets[c + 1], key, 0, key.length)) {
        return c;
      }
    }
    return -1;
  }

  long bytes() {
    return (long) bytes.length + 4L * offsets.length;
  }
}
