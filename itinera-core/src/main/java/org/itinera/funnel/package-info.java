/**
 * Conversion funnels: how many customers complete an ordered list of steps within a window, where
 * they drop, how long each step takes, and what the ones who dropped did instead. {@link
 * org.itinera.funnel.Funnels} runs a {@link org.itinera.funnel.FunnelSpec} on any {@link
 * org.itinera.sequence.SequenceSource}; the precise semantics are in docs/JOURNEY.md and on {@code
 * AttemptFinder}.
 */
package org.itinera.funnel;
