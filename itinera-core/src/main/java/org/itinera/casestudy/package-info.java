/**
 * Case studies: a selection of journals (a segment's typical customers, or those who hit a pain
 * point) written up as Markdown or HTML with the customers' own words, for sharing beyond the
 * dashboard. Customer text is untrusted and escaped for the format it lands in.
 */
package org.itinera.casestudy;
