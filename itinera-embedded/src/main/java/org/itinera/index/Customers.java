package org.itinera.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Customer ids by ordinal. The base build's ids arrive sorted (by UTF-8 bytes, which is DuckDB's
 * and code-point order), so they are front-coded in blocks of 16: each block starts with a full id
 * and every later id stores only the length of the prefix it shares with the previous one and the
 * rest. Ids such as {@code cust_00012345} then cost 2 to 4 bytes instead of a String's 50+, and
 * lookups binary-search the blocks' first ids. Customers appended after the build are kept as
 * Strings (there are few until the next rebuild sorts them in).
 */
final class Customers {
  private static final int BLOCK = 16;
  /** Room between two sorted customers' keys for customers appended in between. */
  private static final int KEY_SHIFT = 20;

  private final byte[] data;
  private final int[] blockStart;
  private final int sorted;
  private final String[] appended;
  private final Map<String, Integer> appendedIndex;
  private final long[] appendedKeys;

  private Customers(byte[] data, int[] blockStart, int sorted, String[] appended) {
    this.data = data;
    this.blockStart = blockStart;
    this.sorted = sorted;
    this.appended = appended;
    this.appendedIndex = new HashMap<>();
    for (int i = 0; i < appended.length; i++) {
      appendedIndex.put(appended[i], i);
    }
    this.appendedKeys = appendedKeys();
  }

  /** Customers from ids already in UTF-8 byte order (as DuckDB's ORDER BY sorts them). */
  static Customers ofSorted(String[] ids) {
    Builder b = new Builder();
    for (String id : ids) {
      b.add(id.getBytes(StandardCharsets.UTF_8));
    }
    return b.build();
  }

  /**
   * Front-codes ids given as UTF-8 bytes in ascending order, as they arrive (the index build reads
   * them from DuckDB as BLOBs, so no String is ever made for them).
   */
  static final class Builder {
    private byte[] data = new byte[1 << 16];
    private int size;
    private int[] blockStart = new int[64];
    private byte[] previous = new byte[0];
    private int count;

    /**
     * Appends the next id; returns false if it is not strictly greater than the previous one in
     * unsigned byte order (the result is then not searchable, and the caller must not use it).
     */
    boolean add(byte[] id) {
      int shared = 0;
      boolean ascending = true;
      if (count % BLOCK == 0) {
        if (count / BLOCK == blockStart.length) {
          blockStart = Arrays.copyOf(blockStart, blockStart.length * 2);
        }
        blockStart[count / BLOCK] = size;
      }
      if (count > 0) {
        int max = Math.min(previous.length, id.length);
        int common = Arrays.mismatch(previous, 0, max, id, 0, max);
        common = common < 0 ? max : common;
        ascending = common < max ? Byte.toUnsignedInt(previous[common])
            < Byte.toUnsignedInt(id[common]) : id.length > previous.length;
        shared = count % BLOCK == 0 ? 0 : common;
      }
      ensure(10 + id.length - shared);
      writeVarint(shared);
      writeVarint(id.length - shared);
      System.arraycopy(id, shared, data, size, id.length - shared);
      size += id.length - shared;
      previous = id;
      count++;
      return ascending;
    }

    Customers build() {
      return new Customers(Arrays.copyOf(data, size), Arrays.copyOf(blockStart,
          (count + BLOCK - 1) / BLOCK), count, new String[0]);
    }

    private void ensure(int more) {
      if (size + more > data.length) {
        data = Arrays.copyOf(data, Math.max(size + more, data.length * 2));
      }
    }

