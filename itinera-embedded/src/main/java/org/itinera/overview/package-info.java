/**
 * The overview of the whole customer base for a period: customers, events by channel over time,
 * purchase conversion, NPS and CSAT, the sentiment trend and the biggest pain points, each one
 * computed by SQL over the {@code events} table. The dashboard's first page shows it.
 */
package org.itinera.overview;
