package org.itinera.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The fast date-time reader agrees with java.time wherever it answers at all. */
class IsoTimeTest {
  /** What SegmentMessage does without the fast path. */
  static Long reference(String s) {
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Property(tries = 3000)
  void parse_sdkShapedTimes_matchJavaTime(@ForAll("sdkTimes") String s) {
    long fast = IsoTime.parse(s);
    assertThat(fast).as(s).isNotEqualTo(IsoTime.NOT_FAST);
    assertThat(fast).as(s).isEqualTo(reference(s));
  }

  @Property(tries = 5000)
  void parse_mutatedTimes_neverAcceptWhatJavaTimeRefuses(@ForAll("sdkTimes") String s,
      @ForAll @IntRange(min = 0, max = 40) int at, @ForAll("junk") char c) {
    String mutated = at < s.length()
        ? s.substring(0, at) + c + s.substring(at + 1)
        : s + c;
    long fast = IsoTime.parse(mutated);
    if (fast != IsoTime.NOT_FAST) {
      assertThat(fast).as(mutated).isEqualTo(reference(mutated));
    }
  }

  @Test
  void parse_edgeCases() {
    assertThat(IsoTime.parse("2024-02-29T23:59:59.999Z"))
        .isEqualTo(reference("2024-02-29T23:59:59.999Z"));
    assertThat(IsoTime.parse("1969-12-31T23:59:59.5-18:00"))
        .isEqualTo(reference("1969-12-31T23:59:59.5-18:00"));
    assertThat(IsoTime.parse("2023-02-29T00:00:00Z")).isEqualTo(IsoTime.NOT_FAST);
    assertThat(IsoTime.parse("2024-01-01T24:00:00Z")).isEqualTo(IsoTime.NOT_FAST);
    assertThat(IsoTime.parse("2024-01-01T10:00:00.Z")).isEqualTo(IsoTime.NOT_FAST);
    assertThat(IsoTime.parse("2024-01-01T10:00:00+19:00")).isEqualTo(IsoTime.NOT_FAST);
    assertThat(IsoTime.parse("2024-01-01T10:00:00.1234567891Z")).isEqualTo(IsoTime.NOT_FAST);
    assertThat(IsoTime.parse("2024-01-01T10:00Z")).isEqualTo(IsoTime.NOT_FAST);
    assertThat(IsoTime.parse("yesterday")).isEqualTo(IsoTime.NOT_FAST);
  }

  @Provide
  Arbitrary<String> sdkTimes() {
    Arbitrary<LocalDateTime> when = Combinators.combine(
        Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(1, 31), Arbitraries.integers().between(0, 86_399),
        Arbitraries.integers().between(0, 999_999_999))
        .as((y, m, d, sec, nanos) -> LocalDateTime.of(y, m, 1, 0, 0)
            .plusDays(Math.min(d, LocalDateTime.of(y, m, 1, 0, 0).toLocalDate().lengthOfMonth())
                - 1)
            .plusSeconds(sec).withNano(nanos));
    Arbitrary<ZoneOffset> offset = Arbitraries.integers().between(-18 * 60, 18 * 60)
        .map(min -> ZoneOffset.ofTotalSeconds(min * 60));
    Arbitrary<Integer> fractionDigits = Arbitraries.integers().between(0, 9);
    return Combinators.combine(when, offset, fractionDigits, Arbitraries.of(true, false))
        .as((t, o, digits, zulu) -> {
          String base = t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
          String fraction = digits == 0 ? ""
              : "." + String.format("%09d", t.getNano()).substring(0, digits);
          String off = zulu && o.getTotalSeconds() == 0 ? "Z"
              : o.getTotalSeconds() == 0 ? "+00:00" : o.getId();
          return base + fraction + off;
        });
  }

  @Provide
  Arbitrary<Character> junk() {
    return Arbitraries.of('0', '1', '2', '5', '9', ':', '-', '+', '.', 'T', 'Z', ' ', 'x', 'z');
  }
}
