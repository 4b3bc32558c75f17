package org.itinera.customer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.FunnelStepResult;
import org.itinera.funnel.Funnels;
import org.itinera.journey.JourneyModel;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.SequenceSource;

/**
 * Resolves the criteria that need whole event sequences into customer ids, with the engine's own
 * analyses so that a search agrees with the funnel and journey-map reports: the funnel's
 * drop-off sample for "dropped at step k", the journey model's classifier for "current stage".
 */
final class SequenceCriteria {
  private SequenceCriteria() {}

  /** The ids meeting both sequence criteria of {@code q}; null when it has none. */
  static Set<String> ids(CustomerQuery q, SequenceSource sequences, JourneyModel model) {
    if (!q.needsSequences()) {
      return null;
    }
    if (sequences == null || model == null) {
      throw new ItineraException(ErrorCode.INVALID_INPUT, q.stage() != null ? "stage"
          : "droppedAt", "finding customers by stage or funnel drop-off needs the sequence"
          + " index and the journey model, which this search was not given");
    }
    Set<String> out = null;
    if (q.droppedAt() != null) {
      out = dropped(q.droppedAt(), sequences);
    }
    if (q.stage() != null) {
      Set<String> staged = atStage(q.stage(), sequences, model);
      if (out == null) {
        out = staged;
      } else {
        out.retainAll(staged);
      }
    }
    return out;
  }

  /**
   * The funnel's dropped customers at the step. The funnel keeps at most {@link
   * FunnelSpec#MAX_DROP_SAMPLE} of them (the smallest ids); past that the search sees only
   * those.
   */
  private static Set<String> dropped(DropOff d, SequenceSource sequences) {
    FunnelSpec spec = new FunnelSpec(d.steps().stream().map(s -> FunnelStep.parse("droppedAt", s)).toList(),
        d.windowMs(), false, List.of(), FunnelSpec.MAX_DROP_SAMPLE, SequenceFilter.NONE);
    FunnelResult r = Funnels.run(sequences, spec);
    FunnelStepResult step = r.steps().get(d.step() - 1);
    return new HashSet<>(step.droppedCustomers());
  }

  private static Set<String> atStage(String stage, SequenceSource sequences, JourneyModel model) {
    int index = model.stageIndex(stage);
    if (index < 0) {
      throw ItineraException.invalid("stage", "'" + stage + "' is not a stage of the journey"
          + " model; its stages are " + model.stages().stream().map(s -> s.id()).toList());
    }
    PreparedQuery query = sequences.prepare(SequenceFilter.NONE, model.flags(), List.of());
    CurrentStageAnalysis analysis = new CurrentStageAnalysis(model, query.vocabulary(), index);
    return new HashSet<>(query.run(analysis));
  }
}
