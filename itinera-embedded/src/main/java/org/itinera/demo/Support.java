package org.itinera.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Support tickets from the call centre, chat and e-mail. How a ticket identifies the customer
 * depends on the channel (phone number on calls, user id or e-mail in chat, e-mail only by
 * e-mail), which is one of the identity-stitching situations the demo plants. Two agents are far
 * more often rude than the rest; rudeness lowers CSAT and makes customers leave.
 */
final class Support {
  private static final String[] CHANNELS = {"call_center", "chat", "email"};
  private static final double[] HEAVY_MIX = {0.6, 0.25, 0.15};
  private static final double[] USUAL_MIX = {0.25, 0.55, 0.2};
  private static final String[] INQUIRY_TOPICS = {"delivery", "payment", "refund", "size", "app", "price"};

  private Support() {}

  /** A complaint (negative) about a topic; {@code channel} null lets the persona choose. */
  static void complaint(Journey j, long t, String topic, String orderId, String channel) {
    ticket(j, t, topic, -1, orderId, channel);
  }

  /** A neutral question about a topic. */
  static void inquiry(Journey j, long t, String topic, String orderId) {
    ticket(j, t, topic, 0, orderId, null);
  }

  /** A question out of the blue, as support-heavy customers often ask. */
  static void spontaneous(Journey j, long t) {
    String topic = j.r.pick(INQUIRY_TOPICS);
    ticket(j, t, topic, 0, null, null);
  }

  private static void ticket(Journey j, long t, String topic, int polarity, String orderId,
      String channel) {
    Rand r = j.r;
    Customer c = j.c;
    if (channel == null) {
      channel = CHANNELS[r.weighted(c.persona == Persona.SUPPORT_HEAVY ? HEAVY_MIX : USUAL_MIX)];
    }
    if (!j.signedUp && channel.equals("call_center")) {
      channel = "chat";
    }
    if (channel.equals("call_center")) {
      t = j.clock.duringOpeningHours(r, t);
    }
    String userId = "";
    String email = "";
    String phone = "";
    switch (channel) {
      case "call_center" -> {
        phone = c.phone;
        userId = r.chance(0.6) ? c.userId : "";
      }
      case "chat" -> {
        if (j.signedUp && r.chance(0.7)) {
          userId = c.userId;
        } else {
          email = c.email;
        }
      }
      default -> email = c.email;
    }
    List<TextComposer.Aspect> aspects = new ArrayList<>();
    aspects.add(new TextComposer.Aspect(topic, polarity));
    if (polarity < 0 && r.chance(0.2)) {
      aspects.add(new TextComposer.Aspect("general", -1));
    }
    TextComposer.Composed text = j.text(TextComposer.Kind.TICKET, aspects,
        new TextComposer.Slots(null, null, null, orderId));
    String agent = String.format("A%02d", r.between(1, Planted.AGENTS));
    boolean rude = r.chance(Planted.isRudeAgent(agent) ? Planted.RUDE_RATE_BAD_AGENT : Planted.RUDE_RATE_OTHER);
    int firstResponse = switch (channel) {
      case "chat" -> r.between(1, 8);
      case "call_center" -> r.between(0, 20);
      default -> r.between(60, 1440);
    };
    long handled = switch (channel) {
      case "chat" -> r.between(10, 40) * Clock.MINUTE;
      case "call_center" -> r.between(5, 25) * Clock.MINUTE;
      default -> r.between(1, 3) * Clock.DAY;
    };
    boolean unresolved = rude ? r.chance(0.5) : r.chance(0.05);
    String resolution = unresolved ? "unresolved"
        : polarity == 0 ? "answered"
        : switch (topic) {
          case "app" -> r.chance(0.3) ? "escalated" : "resolved";
          case "refund" -> "refund_expedited";
          case "delivery" -> r.chance(0.2) ? "reshipped" : "resolved";
          default -> "resolved";
        };
    long resolvedAt = t + firstResponse * Clock.MINUTE + handled;
    String ticketId = Ids.ticketId(c.index, j.tickets++);
    if (!j.clock.inWindow(t)) {
      return;
    }
    j.row(t, DemoFile.TICKETS, ticketId, channel, Clock.iso(t), userId, email, phone,
        orderId == null ? "" : orderId, topic, subject(topic, polarity, c.korean), text.text(), c.lang, agent,
        Integer.toString(firstResponse), unresolved ? "open" : "solved", resolution,
        unresolved || !j.clock.inWindow(resolvedAt) ? "" : Clock.iso(resolvedAt));
    j.textTruth("ticket", ticketId, text);
    j.tally.ticket(rude);
    if (rude) {
      j.pain(PainPoint.RUDE_SUPPORT, t);
      if (r.chance(Planted.RUDE_CHURN)) {
        j.churnAt(t + (long) (r.uniform() * 7 * Clock.DAY));
      }
    }
    if (j.signedUp && r.chance(rude ? Planted.CSAT_RESPONSE_RUDE : Planted.CSAT_RESPONSE)) {
      Surveys.csat(j, resolvedAt + r.between(60, 1440) * Clock.MINUTE, ticketId, rude, topic, unresolved);
    }
  }

  /** The subject line a helpdesk form would set; questions and complaints differ. */
  static String subject(String topic, int polarity, boolean korean) {
    boolean complaint = polarity < 0;
    return switch (topic) {
      case "delivery" -> korean ? (complaint ? "배송 지연" : "배송 문의") : (complaint ? "Late delivery" : "Delivery question");
      case "payment" -> korean ? (complaint ? "결제 오류" : "결제 문의") : (complaint ? "Payment failed" : "Payment question");
      case "app" -> korean ? (complaint ? "앱 오류 신고" : "앱 이용 문의") : (complaint ? "App problem" : "App question");
      case "refund" -> korean ? (complaint ? "환불 지연" : "반품/환불 문의") : (complaint ? "Refund delayed" : "Return and refund");
      case "size" -> korean ? "사이즈 문의" : "Size question";
      case "price" -> korean ? "쿠폰/적립금 문의" : "Coupons and points";
      default -> korean ? "기타 문의" : "Other";
    };
  }
}
