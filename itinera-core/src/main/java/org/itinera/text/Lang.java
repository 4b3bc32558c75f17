package org.itinera.text;

import com.fasterxml.jackson.annotation.JsonValue;
import org.itinera.ItineraException;

/** The languages text analytics tells apart. Anything not Korean or English is {@link #OTHER}. */
public enum Lang {
  KO("ko"),
  EN("en"),
  OTHER("other");

  private final String code;

  Lang(String code) {
    this.code = code;
  }

  /** The code stored in the {@code lang} column: {@code ko}, {@code en} or {@code other}. */
  @JsonValue
  public String code() {
    return code;
  }

  /** The language for a stored code; refuses anything but {@code ko}, {@code en}, {@code other}. */
  public static Lang ofCode(String code) {
    for (Lang lang : values()) {
      if (lang.code.equals(code)) {
        return lang;
      }
    }
    throw ItineraException.invalid("lang", "lang was '" + code + "'; expected ko, en or other");
  }
}
