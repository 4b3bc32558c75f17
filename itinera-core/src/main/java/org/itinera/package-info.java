/**
 * Itinera's domain and analyses as plain Java. The root package holds only the error model shared
 * by every feature; each feature (events, journeys, funnels, text, ...) lives in its own package.
 */
package org.itinera;
