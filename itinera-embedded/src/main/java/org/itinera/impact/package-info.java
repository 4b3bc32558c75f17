/**
 * Before/after comparisons: the same customer-experience measures over equal windows before and
 * after a date (an improvement shipped, a campaign), for one customer or a segment.
 */
package org.itinera.impact;
