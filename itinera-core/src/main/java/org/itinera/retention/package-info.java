/**
 * Retention and cohorts: customers grouped by the calendar week or month (UTC) of their first
 * event (or first chosen event), and the share returning in each later period. {@link
 * org.itinera.retention.Retention} is the entry point.
 */
package org.itinera.retention;
