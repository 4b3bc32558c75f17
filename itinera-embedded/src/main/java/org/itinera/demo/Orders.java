package org.itinera.demo;

/**
 * Placing an order: prices, coupons, shipping fee and payment, fulfilment for online orders, and
 * the row in the order system's export. The row carries the final status known at the end of the
 * window (completed, returned, return_requested), like a real export would.
 */
final class Orders {
  private static final String[] KO_METHODS = {"card", "kakao_pay", "naver_pay", "toss_pay", "bank_transfer"};
  private static final double[] KO_WEIGHTS = {0.35, 0.25, 0.2, 0.1, 0.1};
  private static final String[] EN_METHODS = {"card", "paypal", "kakao_pay"};
  private static final double[] EN_WEIGHTS = {0.6, 0.2, 0.2};
  private static final String[] COUPONS = {"WELCOME10", "APP5000", "WEEKEND15", "VIP20"};
  private static final long FREE_SHIPPING_FROM = 30_000;
  private static final long SHIPPING_FEE = 3_000;

  private Orders() {}

  static String paymentMethod(Rand r, Customer c) {
    return c.korean ? KO_METHODS[r.weighted(KO_WEIGHTS)] : EN_METHODS[r.weighted(EN_WEIGHTS)];
  }

  static void place(Journey j, long t, String channel, String storeId, String checkoutId,
      String method, Cart cart) {
    Rand r = j.r;
    Customer c = j.c;
    String orderId = Ids.orderId(c.index, j.orders++);
    long subtotal = cart.value();
    int month = Clock.monthInSeoul(t);
    String coupon = "";
    long discount = 0;
    if (r.chance(c.persona.couponUse)) {
      coupon = month == 11 ? "1111MEGA" : r.pick(COUPONS);
      discount = coupon.equals("APP5000") ? Math.min(5_000, subtotal / 2)
          : Math.round(subtotal * (coupon.equals("VIP20") ? 0.20 : coupon.equals("WEEKEND15") ? 0.15
              : 0.10) / 100.0) * 100;
    }
    long shipping = storeId != null || subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE;
    long revenue = subtotal - discount + shipping;
    if (j.firstDeliveredAt >= 0 && t > j.firstDeliveredAt && t - j.firstDeliveredAt <= 90 * Clock.DAY) {
      j.repeatAfterFirstDelivery = true;
    }
    String status = "completed";
    if (storeId == null) {
      status = Fulfilment.deliver(j, t, orderId, cart, channel, revenue);
    } else if (j.r.chance(j.c.persona.reviewPerOrder * 0.3)) {
      Reviews.maybeWrite(j, orderId, cart, t + r.between(1, 5) * Clock.DAY, false, false, false);
    }
    StringBuilder products = new StringBuilder();
    StringBuilder categories = new StringBuilder();
    for (int i = 0; i < cart.items.size(); i++) {
      if (i > 0) {
        products.append('|');
      }
      products.append(cart.items.get(i).id());
      String cat = cart.items.get(i).category();
      if (categories.indexOf(cat) < 0) {
        categories.append(categories.length() > 0 ? "|" : "").append(cat);
      }
    }
    j.row(t, DemoFile.ORDERS, orderId, c.userId, c.email, Clock.iso(t), channel,
        storeId == null ? "" : storeId, checkoutId == null ? "" : checkoutId, products.toString(),
        categories.toString(), Integer.toString(cart.quantity()), Long.toString(subtotal),
        Long.toString(discount), Long.toString(shipping), Long.toString(revenue), "KRW", coupon,
        method, status);
    if (j.clock.inWindow(t)) {
      j.tally.order(t, revenue);
      j.spend += revenue;
    }
  }
}
