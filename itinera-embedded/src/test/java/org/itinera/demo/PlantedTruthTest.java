package org.itinera.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each planted truth is really in the data: recomputed from the emitted messages and rows by
 * {@link ReferenceAnalysis} and compared with what the truth says. One generation of 6,000
 * customers (about 800k messages) is shared by all tests; tolerances are several standard errors
 * at that size.
 */
class PlantedTruthTest {
  private static Truth truth;
  private static DemoStats stats;
  private static ReferenceAnalysis data;

  @BeforeAll
  static void generate() {
    DemoGenerator generator = new DemoGenerator(DemoOptions.defaults().withCustomers(6_000).withSeed(7));
    truth = generator.truth();
    data = new ReferenceAnalysis(truth);
    stats = generator.generate(data);
  }

  private static Truth.PainPoint pain(String id) {
    return truth.painPoints().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void paymentError_incidenceAndCompletionPenaltyMatchTruth() {
    Truth.PainPoint p = pain("payment_error");
    assertThat(p.stage()).isEqualTo("purchase");
    double incidence = (double) data.checkoutsWithError / data.checkouts;
    double with = (double) data.completedWithError / data.checkoutsWithError;
    double without = (double) data.completedWithoutError / (data.checkouts - data.checkoutsWithError);
    assertThat(data.checkouts).isGreaterThan(10_000);
    assertThat(incidence).isCloseTo(p.incidence(), within(0.015));
    assertThat(with / without).isCloseTo(p.effectMultiplier(), within(0.06));
  }

  @Test
  void experiment_liftAndAllocationMatchTruth() {
    Truth.Experiment e = truth.experiment();
    long[] control = data.arms.get(e.control());
    long[] treatment = data.arms.get(e.treatment());
    assertThat(data.arms).containsOnlyKeys(e.control(), e.treatment());
    double allocation = (double) treatment[0] / (treatment[0] + control[0]);
    double lift = ((double) treatment[1] / treatment[0]) / ((double) control[1] / control[0]) - 1;
    assertThat(allocation).isCloseTo(e.allocation(), within(0.03));
    assertThat(lift).isCloseTo(e.relativeLift(), within(0.06));
  }

  @Test
  void improvement_crashRateDropsAtTheShipDate() {
    Truth.Improvement imp = truth.improvement();
    double before = (double) data.crashesBefore / data.appSessionsBefore;
    double after = (double) data.crashesAfter / data.appSessionsAfter;
    assertThat(imp.painPoint()).isEqualTo("app_crash");
    assertThat(before).isCloseTo(imp.before(), within(0.012));
    assertThat(after).isCloseTo(imp.after(), within(0.006));
    assertThat(LocalDate.parse(imp.shippedOn())).isEqualTo(LocalDate.of(2025, 7, 1));
  }

  @Test
  void deliveryDelay_incidenceDoublesInPeakAndLowersRepeatPurchase() {
    Truth.PainPoint p = pain("delivery_delay");
    double offPeak = (double) (data.late - data.latePeak) / (data.delivered - data.deliveredPeak);
    double peak = (double) data.latePeak / data.deliveredPeak;
    assertThat(offPeak).isCloseTo(p.incidence(), within(0.02));
    assertThat(peak).isCloseTo(Planted.DELAY_RATE_PEAK, within(0.04));
    double repeatOnTime = (double) data.firstOnTimeRepeat / data.firstOnTime;
    double repeatLate = (double) data.firstLateRepeat / data.firstLate;
    assertThat(data.firstLate).isGreaterThan(200);
    assertThat(repeatLate / repeatOnTime)
        .as("repeat after late %.3f / on time %.3f (n=%d/%d)", repeatLate, repeatOnTime,
            data.firstLate, data.firstOnTime)
        .isCloseTo(p.effectMultiplier(), within(0.12));
  }

  @Test
  void rudeSupport_isConcentratedOnTwoAgentsAndShowsInCsat() {
    long[] rude = data.csatByAgentGroup.get("rude_agents");
    long[] others = data.csatByAgentGroup.get("others");
    double rudeLow = (double) rude[1] / rude[0];
    double othersLow = (double) others[1] / others[0];
    assertThat(rude[0]).isGreaterThan(50);
    assertThat(rudeLow).isGreaterThan(3 * othersLow);
  }

  @Test
  void refundsAndReturns_showHassleAndSizeProblems() {
    assertThat((double) data.slowRefunds / data.refunds)
        .isCloseTo(pain("refund_hassle").incidence(), within(0.06));
    Map.Entry<String, Long> top = data.returnReasons.entrySet().stream()
        .max(Map.Entry.comparingByValue()).orElseThrow();
    assertThat(top.getKey()).isEqualTo("size");
  }

  @Test
  void seasonality_novemberPeakAndEveningHoursVisibleInOrders() {
    double nov = data.ordersByMonth.get(11) / 30.0;
    double sepOct = (data.ordersByMonth.get(9) + data.ordersByMonth.get(10)) / 61.0;
    Map<String, Double> month = truth.seasonality().month();
    double expected = month.get("11-Nov") / ((month.get("09-Sep") + month.get("10-Oct")) / 2);
    assertThat(nov / sepOct).isCloseTo(expected, within(0.12 * expected));
    long evening = data.ordersByHour[20] + data.ordersByHour[21] + data.ordersByHour[22];
    long night = data.ordersByHour[3] + data.ordersByHour[4] + data.ordersByHour[5];
    assertThat(evening).isGreaterThan(5 * night);
    Map<String, Double> weekday = truth.seasonality().weekday();
    long[] views = data.productViewsByWeekday;
    double weekendOverMidweek = (double) (views[5] + views[6]) / (views[1] + views[2]);
    double expectedWeekday = (weekday.get("6-Sat") + weekday.get("7-Sun"))
        / (weekday.get("2-Tue") + weekday.get("3-Wed"));
    assertThat(weekendOverMidweek).isCloseTo(expectedWeekday, within(0.05));
  }

  @Test
  void seasonality_activeBaseIsSteadySoTrendDoesNotMaskIt() {
    Map<String, Double> month = truth.seasonality().month();
    double q1 = 0;
    double q3 = 0;
    String[] keys = month.keySet().stream().sorted().toArray(String[]::new);
    int[] days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 3; m++) {
      q1 += data.ordersByMonth.get(m) / (days[m - 1] * month.get(keys[m - 1]));
      q3 += data.ordersByMonth.get(m + 6) / (days[m + 5] * month.get(keys[m + 5]));
    }
    assertThat(q3 / q1).isCloseTo(1.0, within(0.15));
  }

