/**
 * The read-only query API under {@code /api}: overview, customer search, the catalog of names,
 * the voice of the customer and click heatmaps. Handlers parse request parameters (errors name
 * the parameter), open a connection of their own and return the embedded engine's records as
 * JSON; the dashboard uses exactly these endpoints.
 */
package org.itinera.query;
