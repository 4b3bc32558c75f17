package org.itinera.voice;

import java.util.Locale;
import java.util.Objects;
import org.itinera.ItineraException;
import org.itinera.sequence.SequenceFilter;
import org.itinera.text.topic.TopicOptions;

/**
 * Which texts a topic analysis reads and what it relates the themes to.
 *
 * @param stage journey stage id (of the journey model) of the texts' events, or null for all
 * @param filter period, channels ({@code (none)} for events without one) and trait segment
 * @param outcome what each theme is associated with: conversion or churn
 * @param churnDays with churn: a customer is churned when their last event of any kind is more
 *     than this many days before the newest event in the store (1-3650)
 * @param options number of themes, minimum customers, trend granularity
 */
public record TopicQuery(String stage, SequenceFilter filter, Outcome outcome, int churnDays,
    TopicOptions options) {
  /** Default inactivity after which a customer counts as churned. */
  public static final int DEFAULT_CHURN_DAYS = 90;

  /** The outcome a theme's customers are compared on. */
  public enum Outcome {
    /** Reached one of the journey model's goals at or after their first text of the segment. */
    CONVERSION,
    /** No event of any kind in the last {@code churnDays} days of the store's data. */
    CHURN;

    /** Parses {@code conversion} or {@code churn}; null or blank is conversion. */
    public static Outcome parse(String text) {
      if (text == null || text.isBlank()) {
        return CONVERSION;
      }
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "conversion" -> CONVERSION;
        case "churn" -> CHURN;
        default -> throw ItineraException.invalid("outcome", "'" + text
            + "' is not an outcome; expected conversion or churn");
      };
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TopicQuery {
    filter = filter == null ? SequenceFilter.NONE : filter;
    outcome = outcome == null ? Outcome.CONVERSION : outcome;
    options = options == null ? TopicOptions.defaults() : options;
    stage = stage == null || stage.isBlank() ? null : stage.strip();
    if (churnDays < 1 || churnDays > 3650) {
      throw ItineraException.invalid("churnDays", "churn days was " + churnDays
          + "; expected 1 to 3650");
    }
    Objects.requireNonNull(options, "options");
  }

  /** All texts, associated with conversion, default options. */
  public static TopicQuery all() {
    return new TopicQuery(null, SequenceFilter.NONE, Outcome.CONVERSION, DEFAULT_CHURN_DAYS,
        TopicOptions.defaults());
  }
}
