/**
 * The sequence analyses over HTTP: funnels, paths, the journey map and retention, run by the
 * embedded engine's sequence index (built on first use, kept fresh by the index itself) and
 * answered as the core's result records. Request parameters are parsed here with errors naming
 * the parameter; the semantics are the core's (docs/JOURNEY.md). Also the journey model's stage
 * of one event, in Java ({@code ModelStages}) and as SQL ({@code StageSql}), for the pain points of
 * each stage and the voice of the customer by stage.
 */
package org.itinera.analysis;
