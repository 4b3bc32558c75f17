package org.itinera.sequence;

/**
 * One customer's events in journey order: by timestamp, ties broken by arrival order ({@code
 * seq}). The order is the contract, so analyses never sort. Events that arrived late are already
 * placed by their timestamp.
 *
 * <p>A view, not a copy: engines reuse one instance per worker and re-point it at the next
 * customer, so analyses must not keep a reference to it (or to the values it returned by index)
 * after {@link SequenceAnalysis#accept} returns.
 */
public interface EventSequence {

  /** The dictionaries the ids below refer to. */
  Vocabulary vocabulary();

  /** The customer's dense ordinal in this source; stable for the lifetime of one query. */
  int customer();

  /** The canonical customer id (decoded on demand; avoid it on hot paths). */
  String customerId();

  /**
   * A number that orders the query's customers as their ids in Unicode code-point order (the order
   * of their UTF-8 bytes), so an analysis can keep "the first N customers" without decoding ids.
   * Engines whose ordinals follow that order can use the ordinal.
   */
  default long customerKey() {
    return customer();
  }

  int size();

  /** Event time, UTC epoch milliseconds; non-decreasing in {@code i}. */
  long ts(int i);

  /** The event's class: its (type, name, channel) triple, see {@link Vocabulary#classCount()}. */
  int eventClass(int i);

  /** The value of a numeric field, or {@code NaN} when the event has none. */
  double measure(Measure measure, int i);

  /**
   * The first position at or after {@code from} whose event carries {@code measure}, or {@link
   * #size()} when none does. Analyses that look at a field few events carry (sentiment is on
   * about a fifth) walk those events with it rather than asking every event: an engine that keeps
   * the field as a presence bitmap answers by scanning words.
   */
  default int nextMeasured(Measure measure, int from) {
    int n = size();
    for (int i = from; i < n; i++) {
      if (!Double.isNaN(measure(measure, i))) {
        return i;
      }
    }
    return n;
  }

  /**
   * Whether event {@code i} satisfies the query's property predicate number {@code flag}, as listed
   * in {@link Vocabulary#flags()}.
   */
  boolean flag(int flag, int i);

  default int name(int i) {
    return vocabulary().nameOfClass(eventClass(i));
  }

  default int type(int i) {
    return vocabulary().typeOfClass(eventClass(i));
  }

  default int channel(int i) {
    return vocabulary().channelOfClass(eventClass(i));
  }
}
