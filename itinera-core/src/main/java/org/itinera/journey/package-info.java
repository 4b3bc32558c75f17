/**
 * The journey model: the user's stages, the rules that map events to a stage and a touchpoint, and
 * the goals (conversion events), read from {@code journey.yml} and validated with errors that name
 * the line and the field. {@link org.itinera.journey.JourneyModel} is the entry type; {@link
 * org.itinera.journey.StageClassifier} is the model compiled against a vocabulary, as analyses use
 * it. The format is documented in docs/JOURNEY.md.
 */
package org.itinera.journey;
