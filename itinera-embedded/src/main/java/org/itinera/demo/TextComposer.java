package org.itinera.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a customer's words about given aspects (topic + polarity) in Korean or English.
 *
 * <p>Design notes. A text is an optional opener, one clause per aspect joined by a contrast
 * connector where the polarity flips (mixed feelings) or an additive one, an optional closer,
 * slang and an emoticon, then noise: typos and colloquial spellings, dropped spaces in Korean,
 * lower-casing in English. Clause templates carry negation both ways ("전혀 늦지 않았어요" is
 * praise; "좋다는 후기만 믿고 샀는데 아니네요" is a complaint) and fill slots with products,
 * numbers, sizes and payment methods, so the same topic appears in many forms and no handful of
 * keywords recovers sentiment or topic. Korean particles after a slot follow the noun's final
 * consonant (을/를, 이/가, 은/는, 과/와, 으로/로). The ground truth of each text (its topics
 * and sentiment) is returned with it.
 */
final class TextComposer {
  /** Where a text is written; it decides openers and closers. */
  enum Kind { REVIEW, TICKET, SURVEY, FEEDBACK }

  /** What the customer talks about: a topic and a polarity (+1 praise, -1 complaint, 0 question). */
  record Aspect(String topic, int polarity) {}

  /** Nouns the clauses may mention, and the product's category; any may be null. */
  record Slots(String productKo, String productEn, String category, String orderId) {
    static final Slots NONE = new Slots(null, null, null, null);
  }

  /** A text and its truth: topics (without "general") and sentiment. */
  record Composed(String text, String lang, List<String> topics, String sentiment, double score) {}

  private final PhraseBank ko = PhraseBank.load("ko");
  private final PhraseBank en = PhraseBank.load("en");

  PhraseBank bank(String lang) {
    return "ko".equals(lang) ? ko : en;
  }

  Composed compose(Rand rand, String lang, Kind kind, List<Aspect> aspects, Slots slots) {
    PhraseBank bank = bank(lang);
    boolean korean = bank == ko;
    List<String> parts = new ArrayList<>();
    List<Boolean> runOn = new ArrayList<>();
    double openerChance = switch (kind) {
      case REVIEW -> 0.3;
      case TICKET -> 0.5;
      case SURVEY -> 0.15;
      case FEEDBACK -> 0.0;
    };
    if (rand.chance(openerChance)) {
      String section = switch (kind) {
        case TICKET -> "open.ticket";
        case SURVEY -> "open.survey";
        default -> "open.review";
      };
      String opener = fill(rand, bank, rand.pick(bank.section(section)), slots);
      parts.add(opener);
      runOn.add(!endsSentence(opener));
    }
    int previous = 0;
    int pos = 0;
    int neg = 0;
    List<String> topics = new ArrayList<>();
    for (Aspect a : aspects) {
      String sign = a.polarity() > 0 ? "+" : a.polarity() < 0 ? "-" : "?";
      if (!parts.isEmpty() && previous != 0 && a.polarity() != 0) {
        if (a.polarity() != previous) {
          parts.add(rand.pick(bank.section("contrast")));
          runOn.add(true);
        } else if (rand.chance(0.5)) {
          parts.add(rand.pick(bank.section("also")));
          runOn.add(true);
        }
      }
      parts.add(fill(rand, bank, rand.pick(bank.section(a.topic() + sign, slots.category())), slots));
      runOn.add(false);
      previous = a.polarity() != 0 ? a.polarity() : previous;
      pos += a.polarity() > 0 ? 1 : 0;
      neg += a.polarity() < 0 ? 1 : 0;
      if (!a.topic().equals("general") && !topics.contains(a.topic())) {
        topics.add(a.topic());
      }
    }
    String closer = closer(rand, bank, kind, pos, neg);
    if (closer != null) {
      parts.add(fill(rand, bank, closer, slots));
      runOn.add(false);
    }
    int tone = pos > 0 && neg == 0 ? 1 : neg > 0 && pos == 0 ? -1 : 0;
    if (tone != 0 && rand.chance(0.12)) {
      parts.add(rand.pick(bank.section(tone > 0 ? "slang+" : "slang-")));
      runOn.add(false);
    }
    String text = join(rand, parts, runOn, korean);
    int emoTone = tone != 0 ? tone : previous;
    if (emoTone != 0 && rand.chance(korean ? 0.45 : 0.3)) {
      text = text + " " + rand.pick(bank.section(emoTone > 0 ? "emo+" : "emo-"));
    }
    text = noise(rand, bank, text, korean);
    int n = Math.max(1, pos + neg);
    double score = (pos - neg) / (double) n;
    String sentiment = pos > 0 && neg > 0 ? "mixed" : pos > 0 ? "positive" : neg > 0 ? "negative"
        : "neutral";
    return new Composed(text, lang, topics, sentiment, score);
  }

