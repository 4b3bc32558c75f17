package org.itinera.index;

import java.util.Arrays;

/**
 * The bulk of the index: every event up to {@code maxSeq}, sorted by customer ordinal, time and
 * arrival, as two primitive columns.
 *
 * <ul>
 *   <li>{@code cls8} or {@code cls16}: the event class (type, name, channel) in 8 bits when the
 *       vocabulary has fewer than 255 classes, else 16; the largest value of the width marks a
 *       class too large for it, whose real id is in a sparse side table.
 *   <li>{@code dts}: milliseconds since the customer's previous event, unsigned 32 bits (gaps up to
 *       49.7 days); longer gaps are {@link #FAR} with the delta in a sparse side table. The first
 *       event's delta counts from the customer's base second ({@code baseSec}, seconds since
 *       {@code epochMs}).
 * </ul>
 *
 * <p>That is 5 (or 6) bytes per event plus 8 per customer. Arrival order ({@code seq}) is not
 * stored: it only matters between events with equal times, so it is kept for those positions
 * alone.
 */
final class BaseSegment {
  static final int WIDE8 = 0xFF;
  static final int WIDE16 = 0xFFFF;
  static final int FAR = -1;

  final int customers;
  final int[] start;
  final int[] baseSec;
  final long epochMs;
  final byte[] cls8;
  final char[] cls16;
  final int[] dts;
  final int[] widePos;
  final int[] wideCls;
  final int[] farPos;
  final long[] farDelta;
  final int[] tiePos;
  final long[] tieSeq;
  final Measures measures;
  final long maxSeq;

  BaseSegment(int customers, int[] start, int[] baseSec, long epochMs, byte[] cls8, char[] cls16,
      int[] dts,
      int[] widePos, int[] wideCls, int[] farPos, long[] farDelta, int[] tiePos, long[] tieSeq,
      Measures measures, long maxSeq) {
    this.customers = customers;
    this.start = start;
    this.baseSec = baseSec;
    this.epochMs = epochMs;
    this.cls8 = cls8;
    this.cls16 = cls16;
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
    return new BaseSegment(0, new int[1], new int[0], 0, new byte[0], null, new int[0], new int[0],
        new int[0], new int[0], new long[0], new int[0], new long[0], Measures.NONE, -1);
  }

  BaseSegment withMeasures(Measures newMeasures) {
    return new BaseSegment(customers, start, baseSec, epochMs, cls8, cls16, dts, widePos, wideCls,
        farPos, farDelta, tiePos, tieSeq, newMeasures, maxSeq);
  }

  int events() {
    return dts.length;
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
    if (cls8 != null) {
      int c = cls8[position] & 0xFF;
      return c == WIDE8 ? wide(position) : c;
    }
    int c = cls16[position];
    return c == WIDE16 ? wide(position) : c;
  }

  private int wide(int position) {
    return wideCls[Arrays.binarySearch(widePos, position)];
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
    return (cls8 != null ? cls8.length : 2L * cls16.length) + 4L * dts.length
        + 4L * start.length + 4L * baseSec.length
        + 8L * (widePos.length + farPos.length) + 4L * farPos.length + 12L * tiePos.length
        + measures.bytes();
  }
}
