package org.itinera.customer;

/** A line of a customer list: enough to pick whose journal to open. */
public record CustomerSummary(String customerId, long events, String firstSeen, String lastSeen,
    double revenue, long negativeTexts) {}
