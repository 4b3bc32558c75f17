package org.itinera.index;

import java.util.Arrays;

/**
 * The bulk of the index: every event up to {@code maxSeq}, sorted by customer ordinal, time and
 * arrival, as two primitive columns.
 *
 * <ul>
 *   <li>{@code cls}: the event class (type, name, channel), 16 bits; classes beyond 65,534 are
 *       stored as {@link #WIDE} with the real id in a sparse side table.
 *   <li>{@code dts}: milliseconds since the customer's previous event, unsigned 32 bits (gaps up to
 *       49.7 days); longer gaps are {@link #FAR} with the delta in a sparse side table. The first
 *       event's delta counts from the customer's base second ({@code baseSec}, seconds since
 *       {@code epochMs}).
 * </ul>
 *
 * <p>That is 6 bytes per event plus 8 per customer. Arrival order ({@code seq}) is not stored: it
 * only matters between events with equal times, so it is kept for those positions alone.
 */
final class BaseSegment {
  static final char WIDE = 0xFFFF;
  static final int FAR = -1;

  final int customers;
  final int[] start;
  final int[] baseSec;
  final long epochMs;
  final char[] cls;
  final int[] dts;
  final int[] widePos;
  final int[] wideCls;
  final int[] farPos;
  final long[] farDelta;
  final int[] tiePos;
  final long[] tieSeq;
  final Measures measures;
  final long maxSeq;

  BaseSegment(int customers, int[] start, int[] baseSec, long epochMs, char[] cls, int[] dts,
      int[] widePos, int[] wideCls, int[] farPos, long[] farDelta, int[] tiePos, long[] tieSeq,
      Measures measures, long maxSeq) {
    this.customers = customers;
    this.start = start;
    this.baseSec = baseSec;
    this.epochMs = epochMs;
    this.cls = cls;
    this.dts = dts;
    this.widePos = widePos;
    this.wideCls = wideCls;
    this.farPos = farPos;
    this.farDelta = farDelta;
    this.tiePos = tiePos;
    this.tieSeq = tieSeq;
    this.measures = measures;
    this.maxSeq = maxSeq;
  }

  static BaseSegment empty() {
    return new BaseSegment(0, new int[1], new int[0], 0, new char[0], new int[0], new int[0],
        new int[0], new int[0], new long[0], new int[0], new long[0], Measures.NONE, -1);
  }

  BaseSegment withMeasures(Measures newMeasures) {
    return new BaseSegment(customers, start, baseSec, epochMs, cls, dts, widePos, wideCls, farPos,
        farDelta, tiePos, tieSeq, newMeasures, maxSeq);
  }

  int events() {
    return cls.length;
  }

  /** Decodes customer {@code c}'s times into {@code out}; returns the event count. */
  int decodeTimes(int c, long[] out) {
    int from = start[c];
    int to = start[c + 1];
    long t = epochMs + baseSec[c] * 1000L;
    for (int p = from; p < to; p++) {
      int d = dts[p];
      t += d == FAR ? far(p) : d & 0xFFFFFFFFL;
      out[p - from] = t;
    }
    return to - from;
  }

  int eventClass(int position) {
    char c = cls[position];
    return c == WIDE ? wideCls[Arrays.binarySearch(widePos, position)] : c;
  }

  private long far(int position) {
    return farDelta[Arrays.binarySearch(farPos, position)];
  }

  /** The arrival seq of a position that ties with a neighbour on time, or -1. */
  long tieSeq(int position) {
    int k = Arrays.binarySearch(tiePos, position);
    return k < 0 ? -1 : tieSeq[k];
  }

  long bytes() {
    return 2L * cls.length + 4L * dts.length + 4L * start.length + 4L * baseSec.length
        + 8L * (widePos.length + farPos.length) + 4L * farPos.length + 12L * tiePos.length
        + measures.bytes();
  }
}
