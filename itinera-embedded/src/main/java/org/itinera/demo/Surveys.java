package org.itinera.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Survey answers: NPS after deliveries (scores pulled down by recent pain), CSAT after tickets
 * (rude agents earn 1-2) and CES after checkouts (payment errors make it hard). Comments talk
 * about what actually happened to the customer. NPS promoters sometimes refer friends.
 */
final class Surveys {
  private static final long RECENT = 60 * Clock.DAY;

  private Surveys() {}

  static void nps(Journey j, long t, String orderId) {
    Rand r = j.r;
    double score = j.c.persona.npsMean + 1.6 * r.normal();
    PainPoint recent = j.lastPain != null && t - j.lastPainAt <= RECENT && t >= j.lastPainAt
        ? j.lastPain : null;
    if (recent != null) {
      score -= switch (recent) {
        case RUDE_SUPPORT -> 3.5;
        case REFUND_HASSLE -> 3.0;
        case DELIVERY_DELAY -> 2.5;
        case APP_CRASH, PAYMENT_ERROR -> 1.5;
        case SIZE_FIT -> 1.0;
      };
    }
    int nps = (int) Math.max(0, Math.min(10, Math.round(score)));
    List<TextComposer.Aspect> aspects = new ArrayList<>();
    if (recent != null) {
      aspects.add(new TextComposer.Aspect(recent.topic, -1));
      if (nps >= 7) {
        aspects.add(0, new TextComposer.Aspect(r.chance(0.5) ? "general" : "quality", 1));
      }
    } else if (nps >= 9) {
      aspects.add(new TextComposer.Aspect(r.pick(positiveTopics(j)), 1));
      if (r.chance(0.4)) {
        aspects.add(new TextComposer.Aspect("general", 1));
      }
    } else if (nps >= 7) {
      aspects.add(new TextComposer.Aspect(r.pick(positiveTopics(j)), 1));
      if (r.chance(0.5)) {
        aspects.add(new TextComposer.Aspect(r.chance(0.5) ? "price" : "delivery", -1));
      }
    } else {
      aspects.add(new TextComposer.Aspect(r.pick(new String[] {"general", "quality", "price"}), -1));
    }
    String channel = j.appInstalled && r.chance(0.5) ? "app" : "email";
    respond(j, t, "nps", channel, nps, 0, 10, aspects, orderId, "", 0.6);
    if (nps >= 9 && r.chance(0.35)) {
      j.track(t + r.between(1, 60) * Clock.MINUTE, -1, "Referral Sent", Journey.props("social")
          .put("via", r.chance(0.7) ? "kakaotalk" : "link")
          .put("referral_code", "REF-" + j.c.userId), null);
    }
  }

  static void csat(Journey j, long t, String ticketId, boolean rude, String topic, boolean unresolved) {
    Rand r = j.r;
    int score = rude ? r.between(1, 2)
        : unresolved ? r.between(1, 3)
        : 5 - r.weighted(new double[] {0.5, 0.3, 0.12, 0.05, 0.03});
    List<TextComposer.Aspect> aspects = new ArrayList<>();
    if (rude) {
      aspects.add(new TextComposer.Aspect("support", -1));
      if (r.chance(0.3)) {
        aspects.add(new TextComposer.Aspect(topic, -1));
      }
    } else if (score >= 4) {
      aspects.add(new TextComposer.Aspect("support", 1));
    } else if (score == 3) {
      aspects.add(new TextComposer.Aspect("support", 1));
      aspects.add(new TextComposer.Aspect(topic, -1));
    } else {
      aspects.add(new TextComposer.Aspect(topic, -1));
    }
    respond(j, t, "csat", "email", score, 1, 5, aspects, "", ticketId, 0.5);
  }

  static void ces(Journey j, long t, boolean error, boolean completed) {
    Rand r = j.r;
    int score = error ? r.between(1, 3) : completed ? r.between(5, 7) : r.between(3, 5);
    List<TextComposer.Aspect> aspects = new ArrayList<>();
    if (error) {
      aspects.add(new TextComposer.Aspect("payment", -1));
    } else if (completed) {
      aspects.add(new TextComposer.Aspect("payment", 1));
    } else {
      aspects.add(new TextComposer.Aspect(r.chance(0.5) ? "payment" : "price", -1));
    }
    respond(j, t, "ces", j.appInstalled ? "app" : "web", score, 1, 7, aspects, "", "", 0.4);
  }

  private static String[] positiveTopics(Journey j) {
    return switch (j.c.persona) {
      case DEAL_HUNTER -> new String[] {"price", "general", "delivery"};
      case LOYAL_APP -> new String[] {"app", "delivery", "general"};
      case RESEARCHER -> new String[] {"quality", "general", "delivery"};
      case SUPPORT_HEAVY -> new String[] {"support", "general", "quality"};
    };
  }

  private static void respond(Journey j, long t, String survey, String channel, int score, int min,
      int max, List<TextComposer.Aspect> aspects, String orderId, String ticketId,
      double commentChance) {
    if (!j.clock.inWindow(t)) {
      return;
    }
    TextComposer.Composed text = j.r.chance(commentChance)
        ? j.text(TextComposer.Kind.SURVEY, aspects, TextComposer.Slots.NONE) : null;
    String responseId = Ids.responseId(j.c.index, j.responses++);
    String value = Integer.toString(score);
    j.row(t, DemoFile.SURVEYS, responseId, survey, j.c.userId, j.c.email, Clock.iso(t), channel,
        value, Integer.toString(min), Integer.toString(max), survey.equals("nps") ? value : "",
        survey.equals("csat") ? value : "", survey.equals("ces") ? value : "",
        text == null ? "" : text.text(), j.c.lang, orderId, ticketId);
    if (text != null) {
      j.textTruth("survey", responseId, text);
    }
  }
}
