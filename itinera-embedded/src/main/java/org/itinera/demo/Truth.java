package org.itinera.demo;

import java.util.List;
import java.util.Map;

/**
 * What the demo planted, for the analyses to recover: the personas, the pain points with their
 * stage, incidence and effect, the checkout experiment with its lift, the improvement with its
 * date and effect, and the seasonality. It depends only on {@link DemoOptions}, never on what was
 * generated; the run's observed values are in {@link DemoStats}.
 */
public record Truth(
    Company company,
    Window window,
    List<Persona> personas,
    List<PainPoint> painPoints,
    Experiment experiment,
    Improvement improvement,
    Seasonality seasonality,
    Map<String, List<String>> stages,
    List<String> identityStitching) {

  public Truth {
    personas = List.copyOf(personas);
    painPoints = List.copyOf(painPoints);
    stages = Map.copyOf(stages);
    identityStitching = List.copyOf(identityStitching);
  }

  /** The fictional company. */
  public record Company(String name, String nameKo, String description, String currency,
      String timezone, List<String> languages, List<String> channels) {
    public Company {
      languages = List.copyOf(languages);
      channels = List.copyOf(channels);
    }
  }

  /** The generated window: dates in Seoul, end exclusive. */
  public record Window(long seed, int customers, String start, String end, int days) {}

  /** A latent persona: its share and the behaviour and traits that betray it. */
  public record Persona(String id, String labelKo, String labelEn, double share,
      String description, Map<String, Double> ageBands, double femaleShare,
      Map<String, Double> interests, Map<String, Double> firstTouch,
      Map<String, Double> visitChannels, double visitGapDays, double lifetimeDays,
      double bounceRate, double addToCartRate, double checkoutCompletion,
      double reviewRate, double npsMean, double emailOpenRate) {
    public Persona {
      ageBands = Map.copyOf(ageBands);
      interests = Map.copyOf(interests);
      firstTouch = Map.copyOf(firstTouch);
      visitChannels = Map.copyOf(visitChannels);
    }
  }

  /**
   * A pain point: where it strikes, how often per opportunity, what it does.
   *
   * @param effectMultiplier the designed multiplier on {@code effectMetric} (e.g. 0.4 means the
   *     metric is 40% of its value without the pain point)
   */
  public record PainPoint(String id, String labelKo, String labelEn, String stage, String topic,
      String opportunity, double incidence, String incidenceNote, String effectMetric,
      double effectMultiplier, String effect, String evidence) {}

  /** The checkout A/B test; {@code start} and {@code end} are Seoul dates, end exclusive. */
  public record Experiment(String id, String name, String exposureEvent, String control,
      String treatment, double allocation, String start, String end, String metric,
      double relativeLift) {}

  /** The shipped improvement and its effect on a pain point. */
  public record Improvement(String id, String description, String shippedOn, String shippedAt,
      String appVersion, String painPoint, String metric, double before, double after) {}

  /**
   * Relative activity (mean 1) by calendar month, weekday (Monday first) and hour of day in
   * Seoul; visits, and so orders, follow the product of the three.
   */
  public record Seasonality(Map<String, Double> month, Map<String, Double> weekday,
      Map<String, Double> hourOfDay, String note) {
    public Seasonality {
      month = Map.copyOf(month);
      weekday = Map.copyOf(weekday);
      hourOfDay = Map.copyOf(hourOfDay);
    }
  }
}
