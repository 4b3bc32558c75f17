/**
 * The vocabulary of the data: which event names, channels and traits exist and how common each
 * is. Query builders (funnel steps, breakdowns, segment filters) offer choices from it instead of
 * asking the analyst to type names.
 */
package org.itinera.catalog;
