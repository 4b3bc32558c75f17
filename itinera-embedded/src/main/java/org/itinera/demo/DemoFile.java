package org.itinera.demo;

import java.util.List;

/**
 * The source files the demo writes for the importers (and two truth files for evaluation). Each
 * file has a fixed header; timestamps are ISO-8601 UTC, money is in won, lists are separated by
 * {@code |}, empty means absent. docs/DEMO.md describes every column.
 */
public enum DemoFile {
  PROFILES("customers.csv", false, "user_id", "email", "phone", "name", "gender", "age_band",
      "region", "lang", "signup_source", "signup_at", "marketing_opt_in", "interests",
      "membership_tier", "updated_at"),
  ORDERS("orders.csv", false, "order_id", "user_id", "email", "ordered_at", "channel", "store_id",
      "checkout_id", "product_ids", "categories", "quantity", "subtotal", "discount",
      "shipping_fee", "revenue", "currency", "coupon_code", "payment_method", "status"),
  TICKETS("tickets.csv", false, "ticket_id", "channel", "created_at", "user_id", "email", "phone",
      "order_id", "category", "subject", "text", "lang", "agent_id", "first_response_minutes",
      "status", "resolution", "resolved_at"),
  REVIEWS("reviews.csv", false, "review_id", "user_id", "order_id", "product_id", "product_name",
      "category", "created_at", "rating", "text", "lang", "verified_purchase", "helpful_votes"),
  /** One row per answer; the score also sits in the column named after the survey. */
  SURVEYS("survey_responses.csv", false, "response_id", "survey", "user_id", "email",
      "submitted_at", "channel", "score", "scale_min", "scale_max", "nps", "csat", "ces",
      "comment", "lang", "order_id", "ticket_id"),
  /** Per customer: the latent persona and what happened to them (for evaluation only). */
  TRUTH_CUSTOMERS("truth/customers.csv", true, "user_id", "anonymous_ids", "persona",
      "existing_customer", "first_seen", "churned_at", "experiment_variant", "pain_points"),
  /** Per text: the topics and sentiment it was written with (for evaluation only). */
  TRUTH_TEXTS("truth/texts.csv", true, "source", "record_id", "lang", "topics", "sentiment",
      "score");

  private final String fileName;
  private final boolean truth;
  private final List<String> columns;

  DemoFile(String fileName, boolean truth, String... columns) {
    this.fileName = fileName;
    this.truth = truth;
    this.columns = List.of(columns);
  }

  /** Path relative to the export directory. */
  public String fileName() {
    return fileName;
  }

  /** True for the evaluation files that a loader must not import as customer data. */
  public boolean isTruth() {
    return truth;
  }

  public List<String> columns() {
    return columns;
  }

  public int column(String name) {
    int i = columns.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(fileName + " has no column " + name + "; columns: " + columns);
    }
    return i;
  }
}
