package org.itinera.sequence;

import java.util.List;

/**
 * An engine that holds customer sequences (the embedded in-memory index; later Spark). Analyses
 * ask it for a prepared query, compile themselves against the query's vocabulary, and let it run.
 */
public interface SequenceSource {

  /**
   * Resolves what a query needs from the engine: the event flags (property predicates, in the
   * given order), and customer labels for each non-channel breakdown.
   */
  PreparedQuery prepare(SequenceFilter filter, List<PropertyPredicate> flags,
      List<Breakdown> breakdowns);
}
