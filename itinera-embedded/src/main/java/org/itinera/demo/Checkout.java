package org.itinera.demo;

/**
 * The checkout: sign-up or login if needed, the A/B exposure, payment and its planted error, and
 * the decision to complete. Completion probability is the persona's base rate times the
 * experiment lift (treatment, inside the window) times the payment-error penalty; the error is
 * drawn independently of persona and arm, so each multiplier is recoverable on its own.
 */
final class Checkout {
  private static final String[] ERRORS = {
      "PG_TIMEOUT", "CARD_DECLINED", "3DS_FAILED", "SESSION_EXPIRED", "PG_INTERNAL_ERROR"};

  private Checkout() {}

  static void run(Session s) {
    Journey j = s.j;
    Rand r = j.r;
    if (s.cart.items.isEmpty()) {
      return;
    }
    if (!j.signedUp) {
      if (!r.chance(0.72)) {
        s.view("Sign Up", "/signup", s.props(), 30);
        return;
      }
      SignUp.signUp(s, "checkout");
    } else if (!j.known[s.slot]) {
      SignUp.login(s);
    }
    String checkoutId = j.checkoutId();
    long started = s.t;
    boolean inExperiment = j.world.inExperiment(started);
    String variant = inExperiment ? j.c.variant : null;
    if (inExperiment) {
      j.track(s.t, s.slot, "Experiment Viewed", s.props()
          .put("experiment_id", Planted.EXPERIMENT_ID).put("experiment_name", Planted.EXPERIMENT_NAME)
          .put("variation_name", variant), s.context);
    }
    JsonOut startedProps = s.props().put("checkout_id", checkoutId).put("cart_id", s.cart.id())
        .put("value", s.cart.value()).put("currency", "KRW").put("products", s.cart.items.size());
    if (inExperiment) {
      startedProps.put("checkout_variant", variant);
    }
    j.track(s.t, s.slot, "Checkout Started", startedProps, s.context);
    s.view("Checkout", "/checkout", s.props().put("checkout_id", checkoutId), 60);
    String method = Orders.paymentMethod(r, j.c);
    j.track(s.t, s.slot, "Payment Info Entered", s.props().put("checkout_id", checkoutId)
        .put("payment_method", method), s.context);
    boolean error = r.chance(Planted.PAYMENT_ERROR_RATE);
    boolean errorRecorded = false;
    if (error) {
      errorRecorded = null != j.track(s.t + 800, s.slot, "Checkout Error", s.props().put("checkout_id", checkoutId)
          .put("step", "payment").put("error_code", r.pick(ERRORS)).put("payment_method", method),
          s.context);
      j.pain(PainPoint.PAYMENT_ERROR, s.t);
      if (s.recordsClicks) {
        int rage = r.between(3, 6);
        Layout.Box pay = Layout.box("Checkout", "pay_button");
        for (int i = 0; i < rage; i++) {
          s.click("Checkout", pay, s.t + 1000 + i * (200L + r.between(0, 250)));
        }
      }
      s.t += r.between(5, 40) * 1000L;
    }
    double complete = j.c.persona.completeCheckout
        * (Planted.TREATMENT.equals(variant) ? Planted.EXPERIMENT_LIFT : 1.0)
        * (error ? Planted.PAYMENT_ERROR_COMPLETION : 1.0);
    boolean done = r.chance(complete);
    long orderAt = s.t + r.between(3, 10) * 1000L;
    if (j.clock.inWindow(started)) {
      // Counted as the data will show it: an error or order past the window's end is not there.
      j.tally.checkout(errorRecorded, done && j.clock.inWindow(orderAt), variant);
    }
    if (done) {
      s.t = orderAt;
      Orders.place(j, s.t, s.app ? "app" : "web", null, checkoutId, method, s.cart);
      s.view("Order Complete", "/order/complete", s.props().put("checkout_id", checkoutId), 10);
    } else {
      Marketing.abandonedCart(j, s.t);
    }
    if (error && r.chance(Planted.PAYMENT_ERROR_TICKET)) {
      Support.complaint(j, s.t + r.between(2, 40) * Clock.MINUTE, "payment", null, null);
    }
    if (r.chance(0.06)) {
      Surveys.ces(j, s.t + r.between(1, 30) * Clock.MINUTE, error, done);
    }
  }
}
