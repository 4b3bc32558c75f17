/**
 * Looking customers up by any of their ids, summarising what the store knows of them, and finding
 * them by id, trait, topic, their own words, channel, current journey stage or funnel drop-off
 * ({@link org.itinera.customer.CustomerFinder}; the last two through the sequence engine).
 */
package org.itinera.customer;
