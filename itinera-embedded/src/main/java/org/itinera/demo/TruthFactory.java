package org.itinera.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Describes the planted parameters as a {@link Truth}. */
final class TruthFactory {
  private TruthFactory() {}

  static Truth build(World w) {
    DemoOptions o = w.options;
    return new Truth(
        new Truth.Company("Dalbit Market", "달빛마켓",
            "A Korean online retailer (fashion, beauty, electronics, home, sports, kids, food) "
                + "with a web shop, an app, six stores, a call centre, chat and e-mail support; "
                + "it also sells in English.",
            "KRW", "Asia/Seoul", List.of("ko", "en"),
            List.of("ads", "social", "search", "email", "web", "app", "store", "delivery",
                "payment", "call_center", "chat", "survey", "review")),
        new Truth.Window(o.seed(), o.customers(), o.start().toString(), o.end().toString(), o.days()),
        personas(o.days()),
        painPoints(),
        new Truth.Experiment(Planted.EXPERIMENT_ID, Planted.EXPERIMENT_NAME, "Experiment Viewed",
            Planted.CONTROL, Planted.TREATMENT, 0.5, date(w, w.experimentStart),
            date(w, w.experimentEnd),
            "checkout completion: share of Checkout Started (with checkout_variant) whose "
                + "checkout_id appears on an order in orders.csv",
            Math.round((Planted.EXPERIMENT_LIFT - 1.0) * 1e9) / 1e9),
        new Truth.Improvement("app_crash_fix",
            "App " + Planted.IMPROVEMENT_VERSION + " fixes the crash on product and cart screens",
            date(w, w.improvementAt), Instant.ofEpochMilli(w.improvementAt).toString(),
            Planted.IMPROVEMENT_VERSION, PainPoint.APP_CRASH.id,
            "Application Crashed per app session (Application Opened)",
            Planted.CRASH_RATE_BEFORE, Planted.CRASH_RATE_AFTER),
        seasonality(),
        stages(),
        List.of(
            "Anonymous web visits (anonymousId = browser) before sign-up; identify links them to "
                + "the userId at sign-up or checkout",
            "A second browser per customer for some: anonymous until a later login identifies it",
            "App device ids (context.device.id = anonymousId): anonymous until login",
            "Server-side events (orders, deliveries, refunds, e-mail, stores) carry only userId",
            "Tickets: calls carry the phone (user_id only when the agent looked it up), chats "
                + "the user_id or just the e-mail, e-mails only the e-mail; customers.csv links "
                + "user_id, email and phone",
            "Visitors who never sign up remain anonymous-only customers"));
  }

  private static List<Truth.Persona> personas(int days) {
    List<Truth.Persona> out = new ArrayList<>();
    for (Persona p : Persona.values()) {
      out.add(new Truth.Persona(p.id, p.labelKo, p.labelEn, p.share, p.description,
          named(Persona.AGE_BANDS, p.ageBands), p.female, named(Persona.INTERESTS, p.interests),
          named(Persona.SOURCES, p.firstTouch),
          named(new String[] {"web", "app", "store"}, p.channelMix), p.visitGapDays,
          p.lifetimeDays, p.bounce, p.addToCart, p.completeCheckout, p.reviewPerOrder, p.npsMean,
          p.emailOpen));
    }
    return out;
  }