    private void writeVarint(int v) {
      while ((v & ~0x7F) != 0) {
        data[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      data[size++] = (byte) v;
    }
  }

  /**
   * The customers whose ordinal {@code keep} holds, renumbered in order; only for a dictionary
   * without appended customers (a build's, before any refresh).
   */
  Customers retain(BitSet keep) {
    if (appended.length > 0) {
      throw new IllegalStateException("retain is for a build's sorted customers only");
    }
    Builder b = new Builder();
    if (sorted > 0) {
      Cursor c = new Cursor(0); // entries are stored one after another, block after block
      for (int o = 0; o < sorted; o++) {
        c.next();
        if (keep.get(o)) {
          b.add(Arrays.copyOf(c.id, c.length));
        }
      }
    }
    return b.build();
  }

  /** A copy with more customers, numbered after the existing ones. */
  Customers append(String[] ids) {
    String[] more = Arrays.copyOf(appended, appended.length + ids.length);
    System.arraycopy(ids, 0, more, appended.length, ids.length);
    return new Customers(data, blockStart, sorted, more);
  }

  int count() {
    return sorted + appended.length;
  }

  String id(int ordinal) {
    if (ordinal >= sorted) {
      return appended[ordinal - sorted];
    }
    Cursor c = new Cursor(ordinal / BLOCK);
    for (int i = ordinal % BLOCK; i >= 0; i--) {
      c.next();
    }
    return new String(c.id, 0, c.length, StandardCharsets.UTF_8);
  }

  /** The ordinal of {@code id}, or -1. */
  int ordinal(String id) {
    Integer a = appendedIndex.get(id);
    if (a != null) {
      return sorted + a;
    }
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    int r = lowerBound(key);
    if (r < sorted) {
      Cursor c = new Cursor(r / BLOCK);
      for (int i = r % BLOCK; i >= 0; i--) {
        c.next();
      }
      if (Arrays.equals(c.id, 0, c.length, key, 0, key.length)) {
        return r;
      }
    }
    return -1;
  }

  /**
   * The customer's sort key: sorted customers at multiples of 2^20, appended ones in the gap
   * before the first sorted id greater than theirs, in id order among themselves (see {@code
   * EventSequence.customerKey}).
   */
  long key(int ordinal) {
    return ordinal < sorted ? (long) ordinal << KEY_SHIFT : appendedKeys[ordinal - sorted];
  }

  /** How many sorted ids are smaller than {@code key} (UTF-8 byte order). */
  private int lowerBound(byte[] key) {
    int lo = 0;
    int hi = blockStart.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      Cursor c = new Cursor(mid);
      c.next();
      if (Arrays.compareUnsigned(c.id, 0, c.length, key, 0, key.length) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == 0) {
      return 0;
    }
    int block = lo - 1;
    Cursor c = new Cursor(block);
    int n = 0;
    int inBlock = Math.min(BLOCK, sorted - block * BLOCK);
    while (n < inBlock) {
      c.next();
      if (Arrays.compareUnsigned(c.id, 0, c.length, key, 0, key.length) >= 0) {
        break;
      }
      n++;
    }
    return block * BLOCK + n;
  }

  private long[] appendedKeys() {
    int n = appended.length;
    byte[][] bytes = new byte[n][];
    int[] insertion = new int[n];
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      bytes[k] = appended[k].getBytes(StandardCharsets.UTF_8);
      insertion[k] = lowerBound(bytes[k]);
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> insertion[a] != insertion[b]
        ? Integer.compare(insertion[a], insertion[b]) : Arrays.compareUnsigned(bytes[a], bytes[b]));
    long[] keys = new long[n];
    int run = 0;
    for (int k = 0; k < n; k++) {
      int i = insertion[order[k]];
      run = k > 0 && insertion[order[k - 1]] == i ? run + 1 : 0;
      keys[order[k]] = ((long) (i - 1) << KEY_SHIFT) + 1 + Math.min(run, (1 << KEY_SHIFT) - 2);
    }
    return keys;
  }

  long bytes() {
    return data.length + 4L * blockStart.length + 64L * appended.length;
  }

  /** Decodes one block's ids in order into a reused buffer. */
  private final class Cursor {
    private int at;
    byte[] id = new byte[32];
    int length;

    Cursor(int block) {
      at = blockStart[block];
    }

    void next() {
      int shared = readVarint();
      int rest = readVarint();
      if (id.length < shared + rest) {
        id = Arrays.copyOf(id, Math.max(shared + rest, id.length * 2));
      }
      System.arraycopy(data, at, id, shared, rest);
      at += rest;
      length = shared + rest;
    }

    private int readVarint() {
      int v = 0;
      int shift = 0;
      byte b;
      do {
        b = data[at++];
        v |= (b & 0x7F) << shift;
        shift += 7;
      } while (b < 0);
      return v;
    }
  }
}
