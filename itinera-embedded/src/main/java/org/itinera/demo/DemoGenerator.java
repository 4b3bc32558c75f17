package org.itinera.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates the demo data set: a year of Dalbit Market (달빛마켓), a Korean online retailer that
 * also sells in English, with customers whose journeys hide known truths (see {@link #truth()}).
 *
 * <p>Deterministic: the same options give the same output, and customer i's records do not
 * depend on how many customers there are. Streaming: customers are generated one at a time and
 * handed to the sink, so memory stays flat however many there are.
 *
 * <pre>{@code
 * DemoGenerator gen = new DemoGenerator(DemoOptions.defaults().withCustomers(10_000));
 * DemoStats stats = gen.generate(sink);   // messages and rows stream into the sink
 * Truth truth = gen.truth();              // what the analyses should find
 * }</pre>
 */
public final class DemoGenerator {
  private final DemoOptions options;
  private final World world;

  public DemoGenerator(DemoOptions options) {
    this.options = java.util.Objects.requireNonNull(options, "options");
    this.world = new World(options);
  }

  public DemoOptions options() {
    return options;
  }

  /** The planted truths; available before generation and independent of it. */
  public Truth truth() {
    return TruthFactory.build(world);
  }

  /** Generates every customer into the sink and returns what was produced. */
  public DemoStats generate(DemoSink sink) {
    java.util.Objects.requireNonNull(sink, "sink");
    Tally tally = new Tally(world.clock);
    for (long i = 0; i < options.customers(); i++) {
      Rand rand = Rand.forCustomer(options.seed(), i);
      Customer c = new Customer(options.seed(), i, rand, options.days());
      Journey j = new Journey(world, c, rand, tally);
      Lifecycle.run(j);
      finish(j);
      tally.customer(j);
      j.flush(sink);
    }
    return tally.stats();
  }

  /** The CRM snapshot and the per-customer truth, written once the journey is known. */
  private void finish(Journey j) {
    Customer c = j.c;
    Clock clock = world.clock;
    if (j.signedUp && j.signupAt < clock.end) {
      long updated = Math.max(j.signupAt, j.lastSeen);
      j.snapshotRow(updated, DemoFile.PROFILES, c.userId, c.email, c.phone, c.name, c.gender,
          c.ageBand, c.region, c.lang, c.signupSource, Clock.iso(j.signupAt),
          Boolean.toString(j.emailOptIn), c.interestList("|"), tier(j.spend), Clock.iso(updated));
    }
    List<String> devices = new ArrayList<>();
    for (int s = 0; s < c.deviceIds.length; s++) {
      if (j.used[s] || (s == Customer.APP && (j.appInstalled || j.appRemoved))) {
        devices.add(c.deviceIds[s]);
      }
    }
    StringBuilder pains = new StringBuilder();
    for (PainPoint p : PainPoint.values()) {
      if ((j.painMask & (1 << p.ordinal())) != 0) {
        pains.append(pains.length() > 0 ? "|" : "").append(p.id);
      }
    }
    j.truthRow(new DemoRow(DemoFile.TRUTH_CUSTOMERS, List.of(
        j.signedUp ? c.userId : "", String.join("|", devices), c.persona.id,
        Boolean.toString(c.existing), j.firstSeen == Long.MAX_VALUE ? "" : Clock.iso(j.firstSeen),
        j.activeUntil < clock.end ? Clock.iso(j.activeUntil) : "", c.variant, pains.toString())));
  }

  private static String tier(double spend) {
    return spend >= 1_000_000 ? "VIP" : spend >= 300_000 ? "GOLD" : spend >= 100_000 ? "SILVER" : "BASIC";
  }
}
