package org.itinera.demo;

/**
 * E-mail: campaign newsletters and promotions to opted-in customers (opens, clicks that start a
 * visit, unsubscribes) and the abandoned-cart reminder that can bring a customer back to finish
 * the purchase. Only opens and clicks are tracked for campaigns, as an ESP webhook would send
 * them; the reminder also reports its delivery.
 */
final class Marketing {
  private Marketing() {}

  /** Handles one campaign for this customer; returns when any visit it caused ends. */
  static long campaign(Journey j, World.Campaign campaign) {
    Rand r = j.r;
    long t = campaign.sentAt();
    if (!j.signedUp || !j.emailOptIn || t < j.signupAt) {
      return t;
    }
    double open = j.c.persona.emailOpen * (campaign.promo() ? 1.3 : 1.0);
    if (!r.chance(open)) {
      return t;
    }
    long opened = t + (long) r.exponential(3 * Clock.HOUR);
    j.track(opened, -1, "Email Opened", Journey.props("email").put("campaign_id", campaign.id())
        .put("campaign_name", campaign.name()), null);
    if (r.chance(0.01)) {
      j.emailOptIn = false;
      j.track(opened + 30_000, -1, "Unsubscribed", Journey.props("email")
          .put("campaign_id", campaign.id()), null);
      return opened;
    }
    if (!r.chance(campaign.promo() ? 0.35 : 0.2)) {
      return opened;
    }
    long clicked = opened + r.between(5, 120) * 1000L;
    j.track(clicked, -1, "Email Link Clicked", Journey.props("email")
        .put("campaign_id", campaign.id()).put("url", "https://www.dalbitmarket.co.kr/events/deals"),
        null);
    if (j.appInstalled && r.chance(0.5)) {
      return Session.app(j, clicked + 3000, Session.Source.EMAIL);
    }
    return Session.web(j, clicked + 3000, Session.Source.EMAIL, Customer.WEB,
        new Contexts.Utm(campaign.promo() ? "promotion" : "newsletter", "email", campaign.id()));
  }

  /** Sends the abandoned-cart reminder; a click schedules a return visit. */
  static void abandonedCart(Journey j, long t) {
    Rand r = j.r;
    if (!j.signedUp || !j.emailOptIn) {
      return;
    }
    long sent = t + r.between(60, 1440) * Clock.MINUTE;
    JsonOut props = Journey.props("email").put("campaign_id", "abandoned_cart")
        .put("campaign_name", "Abandoned cart reminder");
    j.track(sent, -1, "Email Delivered", props, null);
    if (!r.chance(0.45)) {
      return;
    }
    long opened = sent + (long) r.exponential(2 * Clock.HOUR);
    j.track(opened, -1, "Email Opened", Journey.props("email").put("campaign_id", "abandoned_cart"), null);
    if (r.chance(0.4)) {
      long clicked = opened + r.between(5, 90) * 1000L;
      j.track(clicked, -1, "Email Link Clicked", Journey.props("email")
          .put("campaign_id", "abandoned_cart").put("url", "https://www.dalbitmarket.co.kr/cart"), null);
      j.pendingVisit = Math.min(j.pendingVisit, clicked + 3000);
    }
  }
}
