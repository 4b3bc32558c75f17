package org.itinera.analysis;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.itinera.journeymap.JourneyMapResult;

/**
 * The journey map as the engine computes it (its fields at the top level of the JSON), plus the
 * top pain points of each stage by stage id.
 */
record JourneyMapAnswer(@JsonUnwrapped JourneyMapResult map,
    Map<String, List<StagePainPoints.PainPoint>> painPoints) {}
