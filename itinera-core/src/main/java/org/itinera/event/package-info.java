/** The canonical event record every source is normalised into, and its vocabulary. */
package org.itinera.event;
