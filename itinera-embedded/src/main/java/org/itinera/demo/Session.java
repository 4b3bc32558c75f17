package org.itinera.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * One web or app session: a planned path of steps (landing, search or category, product views,
 * reviews, cart, checkout) rendered as page or screen views with dwell times, the matching
 * e-commerce track events and, on the web, clicks with page coordinates.
 *
 * <p>Decisions are taken when the plan is drawn (bounce, how many products, whether to add to the
 * cart and check out); an app session may then crash at a random step, which ends it there. The
 * crash is checked before a step starts, so a crash never leaves a half-started checkout behind:
 * checkout statistics stay unbiased by the crash fix.
 */
final class Session {
  /** How the customer arrived. */
  enum Source { DIRECT, ADS, SOCIAL, SEARCH, EMAIL, REMINDER, REFERRAL, APP_STORE }

  private enum Step { HOME, PROMOTIONS, SEARCH, CATEGORY, PRODUCT, REVIEWS, CART, CHECKOUT }

  final Journey j;
  final boolean app;
  final int slot;
  final String sessionId;
  /** Context of the session's events after the first. */
  final String context;
  final Source source;
  /** Full context for the session's first event. */
  private final String landingContext;
  private boolean fullContextSent;
  long t;
  private boolean landed;
  private final int category;
  /** Heatmap tools record a sample of web sessions; only those carry clicks. */
  final boolean recordsClicks;
  private Catalog.Product lastProduct;
  final Cart cart = new Cart();

  private Session(Journey j, long t, boolean app, int slot, Source source, Contexts.Utm campaign) {
    this.j = j;
    this.t = t;
    this.app = app;
    this.slot = slot;
    this.source = source;
    this.sessionId = j.sessionId();
    this.context = Contexts.compact(j, app, t);
    this.landingContext = app ? Contexts.app(j, t) : Contexts.web(j, slot, campaign);
    this.category = j.c.category(j.r);
    this.recordsClicks = !app && j.r.chance(Planted.CLICK_SAMPLE);
  }

  /** Runs a web session on the given browser slot; returns when it ends. */
  static long web(Journey j, long t, Source source, int slot) {
    return web(j, t, source, slot, Contexts.campaign(j.r, source));
  }

  /** Runs a web session that landed from the given campaign (the one its touch event named). */
  static long web(Journey j, long t, Source source, int slot, Contexts.Utm campaign) {
    return new Session(j, t, false, slot, source, campaign).run(source);
  }

  /** Runs an app session (the app must be installed); returns when it ends. */
  static long app(Journey j, long t, Source source) {
    return new Session(j, t, true, Customer.APP, source, null).run(source);
  }

  private long run(Source source) {
    Persona p = j.c.persona;
    boolean firstUse = !j.used[slot];
    j.used[slot] = true;
    if (app) {
      if (j.track(t, slot, "Application Opened", props().put("from_background", false)
          .put("version", j.world.appVersion(t)), firstContext()) != null) {
        j.tally.appSession(j.world.improved(t));
      }
      t += 1500;
    }
    if (firstUse && j.known[slot]) {
      j.identify(t, slot, j.traitsJson(), landingContext);
    } else if (!j.known[slot] && j.signedUp && j.r.chance(app ? 0.8 : 0.35)) {
      SignUp.login(this);
    }
    List<Step> steps = plan(source);
    boolean bounced = steps.size() == 1 && source != Source.REMINDER;
    int crashAt = -1;
    if (app) {
      double rate = j.world.improved(t) ? Planted.CRASH_RATE_AFTER : Planted.CRASH_RATE_BEFORE;
      crashAt = j.r.chance(rate) ? j.r.between(0, steps.size() - 1) : -1;
    }
    for (int i = 0; i < steps.size(); i++) {
      if (i == crashAt) {
        return AppCrash.crash(this, name(steps.get(i)));
      }
      render(steps.get(i), bounced);
    }
    if (!j.signedUp && !bounced && j.r.chance(p == Persona.LOYAL_APP ? 0.3 : 0.12)) {
      SignUp.signUp(this, "welcome_coupon");
    }
    if (app) {
      if (j.r.chance(0.01)) {
        boolean happy = j.r.chance(j.world.improved(t) ? 0.8 : 0.4);
        AppCrash.feedback(j, t, happy ? 1 : -1, context);
      }
      if (j.r.chance(Planted.BASE_UNINSTALL)) {
        AppCrash.uninstall(j, t + Clock.HOUR + (long) (j.r.uniform() * 5 * Clock.DAY), context);
      }
    }
    return t;
  }

