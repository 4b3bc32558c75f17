package org.itinera.path;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The coverage of the shown paths, tallied during the counting pass so that a paths query walks
 * its customers once instead of twice.
 *
 * <p>Design. Which paths are shown is only known once every customer is counted, and coverage
 * cannot follow from per-path counts: a customer or an event can lie in several shown paths. So
 * each partial first keeps its customers' path occurrences (packed key and first position; the
 * length is the key's digit count) in a buffer. Once the buffer holds {@code budget} occurrences
 * the partial picks as candidates the {@value #CANDIDATES} paths most frequent so far, replays the
 * buffer and from then on tallies each customer by bit mask over those candidates: customers by the
 * mask of the candidates they have, events by the mask of the candidates whose occurrences contain
 * them (one counter per bit for the common single-candidate masks, a table for the rest). When the
 * query finishes, the shown paths become a mask and the covered customers and events are the sums
 * over the masks that meet it; buffered customers are evaluated against the shown paths directly.
 *
 * <p>The answer is exact or absent, never estimated: if a shown path is not among a frozen
 * partial's candidates and that partial may have seen it after choosing them (a 64-Kbit filter of
 * the other paths it saw says so), {@link #finish} returns null and the caller falls back to a
 * second pass. With at most {@value #MAX_TOP} shown paths and candidates drawn from tens of
 * thousands of occurrences, that needs a shown path to rank below 64th in a partial's sample.
 *
 * <p>Customers' masks of two bits or more are appended to a list (there are tens of thousands
 * of distinct ones: probing a table for each customer missed the caches), folded into a table
 * past 4M entries; events' multi-bit masks are few (hundreds) and go to a small table. When the
 * path counts are a small dense table, a key's candidate bit is one load by its dense slot.
 *
 * <p>Measured at 10M events / 1M customers (2 cores, paths of three events from 'Product
 * Viewed' in 1-day sessions, 2M occurrences): the second pass cost about as much as the counting
 * pass, more than 100 ms CPU; the tally costs 60-90 ms CPU, most of it per-customer work on the
 * customers with several occurrences. All four anchor kinds at 10M gave candidates that held the
 * top 10 and top 32, so no second pass ran. Only packed paths (at most four events) are tallied;
 * longer paths keep the second pass unless each customer has one path ({@link PathAnalysis}).
 */
final class ShownCoverage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int CANDIDATES = 64;
  /** The most shown paths for which the counting pass tallies coverage. */
  static final int MAX_TOP = 32;
  /** Occurrences a partial buffers before it picks candidates. */
  static final int DEFAULT_BUDGET = 1 << 15;

  private final int budget;
  /** Customers with at least one path, and events of every customer seen. */
  long customers;
  long events;
  /** Buffered customers: occurrence keys and first positions; the end offset of each customer. */
  private long[] bufferKeys = new long[64];
  private int[] bufferFirsts = new int[64];
  private int buffered;
  private int[] bufferEnds = new int[16];
  private int bufferCustomers;
  /** Frozen tallies: this partial's (also {@link #current}) and those merged in. */
  private final List<Piece> pieces = new ArrayList<>();
  private Piece current;

  /** The customer being walked: its occurrences, and per-event masks (scratch). */
  private transient long[] keys;
  private transient int[] firsts;
  private transient int[] bits;
  private transient int occurrences;
  private transient long[] masks;

  ShownCoverage(int budget) {
    this.budget = budget;
  }

  void beginCustomer(int size) {
    events += size;
    occurrences = 0;
    if (keys == null) {
      keys = new long[16];
      firsts = new int[16];
      bits = new int[16];
      masks = new long[64];
    }
  }

  void occurrence(long key, int first) {
    if (occurrences == keys.length) {
      keys = Arrays.copyOf(keys, occurrences * 2);
      firsts = Arrays.copyOf(firsts, occurrences * 2);
      bits = Arrays.copyOf(bits, occurrences * 2);
    }
    keys[occurrences] = key;
    firsts[occurrences++] = first;
  }

  /** Tallies the customer; {@code counts} (this partial's path counts) picks the candidates. */
  void endCustomer(PathCounts counts) {
    if (occurrences == 0) {
      return;
    }
    customers++;
    if (current != null) {
      tally(current, keys, firsts, 0, occurrences);
      return;
    }
    if (buffered + occurrences > bufferKeys.length) {
      int cap = Math.max(buffered + occurrences, bufferKeys.length * 2);
      bufferKeys = Arrays.copyOf(bufferKeys, cap);
      bufferFirsts = Arrays.copyOf(bufferFirsts, cap);
    }
    System.arraycopy(keys, 0, bufferKeys, buffered, occurrences);
    System.arraycopy(firsts, 0, bufferFirsts, buffered, occurrences);
    buffered += occurrences;
    endBufferedCustomer();
    if (buffered >= budget) {
      freeze(counts);
    }
  }

  private void endBufferedCustomer() {
    if (bufferCustomers == bufferEnds.length) {
      bufferEnds = Arrays.copyOf(bufferEnds, bufferCustomers * 2);
    }
    bufferEnds[bufferCustomers++] = buffered;
  }

  /** Picks this partial's candidates and replays the buffer into their tallies. */
  private void freeze(PathCounts counts) {
    long[] top = new long[CANDIDATES];
    long[] topCounts = new long[CANDIDATES];
    int n = 0;
    int min = 0;
    for (int s = 0; s < counts.capacity(); s++) {
      long c = counts.count(s);
      if (c == 0 || (n == CANDIDATES && c <= topCounts[min])) {
        continue;
      }
      int at = n < CANDIDATES ? n++ : min;
      top[at] = counts.key(s);
      topCounts[at] = c;
      if (n == CANDIDATES) {
        min = 0;
        for (int i = 1; i < CANDIDATES; i++) {
          min = topCounts[i] < topCounts[min] ? i : min;
        }
      }
    }
    current = new Piece(Arrays.copyOf(top, n), counts);
    pieces.add(current);
    int from = 0;
    for (int c = 0; c < bufferCustomers; c++) {
      tally(current, bufferKeys, bufferFirsts, from, bufferEnds[c]);
      from = bufferEnds[c];
    }
    bufferKeys = new long[0];
    bufferFirsts = new int[0];
    bufferEnds = new int[0];
    buffered = 0;
    bufferCustomers = 0;
  }

  /** Tallies one customer's occurrences {@code from .. to - 1} into a frozen piece. */
  private void tally(Piece piece, long[] ks, int[] fs, int from, int to) {
    if (to - from == 1) {
      int b = piece.bit(ks[from]);
      if (b >= 0) {
        piece.customersOne[b]++;
        piece.eventsOne[b] += PathKeys.length(ks[from]);
      }
      return;
    }
    long customerMask = 0;
    int lo = Integer.MAX_VALUE;
    int hi = 0;
    boolean overlap = false;
    if (bits.length < to - from) {
      bits = new int[to - from];
    }
    for (int j = from; j < to; j++) {
      int b = piece.bit(ks[j]);
      bits[j - from] = b;
      if (b >= 0) {
        customerMask |= 1L << b;
        overlap |= fs[j] < hi;
        lo = Math.min(lo, fs[j]);
        hi = Math.max(hi, fs[j] + PathKeys.length(ks[j]));
      }
    }
    if (customerMask == 0) {
      return;
    }
    piece.customer(customerMask);
    if (!overlap) {
      // each covered event lies in one candidate occurrence: its bit alone
      for (int j = from; j < to; j++) {
        if (bits[j - from] >= 0) {
          piece.eventsOne[bits[j - from]] += PathKeys.length(ks[j]);
        }
      }
      return;
    }
    if (masks.length < hi - lo) {
      masks = new long[Math.max(hi - lo, masks.length * 2)];
    }
    Arrays.fill(masks, 0, hi - lo, 0L);
    for (int j = from; j < to; j++) {
      if (bits[j - from] >= 0) {
        long bit = 1L << bits[j - from];
        for (int i = fs[j] - lo, end = i + PathKeys.length(ks[j]); i < end; i++) {
          masks[i] |= bit;
        }
      }
    }
    long run = 0;
    long mask = masks[0];
    for (int i = 0; i < hi - lo; i++) {
      if (masks[i] != mask) {
        piece.events(mask, run);
        mask = masks[i];
        run = 0;
      }
      run++;
    }
    piece.events(mask, run);
  }

  ShownCoverage merge(ShownCoverage other) {
    customers += other.customers;
    events += other.events;
    pieces.addAll(other.pieces);
    int need = buffered + other.buffered;
    if (need > bufferKeys.length) {
      bufferKeys = Arrays.copyOf(bufferKeys, need);
      bufferFirsts = Arrays.copyOf(bufferFirsts, need);
    }
    System.arraycopy(other.bufferKeys, 0, bufferKeys, buffered, other.buffered);
    System.arraycopy(other.bufferFirsts, 0, bufferFirsts, buffered, other.buffered);
    int base = buffered;
    buffered = need;
    for (int c = 0; c < other.bufferCustomers; c++) {
      if (bufferCustomers == bufferEnds.length) {
        bufferEnds = Arrays.copyOf(bufferEnds, Math.max(16, bufferCustomers * 2));
      }
      bufferEnds[bufferCustomers++] = base + other.bufferEnds[c];
    }
    return this;
  }

  /**
   * Customers and events that the {@code shown} paths (packed keys) cover, as {customers, events};
   * null when a frozen partial cannot tell.
   */
  long[] finish(long[] shown) {
    long customersCovered = 0;
    long eventsCovered = 0;
    for (Piece piece : pieces) {
      long mask = 0;
      for (long key : shown) {
        int b = piece.find(key);
        if (b >= 0) {
          mask |= 1L << b;
        } else if (piece.mayHaveSeen(key)) {
          return null;
        }
      }
      for (int b = 0; b < CANDIDATES; b++) {
        if ((mask >>> b & 1) != 0) {
          customersCovered += piece.customersOne[b];
          eventsCovered += piece.eventsOne[b];
        }
      }
      customersCovered += piece.customersManyMeeting(mask);
      eventsCovered += piece.eventsMany.sumMeeting(mask);
    }
    PathCounts shownSet = new PathCounts();
    for (long key : shown) {
      shownSet.addOccurrence(key);
    }
    boolean[] covered = new boolean[64];
    int from = 0;
    for (int c = 0; c < bufferCustomers; c++) {
      int to = bufferEnds[c];
      int lo = Integer.MAX_VALUE;
      int hi = 0;
      for (int j = from; j < to; j++) {
        if (shownSet.contains(bufferKeys[j])) {
          lo = Math.min(lo, bufferFirsts[j]);
          hi = Math.max(hi, bufferFirsts[j] + PathKeys.length(bufferKeys[j]));
        }
      }
      if (hi > 0) {
        customersCovered++;
        if (covered.length < hi - lo) {
          covered = new boolean[hi - lo];
        }
        Arrays.fill(covered, 0, hi - lo, false);
        for (int j = from; j < to; j++) {
          if (shownSet.contains(bufferKeys[j])) {
            Arrays.fill(covered, bufferFirsts[j] - lo,
                bufferFirsts[j] - lo + PathKeys.length(bufferKeys[j]), true);
          }
        }
        for (int i = 0; i < hi - lo; i++) {
          eventsCovered += covered[i] ? 1 : 0;
        }
      }
      from = to;
    }
    return new long[] {customersCovered, eventsCovered};
  }

  /**
   * One partial's tallies over its candidates: customers and events per candidate mask, a lookup
   * from candidate key to bit, and a filter of the other paths it saw after choosing them.
   */
  private static final class Piece implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int SLOTS = 256;
    private static final int FILTER_BITS = 1 << 16;
    private static final int LIST_LIMIT = 1 << 22;
    private static final int DIRECT_LIMIT = 1 << 14;

    private final long[] slotKeys = new long[SLOTS];
    private final byte[] slotBits = new byte[SLOTS];
    final long[] customersOne = new long[CANDIDATES];
    final long[] eventsOne = new long[CANDIDATES];
    /**
     * Customers' masks of two bits or more, one entry each (there are many distinct ones, and a
     * list written in order costs less than a table probed at random); once the list holds
     * {@value #LIST_LIMIT} (32 MiB) it is folded into {@link #customersFolded}, which bounds the
     * memory by the distinct masks. Events per mask of two bits or more.
     */
    private long[] customersMany = new long[64];
    private int customersManyCount;
    private final MaskCounts customersFolded = new MaskCounts();
    final MaskCounts eventsMany = new MaskCounts();
    private final long[] seen = new long[FILTER_BITS / 64];
    /**
     * When the counts are a small dense table: each slot's bit + 1 (0 for none), the digit weights
     * and base of its slots, and, as the filter, one bit per slot seen after picking. A lookup is
     * then a few multiply-adds and one load, with no probing loop whose exit mispredicts.
     */
    private final byte[] bitOfSlot;
    private final int[] weights;
    private final int radix;
    private final long[] seenSlots;

    Piece(long[] candidates, PathCounts counts) {
      boolean direct = counts.dense() && counts.capacity() <= DIRECT_LIMIT;
      bitOfSlot = direct ? new byte[counts.capacity()] : null;
      seenSlots = direct ? new long[(counts.capacity() + 63) / 64] : null;
      weights = new int[direct ? counts.digits() : 0];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = counts.weight(i);
      }
      radix = counts.radix();
      for (int b = 0; b < candidates.length; b++) {
        if (direct) {
          bitOfSlot[directSlot(candidates[b])] = (byte) (b + 1);
        }
        int s = slot(candidates[b]);
        while (slotKeys[s] != 0) {
          s = (s + 1) & (SLOTS - 1);
        }
        slotKeys[s] = candidates[b];
        slotBits[s] = (byte) b;
      }
    }

    private static int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 56);
    }

    /** The slot of a key in the dense table; -1 if it does not fit there. */
    private int directSlot(long key) {
      int s = 0;
      for (int i = 0; i < weights.length; i++) {
        int digit = (int) (key >>> (16 * i)) & 0xFFFF;
        if (digit >= radix) {
          return -1;
        }
        s += weights[i] * digit;
      }
      return key >>> (16 * weights.length) == 0 || weights.length == 4 ? s : -1;
    }

    /** The candidate bit of {@code key}, or -1 (noting the key in the filter). */
    int bit(long key) {
      if (bitOfSlot != null) {
        int s = directSlot(key);
        if (s < 0) {
          throw new IllegalArgumentException("path key " + key + " is not of this query");
        }
        seenSlots[s >>> 6] |= 1L << s;
        return bitOfSlot[s] - 1;
      }
      int b = find(key);
      if (b < 0) {
        int f = filterBit(key);
        seen[f >>> 6] |= 1L << f;
      }
      return b;
    }

    /** The candidate bit of {@code key}, or -1. */
    int find(long key) {
      if (bitOfSlot != null) {
        int d = directSlot(key);
        return d < 0 ? -1 : bitOfSlot[d] - 1;
      }
      int s = slot(key);
      long k;
      while ((k = slotKeys[s]) != 0) {
        if (k == key) {
          return slotBits[s];
        }
        s = (s + 1) & (SLOTS - 1);
      }
      return -1;
    }

    boolean mayHaveSeen(long key) {
      if (bitOfSlot != null) {
        int d = directSlot(key);
        return d < 0 || (seenSlots[d >>> 6] >>> d & 1) != 0;
      }
      int f = filterBit(key);
      return (seen[f >>> 6] >>> f & 1) != 0;
    }

    private static int filterBit(long key) {
      long h = (key ^ 0x5DEECE66DL) * 0xC2B2AE3D27D4EB4FL;
      return (int) (h >>> 48);
    }

    void customer(long mask) {
      if (Long.bitCount(mask) == 1) {
        customersOne[Long.numberOfTrailingZeros(mask)]++;
        return;
      }
      if (customersManyCount == LIST_LIMIT) {
        for (int i = 0; i < customersManyCount; i++) {
          customersFolded.add(customersMany[i], 1);
        }
        customersManyCount = 0;
      }
      if (customersManyCount == customersMany.length) {
        customersMany = Arrays.copyOf(customersMany, customersManyCount * 2);
      }
      customersMany[customersManyCount++] = mask;
    }

    /** Customers whose mask of two bits or more shares a bit with {@code mask}. */
    long customersManyMeeting(long mask) {
      long n = customersFolded.sumMeeting(mask);
      for (int i = 0; i < customersManyCount; i++) {
        n += (customersMany[i] & mask) != 0 ? 1 : 0;
      }
      return n;
    }

    void events(long mask, long n) {
      if (mask == 0) {
        return;
      }
      if (Long.bitCount(mask) == 1) {
        eventsOne[Long.numberOfTrailingZeros(mask)] += n;
      } else {
        eventsMany.add(mask, n);
      }
    }
  }

  /** Counts per mask of two bits or more: open addressing, linear probing, no boxing. */
  private static final class MaskCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    private long[] masks = new long[64];
    private long[] counts = new long[64];
    private int size;

    void add(long mask, long n) {
      int m = masks.length - 1;
      int s = (int) ((mask * 0x9E3779B97F4A7C15L) >>> 40) & m;
      long k;
      while ((k = masks[s]) != mask) {
        if (k == 0) {
          masks[s] = mask;
          if (++size * 2 > masks.length) {
            counts[s] = n;
            grow();
            return;
          }
          break;
        }
        s = (s + 1) & m;
      }
      counts[s] += n;
    }

    private void grow() {
      long[] oldMasks = masks;
      long[] oldCounts = counts;
      masks = new long[oldMasks.length * 2];
      counts = new long[oldMasks.length * 2];
      size = 0;
      for (int i = 0; i < oldMasks.length; i++) {
        if (oldMasks[i] != 0) {
          add(oldMasks[i], oldCounts[i]);
        }
      }
    }

    /** The counts of the masks that share a bit with {@code mask}. */
    long sumMeeting(long mask) {
      long sum = 0;
      for (int i = 0; i < masks.length; i++) {
        if ((masks[i] & mask) != 0) {
          sum += counts[i];
        }
      }
      return sum;
    }
  }
}
