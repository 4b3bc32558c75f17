package org.itinera.retention;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.SequenceSource;

/** Runs retention queries on any engine. */
public final class Retention {
  private Retention() {}

  public static RetentionResult run(SequenceSource source, RetentionSpec spec) {
    PreparedQuery query = source.prepare(spec.filter(), EventPredicate.flagsOf(
        Stream.of(spec.cohortEvent(), spec.returnEvent()).filter(Objects::nonNull)), List.of());
    RetentionAnalysis analysis = new RetentionAnalysis(spec, query.vocabulary());
    return analysis.finish(query.run(analysis));
  }
}
