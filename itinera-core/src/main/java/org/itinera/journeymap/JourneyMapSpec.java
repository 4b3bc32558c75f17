package org.itinera.journeymap;

import java.util.Objects;
import org.itinera.journey.JourneyModel;
import org.itinera.sequence.SequenceFilter;

/** A journey-map query: the model whose stages to map, and the usual filter. */
public record JourneyMapSpec(JourneyModel model, SequenceFilter filter) {
  public JourneyMapSpec {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(filter, "filter");
  }

  public static JourneyMapSpec of(JourneyModel model) {
    return new JourneyMapSpec(model, SequenceFilter.NONE);
  }
}
