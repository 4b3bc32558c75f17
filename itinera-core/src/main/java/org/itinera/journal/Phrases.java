package org.itinera.journal;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a story in one language: dates, money, durations, channel names and Korean
 * particles. Templates live in {@link StoryWriter}; this class only formats.
 */
final class Phrases {
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter KO_DATE =
      DateTimeFormatter.ofPattern("yyyy년 M월 d일", Locale.KOREAN).withZone(ZoneOffset.UTC);
  private static final Map<String, String> EN_CHANNEL = Map.ofEntries(
      Map.entry("web", "the website"), Map.entry("app", "the app"),
      Map.entry("store", "a store"), Map.entry("call_center", "the call centre"),
      Map.entry("chat", "chat"), Map.entry("email", "e-mail"),
      Map.entry("social", "social media"), Map.entry("ads", "an ad"),
      Map.entry("search", "search"), Map.entry("survey", "a survey"),
      Map.entry("review", "a review"));
  private static final Map<String, String> KO_CHANNEL = Map.ofEntries(
      Map.entry("web", "웹사이트"), Map.entry("app", "앱"), Map.entry("store", "매장"),
      Map.entry("call_center", "콜센터"), Map.entry("chat", "채팅"), Map.entry("email", "이메일"),
      Map.entry("social", "소셜 미디어"), Map.entry("ads", "광고"), Map.entry("search", "검색"),
      Map.entry("survey", "설문"), Map.entry("review", "리뷰"));

  final Lang lang;

  Phrases(Lang lang) {
    this.lang = lang;
  }

  String date(long ts) {
    return (lang == Lang.KO ? KO_DATE : EN_DATE).format(Instant.ofEpochMilli(ts));
  }

  String channel(String channel) {
    if (channel == null) {
      return lang == Lang.KO ? "알 수 없는 채널" : "an unknown channel";
    }
    return (lang == Lang.KO ? KO_CHANNEL : EN_CHANNEL).getOrDefault(channel, channel);
  }

  String channels(List<String> channels) {
    List<String> names = channels.stream().map(this::channel).toList();
    if (lang == Lang.KO) {
      return String.join(", ", names);
    }
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }

  String money(double amount, String currency) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
    boolean whole = currency == null || currency.equals("KRW") || currency.equals("JPY");
    f.setMaximumFractionDigits(whole ? 0 : 2);
    f.setMinimumFractionDigits(whole ? 0 : 2);
    String n = f.format(amount);
    if ("KRW".equals(currency)) {
      return lang == Lang.KO ? n + "원" : "₩" + n;
    }
    if ("USD".equals(currency)) {
      return "$" + n;
    }
    return currency == null ? n : n + " " + currency;
  }

  String duration(long minutes) {
    if (minutes < 60) {
      return lang == Lang.KO ? minutes + "분" : plural(minutes, "minute");
    }
    if (minutes < 48 * 60) {
      long h = Math.round(minutes / 60.0);
      return lang == Lang.KO ? h + "시간" : plural(h, "hour");
    }
    long d = Math.round(minutes / 1440.0);
    return lang == Lang.KO ? d + "일" : plural(d, "day");
  }

  static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  /**
   * A Korean particle that agrees with the word before it: {@code josa("앱", "을", "를")} is 을
   * because 앱 ends in a consonant.
   */
  static String josa(String word, String afterConsonant, String afterVowel) {
    if (word == null || word.isEmpty()) {
      return afterVowel;
    }
    char c = word.charAt(word.length() - 1);
    if (c >= 0xAC00 && c <= 0xD7A3) {
      return (c - 0xAC00) % 28 != 0 ? afterConsonant : afterVowel;
    }
    if (Character.isDigit(c)) {
      return "013678".indexOf(c) >= 0 ? afterConsonant : afterVowel;
    }
    return afterVowel;
  }
}