  private static String closer(Rand rand, PhraseBank bank, Kind kind, int pos, int neg) {
    if (kind == Kind.TICKET) {
      return rand.chance(0.6) ? rand.pick(bank.section("close.ticket")) : null;
    }
    if (kind == Kind.FEEDBACK || !rand.chance(kind == Kind.REVIEW ? 0.4 : 0.15)) {
      return null;
    }
    if (pos > 0 && neg > 0) {
      return rand.pick(bank.section("close.mixed"));
    }
    if (pos > 0) {
      return rand.pick(bank.section("close.review+"));
    }
    return neg > 0 ? rand.pick(bank.section("close.review-")) : null;
  }

  /** Joins parts into sentences; a part that does not end a sentence runs into the next. */
  private static String join(Rand rand, List<String> parts, List<Boolean> runOn, boolean korean) {
    StringBuilder sb = new StringBuilder();
    boolean open = false;
    for (int i = 0; i < parts.size(); i++) {
      String p = parts.get(i);
      if (sb.length() > 0) {
        sb.append(' ');
      }
      if (!korean) {
        p = open ? lowerFirst(p) : upperFirst(p);
      }
      sb.append(p);
      open = runOn.get(i) && i + 1 < parts.size();
      if (!open && !endsSentence(p)) {
        double r = rand.uniform();
        if (korean) {
          sb.append(r < 0.55 ? "." : r < 0.7 ? "!" : r < 0.8 ? "~" : r < 0.88 ? ".." : "");
        } else {
          boolean last = i + 1 == parts.size();
          sb.append(r < 0.65 ? "." : r < 0.8 ? "!" : r < 0.9 && last ? "" : "...");
        }
      }
    }
    return sb.toString();
  }

  private static boolean endsSentence(String p) {
    char c = p.charAt(p.length() - 1);
    return c == '.' || c == '!' || c == '?' || c == ':';
  }

  private static String upperFirst(String s) {
    return Character.isLowerCase(s.charAt(0)) ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
  }

  /** Lower-cases a clause's first letter after a run-on part, unless it starts with a name. */
  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
        && !s.startsWith("I ") && !s.startsWith("I'") && !startsWithName(s)) {
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }

  private static final String[] NAMES = {"Dalbit", "Kakao", "Naver", "Samsung", "PayPal", "Jeju",
      "Hanwoo", "Bluetooth", "Gangnam", "Hongdae", "Jamsil", "Pangyo", "Busan", "Daegu", "Monologue",
      "Soopgyeol"};

  private static boolean startsWithName(String s) {
    for (String n : NAMES) {
      if (s.startsWith(n)) {
        return true;
      }
    }
    return false;
  }

  private String noise(Rand rand, PhraseBank bank, String text, boolean korean) {
    if (rand.chance(korean ? 0.3 : 0.25)) {
      String[][] typos = bank.typos();
      int tries = rand.between(1, 3);
      for (int i = 0; i < tries; i++) {
        String[] rule = typos[rand.between(0, typos.length - 1)];
        text = text.replace(rule[0], rule[1]);
      }
    }
    if (korean && rand.chance(0.15)) {
      StringBuilder sb = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != ' ' || !rand.chance(0.35)) {
          sb.append(c);
        }
      }
      text = sb.toString();
    }
    if (!korean && rand.chance(0.15)) {
      text = text.toLowerCase(java.util.Locale.ROOT);
    }
    return text;
  }

  /** Replaces {slot} and {slot:particle} markers. */
  private static String fill(Rand rand, PhraseBank bank, String template, Slots slots) {
    int brace = template.indexOf('{');
    if (brace < 0) {
      return template;
    }
    boolean korean = "ko".equals(bank.lang());
    StringBuilder sb = new StringBuilder(template.length() + 16);
    int from = 0;
    while (brace >= 0) {
      int close = template.indexOf('}', brace);
      sb.append(template, from, brace);
      String slot = template.substring(brace + 1, close);
      String particle = null;
      int colon = slot.indexOf(':');
      if (colon >= 0) {
        particle = slot.substring(colon + 1);
        slot = slot.substring(0, colon);
      }
      String value = switch (slot) {
        case "product" -> korean
            ? (slots.productKo() != null ? slots.productKo() : "이 제품")
            : (slots.productEn() != null ? slots.productEn() : "item");
        case "order" -> slots.orderId() != null ? slots.orderId() : (korean ? "주문 건" : "my order");
        case "days" -> Integer.toString(rand.between(3, 14));
        case "fastdays" -> Integer.toString(rand.between(1, 2));
        case "n" -> Integer.toString(rand.between(2, 5));
        case "very", "size", "pay", "store" -> rand.pick(bank.section(slot));
        default -> throw new IllegalStateException("unknown slot {" + slot + "} in: " + template);
      };
      sb.append(value);
      if (particle != null) {
        sb.append(Josa.after(value, particle));
      }
      from = close + 1;
      brace = template.indexOf('{', from);
    }
    sb.append(template, from, template.length());
    return sb.toString();
  }
}
