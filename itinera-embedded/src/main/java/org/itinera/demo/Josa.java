package org.itinera.demo;

/**
 * Korean particles that change with the preceding noun: 을/를, 이/가, 은/는, 과/와, 으로/로.
 * The form depends on whether the noun's last syllable ends in a consonant (batchim); 으로
 * becomes 로 after ㄹ as well.
 */
final class Josa {
  private Josa() {}

  static String after(String noun, String particle) {
    int batchim = batchim(noun);
    boolean consonant = batchim > 0;
    return switch (particle) {
      case "을", "를" -> consonant ? "을" : "를";
      case "이", "가" -> consonant ? "이" : "가";
      case "은", "는" -> consonant ? "은" : "는";
      case "과", "와" -> consonant ? "과" : "와";
      case "으로", "로" -> consonant && batchim != 8 ? "으로" : "로";
      default -> throw new IllegalArgumentException("unsupported particle " + particle);
    };
  }

  /** Index of the final consonant of the noun's last Hangul syllable (0 = none; 8 = ㄹ). */
  private static int batchim(String noun) {
    char c = noun.charAt(noun.length() - 1);
    if (c >= 0xAC00 && c <= 0xD7A3) {
      return (c - 0xAC00) % 28;
    }
    return 0;
  }
}
