package org.itinera.sequence;

import java.io.Serializable;

/** A query an engine has prepared: one consistent snapshot of its data. */
public interface PreparedQuery {

  /** The snapshot's dictionaries with the query's flags. */
  Vocabulary vocabulary();

  /** Labels for breakdown {@code index} of the prepared list; null for a channel breakdown. */
  CustomerLabels labels(int index);

  /**
   * Runs the analysis over every customer that passes the filter (events filtered as {@link
   * SequenceFilter} says), in parallel where the engine can, and returns the merged partial.
   */
  <P extends Serializable, R> P run(SequenceAnalysis<P, R> analysis);
}
