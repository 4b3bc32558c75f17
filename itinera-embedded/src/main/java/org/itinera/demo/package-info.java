/**
 * The demo data set: a deterministic, streaming generator of a year of a fictional Korean
 * online retailer (Dalbit Market, 달빛마켓) across every channel, with planted truths (personas,
 * pain points, a checkout A/B test, an improvement, seasonality) that the analyses must recover.
 * {@link org.itinera.demo.DemoGenerator} streams Segment-style messages and importer rows into a
 * {@link org.itinera.demo.DemoSink}; {@link org.itinera.demo.DemoExport} writes them as files.
 */
package org.itinera.demo;
