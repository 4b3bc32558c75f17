package org.itinera.impact;

/**
 * Customer-experience measures over one period.
 *
 * @param conversion share of active customers with at least one order, or null with none active
 * @param meanSentiment mean sentiment of texts written in the period, or null without texts
 * @param shareNegative share of texts with sentiment at or below -0.25, or null without texts
 * @param nps % promoters (9-10) minus % detractors (0-6) of NPS answers, or null without answers
 * @param medianResolutionHours median hours from a ticket's opening to its resolution
 */
public record Measures(
    long from,
    long to,
    long activeCustomers,
    long events,
    long orders,
    double revenue,
    Double conversion,
    long texts,
    Double meanSentiment,
    Double shareNegative,
    long tickets,
    Double medianResolutionHours,
    long npsAnswers,
    Double nps,
    long topicMentions) {}
