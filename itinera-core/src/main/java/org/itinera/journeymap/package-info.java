/**
 * The journey map: for a {@link org.itinera.journey.JourneyModel}'s stages, how many customers
 * reach each, how they move between stages (forward, skipping, going back), conversion and
 * drop-off, time in stage, the touchpoint by stage matrix, and the emotion (sentiment) per stage
 * and touchpoint. {@link org.itinera.journeymap.JourneyMaps} is the entry point.
 */
package org.itinera.journeymap;
