package org.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.sequence.PropertyPredicate;
import org.junit.jupiter.api.Test;

class JourneyModelTest {

  private static ItineraException error(String yaml) {
    return catchThrowableOfType(ItineraException.class, () -> JourneyModel.parse(yaml, "j.yml"));
  }

  @Test
  void defaultModel_parsesWithFiveStagesAndAPurchaseGoal() {
    JourneyModel m = JourneyModel.defaultModel();
    assertThat(m.stages()).extracting(Stage::id)
        .containsExactly("awareness", "consideration", "purchase", "retention", "advocacy");
    assertThat(m.goals()).extracting(Goal::name).containsExactly("Purchase");
    assertThat(m.flags()).containsExactly(new PropertyPredicate("nps", PropertyPredicate.Op.GTE,
        List.of("9")));
  }

  @Test
  void parse_acceptsShorthandsAndComparisons() {
    JourneyModel m = JourneyModel.parse("""
        stages: [look, buy]
        rules:
          - stage: buy
            touchpoint: shop
            when:
              name: Order Completed
              channel: [web, app]
              properties:
                plan: pro
                total: {gte: 100}
                tier: {in: [gold, silver]}
                coupon: {exists: true}
        goals:
          - name: Order
            when: {name: Order Completed}
        """, "j.yml");
    StageRule rule = m.rules().get(0);
    assertThat(rule.touchpoint()).isEqualTo("shop");
    assertThat(rule.when().channels()).containsExactly("web", "app");
    assertThat(rule.when().properties()).extracting(PropertyPredicate::op).containsExactly(
        PropertyPredicate.Op.EQ, PropertyPredicate.Op.GTE, PropertyPredicate.Op.IN,
        PropertyPredicate.Op.EXISTS);
    assertThat(m.stages()).extracting(Stage::name).containsExactly("look", "buy");
  }

  @Test
  void undeclaredStage_namesLineAndField() {
    ItineraException e = error("""
        stages: [look, buy]
        rules:
          - stage: look
            when: {name: A}
          - stage: purchse
            when: {name: B}
        """);
    assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
    assertThat(e.field()).isEqualTo("rules[1].stage");
    assertThat(e.getMessage()).startsWith("j.yml: line 5, rules[1].stage: 'purchse' is not a "
        + "declared stage; declared: look, buy");
  }

  @Test
  void wrongShape_namesLineAndField() {
    ItineraException e = error("""
        stages: [a]
        rules:
          - stage: a
            when:
              channel: {web: true}
        """);
    assertThat(e.field()).isEqualTo("rules[0].when.channel");
    assertThat(e.getMessage()).contains("line 5").contains("expected a string or a list");
  }

  @Test
  void unknownKeyAndMissingKey_areRefused() {
    assertThat(error("stages: [a]\nrules:\n  - stage: a\n    wehn: {name: A}\n").getMessage())
        .contains("line 4").contains("unknown key 'wehn'");
    assertThat(error("stages: [a]\nrules:\n  - stage: a\n").field()).isEqualTo("rules[0].when");
    assertThat(error("rules: []\n").field()).isEqualTo("stages");
  }

  @Test
  void badComparisonAndNumber_areRefused() {
    ItineraException op = error("stages: [a]\nrules:\n  - stage: a\n    when:\n"
        + "      properties:\n        total: {bigger: 3}\n");
    assertThat(op.field()).isEqualTo("rules[0].when.properties.total");
    assertThat(op.getMessage()).contains("line 6").contains("unknown comparison 'bigger'");
    ItineraException number = error("stages: [a]\nrules:\n  - stage: a\n    when:\n"
        + "      properties:\n        total: {gt: lots}\n");
    assertThat(number.getMessage()).contains("line 6").contains("'lots' is not a number");
  }

  @Test
  void duplicatesAndSyntaxErrors_areRefused() {
    assertThat(error("stages: [a, a]\n").getMessage()).contains("line 1")
        .contains("stage 'a' is declared twice");
    assertThat(error("stages: [a]\nstages: [b]\n").getMessage()).contains("appears twice");
    assertThat(error("stages: [a\n  b: c").getMessage()).contains("not valid YAML");
    assertThat(error("version: 2\nstages: [a]\n").field()).isEqualTo("version");
  }
}
