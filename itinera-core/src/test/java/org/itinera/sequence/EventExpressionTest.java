package org.itinera.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.itinera.ItineraException;
import org.junit.jupiter.api.Test;

class EventExpressionTest {
  private static PropertyPredicate p(String path, PropertyPredicate.Op op, String... values) {
    return new PropertyPredicate(path, op, List.of(values));
  }

  @Test
  void parse_plainName() {
    assertEquals(EventPredicate.named("Order Completed"),
        EventExpression.parse("step", "  Order Completed "));
  }

  @Test
  void parse_namesAndEveryKindOfCondition() {
    EventPredicate e = EventExpression.parse("step", "Signed Up | \"Registered, again\""
        + " [channel=web|app, type = track & plan=pro|team, total>=100, n<3, m>2.5, k<=-1,"
        + " tier!=free, coupon exists, \"odd key\" exists, properties.channel=x, name=\"a]b\"]");
    assertEquals(List.of("Signed Up", "Registered, again"), e.names());
    assertEquals(List.of("web", "app"), e.channels());
    assertEquals(List.of("track"), e.types());
    assertEquals(List.of(p("plan", PropertyPredicate.Op.IN, "pro", "team"),
        p("total", PropertyPredicate.Op.GTE, "100"), p("n", PropertyPredicate.Op.LT, "3"),
        p("m", PropertyPredicate.Op.GT, "2.5"), p("k", PropertyPredicate.Op.LTE, "-1"),
        p("tier", PropertyPredicate.Op.NE, "free"), p("coupon", PropertyPredicate.Op.EXISTS),
        p("odd key", PropertyPredicate.Op.EXISTS), p("channel", PropertyPredicate.Op.EQ, "x"),
        p("name", PropertyPredicate.Op.EQ, "a]b")), e.properties());
  }

  @Test
  void parse_conditionsWithoutName_matchAnyEvent() {
    EventPredicate e = EventExpression.parse("step", "[channel=store]");
    assertEquals(List.of(), e.names());
    assertEquals(List.of("store"), e.channels());
    assertEquals("[channel=store]", EventExpression.format(e));
  }

  @Test
  void format_quotesWhatWouldParseOtherwise() {
    EventPredicate e = new EventPredicate(List.of("A, B", "x|y", " padded", "say \"hi\""),
        List.of(), List.of("web"), List.of(p("type", PropertyPredicate.Op.EQ, "a=b"),
            p("properties.z", PropertyPredicate.Op.EXISTS)));
    String text = EventExpression.format(e);
    assertEquals("\"A, B\"|\"x|y\"|\" padded\"|\"say \\\"hi\\\"\" [channel=web,"
        + " properties.type=\"a=b\", properties.properties.z exists]", text);
    assertEquals(e, EventExpression.parse("step", text));
  }

  @Test
  void split_atTopLevelCommasOnly() {
    assertEquals(List.of("A", "B [channel=web, plan=pro]", "\"C, D\"", "E"),
        EventExpression.split("steps", "A, B [channel=web, plan=pro],\"C, D\" ,E"));
    // an unclosed quote keeps the rest as one element, for parse to refuse
    assertEquals(List.of("A", "\"B, C"), EventExpression.split("steps", "A, \"B, C"));
    assertThrows(ItineraException.class, () -> EventExpression.parse("steps", "\"B, C"));
    ItineraException e = assertThrows(ItineraException.class,
        () -> EventExpression.split("steps", "A,,B"));
    assertEquals("steps", e.field());
    assertTrue(e.getMessage().contains("empty element 2"), e.getMessage());
  }

  @Test
  void conditions_traitKeysAreNotEventFields() {
    assertEquals(List.of(p("channel", PropertyPredicate.Op.EQ, "web"),
        p("orders", PropertyPredicate.Op.GTE, "3"), p("plan", PropertyPredicate.Op.IN, "a", "b")),
        EventExpression.conditions("trait", "channel=web, orders>=3 & plan=a|b"));
  }

  @Test
  void parse_errorsNameTheFieldThePlaceAndTheReason() {
    assertError("Order Completed [total>>1]", "character 24", "is not a number");
    assertError("Order Completed [total", "character 23", "needs an operator");
    assertError("Order Completed [total=1", "character 25", "not closed with ']'");
    assertError("Order Completed [total=]", "character 24", "empty value");
    assertError("Order Completed [=1]", "character 18", "needs a key");
    assertError("Order Completed [a=1,]", "character 22", "condition is empty");
    assertError("A [x=1] B", "character 9", "unexpected 'B'");
    assertError("A | | B", "character 5", "event name is empty");
    assertError("\"A", "character 1", "not closed with '\"'");
    assertError("A [channel>1]", "character 4", "channel takes '='");
    assertError("A [channel=a, channel=b]", "character 15", "given twice");
    assertError("A [n>1|2]", "character 9", "goes with '=' only");
    assertError("A [n~1]", "character 7", "expected an operator");
    assertError("   ", "expression is empty", "such as");
  }

  private static void assertError(String text, String where, String why) {
    ItineraException e = assertThrows(ItineraException.class,
        () -> EventExpression.parse("step", text));
    assertEquals("step", e.field());
    assertTrue(e.getMessage().contains(where) && e.getMessage().contains(why),
        text + " -> " + e.getMessage());
  }

  @Property(tries = 500)
  void format_parsesBackToTheSamePredicate(@ForAll("predicates") EventPredicate e) {
    assertEquals(e, EventExpression.parse("step", EventExpression.format(e)));
  }

  @Provide
  Arbitrary<EventPredicate> predicates() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab ,|[]\"\\=!<>&xé한").ofMinLength(1).ofMaxLength(6),
        Arbitraries.of("web", "Order Completed", "exists", "a exists", "channel", "type"));
    Arbitrary<String> path = Arbitraries.of("plan", "cart.total", "channel", "type",
        "properties.x", "exists", "a b");
    Arbitrary<PropertyPredicate> condition = Combinators.combine(path,
        Arbitraries.of(PropertyPredicate.Op.values()), text.list().ofMinSize(1).ofMaxSize(3),
        Arbitraries.integers().between(-5, 500)).as((k, op, values, n) -> switch (op) {
          case EXISTS -> new PropertyPredicate(k, op, List.of());
          case IN -> new PropertyPredicate(k, op, values.size() < 2
              ? List.of(values.get(0), "z") : values);
          case EQ, NE -> new PropertyPredicate(k, op, values.subList(0, 1));
          default -> new PropertyPredicate(k, op, List.of(String.valueOf(n)));
        });
    return Combinators.combine(text.list().ofMaxSize(3), text.list().ofMaxSize(2),
        text.list().ofMaxSize(2), condition.list().ofMaxSize(3)).as((n, t, c, props) -> {
          List<String> names = new ArrayList<>(n);
          if (names.isEmpty() && t.isEmpty() && c.isEmpty() && props.isEmpty()) {
            names.add("Page Viewed");
          }
          return new EventPredicate(names, t, c, props);
        });
  }
}
