/**
 * The customer journal: one customer's events as a timeline of episodes with stage changes,
 * sentiment, orders and tickets; a profile card; and a story in Korean or English in which every
 * sentence names the events it was made from. Stories are rules and templates over the timeline,
 * so they can state only what the data holds, and quote customers verbatim.
 */
package org.itinera.journal;