  @Test
  void personas_sharesAndBehaviourMatchTruth() {
    long total = data.customersByPersona.values().stream().mapToLong(Long::longValue).sum();
    for (Truth.Persona p : truth.personas()) {
      double share = (double) data.customersByPersona.get(p.id()) / total;
      assertThat(share).as(p.id()).isCloseTo(p.share(), within(0.025));
    }
    assertThat(appShare("loyal_app")).isGreaterThan(0.5)
        .isGreaterThan(2 * appShare("researcher")).isGreaterThan(2 * appShare("support_heavy"));
    assertThat(data.perCustomer("researcher", 2))
        .isGreaterThan(3 * data.perCustomer("deal_hunter", 2));
    assertThat(perEvent("deal_hunter", 3)).isGreaterThan(2 * perEvent("researcher", 3));
    assertThat(data.perCustomer("support_heavy", 4))
        .as("tickets per customer").isGreaterThan(data.perCustomer("loyal_app", 4));
    assertThat(perEvent("support_heavy", 4)).as("tickets per event")
        .isGreaterThan(3 * perEvent("loyal_app", 4)).isGreaterThan(3 * perEvent("researcher", 4));
  }

  private static double appShare(String persona) {
    return perEvent(persona, 1);
  }

  private static double perEvent(String persona, int signal) {
    return data.perCustomer(persona, signal) / data.perCustomer(persona, 0);
  }

  @Test
  void observedStats_agreeWithTheIndependentRecomputation() {
    assertThat(stats.checkout().started()).isEqualTo(data.checkouts);
    assertThat(stats.checkout().withError()).isEqualTo(data.checkoutsWithError);
    assertThat(stats.checkout().completedWithError()).isEqualTo(data.completedWithError);
    assertThat(stats.checkout().completedWithoutError()).isEqualTo(data.completedWithoutError);
    assertThat(stats.experiment().get(Planted.TREATMENT).checkouts())
        .isEqualTo(data.arms.get(Planted.TREATMENT)[0]);
    assertThat(stats.appCrashes().sessionsBefore()).isEqualTo(data.appSessionsBefore);
    assertThat(stats.appCrashes().sessionsAfter()).isEqualTo(data.appSessionsAfter);
    assertThat(stats.appCrashes().crashesBefore()).isEqualTo(data.crashesBefore);
    assertThat(stats.appCrashes().crashesAfter()).isEqualTo(data.crashesAfter);
    assertThat(stats.delivery().delivered()).isEqualTo(data.delivered);
    assertThat(stats.delivery().late()).isEqualTo(data.late);
    assertThat(stats.delivery().firstLate()).isEqualTo(data.firstLate);
    assertThat(stats.delivery().firstOnTimeRepeat()).isEqualTo(data.firstOnTimeRepeat);
    long orders = data.ordersByMonth.values().stream().mapToLong(Long::longValue).sum();
    assertThat(stats.rows().get("orders.csv")).isEqualTo(orders);
  }

  @Test
  void truth_datesLieInsideTheWindow() {
    LocalDate start = LocalDate.parse(truth.window().start());
    LocalDate end = LocalDate.parse(truth.window().end());
    for (String d : new String[] {truth.experiment().start(), truth.experiment().end(),
        truth.improvement().shippedOn()}) {
      assertThat(LocalDate.parse(d)).isAfter(start).isBefore(end);
    }
    assertThat(ZonedDateTime.parse(truth.improvement().shippedAt()).toLocalDate())
        .isEqualTo(LocalDate.parse(truth.improvement().shippedOn()).minusDays(1));
  }
}
