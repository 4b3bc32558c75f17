/**
 * Paths: the most frequent runs of consecutive events from or to an anchor (journey or session
 * start, an event, or every event, which yields the directly-follows graph of process mining),
 * with counts, shares, a Sankey-ready graph and what the shown paths cover. {@link
 * org.itinera.path.Paths} is the entry point; semantics are documented on {@link
 * org.itinera.path.PathSpec} and in docs/JOURNEY.md.
 */
package org.itinera.path;
