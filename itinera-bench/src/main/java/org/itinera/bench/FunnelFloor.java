package org.itinera.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The funnel's floor: the engine's 5-step funnel algorithm written out over plain arrays, with no
 * index, no view and no per-customer call, on data of the engine benchmark's shape (customers of
 * 10 events, 85 classes, the same step frequencies; 10M events unless told otherwise). It measures what the algorithm
 * itself costs on this machine, piece by piece, so the engine's figure can be read against it:
 *
 * <ol>
 *   <li>the greedy pass: the wanted step as one bit, each event's position written to the wanted
 *       step's slot ({@code SingleStepPass});
 *   <li>plus the chain's times, read from 32-bit offsets, and the window check;
 *   <li>plus the times to convert kept (from the previous and from the first step);
 *   <li>plus the event after a drop counted.
 * </ol>
 *
 * <p>Each level runs on one thread and on two (the customers halved), alternating, and the
 * medians are printed. {@code java -cp itinera-bench/target/classes org.itinera.bench.FunnelFloor
 * [rounds [events]]}
 */
public final class FunnelFloor {
  private static final int EVENTS_PER_CUSTOMER = 10;
  private static final int STEPS = 5;
  private static final long WINDOW = 7 * 86_400_000L;
  private static final String[] LEVELS = {"greedy pass", "+ chain times and window",
      "+ times to convert kept", "+ next event after a drop"};

  private final int customers;
  private final byte[] cls;
  private final int[] start;
  private final int[] offsets;
  private final int[] baseSec;
  private final long[] stepBit = new long[256];
  private final int[] nameOf = new int[256];

  private FunnelFloor(int customers) {
    this.customers = customers;
    int events = customers * EVENTS_PER_CUSTOMER;
    cls = new byte[events];
    start = new int[customers + 1];
    offsets = new int[events];
    baseSec = new int[customers];
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < events; i++) {
      int h = r.nextInt(10_000);
      int name = h < 3000 ? 0 : h < 5000 ? 1 : h < 5900 ? 2 : h < 6400 ? 3 : h < 6800 ? 4
          : 5 + h % 12;
      cls[i] = (byte) (name * 5 + r.nextInt(5)); // five channels per name
    }
    for (int c = 0; c <= customers; c++) {
      start[c] = c * EVENTS_PER_CUSTOMER;
    }
    for (int c = 0; c < customers; c++) {
      baseSec[c] = r.nextInt(1 << 25);
      for (int k = start[c]; k < start[c + 1]; k++) {
        offsets[k] = (k - start[c]) * 28_800_000 + r.nextInt(28_800_000);
      }
    }
    for (int k = 0; k < 85; k++) {
      nameOf[k] = k / 5;
      stepBit[k] = k / 5 < STEPS ? 1L << (k / 5) : 0;
    }
  }

  /** Growable durations, as {@code Durations.add} keeps them: a store and the range. */
  private static final class Times {
    long[] values = new long[1024];
    int size;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }

  private long run(int level, int from, int to) {
    Times[] fromPrevious = new Times[STEPS];
    Times[] fromFirst = new Times[STEPS];
    for (int k = 0; k < STEPS; k++) {
      fromPrevious[k] = new Times();
      fromFirst[k] = new Times();
    }
    long[] reached = new long[STEPS];
    long[][] next = new long[STEPS][32];
    int[] pos = new int[STEPS + 1];
    long[] ts = new long[STEPS];
    long checksum = 0;
    for (int c = from; c < to; c++) {
      int first = start[c];
      int len = start[c + 1] - first;
      long want = 1;
      for (int j = 0; j < len; j++) {
        pos[Long.numberOfTrailingZeros(want)] = j;
        want += stepBit[cls[first + j] & 0xFF] & want;
      }
      int depth = Long.numberOfTrailingZeros(want);
      checksum += depth;
      if (depth == 0 || level == 0) {
        continue;
      }
      long base = baseSec[c] * 1000L;
      ts[0] = base + (offsets[first + pos[0]] & 0xFFFFFFFFL);
      boolean outside = false;
      for (int s = 1; s < depth && !outside; s++) {
        ts[s] = base + (offsets[first + pos[s]] & 0xFFFFFFFFL);
        outside = ts[s] - ts[0] > WINDOW;
      }
      if (outside || level == 1) {
        continue;
      }
      reached[0]++;
      if (depth > 1) {
        reached[1]++;
        fromPrevious[1].add(ts[1] - ts[0]);
      }
      for (int s = 2; s < depth; s++) {
        reached[s]++;
        fromPrevious[s].add(ts[s] - ts[s - 1]);
        fromFirst[s].add(ts[s] - ts[0]);
      }
      if (level == 2 || depth == STEPS) {
        continue;
      }
      int last = pos[depth - 1];
      next[depth][last + 1 < len ? nameOf[cls[first + last + 1] & 0xFF] : 31]++;
    }
    return checksum + reached[1] + fromPrevious[2].size + next[1][3];
  }

  private long twoThreads(int level) throws InterruptedException {
    long[] other = new long[1];
    Thread t = new Thread(() -> other[0] = run(level, 0, customers / 2));
    t.start();
    long mine = run(level, customers / 2, customers);
    t.join();
    return mine + other[0];
  }

  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    long events = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000;
    if (events < EVENTS_PER_CUSTOMER || events > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("events must be between 10 and " + (Integer.MAX_VALUE
          - 16) + " (one array holds them), was " + events);
    }
    FunnelFloor f = new FunnelFloor((int) (events / EVENTS_PER_CUSTOMER));
    double[][] one = new double[LEVELS.length][rounds];
    double[][] two = new double[LEVELS.length][rounds];
    long sink = 0;
    for (int round = -5; round < rounds; round++) { // five warm-up rounds
      for (int level = 0; level < LEVELS.length; level++) {
        long t0 = System.nanoTime();
        sink += f.run(level, 0, f.customers);
        long t1 = System.nanoTime();
        sink += f.twoThreads(level);
        long t2 = System.nanoTime();
        if (round >= 0) {
          one[level][round] = (t1 - t0) / 1e6;
          two[level][round] = (t2 - t1) / 1e6;
        }
      }
    }
    System.out.printf(Locale.ROOT, "funnel floor, %,d events, %,d customers, %d rounds (medians; "
        + "checksum %d)%n", (long) f.customers * EVENTS_PER_CUSTOMER, f.customers, rounds, sink);
    for (int level = 0; level < LEVELS.length; level++) {
      Arrays.sort(one[level]);
      Arrays.sort(two[level]);
      System.out.printf(Locale.ROOT, "  %-28s one thread %6.1f ms   two threads %6.1f ms%n",
          LEVELS[level], one[level][rounds / 2], two[level][rounds / 2]);
    }
  }
}
