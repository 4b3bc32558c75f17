package org.itinera.demo;

/**
 * After an online order: shipping and delivery (with the planted delays, doubled in the
 * November-December peak), size problems, returns and refunds (with the planted refund hassle),
 * and what customers do about them: tickets, reviews, NPS answers, churn.
 */
final class Fulfilment {
  private static final String[] CARRIERS = {"CJ Logistics", "Lotte Global Logistics", "Hanjin", "Korea Post"};
  private static final String[] OTHER_REASONS = {"defective", "changed_mind", "not_as_described"};

  private Fulfilment() {}

  /** Simulates the order's life after payment and returns its final status. */
  static String deliver(Journey j, long orderAt, String orderId, Cart cart, String channel,
      long revenue) {
    Rand r = j.r;
    Clock clock = j.clock;
    long shippedAt = orderAt + (long) ((6 + r.uniform() * 26) * Clock.HOUR);
    long promisedBy = Clock.startOfDaySeoul(orderAt) + 3 * Clock.DAY - Clock.MINUTE;
    int month = Clock.monthInSeoul(orderAt);
    boolean peak = month == 11 || month == 12;
    boolean late = r.chance(peak ? Planted.DELAY_RATE_PEAK : Planted.DELAY_RATE);
    long deliveredAt;
    int daysLate = 0;
    if (late) {
      daysLate = r.between(1, 8);
      deliveredAt = Clock.startOfDaySeoul(promisedBy) + daysLate * Clock.DAY
          + (long) ((9 + r.uniform() * 11) * Clock.HOUR);
    } else {
      deliveredAt = Math.min(shippedAt + (long) ((10 + r.uniform() * 20) * Clock.HOUR),
          promisedBy - (long) (r.uniform() * 6 * Clock.HOUR));
      deliveredAt = Math.max(deliveredAt, shippedAt + 2 * Clock.HOUR);
    }
    j.track(shippedAt, -1, "Order Shipped", Journey.props("delivery").put("order_id", orderId)
        .put("carrier", r.pick(CARRIERS))
        .put("tracking_number", Long.toString(600_000_000_000L + Math.floorMod(r.nextLong(), 99_999_999_999L))),
        null);
    j.track(deliveredAt, -1, "Order Delivered", Journey.props("delivery").put("order_id", orderId)
        .put("promised_by", Clock.iso(promisedBy)).put("days_late", daysLate).put("on_time", !late),
        null);
    if (clock.inWindow(deliveredAt)) {
      j.tally.delivery(late);
      if (j.firstDeliveredAt < 0 && clock.inWindow(orderAt)) {
        j.firstDeliveredAt = deliveredAt;
        j.firstDeliveredLate = late;
      }
    }
    if (late) {
      j.pain(PainPoint.DELIVERY_DELAY, deliveredAt);
      if (r.chance(Planted.DELAY_TICKET)) {
        Support.complaint(j, promisedBy + (long) (r.uniform() * 2 * Clock.DAY), "delivery", orderId, null);
      }
      if (r.chance(Planted.DELAY_CHURN)) {
        j.churnAt(deliveredAt + (long) (r.uniform() * Clock.DAY));
      }
    }
    boolean sizeIssue = cart.hasSized() && r.chance(Planted.SIZE_ISSUE_RATE);
    if (sizeIssue) {
      j.pain(PainPoint.SIZE_FIT, deliveredAt + Clock.HOUR);
    }
    boolean returned = r.chance(sizeIssue ? Planted.SIZE_RETURN : Planted.OTHER_RETURN);
    String status = "completed";
    if (returned) {
      status = returnAndRefund(j, orderId, channel, deliveredAt, sizeIssue, revenue);
    }
    Reviews.maybeWrite(j, orderId, cart, deliveredAt, late, sizeIssue, returned);
    if (r.chance(0.12)) {
      Surveys.nps(j, deliveredAt + r.between(3, 10) * Clock.DAY, orderId);
    }
    return status;
  }

  private static String returnAndRefund(Journey j, String orderId, String channel, long deliveredAt,
      boolean sizeIssue, long revenue) {
    Rand r = j.r;
    long requested = deliveredAt + r.between(1, 5) * Clock.DAY + r.between(0, 600) * Clock.MINUTE;
    String reason = sizeIssue ? "size" : r.pick(OTHER_REASONS);
    j.track(requested, -1, "Order Returned", Journey.props(channel).put("order_id", orderId)
        .put("reason", reason), null);
    if (r.chance(0.4)) {
      Support.inquiry(j, requested - r.between(10, 240) * Clock.MINUTE, "refund", orderId);
    }
    boolean hassle = r.chance(Planted.REFUND_HASSLE_RATE);
    int days = hassle ? r.between(9, 20) : r.between(2, 4);
    long refundAt = requested + days * Clock.DAY + r.between(0, 480) * Clock.MINUTE;
    if (hassle) {
      j.pain(PainPoint.REFUND_HASSLE, requested + 7 * Clock.DAY);
      int followUps = r.between(1, 3);
      for (int i = 0; i < followUps; i++) {
        long at = requested + (3 + (long) (r.uniform() * (days - 3))) * Clock.DAY;
        Support.complaint(j, at, "refund", orderId, null);
      }
    }
    j.track(refundAt, -1, "Order Refunded", Journey.props("payment").put("order_id", orderId)
        .put("amount", revenue).put("currency", "KRW").put("days_to_refund", days), null);
    if (j.clock.inWindow(refundAt)) {
      j.tally.refund(hassle);
    }
    if (r.chance(hassle ? Planted.HASSLE_CHURN : Planted.SMOOTH_REFUND_CHURN)) {
      j.churnAt(refundAt + (long) (r.uniform() * 3 * Clock.DAY));
    }
    if (!j.clock.inWindow(requested)) {
      return "completed";
    }
    return j.clock.inWindow(refundAt) ? "returned" : "return_requested";
  }
}
