package org.itinera.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  @Test
  void new_zeroCustomers_namesTheField() {
    assertThatThrownBy(() -> DemoOptions.defaults().withCustomers(0))
        .isInstanceOfSatisfying(ItineraException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
          assertThat(e.field()).isEqualTo("customers");
          assertThat(e.getMessage()).contains("was 0");
        });
  }

  @Test
  void new_windowTooShort_namesTheField() {
    assertThatThrownBy(() -> new DemoOptions(100, 1, LocalDate.of(2025, 1, 1), 30))
        .isInstanceOfSatisfying(ItineraException.class, e -> assertThat(e.field()).isEqualTo("days"));
  }

  @Test
  void defaults_describeTheDocumentedYear() {
    DemoOptions o = DemoOptions.defaults();
    assertThat(o.start()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(o.end()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(o.withSeed(9).seed()).isEqualTo(9);
  }

  @Test
  void generator_shorterWindow_scalesPlantedDatesInside() {
    Truth truth = new DemoGenerator(new DemoOptions(10, 1, LocalDate.of(2024, 3, 1), 120)).truth();
    LocalDate end = LocalDate.of(2024, 3, 1).plusDays(120);
    assertThat(LocalDate.parse(truth.improvement().shippedOn())).isBefore(end).isAfter(LocalDate.of(2024, 3, 1));
    assertThat(LocalDate.parse(truth.experiment().end())).isBefore(LocalDate.parse(truth.improvement().shippedOn()));
  }
}
