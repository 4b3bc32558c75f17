package org.itinera.demo;

/** Sign-up and login: where an anonymous browser or device becomes a known customer. */
final class SignUp {
  private static final String[] METHODS_KO = {"kakao", "naver", "email", "apple"};
  private static final double[] WEIGHTS_KO = {0.4, 0.2, 0.35, 0.05};
  private static final String[] METHODS_EN = {"email", "google", "apple"};
  private static final double[] WEIGHTS_EN = {0.6, 0.3, 0.1};

  private SignUp() {}

  static void signUp(Session s, String reason) {
    Journey j = s.j;
    if (j.signedUp) {
      return;
    }
    s.view("Sign Up", "/signup", s.props(), 40);
    j.signedUp = true;
    j.signupAt = s.t;
    j.known[s.slot] = true;
    j.identify(s.t, s.slot, j.traitsJson(), s.firstContext());
    j.track(s.t + 200, s.slot, "Signed Up", s.props().put("method", method(j)).put("reason", reason),
        s.context);
    s.t += 1000;
  }

  static void login(Session s) {
    Journey j = s.j;
    s.view("Login", "/login", s.props(), 20);
    j.known[s.slot] = true;
    j.identify(s.t, s.slot, new JsonOut().put("email", j.c.email).done(), s.firstContext());
    j.track(s.t + 200, s.slot, "Signed In", s.props().put("method", method(j)), s.context);
    s.t += 1000;
  }

  /** Membership desk in a store: the customer is known by userId from the start. */
  static void atStore(Journey j, long t, String storeId) {
    j.signedUp = true;
    j.signupAt = t;
    j.identifyAtStore(t, j.traitsJson());
    j.track(t + 1000, -1, "Signed Up", Journey.props("store").put("method", "store")
        .put("store_id", storeId).put("reason", "membership"), null);
  }

  private static String method(Journey j) {
    return j.c.korean ? METHODS_KO[j.r.weighted(WEIGHTS_KO)] : METHODS_EN[j.r.weighted(WEIGHTS_EN)];
  }
}
