package org.itinera.funnel;

import java.util.List;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.SequenceSource;

/** Runs funnels on any engine. */
public final class Funnels {
  private Funnels() {}

  public static FunnelResult run(SequenceSource source, FunnelSpec spec) {
    PreparedQuery query = source.prepare(spec.filter(), flags(spec), spec.breakdowns());
    FunnelAnalysis analysis = new FunnelAnalysis(spec, query);
    return analysis.finish(query.run(analysis));
  }

  /** The analysis itself, for engines that drive it directly (its partial type is private). */
  public static SequenceAnalysis<?, FunnelResult> analysis(FunnelSpec spec, PreparedQuery query) {
    return new FunnelAnalysis(spec, query);
  }

  /** The property predicates an engine must evaluate for this funnel, in flag order. */
  public static List<PropertyPredicate> flags(FunnelSpec spec) {
    return EventPredicate.flagsOf(spec.steps().stream().map(FunnelStep::match));
  }
}
