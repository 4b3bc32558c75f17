package org.itinera.demo;

/**
 * A visit to one of the shop's stores, recorded when the member checks in at the counter; about
 * half end with a purchase. A first-time visitor signs up for membership at the desk.
 */
final class StoreVisit {
  /** id, Korean name, English name, region. */
  static final String[][] STORES = {
      {"ST01", "강남점", "Gangnam", "Seoul"}, {"ST02", "홍대점", "Hongdae", "Seoul"},
      {"ST03", "잠실점", "Jamsil", "Seoul"}, {"ST04", "판교점", "Pangyo", "Gyeonggi"},
      {"ST05", "부산 서면점", "Busan Seomyeon", "Busan"}, {"ST06", "대구 동성로점", "Daegu Dongseongno", "Daegu"}};

  private StoreVisit() {}

  static long run(Journey j, long t) {
    Rand r = j.r;
    t = j.clock.duringOpeningHours(r, t);
    String[] store = pickStore(r, j.c.region);
    if (!j.signedUp) {
      SignUp.atStore(j, t, store[0]);
    }
    long minutes = Math.max(3, Math.round(r.logNormal(18, 0.5)));
    j.track(t, -1, "Store Visit", Journey.props("store").put("store_id", store[0])
        .put("store_name", j.c.korean ? store[1] : store[2]).put("region", store[3])
        .put("duration_minutes", minutes), null);
    long end = t + minutes * Clock.MINUTE;
    if (r.chance(j.c.persona.storePurchase)) {
      Cart cart = new Cart();
      int items = r.between(1, 3);
      for (int i = 0; i < items; i++) {
        cart.items.add(Catalog.pick(r, j.c.category(r)));
        cart.quantities.add(1);
      }
      Orders.place(j, end - 2 * Clock.MINUTE, "store", store[0], null,
          r.chance(0.85) ? "card" : "cash", cart);
    }
    return end;
  }

  private static String[] pickStore(Rand r, String region) {
    for (String[] s : STORES) {
      if (s[3].equals(region) && !region.equals("Seoul")) {
        return s;
      }
    }
    return STORES[r.between(0, 2)];
  }
}
