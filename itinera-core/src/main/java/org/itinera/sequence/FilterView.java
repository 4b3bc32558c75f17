package org.itinera.sequence;

/**
 * Applies a {@link SequenceFilter}'s event conditions to customer sequences, for engines. One
 * instance per worker thread: it reuses a position buffer and a wrapper view, so the sequence it
 * returns is valid until the next call.
 */
public final class FilterView {
  private final boolean active;
  private final long from;
  private final long to;
  private final boolean[] channelOk;
  private final Subsequence view = new Subsequence();

  public FilterView(SequenceFilter filter, Vocabulary vocabulary) {
    this.active = filter.filtersEvents();
    this.from = filter.fromMs() == null ? Long.MIN_VALUE : filter.fromMs();
    this.to = filter.toMs() == null ? Long.MAX_VALUE : filter.toMs();
    this.channelOk = new boolean[vocabulary.classCount()];
    for (int c = 0; c < channelOk.length; c++) {
      channelOk[c] = filter.channels().isEmpty() || filter.channels()
          .contains(vocabulary.channel(vocabulary.channelOfClass(c)));
    }
  }

  /** The events of {@code events} that pass; {@code events} itself when nothing is filtered. */
  public EventSequence apply(EventSequence events) {
    if (!active) {
      return events;
    }
    view.reset(events);
    for (int i = 0, n = events.size(); i < n; i++) {
      long t = events.ts(i);
      if (t >= from && t < to && channelOk[events.eventClass(i)]) {
        view.keep(i);
      }
    }
    return view;
  }

  /** A sequence made of some positions of another, in order. */
  private static final class Subsequence implements EventSequence {
    private EventSequence base;
    private int[] positions = new int[64];
    private int size;

    void reset(EventSequence newBase) {
      base = newBase;
      size = 0;
      if (positions.length < newBase.size()) {
        positions = new int[Math.max(newBase.size(), positions.length * 2)];
      }
    }

    void keep(int i) {
      positions[size++] = i;
    }

    @Override
    public Vocabulary vocabulary() {
      return base.vocabulary();
    }

    @Override
    public int customer() {
      return base.customer();
    }

    @Override
    public String customerId() {
      return base.customerId();
    }

    @Override
    public long customerKey() {
      return base.customerKey();
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public long ts(int i) {
      return base.ts(positions[i]);
    }

    @Override
    public int eventClass(int i) {
      return base.eventClass(positions[i]);
    }

    @Override
    public double measure(Measure measure, int i) {
      return base.measure(measure, positions[i]);
    }

    @Override
    public boolean flag(int flag, int i) {
      return base.flag(flag, positions[i]);
    }
  }
}
