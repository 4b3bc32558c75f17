package org.itinera.demo;

import java.util.List;

/**
 * What follows an app crash: the crash event, sometimes an uninstall, in-app feedback or an
 * e-mail ticket, and often the customer reopening the app a few minutes later. Also the in-app
 * feedback of sessions that went fine, which turns positive once the fix ships.
 */
final class AppCrash {
  private static final String[] EXCEPTIONS = {
      "NullPointerException in CartViewModel", "OutOfMemoryError: image decode",
      "SIGABRT in PaymentWebView", "IllegalStateException: Fragment not attached",
      "EXC_BAD_ACCESS in ProductGallery"};

  private AppCrash() {}

  /** Crashes the session at the given screen; returns when the customer is done with the app. */
  static long crash(Session s, String screen) {
    Journey j = s.j;
    Rand r = j.r;
    long t = s.t;
    if (j.track(t, Customer.APP, "Application Crashed", s.props().put("screen", screen)
        .put("app_version", j.world.appVersion(t)).put("exception", r.pick(EXCEPTIONS)), s.context) != null) {
      j.tally.appCrash(j.world.improved(t));
    }
    j.pain(PainPoint.APP_CRASH, t);
    if (r.chance(Planted.CRASH_UNINSTALL)) {
      uninstall(j, t + r.between(10, 2880) * Clock.MINUTE, s.context);
      if (j.signedUp && r.chance(0.15)) {
        Support.complaint(j, t + r.between(20, 240) * Clock.MINUTE, "app", null, "email");
      }
      return t;
    }
    if (r.chance(Planted.CRASH_REOPEN)) {
      long end = Session.app(j, t + r.between(1, 10) * Clock.MINUTE, Session.Source.DIRECT);
      if (r.chance(Planted.CRASH_FEEDBACK)) {
        feedback(j, end - 1000, -1, s.context);
      }
      return end;
    }
    if (j.signedUp && r.chance(0.04)) {
      Support.complaint(j, t + r.between(20, 240) * Clock.MINUTE, "app", null, "email");
    }
    return t;
  }

  static void uninstall(Journey j, long t, String context) {
    if (!j.appInstalled) {
      return;
    }
    j.appInstalled = false;
    j.appRemoved = true;
    j.track(t, Customer.APP, "Application Uninstalled", Journey.props("app"), context);
  }

  /** In-app feedback with a rating (1-5) and the customer's words about the app. */
  static void feedback(Journey j, long t, int polarity, String context) {
    TextComposer.Composed text = j.text(TextComposer.Kind.FEEDBACK,
        List.of(new TextComposer.Aspect("app", polarity)), TextComposer.Slots.NONE);
    int rating = polarity > 0 ? j.r.between(4, 5) : j.r.between(1, 2);
    String id = j.track(t, Customer.APP, "Feedback Submitted", Journey.props("app")
        .put("text", text.text()).put("rating", rating).put("lang", j.c.lang), context);
    if (id != null) {
      j.textTruth("feedback", id, text);
    }
  }
}
