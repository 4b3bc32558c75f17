package org.itinera.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.store.TestShop.event;
import static org.itinera.store.TestShop.identify;

import java.nio.file.Path;
import java.util.List;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.store.TestShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerSearchTest {
  @TempDir Path dir;

  private static final List<Event> EVENTS = List.of(
      event("e1", "anon:web-123", "2026-05-01T09:00:00Z", "page", "Page Viewed", "web", null),
      identify("i1", "u-ann", "web-123", "2026-05-01T09:01:00Z",
          "{\"name\":\"Ann Kim\",\"email\":\"ann@example.com\",\"plan\":\"gold\",\"city\":\"Seoul\"}"),
      event("e2", "u-ann", "2026-05-03T09:00:00Z", "track", "Order Completed", "app", null),
      identify("i2", "u-bob", null, "2026-05-02T09:00:00Z",
          "{\"name\":\"Bob 100%_sure\",\"email\":\"bob@example.org\",\"plan\":\"silver\"}"),
      event("e3", "u-bob", "2026-05-02T10:00:00Z", "ticket", "Ticket Opened", "call_center", null),
      event("e4", "anon:lurker", "2026-05-04T10:00:00Z", "page", "Page Viewed", "web", null),
      identify("i3", "u-cho", null, "2026-04-01T09:00:00Z",
          "{\"name\":\"조민지\",\"plan\":\"Gold\",\"city\":\"Busan\"}"));

  private CustomerPage search(String q, int offset, int limit) {
    return TestShop.query(dir, EVENTS, c -> new CustomerSearch(c).search(q, offset, limit));
  }

  private static List<String> ids(CustomerPage page) {
    return page.customers().stream().map(CustomerMatch::customerId).toList();
  }

  @Test
  void search_emptyQueryListsEveryoneMostRecentFirst() {
    CustomerPage page = search("", 0, 10);
    assertThat(page.total()).isEqualTo(4);
    assertThat(ids(page)).containsExactly("anon:lurker", "u-ann", "u-bob", "u-cho");
    CustomerMatch ann = page.customers().get(1);
    assertThat(ann.name()).isEqualTo("Ann Kim");
    assertThat(ann.email()).isEqualTo("ann@example.com");
    assertThat(ann.events()).isEqualTo(3);
    assertThat(ann.channels()).containsExactly("web", "app");
    assertThat(ann.firstSeen()).isEqualTo("2026-05-01T09:00:00Z");
  }

  @Test
  void search_findsByAnyIdPartEmailAndTraitValue() {
    assertThat(ids(search("web-12", 0, 10))).containsExactly("u-ann"); // stitched anonymous id
    assertThat(ids(search("EXAMPLE.ORG", 0, 10))).containsExactly("u-bob");
    assertThat(ids(search("busan", 0, 10))).containsExactly("u-cho");
    assertThat(ids(search("민지", 0, 10))).containsExactly("u-cho");
    assertThat(ids(search("u-", 0, 10))).containsExactly("u-ann", "u-bob", "u-cho");
  }

  @Test
  void search_keyValueMatchesATraitExactlyIgnoringCase() {
    assertThat(ids(search("plan:gold", 0, 10))).containsExactly("u-ann", "u-cho");
  }

  @Test
  void search_likeWildcardsAndQuotesMatchLiterally() {
    assertThat(ids(search("100%_", 0, 10))).containsExactly("u-bob");
    assertThat(ids(search("%", 0, 10))).containsExactly("u-bob"); // not everyone
    assertThat(search("_", 0, 10).total()).isOne();
    assertThat(search("' OR '1'='1", 0, 10).total()).isZero();
  }

  @Test
  void search_pagesKeepTheTotal() {
    CustomerPage second = search("", 2, 2);
    assertThat(second.total()).isEqualTo(4);
    assertThat(ids(second)).containsExactly("u-bob", "u-cho");
    CustomerPage beyond = search("", 10, 2);
    assertThat(beyond.customers()).isEmpty();
    assertThat(beyond.total()).isEqualTo(4);
  }

  @Test
  void search_badPagingNamesTheField() {
    assertThatThrownBy(() -> search("", -1, 10))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("offset");
    assertThatThrownBy(() -> search("", 0, 1000))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("limit");
  }
}