  private static List<Truth.PainPoint> painPoints() {
    return List.of(
        pain(PainPoint.PAYMENT_ERROR, "checkout (Checkout Started)", Planted.PAYMENT_ERROR_RATE,
            "independent of persona, variant and time",
            "checkout completion", Planted.PAYMENT_ERROR_COMPLETION,
            "completion multiplied by " + Planted.PAYMENT_ERROR_COMPLETION + "; "
                + pct(Planted.PAYMENT_ERROR_TICKET) + " open a ticket"),
        pain(PainPoint.APP_CRASH, "app session (Application Opened)", Planted.CRASH_RATE_BEFORE,
            "until the improvement; " + Planted.CRASH_RATE_AFTER + " after it",
            "orders in the crashed session", 0.0,
            "the session ends at the crash (no order in it); " + pct(Planted.CRASH_REOPEN)
                + " reopen the app within minutes; " + pct(Planted.CRASH_UNINSTALL)
                + " uninstall (vs " + pct(Planted.BASE_UNINSTALL) + " after a normal session)"),
        pain(PainPoint.DELIVERY_DELAY, "shipped order (Order Delivered)", Planted.DELAY_RATE,
            Planted.DELAY_RATE_PEAK + " for orders placed in November and December",
            "repeat purchase within 90 days after the delivery", 1.0 - Planted.DELAY_CHURN,
            pct(Planted.DELAY_CHURN) + " of customers stop coming back after a late delivery; "
                + pct(Planted.DELAY_TICKET) + " open a 'where is my order' ticket; review stars "
                + "drop by about 1"),
        pain(PainPoint.SIZE_FIT, "shipped order with fashion, sports or kids' sized items",
            Planted.SIZE_ISSUE_RATE, "independent of persona",
            "return rate", Planted.SIZE_RETURN / Planted.OTHER_RETURN,
            pct(Planted.SIZE_RETURN) + " of affected orders are returned (vs "
                + pct(Planted.OTHER_RETURN) + "); reviews of 2-3 stars about the fit"),
        pain(PainPoint.REFUND_HASSLE, "refund (Order Refunded)", Planted.REFUND_HASSLE_RATE,
            "independent of reason",
            "customer retention after the refund",
            (1.0 - Planted.HASSLE_CHURN) / (1.0 - Planted.SMOOTH_REFUND_CHURN),
            "refund takes 9-20 days instead of 2-4 with 1-3 follow-up tickets; "
                + pct(Planted.HASSLE_CHURN) + " churn (vs " + pct(Planted.SMOOTH_REFUND_CHURN) + ")"),
        pain(PainPoint.RUDE_SUPPORT, "ticket", Planted.RUDE_RATE_OTHER,
            "per ticket for most agents; " + Planted.RUDE_RATE_BAD_AGENT + " for agents "
                + String.join(" and ", Planted.RUDE_AGENTS),
            "customer retention after the ticket", 1.0 - Planted.RUDE_CHURN,
            "CSAT 1-2 (response rate " + pct(Planted.CSAT_RESPONSE_RUDE) + " vs "
                + pct(Planted.CSAT_RESPONSE) + "); " + pct(Planted.RUDE_CHURN) + " churn"));
  }

  private static Truth.PainPoint pain(PainPoint p, String opportunity, double incidence,
      String note, String metric, double multiplier, String effect) {
    return new Truth.PainPoint(p.id, p.labelKo, p.labelEn, p.stage, p.topic, opportunity,
        incidence, note, metric, multiplier, effect, p.evidence);
  }

  private static Truth.Seasonality seasonality() {
    Map<String, Double> month = new LinkedHashMap<>();
    for (int m = 1; m <= 12; m++) {
      month.put(String.format("%02d-%s", m, Month.of(m).getDisplayName(TextStyle.SHORT, Locale.ROOT)),
          round(Clock.MONTH[m - 1]));
    }
    Map<String, Double> weekday = new LinkedHashMap<>();
    for (int d = 1; d <= 7; d++) {
      weekday.put(d + "-" + DayOfWeek.of(d).getDisplayName(TextStyle.SHORT, Locale.ROOT),
          round(Clock.WEEKDAY[d - 1]));
    }
    Map<String, Double> hour = new LinkedHashMap<>();
    for (int h = 0; h < 24; h++) {
      hour.put(String.format("%02d", h), round(Clock.HOUR_OF_DAY[h]));
    }
    return new Truth.Seasonality(month, weekday, hour,
        "Visits per active customer follow month x weekday x hour; November (11.11 sale, Black "
            + "Friday) is the peak, December second. The active base is kept steady, so orders "
            + "follow the same profile. Late deliveries double in November-December.");
  }

  /** Where the demo's events fall in the stages of the shipped journey model (default-journey.yml). */
  private static Map<String, List<String>> stages() {
    Map<String, List<String>> s = new LinkedHashMap<>();
    s.put("awareness", List.of("Ad Clicked", "Social Post Clicked", "Search Result Clicked",
        "Referral Link Clicked"));
    s.put("consideration", List.of("Page Viewed", "Products Searched", "Product Viewed",
        "Product Added", "Signed Up", "Email Opened", "Email Link Clicked"));
    s.put("purchase", List.of("Checkout Started", "Payment Info Entered",
        "Order Completed (orders.csv)", "Store Visit"));
    s.put("retention", List.of("Application Opened", "Signed In", "Order Delivered",
        "Order Returned", "Order Refunded", "Ticket Opened (tickets.csv)",
        "Survey Answered (survey_responses.csv)"));
    s.put("advocacy", List.of("Review Submitted (reviews.csv)", "Survey Answered with nps >= 9",
        "Referral Sent", "Product Shared"));
    return s;
  }

  private static String date(World w, long t) {
    return Instant.ofEpochMilli(t).atOffset(Clock.SEOUL).toLocalDate().toString();
  }

  private static String pct(double p) {
    return Math.round(p * 1000) / 10.0 + "%";
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static Map<String, Double> named(String[] names, double[] values) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put(names[i], values[i]);
    }
    return out;
  }
}
