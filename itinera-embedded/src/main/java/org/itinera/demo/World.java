package org.itinera.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What all customers share: the options, the clock, the text composer, the e-mail campaign
 * calendar, the experiment window, the improvement date and the app release history.
 */
final class World {
  /** A marketing e-mail sent to every opted-in active customer. */
  record Campaign(String id, String name, long sentAt, boolean promo) {}

  final DemoOptions options;
  final long seed;
  final Clock clock;
  final TextComposer text;
  final List<Campaign> campaigns;
  final long experimentStart;
  final long experimentEnd;
  final long improvementAt;

  World(DemoOptions options) {
    this.options = options;
    this.seed = options.seed();
    this.clock = new Clock(options.start(), options.days());
    this.text = new TextComposer();
    LocalDate start = options.start();
    this.experimentStart = clock.at(start.plusDays(
        Planted.scaledDay(Planted.EXPERIMENT_START_DAY_OF_365, options.days())));
    this.experimentEnd = clock.at(start.plusDays(
        Planted.scaledDay(Planted.EXPERIMENT_END_DAY_OF_365, options.days())));
    this.improvementAt = clock.at(start.plusDays(
        Planted.scaledDay(Planted.IMPROVEMENT_DAY_OF_365, options.days())));
    this.campaigns = campaigns(start, options.days());
  }

  boolean inExperiment(long t) {
    return t >= experimentStart && t < experimentEnd;
  }

  boolean improved(long t) {
    return t >= improvementAt;
  }

  /** The app version customers run at time t: a patch every 45 days; 5.4.0 ships the crash fix. */
  String appVersion(long t) {
    if (!improved(t)) {
      return "5.3." + Math.min(3, Math.max(0, (t - clock.start) / (45 * Clock.DAY)));
    }
    return "5.4." + Math.min(3, (t - improvementAt) / (45 * Clock.DAY));
  }

  /** Newsletters every other Thursday at 10:00 Seoul, plus the promotions of a Korean retail year. */
  private List<Campaign> campaigns(LocalDate start, int days) {
    List<Campaign> out = new ArrayList<>();
    LocalDate end = start.plusDays(days);
    LocalDate d = start;
    while (d.getDayOfWeek() != DayOfWeek.THURSDAY) {
      d = d.plusDays(1);
    }
    int n = 0;
    for (; d.isBefore(end); d = d.plusDays(14)) {
      out.add(new Campaign("nl-" + d, "Newsletter " + d, clock.at(d) + 10 * Clock.HOUR, false));
      n++;
    }
    String[][] promos = {
        {"01-20", "Seollal gift sale"}, {"03-05", "Spring new arrivals"}, {"05-01", "Family month"},
        {"07-10", "Summer sale"}, {"09-01", "Chuseok gift sale"}, {"11-11", "11.11 mega sale"},
        {"11-28", "Black Friday"}, {"12-15", "Christmas gifts"}};
    for (int y = start.getYear(); y <= end.getYear(); y++) {
      for (String[] p : promos) {
        LocalDate date = LocalDate.parse(y + "-" + p[0]);
        if (!date.isBefore(start) && date.isBefore(end)) {
          out.add(new Campaign("promo-" + date, p[1], clock.at(date) + 9 * Clock.HOUR, true));
        }
      }
    }
    out.sort((a, b) -> Long.compare(a.sentAt(), b.sentAt()));
    return List.copyOf(out);
  }
}
