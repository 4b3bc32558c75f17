package org.itinera.store;

/**
 * SQL predicates over the {@code events} table for the kinds of events the query API counts.
 * They follow the same rules as the journal's reading of an event (Segment e-commerce names and
 * Itinera's customer-experience types), so an overview and a journal never disagree about what a
 * purchase or an NPS answer is. Each is a constant fragment with no parameters.
 */
public final class EventKinds {
  /** A completed order: a purchase event, 'Order Completed', or revenue that is not a refund. */
  public static final String PURCHASE = "(type = 'purchase' OR lower(name) = 'order completed'"
      + " OR (revenue > 0 AND lower(coalesce(name, '')) NOT LIKE '%refund%'))";

  /** The survey kind named by properties.survey (or properties.kind), lower case. */
  private static final String SURVEY_KIND = "lower(coalesce(json_extract_string(properties,"
      + " '$.survey'), json_extract_string(properties, '$.kind'), ''))";

  /** An NPS answer: a 0-10 rating on an event named like NPS or marked survey/kind 'nps'. */
  public static final String NPS = "(rating BETWEEN 0 AND 10 AND (lower(coalesce(name, ''))"
      + " LIKE '%nps%' OR " + SURVEY_KIND + " = 'nps'))";

  /** A CSAT answer: a 1-5 rating on an event named like CSAT or marked survey/kind 'csat'. */
  public static final String CSAT = "(rating BETWEEN 1 AND 5 AND (lower(coalesce(name, ''))"
      + " LIKE '%csat%' OR " + SURVEY_KIND + " = 'csat'))";


  /** Text whose sentiment is at or below -0.25 (the journal's threshold), or at/above 0.25. */
  public static final String NEGATIVE_TEXT = "(text IS NOT NULL AND sentiment <= -0.25)";
  public static final String POSITIVE_TEXT = "(text IS NOT NULL AND sentiment >= 0.25)";

  private EventKinds() {}
}
