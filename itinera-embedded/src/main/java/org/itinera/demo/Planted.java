package org.itinera.demo;

/**
 * The planted mechanisms in one place: the simulation reads these numbers and the truth file
 * reports them, so the two cannot drift apart.
 */
final class Planted {
  private Planted() {}

  // Payment error at checkout: incidence per checkout, independent of persona and variant, so
  // comparing checkouts with and without it recovers the multiplier without confounding.
  static final double PAYMENT_ERROR_RATE = 0.10;
  static final double PAYMENT_ERROR_COMPLETION = 0.40;
  static final double PAYMENT_ERROR_TICKET = 0.20;

  // App crash: per app session; fixed by the improvement.
  static final double CRASH_RATE_BEFORE = 0.07;
  static final double CRASH_RATE_AFTER = 0.015;
  static final double CRASH_REOPEN = 0.40;
  static final double CRASH_UNINSTALL = 0.12;
  static final double BASE_UNINSTALL = 0.002;
  static final double CRASH_FEEDBACK = 0.10;

  // Delivery delay: per shipped order; doubles in the November-December peak.
  static final double DELAY_RATE = 0.14;
  static final double DELAY_RATE_PEAK = 0.28;
  static final double DELAY_CHURN = 0.30;
  static final double DELAY_TICKET = 0.35;

  // Size and fit: per order that contains fashion or sports items.
  static final double SIZE_ISSUE_RATE = 0.22;
  static final double SIZE_RETURN = 0.70;
  static final double OTHER_RETURN = 0.04;

  // Refund hassle: per refund.
  static final double REFUND_HASSLE_RATE = 0.35;
  static final double HASSLE_CHURN = 0.40;
  static final double SMOOTH_REFUND_CHURN = 0.08;

  // Rude support: two agents are rude far more often than the rest.
  static final String[] RUDE_AGENTS = {"A07", "A19"};
  static final int AGENTS = 24;
  static final double RUDE_RATE_BAD_AGENT = 0.45;
  static final double RUDE_RATE_OTHER = 0.03;
  static final double RUDE_CHURN = 0.25;
  static final double CSAT_RESPONSE = 0.30;
  static final double CSAT_RESPONSE_RUDE = 0.60;

  // Click tracking (heatmaps) records this share of web sessions, as sampling tools do.
  static final double CLICK_SAMPLE = 0.3;

  // Checkout A/B test: one-page checkout multiplies checkout completion by LIFT.
  static final String EXPERIMENT_ID = "exp_checkout_onepage";
  static final String EXPERIMENT_NAME = "One-page checkout";
  static final String CONTROL = "control";
  static final String TREATMENT = "one_page";
  static final double EXPERIMENT_LIFT = 1.15;
  static final int EXPERIMENT_START_DAY_OF_365 = 59;
  static final int EXPERIMENT_END_DAY_OF_365 = 151;

  // Improvement: app 5.4.0 fixes the crash, shipped on this day of the window.
  static final int IMPROVEMENT_DAY_OF_365 = 181;
  static final String IMPROVEMENT_VERSION = "5.4.0";

  /** Scales a day offset designed for a 365-day window to the actual window length. */
  static int scaledDay(int dayOf365, int windowDays) {
    return (int) ((long) dayOf365 * windowDays / 365);
  }

  static boolean isRudeAgent(String agent) {
    for (String a : RUDE_AGENTS) {
      if (a.equals(agent)) {
        return true;
      }
    }
    return false;
  }
}
