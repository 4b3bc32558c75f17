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
 *   <li>{@code offsets}: milliseconds since the customer's anchor, unsigned 32 bits. The first
 *       anchor is the customer's base second ({@code baseSec}, seconds since {@code epochMs}); an
 *       event more than {@value #MAX_OFFSET} ms (49.7 days) after its anchor becomes a new anchor,
 *       with offset 0 and its time in a sparse side table ({@code anchorPos}, {@code anchorMs}),
 *       and a bit in {@code anchored} marks its customer. So most customers' times are read at
 *       any position with one addition: a query decodes nothing for them, and a funnel reads only
 *       the times of the events its chain matched. Customers with long histories get a few
 *       anchors and are decoded once per visit.
 * </ul>
 *
 * <p>That is 5 (or 6) bytes per event plus 8 bytes and a bit per customer. Arrival order ({@code seq}) is not
 * stored: it only matters between events with equal times, so it is kept for those positions
 * alone.
 */
final class BaseSegment {
  static final int WIDE8 = 0xFF;
  static final int WIDE16 = 0xFFFF;
  /** The largest offset from an anchor; a later event starts a new anchor. */
  static final long MAX_OFFSET = 0xFFFFFFFEL;
  private static final long UNSIGNED = 0xFFFFFFFFL;

  final int customers;
  final int[] start;
  final int[] baseSec;
  final long epochMs;
  final byte[] cls8;
  final char[] cls16;
  final int[] offsets;
  final int[] widePos;
  final int[] wideCls;
  final int[] anchorPos;
  final long[] anchorMs;
  /** Customers with an anchor besides their base second (one bit each). */
  final long[] anchored;
  final int[] tiePos;
  final long[] tieSeq;
  final Measures measures;
  final long maxSeq;

  BaseSegment(int customers, int[] start, int[] baseSec, long epochMs, byte[] cls8, char[] cls16,
      int[] offsets, int[] widePos, int[] wideCls, int[] anchorPos, long[] anchorMs, int[] tiePos,
      long[] tieSeq, Measures measures, long maxSeq) {
    this.customers = customers;
    this.start = start;
    this.baseSec = baseSec;
    this.epochMs = epochMs;
    this.cls8 = cls8;
    this.cls16 = cls16;
    this.offsets = offsets;
    this.widePos = widePos;
    this.wideCls = wideCls;
    this.anchorPos = anchorPos;
    this.anchorMs = anchorMs;
    this.anchored = new long[(customers + 63) >>> 6];
    int c = 0;
    for (int p : anchorPos) { // ascending, so the customer only moves forward
      while (start[c + 1] <= p) {
        c++;
      }
      anchored[c >>> 6] |= 1L << c;
    }
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
    return new BaseSegment(customers, start, baseSec, epochMs, cls8, cls16, offsets, widePos,
        wideCls, anchorPos, anchorMs, tiePos, tieSeq, newMeasures, maxSeq);
  }

  int events() {
    return offsets.length;
  }

  /** Whether customer {@code c} has anchors besides its base second. */
  boolean anchored(int c) {
    return (anchored[c >>> 6] & (1L << c)) != 0;
  }

  /** Customer {@code c}'s first anchor: its base second, in epoch milliseconds. */
  long baseMs(int c) {
    return epochMs + baseSec[c] * 1000L;
  }

  /** The time at {@code position} of a customer that is not {@link #anchored}. */
  long ts(long baseMs, int position) {
    return baseMs + (offsets[position] & UNSIGNED);
  }

  /** Decodes customer {@code c}'s times into {@code out}; returns the event count. */
  int decodeTimes(int c, long[] out) {
    int from = start[c];
    int to = start[c + 1];
    long anchor = baseMs(c);
    if (!anchored(c)) {
      for (int p = from; p < to; p++) {
        out[p - from] = anchor + (offsets[p] & UNSIGNED);
      }
      return to - from;
    }
    int k = Arrays.binarySearch(anchorPos, from);
    k = k < 0 ? -k - 1 : k;
    for (int p = from; p < to; p++) {
      if (k < anchorPos.length && anchorPos[k] == p) {
        anchor = anchorMs[k++];
      }
      out[p - from] = anchor + (offsets[p] & UNSIGNED);
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

  /** The arrival seq of a position that ties with a neighbour on time, or -1. */
  long tieSeq(int position) {
    int k = Arrays.binarySearch(tiePos, position);
    return k < 0 ? -1 : tieSeq[k];
  }

  long bytes() {
    return (cls8 != null ? cls8.length : 2L * cls16.length) + 4L * offsets.length
        + 4L * start.length + 4L * baseSec.length + 8L * anchored.length
        + 8L * (widePos.length + anchorPos.length) + 4L * anchorPos.length + 12L * tiePos.length
        + measures.bytes();
  }
}
