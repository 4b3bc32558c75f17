package org.itinera.cli;

/** Milliseconds as people read them in tables: {@code 45s}, {@code 3h 20m}, {@code 2d 4h}. */
final class HumanTime {
  private HumanTime() {}

  static String format(Long ms) {
    if (ms == null) {
      return "-";
    }
    long s = ms / 1000;
    if (s < 60) {
      return ms < 1000 ? ms + "ms" : s + "s";
    }
    long m = s / 60;
    if (m < 60) {
      return m + "m " + s % 60 + "s";
    }
    long h = m / 60;
    if (h < 48) {
      return h + "h " + m % 60 + "m";
    }
    return h / 24 + "d " + h % 24 + "h";
  }

  static String percent(double ratio) {
    return String.format("%.1f%%", ratio * 100);
  }
}
