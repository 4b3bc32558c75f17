package org.itinera.demo;

/**
 * The Segment {@code context} objects. A session's first event (and every identify) carries the
 * full context: browser or app and device details, screen, locale and the campaign (UTM) it
 * landed from; the session's other events carry a compact one (locale, library, app version).
 * Repeating a 400-character context on every event would more than double the data set without
 * telling an analysis anything new.
 */
final class Contexts {
  private static final String[] DESKTOP_AGENTS = {
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0"};
  private static final String[] MOBILE_AGENTS = {
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36 SamsungBrowser/25.0",
      "Mozilla/5.0 (Linux; Android 14; SM-S921N; KAKAOTALK 10.6.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"};
  private static final String[][] AD_CAMPAIGNS = {
      {"naver", "cpc", "brand_search"}, {"naver", "display", "season_sale"},
      {"kakao", "display", "new_customer_coupon"}, {"google", "cpc", "shopping_feed"},
      {"meta", "paid_social", "retargeting_cart"}, {"meta", "paid_social", "lookalike_buyers"}};
  private static final String[] SOCIAL = {"instagram", "youtube", "tiktok", "kakaostory"};

  private Contexts() {}

  /** A campaign a session landed from, as UTM parameters. */
  record Utm(String source, String medium, String name) {
    String json() {
      return new JsonOut().put("source", source).put("medium", medium).put("name", name).done();
    }
  }

  static String web(Journey j, int slot, Utm campaign) {
    Customer c = j.c;
    boolean mobile = c.mobileWeb;
    int agent = (int) ((c.index + slot) % 3);
    JsonOut out = new JsonOut()
        .put("locale", c.korean ? "ko-KR" : "en-US")
        .put("timezone", "Asia/Seoul")
        .put("userAgent", mobile ? MOBILE_AGENTS[agent] : DESKTOP_AGENTS[agent])
        .raw("library", "{\"name\":\"analytics.js\",\"version\":\"next-1.70.0\"}")
        .raw("screen", mobile ? "{\"width\":390,\"height\":844}" : "{\"width\":1280,\"height\":800}");
    return out.raw("campaign", campaign == null ? null : campaign.json()).done();
  }

  /** The compact context of a session's later events. */
  static String compact(Journey j, boolean app, long t) {
    String locale = j.c.korean ? "ko-KR" : "en-US";
    if (app) {
      return "{\"locale\":\"" + locale + "\",\"app\":{\"version\":\"" + j.world.appVersion(t)
          + "\"},\"library\":{\"name\":\"" + (j.c.ios ? "analytics-swift" : "analytics-kotlin") + "\"}}";
    }
    return "{\"locale\":\"" + locale + "\",\"library\":{\"name\":\"analytics.js\"}}";
  }

  static String app(Journey j, long t) {
    Customer c = j.c;
    String version = j.world.appVersion(t);
    String build = version.replace(".", "") + "0";
    JsonOut device = new JsonOut().put("id", c.deviceIds[Customer.APP])
        .put("manufacturer", c.ios ? "Apple" : "samsung")
        .put("model", c.ios ? "iPhone15,2" : "SM-S921N").put("type", c.ios ? "ios" : "android");
    return new JsonOut()
        .put("locale", c.korean ? "ko-KR" : "en-US")
        .put("timezone", "Asia/Seoul")
        .raw("app", new JsonOut().put("name", "Dalbit Market").put("version", version)
            .put("build", build).put("namespace", "kr.co.dalbitmarket").done())
        .raw("device", device.done())
        .raw("os", c.ios ? "{\"name\":\"iOS\",\"version\":\"17.5\"}" : "{\"name\":\"Android\",\"version\":\"14\"}")
        .raw("library", c.ios ? "{\"name\":\"analytics-swift\",\"version\":\"1.5.11\"}"
            : "{\"name\":\"analytics-kotlin\",\"version\":\"1.16.3\"}")
        .done();
  }

  /** The campaign of a landing from this source, or null when there is none (direct, search). */
  static Utm campaign(Rand r, Session.Source source) {
    return switch (source) {
      case ADS -> {
        String[] c = r.pick(AD_CAMPAIGNS);
        yield new Utm(c[0], c[1], c[2]);
      }
      case SOCIAL -> new Utm(r.pick(SOCIAL), "social", "organic_post");
      case EMAIL -> new Utm("newsletter", "email", "campaign");
      case REMINDER -> new Utm("crm", "email", "abandoned_cart");
      case REFERRAL -> new Utm("kakaotalk", "referral", "invite_friend");
      default -> null;
    };
  }

  static String referrer(Rand r, Session.Source source, boolean korean) {
    return switch (source) {
      case ADS -> r.chance(0.5) ? "https://search.naver.com/" : "https://www.google.com/";
      case SOCIAL -> "https://www.instagram.com/";
      case SEARCH -> korean && r.chance(0.7) ? "https://search.naver.com/search.naver"
          : "https://www.google.com/search";
      case REFERRAL -> "https://open.kakao.com/";
      default -> null;
    };
  }
}
