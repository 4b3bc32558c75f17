package org.itinera.demo;

/**
 * The awareness stage: the touch that brings a customer in (an ad click, a social post, a search
 * result, a friend's referral link, an app-store install or a store visit) and the first visit it
 * leads to. The same touches bring existing customers back later.
 */
final class Acquisition {
  private static final String[] ENGINES_KO = {"naver", "google", "daum"};

  private Acquisition() {}

  /** First touch of a new customer; returns when the first visit ends. */
  static long firstTouch(Journey j, long t) {
    return switch (j.c.signupSource) {
      case "ads" -> web(j, t, Session.Source.ADS, Customer.WEB);
      case "social" -> web(j, t, Session.Source.SOCIAL, Customer.WEB);
      case "search" -> web(j, t, Session.Source.SEARCH, Customer.WEB);
      case "referral" -> web(j, t, Session.Source.REFERRAL, Customer.WEB);
      case "app_store" -> {
        install(j, t, Session.Source.APP_STORE);
        yield Session.app(j, t + 20_000, Session.Source.APP_STORE);
      }
      case "store" -> StoreVisit.run(j, t);
      default -> throw new IllegalStateException("unknown source " + j.c.signupSource);
    };
  }

  /** An off-site touch, then the web session it lands in; returns when the session ends. */
  static long web(Journey j, long t, Session.Source source, int slot) {
    Contexts.Utm campaign = touch(j, t, source, slot);
    return Session.web(j, t + j.r.between(2, 8) * 1000L, source, slot, campaign);
  }

  /**
   * The off-site touch that precedes a landing (ad click, social post, search result, referral
   * link); returns the campaign the landing carries.
   */
  private static Contexts.Utm touch(Journey j, long t, Session.Source source, int slot) {
    Rand r = j.r;
    Contexts.Utm campaign = Contexts.campaign(r, source);
    String context = Contexts.web(j, slot, campaign);
    switch (source) {
      case ADS -> j.track(t, slot, "Ad Clicked", Journey.props("ads")
          .put("network", campaign.source()).put("campaign", campaign.name())
          .put("creative", r.chance(0.5) ? "banner" : "video"), context);
      case SOCIAL -> j.track(t, slot, "Social Post Clicked", Journey.props("social")
          .put("network", campaign.source()).put("post_id", "post-" + r.between(1000, 1060)), context);
      case SEARCH -> {
        Catalog.Product p = Catalog.pick(r, j.c.category(r));
        String keyword = r.chance(0.4) ? (j.c.korean ? "달빛마켓" : "dalbit market")
            : j.c.korean ? p.itemKo() : p.itemEn();
        j.track(t, slot, "Search Result Clicked", Journey.props("search")
            .put("engine", j.c.korean ? r.pick(ENGINES_KO) : "google").put("keyword", keyword)
            .put("paid", false), context);
      }
      case REFERRAL -> j.track(t, slot, "Referral Link Clicked", Journey.props("social")
          .put("via", "kakaotalk"), context);
      default -> { }
    }
    return campaign;
  }

  static void install(Journey j, long t, Session.Source source) {
    j.appInstalled = true;
    JsonOut props = Journey.props("app").put("version", j.world.appVersion(t))
        .put("source", source == Session.Source.APP_STORE
            ? (j.c.ios ? "app_store" : "google_play") : "website_banner");
    j.track(t, Customer.APP, "Application Installed", props, Contexts.app(j, t));
    if (j.signedUp) {
      j.known[Customer.APP] = false;
    }
  }
}
