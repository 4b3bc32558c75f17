package org.itinera.demo;

/**
 * Fictional people: names (Korean or English), e-mail addresses, phone numbers and regions.
 * E-mails and phones embed the customer index so they are unique: a shared address would make
 * identity resolution merge two people, which is a situation the demo does not intend to plant.
 */
final class People {
  private static final String[][] SURNAMES = {
      {"김", "kim"}, {"이", "lee"}, {"박", "park"}, {"최", "choi"}, {"정", "jung"}, {"강", "kang"},
      {"조", "cho"}, {"윤", "yoon"}, {"장", "jang"}, {"임", "lim"}, {"한", "han"}, {"오", "oh"},
      {"서", "seo"}, {"신", "shin"}, {"권", "kwon"}, {"황", "hwang"}, {"송", "song"}, {"류", "ryu"}};
  private static final String[][] FEMALE_YOUNG = {
      {"서연", "seoyeon"}, {"하은", "haeun"}, {"지우", "jiwoo"}, {"수아", "sua"}, {"유나", "yuna"},
      {"채원", "chaewon"}, {"다은", "daeun"}, {"지민", "jimin"}, {"예린", "yerin"}, {"소윤", "soyun"}};
  private static final String[][] MALE_YOUNG = {
      {"민준", "minjun"}, {"도윤", "doyun"}, {"서준", "seojun"}, {"예준", "yejun"}, {"지호", "jiho"},
      {"현우", "hyunwoo"}, {"준서", "junseo"}, {"지훈", "jihoon"}, {"건우", "gunwoo"}, {"태윤", "taeyun"}};
  private static final String[][] FEMALE_OLDER = {
      {"미경", "mikyung"}, {"정숙", "jungsook"}, {"영희", "younghee"}, {"은주", "eunju"},
      {"현정", "hyunjung"}, {"혜진", "hyejin"}, {"순자", "sunja"}, {"미영", "miyoung"}};
  private static final String[][] MALE_OLDER = {
      {"영수", "youngsoo"}, {"상철", "sangchul"}, {"성민", "sungmin"}, {"재훈", "jaehoon"},
      {"동현", "donghyun"}, {"병철", "byungchul"}, {"정호", "jungho"}, {"광수", "kwangsoo"}};
  private static final String[] EN_FEMALE = {
      "Emily", "Sarah", "Olivia", "Jessica", "Hannah", "Grace", "Chloe", "Mia", "Rachel", "Amy"};
  private static final String[] EN_MALE = {
      "James", "Daniel", "Michael", "David", "Chris", "Ryan", "Ethan", "Kevin", "Tom", "Lucas"};
  private static final String[] EN_LAST = {
      "Smith", "Johnson", "Brown", "Lee", "Kim", "Wilson", "Taylor", "Nguyen", "Garcia", "Park",
      "Miller", "Evans"};
  private static final String[] KO_DOMAINS = {
      "naver.com", "gmail.com", "kakao.com", "daum.net", "hanmail.net", "nate.com"};
  private static final double[] KO_DOMAIN_WEIGHTS = {0.42, 0.30, 0.12, 0.08, 0.05, 0.03};
  private static final String[] EN_DOMAINS = {"gmail.com", "outlook.com", "yahoo.com", "icloud.com"};

  static final String[] REGIONS = {
      "Seoul", "Gyeonggi", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan", "Gangwon",
      "Jeju", "Overseas"};
  private static final double[] KO_REGION_WEIGHTS = {
      0.36, 0.27, 0.07, 0.06, 0.05, 0.03, 0.03, 0.02, 0.03, 0.02, 0.06};
  private static final double[] EN_REGION_WEIGHTS = {
      0.50, 0.12, 0.05, 0.04, 0.01, 0.02, 0.01, 0.01, 0.01, 0.03, 0.20};

  private People() {}

  /** Display name and e-mail local-part stem for one customer. */
  static String[] name(Rand rand, boolean korean, boolean female, boolean older) {
    if (korean) {
      String[] sur = rand.pick(SURNAMES);
      String[][] pool = female ? (older ? FEMALE_OLDER : FEMALE_YOUNG)
          : (older ? MALE_OLDER : MALE_YOUNG);
      String[] given = rand.pick(pool);
      return new String[] {sur[0] + given[0], given[1] + "." + sur[1]};
    }
    String first = rand.pick(female ? EN_FEMALE : EN_MALE);
    String last = rand.pick(EN_LAST);
    return new String[] {first + " " + last, first.toLowerCase() + "." + last.toLowerCase()};
  }

  static String email(Rand rand, String stem, long customer, boolean korean) {
    String domain = korean ? KO_DOMAINS[rand.weighted(KO_DOMAIN_WEIGHTS)] : rand.pick(EN_DOMAINS);
    return stem + (customer + 1) + "@" + domain;
  }

  /** A Korean mobile number unique per customer: 48271 is coprime with 10^8. */
  static String phone(long customer) {
    long n = (customer * 48_271L + 12_345_678L) % 100_000_000L;
    String s = String.format("%08d", n);
    return "010-" + s.substring(0, 4) + "-" + s.substring(4);
  }

  static String region(Rand rand, boolean korean) {
    return REGIONS[rand.weighted(korean ? KO_REGION_WEIGHTS : EN_REGION_WEIGHTS)];
  }
}
