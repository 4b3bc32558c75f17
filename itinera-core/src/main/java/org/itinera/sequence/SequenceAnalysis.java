package org.itinera.sequence;

import java.io.Serializable;

/**
 * The contract every sequence analysis implements once, for every engine: fold customers one at a
 * time into a partial aggregate, merge partials, finish into a result.
 *
 * <p>Engines call {@link #newPartial()} once per worker or partition, {@link #accept} for every
 * customer that passes the query's filter (each customer exactly once, in any order), then {@link
 * #merge} in any grouping, then {@link #finish} once. Implementations must therefore be
 * order-insensitive, hold no static state, and keep partials {@link Serializable} so that a
 * cluster engine can ship them between machines. The analysis object itself is serialisable too:
 * it carries only compiled, immutable query state.
 *
 * @param <P> the partial aggregate
 * @param <R> the finished result
 */
public interface SequenceAnalysis<P extends Serializable, R> extends Serializable {

  P newPartial();

  /** Folds one customer's events into {@code partial}; {@code events} may be empty. */
  void accept(P partial, EventSequence events);

  /** Combines two partials; may reuse and return either argument. */
  P merge(P left, P right);

  R finish(P partial);
}
