package org.itinera.index;

import org.itinera.sequence.EventSequence;
import org.itinera.sequence.Measure;
import org.itinera.sequence.Vocabulary;

/**
 * The {@link EventSequence} the analyses see: re-pointed at one customer after another by a worker.
 * Classes are read straight from the base column (measured: decoding them into a scratch array made
 * every analysis slower), and so are times for most customers: an offset from the customer's base
 * plus one addition ({@link BaseSegment}), so an analysis that reads few times (a funnel reads only
 * its chain's) pays for few. Customers with anchors (long histories) have their times decoded into
 * a scratch array once per visit. A customer with appended (tail) events is merged into scratch
 * arrays instead; on equal times base events come first, because every tail event arrived later.
 */
final class IndexView implements EventSequence {
  private final Snapshot snapshot;
  private final BaseSegment base;
  private final Tail tail;
  private final Vocabulary vocabulary;
  private final QueryFlags flags;
  private int customer = Integer.MAX_VALUE;
  /** The first tail index after the current customer's; -1 before the first position. */
  private int tailCursor = -1;
  private int from;
  private int size;
  private boolean merged;
  /** Times read straight from the base: {@code baseMs} plus the position's offset. */
  private boolean direct;
  private long baseMs;
  /** The base's 8-bit class column when the segment has no wider classes and no merge is on. */
  private final byte[] narrow;
  private byte[] classes8;
  private long[] ts = new long[64];
  private long[] baseTs = new long[64];
  private int[] cls = new int[64];
  /** For merged views: base position, or -(tail index + 1). */
  private int[] source = new int[64];
  private int baseCount;

  IndexView(Snapshot snapshot, Vocabulary vocabulary, QueryFlags flags) {
    this.snapshot = snapshot;
    this.base = snapshot.base();
    this.tail = snapshot.tail();
    this.vocabulary = vocabulary;
    this.flags = flags;
    this.narrow = base.cls8 != null && base.widePos.length == 0 ? base.cls8 : null;
  }

  /** Points the view at customer {@code c}. */
  void position(int c) {
    if (tail.size() == 0 && c < base.customers) {
      positionInBase(c);
    } else {
      positionMerging(c);
    }
  }

  /**
   * The common case, kept small so that it is inlined into the workers' loop: no tail, so the
   * customer's events are a range of the base columns.
   */
  private void positionInBase(int c) {
    customer = c;
    from = base.start[c];
    baseCount = base.start[c + 1] - from;
    size = baseCount;
    merged = false;
    classes8 = narrow;
    direct = baseCount > 0 && !base.anchored(c);
    if (direct) {
      baseMs = base.baseMs(c);
    } else if (baseCount > 0) {
      ensure(size);
      base.decodeTimes(c, ts);
    }
  }

  private void positionMerging(int c) {
    int previous = customer;
    customer = c;
    baseCount = 0;
    if (c < base.customers) {
      from = base.start[c];
      baseCount = base.start[c + 1] - from;
    }
    int t0;
    if (tail.size() == 0) {
      t0 = 0;
    } else if (c > previous && tailCursor >= 0 && c - previous < 64) {
      t0 = tailCursor; // workers visit customers in order: walk on instead of searching
      while (t0 < tail.size() && tail.customer(t0) < c) {
        t0++;
      }
    } else {
      t0 = tail.first(c);
    }
    int t1 = t0;
    while (t1 < tail.size() && tail.customer(t1) == c) {
      t1++;
    }
    tailCursor = t1;
    size = baseCount + (t1 - t0);
    ensure(size);
    merged = t1 > t0;
    direct = false;
    classes8 = merged ? null : narrow;
    if (!merged) {
      if (baseCount > 0) {
        direct = !base.anchored(c);
        if (direct) {
          baseMs = base.baseMs(c);
        } else {
          base.decodeTimes(c, ts);
        }
      }
      return;
    }
    if (baseCount > 0) {
      base.decodeTimes(c, baseTs);
    }
    int i = 0;
    int b = 0;
    int t = t0;
    while (b < baseCount || t < t1) {
      if (t == t1 || (b < baseCount && baseTs[b] <= tail.ts(t))) {
        ts[i] = baseTs[b];
        cls[i] = base.eventClass(from + b);
        source[i++] = from + b++;
      } else {
        ts[i] = tail.ts(t);
        cls[i] = tail.eventClass(t);
        source[i++] = -(t++ + 1);
      }
    }
  }

  private void ensure(int n) {
    if (ts.length < n) {
      int cap = Math.max(n, ts.length * 2);
      ts = new long[cap];
      baseTs = new long[cap];
      cls = new int[cap];
      source = new int[cap];
    }
  }

  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public int customer() {
    return customer;
  }

  @Override
  public String customerId() {
    return snapshot.customers().id(customer);
  }

  @Override
  public long customerKey() {
    return snapshot.customers().key(customer);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long ts(int i) {
    return direct ? base.ts(baseMs, from + i) : ts[i];
  }

  @Override
  public int eventClass(int i) {
    byte[] c8 = classes8;
    if (c8 != null) {
      return c8[from + i] & 0xFF;
    }
    if (merged) {
      return cls[i];
    }
    return base.eventClass(from + i);
  }

  @Override
  public double measure(Measure measure, int i) {
    if (merged && source[i] < 0) {
      return tail.measure(measure, -source[i] - 1);
    }
    return base.measures.at(measure, merged ? source[i] : from + i);
  }

  @Override
  public int nextMeasured(Measure measure, int i) {
    if (merged) {
      return EventSequence.super.nextMeasured(measure, i);
    }
    return base.measures.next(measure, from + i, from + size) - from;
  }

  @Override
  public boolean flag(int flag, int i) {
    if (merged && source[i] < 0) {
      return flags.tail(flag, -source[i] - 1);
    }
    return flags.base(flag, merged ? source[i] : from + i);
  }
}
