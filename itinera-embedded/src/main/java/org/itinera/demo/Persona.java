package org.itinera.demo;

/**
 * The latent personas. Nothing in the generated data names them; they only shape behaviour, so
 * a persona analysis has something real to recover. Every number here is planted and copied into
 * the truth file.
 */
enum Persona {
  DEAL_HUNTER("deal_hunter", "알뜰 딜헌터", "Deal hunter",
      "Arrives from ads and social, hunts coupons and sales, abandons carts, opens promo e-mails, "
          + "churns fast.",
      0.30, 100, 9.0,
      new double[] {0.60, 0.37, 0.03}, 0.35, 0.45, 1, 4, 25,
      0.33, 0.45, 0.60, 0.30, 0.005, 0.08, 6.8, 0.38, 0.70,
      new double[] {0.55, 0.30, 0.10, 0.05, 0.00, 0.00}, 0.45,
      new double[] {0.45, 0.35, 0.12, 0.06, 0.02}, 0.62,
      new double[] {0.30, 0.30, 0.10, 0.10, 0.05, 0.05, 0.10}),
  LOYAL_APP("loyal_app", "앱 단골", "Loyal app regular",
      "Shops in the app every few days, buys often with small baskets, refers friends, writes "
          + "reviews, stays for a long time.",
      0.22, 420, 6.0,
      new double[] {0.12, 0.85, 0.03}, 0.95, 0.15, 1, 3, 20,
      0.42, 0.72, 0.78, 0.50, 0.004, 0.25, 8.6, 0.20, 0.20,
      new double[] {0.15, 0.25, 0.10, 0.20, 0.30, 0.00}, 0.15,
      new double[] {0.35, 0.40, 0.18, 0.05, 0.02}, 0.58,
      new double[] {0.25, 0.25, 0.10, 0.15, 0.10, 0.10, 0.05}),
  RESEARCHER("researcher", "꼼꼼한 비교족", "Careful researcher",
      "Comes from search, reads reviews and compares many products on the web with long dwell "
          + "times before buying, writes detailed reviews; electronics and home.",
      0.28, 220, 8.0,
      new double[] {0.78, 0.12, 0.10}, 0.15, 0.25, 2, 5, 75,
      0.22, 0.55, 0.70, 0.50, 0.010, 0.35, 7.4, 0.18, 0.15,
      new double[] {0.10, 0.10, 0.70, 0.10, 0.00, 0.00}, 0.30,
      new double[] {0.15, 0.35, 0.32, 0.13, 0.05}, 0.45,
      new double[] {0.10, 0.05, 0.40, 0.25, 0.10, 0.05, 0.05}),
  SUPPORT_HEAVY("support_heavy", "상담 의존형", "Support-heavy",
      "Older, visits stores, calls the call centre and chats often, needs help to finish a "
          + "purchase; sensitive to how support treats them.",
      0.20, 260, 12.0,
      new double[] {0.45, 0.10, 0.45}, 0.10, 0.35, 1, 3, 40,
      0.25, 0.50, 0.55, 0.55, 0.150, 0.10, 6.9, 0.25, 0.25,
      new double[] {0.15, 0.05, 0.20, 0.10, 0.00, 0.50}, 0.25,
      new double[] {0.03, 0.10, 0.22, 0.35, 0.30}, 0.55,
      new double[] {0.15, 0.10, 0.10, 0.30, 0.05, 0.10, 0.20});

  /** First-touch sources, in the order of {@link #firstTouch}. */
  static final String[] SOURCES = {"ads", "social", "search", "referral", "app_store", "store"};
  static final String[] AGE_BANDS = {"20-29", "30-39", "40-49", "50-59", "60+"};
  /** Interests, in the order of {@link #interests}; also the catalogue's categories. */
  static final String[] INTERESTS = {"fashion", "beauty", "electronics", "home", "sports", "kids", "food"};

  final String id;
  final String labelKo;
  final String labelEn;
  final String description;
  final double share;
  /** Mean active lifetime in days (exponential): memoryless, so the base stays steady. */
  final double lifetimeDays;
  final double visitGapDays;
  /** Visit channel mix: web, app, store. */
  final double[] channelMix;
  final double appInstall;
  final double bounce;
  final int minProductViews;
  final int maxProductViews;
  final double productDwellSeconds;
  final double addToCart;
  final double startCheckout;
  final double completeCheckout;
  final double storePurchase;
  final double inquiryPerVisit;
  final double reviewPerOrder;
  final double npsMean;
  final double emailOpen;
  final double couponUse;
  final double[] firstTouch;
  final double oneVisitOnly;
  final double[] ageBands;
  final double female;
  final double[] interests;

  Persona(String id, String labelKo, String labelEn, String description, double share,
      double lifetimeDays, double visitGapDays, double[] channelMix, double appInstall,
      double bounce, int minProductViews, int maxProductViews, double productDwellSeconds,
      double addToCart, double startCheckout, double completeCheckout, double storePurchase,
      double inquiryPerVisit, double reviewPerOrder, double npsMean, double emailOpen,
      double couponUse, double[] firstTouch, double oneVisitOnly, double[] ageBands,
      double female, double[] interests) {
    this.id = id;
    this.labelKo = labelKo;
    this.labelEn = labelEn;
    this.description = description;
    this.share = share;
    this.lifetimeDays = lifetimeDays;
    this.visitGapDays = visitGapDays;
    this.channelMix = channelMix;
    this.appInstall = appInstall;
    this.bounce = bounce;
    this.minProductViews = minProductViews;
    this.maxProductViews = maxProductViews;
    this.productDwellSeconds = productDwellSeconds;
    this.addToCart = addToCart;
    this.startCheckout = startCheckout;
    this.completeCheckout = completeCheckout;
    this.storePurchase = storePurchase;
    this.inquiryPerVisit = inquiryPerVisit;
    this.reviewPerOrder = reviewPerOrder;
    this.npsMean = npsMean;
    this.emailOpen = emailOpen;
    this.couponUse = couponUse;
    this.firstTouch = firstTouch;
    this.oneVisitOnly = oneVisitOnly;
    this.ageBands = ageBands;
    this.female = female;
    this.interests = interests;
  }

  /**
   * Mean active lifetime once pain points have made some customers leave early; measured from
   * the generated data (existing customers' survival over a 365-day window, default options).
   * Recalibrate when the planted churn effects change; the steadiness test will tell.
   */
  double effectiveLifetimeDays() {
    return switch (this) {
      case DEAL_HUNTER -> 84;
      case LOYAL_APP -> 225;
      case RESEARCHER -> 188;
      case SUPPORT_HEAVY -> 235;
    };
  }

  /**
   * Share of this persona's customers who are already customers when the window opens. Existing
   * customers leave at rate 1/L (L the effective lifetime); newcomers arrive evenly over the
   * window and, unless they never come back, stay about L. f = (1-o)L / (T + (1-o)L) balances
   * the two, so the number of active customers stays steady and growth does not mask seasonality.
   */
  double existingShare(int windowDays) {
    double staying = (1 - oneVisitOnly) * effectiveLifetimeDays();
    return staying / (windowDays + staying);
  }

  static Persona draw(Rand rand) {
    Persona[] all = values();
    double[] w = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      w[i] = all[i].share;
    }
    return all[rand.weighted(w)];
  }
}