  private List<Step> plan(Source source) {
    Persona p = j.c.persona;
    List<Step> s = new ArrayList<>();
    Step landing = switch (source) {
      case DIRECT, REFERRAL, APP_STORE -> Step.HOME;
      case ADS -> j.r.chance(0.6) ? Step.PRODUCT : Step.PROMOTIONS;
      case SOCIAL -> Step.PRODUCT;
      case SEARCH -> j.r.chance(0.5) ? Step.PRODUCT : Step.CATEGORY;
      case EMAIL -> j.r.chance(0.6) ? Step.PROMOTIONS : Step.PRODUCT;
      case REMINDER -> Step.CART;
    };
    s.add(landing);
    if (source == Source.REMINDER) {
      if (j.r.chance(0.75)) {
        s.add(Step.CHECKOUT);
      }
      return s;
    }
    if (j.r.chance(p.bounce * (app ? 0.6 : 1.0))) {
      return s;
    }
    int views = j.r.between(p.minProductViews, p.maxProductViews) - (landing == Step.PRODUCT ? 1 : 0);
    if (views > 0 && landing != Step.CATEGORY) {
      double search = p == Persona.RESEARCHER ? 0.5 : 0.25;
      s.add(j.r.chance(search) ? Step.SEARCH : Step.CATEGORY);
    }
    double reviews = p == Persona.RESEARCHER ? 0.4 : 0.1;
    for (int k = 0; k < views; k++) {
      s.add(Step.PRODUCT);
      if (j.r.chance(reviews)) {
        s.add(Step.REVIEWS);
      }
    }
    double cart = p.addToCart * (source == Source.ADS || source == Source.EMAIL ? 1.2 : 1.0);
    if (j.r.chance(cart)) {
      s.add(Step.CART);
      if (j.r.chance(p.startCheckout)) {
        s.add(Step.CHECKOUT);
      }
    }
    return s;
  }

  private void render(Step step, boolean bounced) {
    Persona p = j.c.persona;
    switch (step) {
      case HOME -> view("Home", "/", props(), bounced ? 7 : 8);
      case PROMOTIONS -> view("Promotions", "/events/deals", props(), bounced ? 7 : 15);
      case SEARCH -> {
        Catalog.Product target = Catalog.pick(j.r, category);
        String query = j.c.korean ? target.itemKo() : target.itemEn();
        j.track(t, slot, "Products Searched", props().put("query", query), context);
        view("Search Results", "/search", props().put("query", query), 12);
      }
      case CATEGORY -> {
        String cat = Persona.INTERESTS[category];
        view("Category", "/c/" + cat, props().put("category", cat), bounced ? 7 : 20);
      }
      case PRODUCT -> {
        lastProduct = Catalog.pick(j.r, category);
        Catalog.Product pr = lastProduct;
        j.track(t, slot, "Product Viewed", product(props(), pr), firstContext());
        view("Product", "/p/" + pr.id(), props().put("product_id", pr.id())
            .put("category", pr.category()), bounced ? 7 : p.productDwellSeconds);
      }
      case REVIEWS -> {
        view("Reviews", "/p/" + lastProduct.id() + "/reviews",
            props().put("product_id", lastProduct.id()), p == Persona.RESEARCHER ? 110 : 45);
      }
      case CART -> {
        if (lastProduct == null) {
          lastProduct = Catalog.pick(j.r, category);
        }
        cart.add(this, lastProduct, source != Source.REMINDER);
        view("Cart", "/cart", props().put("cart_id", cart.id()), 25);
      }
      case CHECKOUT -> Checkout.run(this);
    }
  }

  private static String name(Step step) {
    return switch (step) {
      case HOME -> "Home";
      case PROMOTIONS -> "Promotions";
      case SEARCH -> "Search Results";
      case CATEGORY -> "Category";
      case PRODUCT -> "Product";
      case REVIEWS -> "Reviews";
      case CART -> "Cart";
      case CHECKOUT -> "Checkout";
    };
  }

  JsonOut product(JsonOut out, Catalog.Product pr) {
    return out.put("product_id", pr.id()).put("name", j.c.korean ? pr.nameKo() : pr.nameEn())
        .put("category", pr.category()).put("price", pr.price()).put("currency", "KRW");
  }

  /** Properties every event of this session carries. */
  JsonOut props() {
    return Journey.props(app ? "app" : "web").put("session_id", sessionId);
  }

  /**
   * A page (web) or screen (app) view lasting about {@code medianSeconds}, with clicks on the
   * web; advances the session clock past it.
   */
  void view(String name, String path, JsonOut pr, double medianSeconds) {
    long dwell = (long) (j.r.logNormal(medianSeconds, 0.6) * 1000) + 500;
    if (!app) {
      pr.put("path", path).put("url", "https://www.dalbitmarket.co.kr" + path)
          .put("title", name + " | Dalbit Market");
      if (!landed) {
        pr.put("referrer", Contexts.referrer(j.r, source, j.c.korean));
      }
    }
    pr.put("dwell_ms", dwell);
    String ctx = firstContext();
    landed = true;
    if (app) {
      j.screen(t, name, pr, ctx);
    } else {
      j.page(t, slot, name, pr, ctx);
      if (recordsClicks && Layout.has(name)) {
        int clicks = "Product".equals(name) ? j.r.between(0, 2) : j.r.chance(0.35) ? 1 : 0;
        for (int i = 0; i < clicks; i++) {
          click(name, Layout.pick(j.r, name), t + (long) (dwell * (i + 1.0) / (clicks + 1)));
        }
      }
    }
    t += dwell;
  }

  /** The full context the first time it is asked for in this session, the compact one after. */
  String firstContext() {
    if (fullContextSent) {
      return context;
    }
    fullContextSent = true;
    return landingContext;
  }

  void click(String page, Layout.Box box, long at) {
    int[] xy = Layout.click(j.r, box, j.c.mobileWeb);
    j.track(at, slot, "Element Clicked", props().put("page", page).put("element", box.element())
        .put("x", xy[0]).put("y", xy[1])
        .put("viewport_width", j.c.mobileWeb ? Layout.MOBILE_WIDTH : Layout.DESKTOP_WIDTH)
        .put("viewport_height", j.c.mobileWeb ? Layout.MOBILE_HEIGHT : Layout.DESKTOP_HEIGHT),
        context);
  }

}
