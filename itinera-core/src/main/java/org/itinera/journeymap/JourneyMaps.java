package org.itinera.journeymap;

import java.util.List;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.SequenceSource;

/** Runs journey maps on any engine. */
public final class JourneyMaps {
  private JourneyMaps() {}

  public static JourneyMapResult run(SequenceSource source, JourneyMapSpec spec) {
    PreparedQuery query = source.prepare(spec.filter(), spec.model().flags(), List.of());
    JourneyMapAnalysis analysis = new JourneyMapAnalysis(spec.model(), query.vocabulary());
    return analysis.finish(query.run(analysis));
  }

  /** The analysis itself, for engines that drive it directly. */
  public static SequenceAnalysis<?, JourneyMapResult> analysis(JourneyMapSpec spec,
      PreparedQuery query) {
    return new JourneyMapAnalysis(spec.model(), query.vocabulary());
  }
}
