package org.itinera.journal;

import java.util.Locale;
import org.itinera.ItineraException;

/** Languages a journal can be told in. */
public enum Lang {
  EN,
  KO;

  public static Lang parse(String s) {
    if (s == null) {
      return EN;
    }
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "en", "en-us", "en-gb", "english" -> EN;
      case "ko", "ko-kr", "korean", "한국어" -> KO;
      default -> throw ItineraException.invalid("lang", "'" + s + "' is not a supported"
          + " language; expected ko or en");
    };
  }
}
