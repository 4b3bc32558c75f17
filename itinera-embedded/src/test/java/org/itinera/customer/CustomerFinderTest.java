package org.itinera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerFinderTest {
  @TempDir Path dir;
  Store store;

  static Event ev(String id, String user, String type, String channel, String traits, String text,
      Double sentiment, List<String> topics) {
    return new Event(id, null, null, user, 1_700_000_000_000L, 1_700_000_000_000L, type,
        "E", channel, "s", null, null, traits, text, null, sentiment, null, topics, null, null,
        null);
  }

  @BeforeEach
  void load() {
    store = Store.open(dir);
    try (Ingestor ing = Ingestor.open(store)) {
      ing.ingest(List.of(
          ev("1", "kim", "identify", "web", "{\"region\":\"Seoul\",\"age band\":\"30s\"}", null,
              null, null),
          ev("2", "kim", "ticket", "chat", null, "배송이 너무 늦어요", -0.8, List.of("배송 지연")),
          ev("3", "lee", "identify", "app", "{\"region\":\"Busan\"}", null, null, null),
          ev("4", "lee", "review", "review", null, "Fast delivery, love it", 0.9,
              List.of("delivery")),
          ev("5", "park", "identify", "web", "{\"region\":\"Seoul\"}", null, null, null)));
    }
  }

  @Test
  void find_byTraitTopicTextAndChannel() {
    CustomerFinder f = new CustomerFinder(store.connection());
    assertThat(ids(f.find(new CustomerQuery(Map.of("region", "Seoul"), null, null, null, null,
        10, 0)))).containsExactlyInAnyOrder("kim", "park");
    assertThat(ids(f.find(new CustomerQuery(Map.of("age band", "30s"), null, null, null, null,
        10, 0)))).containsExactly("kim");
    assertThat(ids(f.find(new CustomerQuery(Map.of(), "배송 지연", null, null, null, 10, 0))))
        .containsExactly("kim");
    assertThat(ids(f.find(new CustomerQuery(Map.of(), null, "LOVE", null, null, 10, 0))))
        .containsExactly("lee");
    assertThat(ids(f.find(new CustomerQuery(Map.of("region", "Seoul"), null, null, "chat", null,
        10, 0)))).containsExactly("kim");
    assertThat(ids(f.find(new CustomerQuery(Map.of(), null, null, null, List.of("park", "x"),
        10, 0)))).containsExactly("park");
    List<CustomerSummary> kim = f.find(new CustomerQuery(Map.of(), "배송 지연", null, null, null,
        10, 0));
    assertThat(kim.get(0).negativeTexts()).isEqualTo(1);
  }

  @Test
  void find_hostileValuesAreJustValues() {
    CustomerFinder f = new CustomerFinder(store.connection());
    assertThat(f.find(new CustomerQuery(Map.of("region", "' OR 1=1 --"), null, "%') OR TRUE --",
        null, null, 10, 0))).isEmpty();
  }

  static List<String> ids(List<CustomerSummary> s) {
    return s.stream().map(CustomerSummary::customerId).toList();
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    store.close();
  }
}
