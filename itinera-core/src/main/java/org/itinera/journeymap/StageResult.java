package org.itinera.journeymap;

/**
 * One stage's figures.
 *
 * @param customers customers with at least one event in the stage
 * @param progressed of those, customers with an event in a later stage after first entering this
 *     one
 * @param conversion progressed / customers
 * @param dropOff customers - progressed: they never moved past this stage
 * @param goalCustomers customers who met a goal at or after first entering this stage
 * @param events events mapped to the stage
 * @param medianMsInStage median time from entering the stage to entering the next different
 *     stage, over completed stays (a stay still open at the end of the data is not counted)
 * @param completedStays the stays the time quantiles are over
 */
public record StageResult(String stage, String name, long customers, long progressed,
    double conversion, long dropOff, double dropOffRate, long goalCustomers,
    double goalConversion, long events, Long medianMsInStage, Long p90MsInStage,
    long completedStays, Emotion emotion) {}
