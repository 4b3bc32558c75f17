package org.itinera.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "배송이 너무 느려요|KO",
      "ㅋㅋㅋㅋ|KO",
      "배송 너무 slow 해요|KO",
      "The package never arrived.|EN",
      "I love 김치 so much, best thing ever|EN",
      "ok|EN",
      "El paquete no ha llegado todavía y es muy tarde|OTHER",
      "Das Paket ist nicht angekommen und ich bin sehr sauer|OTHER",
      "商品がまだ届きません|OTHER",
      "Посылка не пришла|OTHER",
      "12345 !!!|OTHER",
      "😡😡😡|OTHER"})
  void detect_text_givesLanguage(String text, Lang expected) {
    assertThat(LanguageDetector.detect(text)).isEqualTo(expected);
  }
}
