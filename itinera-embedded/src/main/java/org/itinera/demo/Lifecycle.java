package org.itinera.demo;

import java.util.List;

/**
 * One customer's life in the window, from first touch (or from the window's start for existing
 * customers) until churn or the end of the window.
 *
 * <p>Design notes. Visits follow the seasonal Poisson process of {@link Clock#nextVisit}; e-mail
 * campaigns and abandoned-cart reminders add visits of their own. The loop always takes the
 * earliest of the three, so time only moves forward. Churn is a deadline ({@code activeUntil}):
 * drawn from the persona's lifetime, and brought forward by pain points as they happen (possibly
 * to a time after the current visit, e.g. at a late delivery). Events that a visit schedules in
 * the future (deliveries, refunds, reviews) are written at once with their future timestamps;
 * the buffer is sorted before it leaves the journey.
 */
final class Lifecycle {
  private Lifecycle() {}

  static void run(Journey j) {
    Customer c = j.c;
    Rand r = j.r;
    Clock clock = j.clock;
    Persona p = c.persona;
    long now;
    if (c.existing) {
      now = clock.start;
      j.signedUp = true;
      j.signupAt = clock.start - (long) (r.uniform() * 3 * 365 * Clock.DAY) - Clock.DAY;
      j.known[Customer.WEB] = true;
      j.known[Customer.WEB2] = r.chance(0.5);
      j.appInstalled = r.chance(p.appInstall * 0.85);
      j.known[Customer.APP] = j.appInstalled;
      j.activeUntil = now + (long) (r.exponential(p.lifetimeDays) * Clock.DAY);
    } else {
      now = clock.arrival(r);
      j.activeUntil = now + (long) (r.exponential(p.lifetimeDays) * Clock.DAY);
      now = Acquisition.firstTouch(j, now);
      if (r.chance(p.oneVisitOnly)) {
        j.churnAt(now);
      }
    }
    List<World.Campaign> campaigns = j.world.campaigns;
    int nextCampaign = 0;
    while (nextCampaign < campaigns.size() && campaigns.get(nextCampaign).sentAt() <= now) {
      nextCampaign++;
    }
    while (true) {
      long visit = clock.nextVisit(r, now, p.visitGapDays);
      long mail = nextCampaign < campaigns.size() ? campaigns.get(nextCampaign).sentAt() : Long.MAX_VALUE;
      long reminder = j.pendingVisit;
      long next = Math.min(visit, Math.min(mail, reminder));
      if (!j.active(next)) {
        break;
      }
      if (next == reminder) {
        j.pendingVisit = Long.MAX_VALUE;
        now = Math.max(now, Session.web(j, reminder, Session.Source.REMINDER, Customer.WEB));
      } else if (next == mail) {
        nextCampaign++;
        now = Math.max(now, Marketing.campaign(j, campaigns.get(nextCampaign - 1)));
      } else {
        now = Math.max(now, visit(j, visit));
      }
    }
    if (j.activeUntil < clock.end) {
      if (j.appInstalled && r.chance(0.5)) {
        AppCrash.uninstall(j, j.activeUntil + r.between(1, 30) * Clock.DAY, Contexts.app(j, j.activeUntil));
      }
      if (j.emailOptIn && j.signedUp && r.chance(0.2)) {
        j.track(j.activeUntil + r.between(5, 60) * Clock.DAY, -1, "Unsubscribed",
            Journey.props("email").put("campaign_id", "account_settings"), null);
      }
    }
  }

  /** A visit on the channel the persona prefers, with the source it arrives from. */
  private static long visit(Journey j, long t) {
    Customer c = j.c;
    Rand r = j.r;
    Persona p = c.persona;
    if (r.chance(p.inquiryPerVisit)) {
      Support.spontaneous(j, t + r.between(-600, 600) * Clock.MINUTE);
    }
    int channel = r.weighted(p.channelMix);
    if (channel == 1 && !j.appInstalled && !j.appRemoved && r.chance(0.1)) {
      Acquisition.install(j, t, Session.Source.DIRECT);
    }
    if (channel == 1 && j.appInstalled) {
      return Session.app(j, t, Session.Source.DIRECT);
    }
    if (channel == 2 && !c.region.equals("Overseas")) {
      return StoreVisit.run(j, t);
    }
    double ads = p == Persona.DEAL_HUNTER ? 0.25 : 0.05;
    double search = p == Persona.RESEARCHER ? 0.3 : 0.08;
    double u = r.uniform();
    Session.Source source = u < ads ? Session.Source.ADS
        : u < ads + search ? Session.Source.SEARCH
        : u < ads + search + 0.05 ? Session.Source.SOCIAL
        : Session.Source.DIRECT;
    int slot = c.secondBrowser && r.chance(0.25) ? Customer.WEB2 : Customer.WEB;
    if (source != Session.Source.DIRECT) {
      return Acquisition.web(j, t, source, slot);
    }
    return Session.web(j, t, source, slot);
  }
}
