/**
 * The sequence abstraction every journey analysis is written against. An analysis walks one
 * customer's time-ordered events ({@link org.itinera.sequence.EventSequence}, a view over primitive
 * columns), folds them into a serialisable partial aggregate, and merges partials; an engine (the
 * embedded in-memory index, later Spark) decides which customers each partial sees and in what
 * order partials are merged, so analyses must not depend on either. Names, types and channels are
 * dictionary-coded in a {@link org.itinera.sequence.Vocabulary}; property and trait predicates are
 * resolved by the engine into per-event flags and per-customer labels before an analysis runs.
 */
package org.itinera.sequence;
