package org.itinera.demo;

/**
 * What is fixed about one customer before the journey starts: the latent persona, demographics,
 * contact details, devices and the A/B arm. Drawn from the customer's own random stream.
 */
final class Customer {
  static final int WEB = 0;
  static final int WEB2 = 1;
  static final int APP = 2;

  final long index;
  final Persona persona;
  final boolean korean;
  final String lang;
  final String gender;
  final String ageBand;
  final String region;
  final int[] interests;
  final String signupSource;
  final boolean existing;
  final String userId;
  final String name;
  final String email;
  final String phone;
  final boolean marketingOptIn;
  final String variant;
  final boolean mobileWeb;
  final boolean secondBrowser;
  final boolean ios;
  final String[] deviceIds;

  Customer(long seed, long index, Rand rand, int windowDays) {
    this.index = index;
    this.persona = Persona.draw(rand);
    this.korean = !rand.chance(0.18);
    this.lang = korean ? "ko" : "en";
    double g = rand.uniform();
    this.gender = g < persona.female ? "female" : g < 0.98 ? "male" : "unspecified";
    int age = rand.weighted(persona.ageBands);
    this.ageBand = Persona.AGE_BANDS[age];
    this.region = People.region(rand, korean);
    int first = rand.weighted(persona.interests);
    int second = rand.weighted(persona.interests);
    this.interests = first == second ? new int[] {first} : new int[] {first, second};
    this.existing = rand.chance(persona.existingShare(windowDays));
    this.signupSource = Persona.SOURCES[rand.weighted(persona.firstTouch)];
    this.userId = Ids.userId(index);
    String[] n = People.name(rand, korean, "female".equals(gender), age >= 3);
    this.name = n[0];
    this.email = People.email(rand, n[1], index, korean);
    this.phone = People.phone(index);
    this.marketingOptIn = rand.chance(persona == Persona.DEAL_HUNTER ? 0.8 : 0.55);
    this.variant = rand.chance(0.5) ? Planted.TREATMENT : Planted.CONTROL;
    this.mobileWeb = rand.chance(age <= 1 ? 0.6 : 0.4);
    this.secondBrowser = rand.chance(0.3);
    this.ios = rand.chance(korean ? 0.35 : 0.6);
    this.deviceIds = new String[] {
        Ids.deviceId(seed, index, WEB), Ids.deviceId(seed, index, WEB2), Ids.deviceId(seed, index, APP)};
  }

  /** Preferred category most of the time, sometimes anything. */
  int category(Rand rand) {
    return rand.chance(0.8) ? interests[rand.between(0, interests.length - 1)]
        : rand.between(0, Persona.INTERESTS.length - 1);
  }

  String interestList(String separator) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < interests.length; i++) {
      if (i > 0) {
        sb.append(separator);
      }
      sb.append(Persona.INTERESTS[interests[i]]);
    }
    return sb.toString();
  }
}
