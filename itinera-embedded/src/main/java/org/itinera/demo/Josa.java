package org.itinera.demo;

/**
 * Korean particles that change with the preceding noun: 을/를, 이/가, 은/는, 과/와, 으로/로.
 * The form depends on whether the noun, as read aloud, ends in a consonant (batchim); 으로
 * becomes 로 after ㄹ as well. Numbers and Latin letters are read the Korean way: 260 (이백육십)
 * ends in ㅂ, 1 (일) in ㄹ, L (엘) in ㄹ, M (엠) in ㅁ.
 */
final class Josa {
  private static final int NONE = 0;
  private static final int RIEUL = 8;
  private static final int OTHER = 1;

  private Josa() {}

  static String after(String noun, String particle) {
    int last = finalSound(noun);
    boolean consonant = last != NONE;
    return switch (particle) {
      case "을", "를" -> consonant ? "을" : "를";
      case "이", "가" -> consonant ? "이" : "가";
      case "은", "는" -> consonant ? "은" : "는";
      case "과", "와" -> consonant ? "과" : "와";
      case "으로", "로" -> consonant && last != RIEUL ? "으로" : "로";
      default -> throw new IllegalArgumentException("unsupported particle " + particle);
    };
  }

  /** NONE, RIEUL or OTHER for the sound the noun ends with. */
  private static int finalSound(String noun) {
    char c = noun.charAt(noun.length() - 1);
    if (c >= 0xAC00 && c <= 0xD7A3) {
      int batchim = (c - 0xAC00) % 28;
      return batchim == 0 ? NONE : batchim == RIEUL ? RIEUL : OTHER;
    }
    if (c >= '0' && c <= '9') {
      return number(noun);
    }
    return switch (Character.toUpperCase(c)) {
      case 'L', 'R' -> RIEUL;
      case 'M', 'N' -> OTHER;
      default -> NONE;
    };
  }

  private static int number(String noun) {
    int end = noun.length() - 1;
    int zeros = 0;
    while (end >= 0 && noun.charAt(end) == '0') {
      zeros++;
      end--;
    }
    if (zeros > 0 && end >= 0 && Character.isDigit(noun.charAt(end))) {
      return OTHER; // 십 (ㅂ), 백 (ㄱ), 천 (ㄴ), 만 (ㄴ)
    }
    return switch (noun.charAt(noun.length() - 1)) {
      case '1', '7', '8' -> RIEUL; // 일, 칠, 팔
      case '0', '3', '6' -> OTHER; // 영, 삼, 육
      default -> NONE; // 이, 사, 오, 구
    };
  }
}
