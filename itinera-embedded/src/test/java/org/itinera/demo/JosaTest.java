package org.itinera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JosaTest {
  @Test
  void after_nounEndingInVowel_takesVowelForm() {
    assertThat(Josa.after("운동화", "이")).isEqualTo("가");
    assertThat(Josa.after("선크림 세트", "은")).isEqualTo("는");
    assertThat(Josa.after("청바지", "과")).isEqualTo("와");
    assertThat(Josa.after("카카오페이", "으로")).isEqualTo("로");
    assertThat(Josa.after("후드티", "을")).isEqualTo("를");
  }

  @Test
  void after_nounEndingInConsonant_takesConsonantForm() {
    assertThat(Josa.after("니트 가디건", "을")).isEqualTo("을");
    assertThat(Josa.after("무선 이어폰", "이")).isEqualTo("이");
    assertThat(Josa.after("극세사 이불", "는")).isEqualTo("은");
    assertThat(Josa.after("수분 크림", "는")).isEqualTo("은");
  }

  @Test
  void after_nounEndingInRieul_takesRoNotEuro() {
    assertThat(Josa.after("텀블러", "으로")).isEqualTo("로");
    assertThat(Josa.after("요가 매트 세트 신발", "으로")).isEqualTo("로");
    assertThat(Josa.after("이불", "으로")).isEqualTo("로");
    assertThat(Josa.after("이불", "을")).isEqualTo("을");
  }

  @Test
  void after_numbersAndLettersAreReadInKorean() {
    assertThat(Josa.after("260", "으로")).isEqualTo("으로");
    assertThat(Josa.after("55", "으로")).isEqualTo("로");
    assertThat(Josa.after("66", "으로")).isEqualTo("으로");
    assertThat(Josa.after("XL", "으로")).isEqualTo("로");
    assertThat(Josa.after("M", "으로")).isEqualTo("으로");
    assertThat(Josa.after("S", "으로")).isEqualTo("로");
    assertThat(Josa.after("1", "이")).isEqualTo("이");
  }
}
