package org.itinera.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.itinera.customer.CustomerFinder;
import org.itinera.customer.CustomerQuery;
import org.itinera.customer.CustomerSummary;
import org.itinera.customer.DropOff;
import org.itinera.demo.DemoFile;
import org.itinera.event.Event;
import org.itinera.index.SequenceIndex;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.StageRule;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.store.EventRows;
import org.itinera.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals and customer finding on the demo company's generated data, loaded into a real store
 * as {@code itinera demo} loads it. Expected facts come from the source files and plain SQL over
 * the store, never from the journal code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoJournalsTest {
  private static final Pattern QUOTE = Pattern.compile("“([^”]*)”");
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter KO_DATE =
      DateTimeFormatter.ofPattern("yyyy년 M월 d일", Locale.KOREAN).withZone(ZoneOffset.UTC);
  private static final JourneyModel MODEL = JourneyModel.defaultModel();

  @TempDir static Path dir;
  Store store;
  Connection c;
  StoredJournals journals;

  @BeforeAll
  void load() {
    store = DemoStore.load(dir, 300);
    c = store.connection();
    journals = new StoredJournals(c, DemoJournalsTest::referenceStage);
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void journal_customerWithManyIdsShowsOneStitchedTimeline() throws Exception {
    Map<String, String> most = null;
    for (Map<String, String> row : DemoStore.rows(dir, DemoFile.TRUTH_CUSTOMERS)) {
      if (most == null || ids(row).size() > ids(most).size()) {
        most = row;
      }
    }
    List<String> anonymous = ids(most);
    assertThat(anonymous).as("the demo plants customers with several devices")
        .hasSizeGreaterThan(1);
    String user = most.get("user_id");
    Journal byUser = journals.journal(user, Lang.EN);
    String customer = byUser.profile().customerId();
    List<String> stored = strings("SELECT event_id FROM events WHERE customer_id = ?"
        + " ORDER BY ts, seq", customer);
    assertThat(eventIds(byUser)).containsExactlyElementsOf(stored);
    for (String anon : anonymous) {
      Journal j = journals.journal(anon, Lang.KO);
      assertThat(j.profile().customerId()).as(anon).isEqualTo(customer);
      assertThat(eventIds(j)).containsExactlyElementsOf(stored);
    }
    Set<String> anonymousInTimeline = new TreeSet<>(strings("SELECT DISTINCT anonymous_id"
        + " FROM events WHERE customer_id = ? AND anonymous_id IS NOT NULL", customer));
    Set<String> withEvents = new TreeSet<>(strings("SELECT DISTINCT anonymous_id FROM events"
        + " WHERE anonymous_id IN (SELECT unnest(string_split(?, '|')))",
        String.join("|", anonymous)));
    assertThat(withEvents).hasSizeGreaterThan(1);
    assertThat(anonymousInTimeline).containsAll(withEvents);
  }

  @Test
  void story_statesTheFactsOfKnownJourneysInBothLanguages() throws Exception {
    List<String> customers = strings("SELECT customer_id FROM events GROUP BY customer_id"
        + " HAVING count(*) FILTER (WHERE sentiment <= -0.25 AND text IS NOT NULL) > 0"
        + " AND count(*) FILTER (WHERE " + PURCHASE + ") >= 2 ORDER BY customer_id LIMIT 5");
    assertThat(customers).as("the demo has repeat buyers who complained").isNotEmpty();
    for (String customer : customers) {
      Map<String, Object> first = row("SELECT event_id, epoch_ms(ts) FROM events"
          + " WHERE customer_id = ? ORDER BY ts, seq LIMIT 1", customer);
      Map<String, Object> orders = row("SELECT count(*), sum(revenue) FILTER (WHERE currency"
          + " = 'KRW') FROM events WHERE customer_id = ? AND " + PURCHASE, customer);
      String worst = (String) row("SELECT text FROM events WHERE customer_id = ? AND text IS"
          + " NOT NULL AND sentiment <= -0.25 ORDER BY sentiment, ts, seq LIMIT 1", customer)
          .get("1");
      long firstTs = ((Number) first.get("2")).longValue();
      long count = ((Number) orders.get("1")).longValue();
      String won = NumberFormat.getNumberInstance(Locale.US)
          .format(Math.round(((Number) orders.get("2")).doubleValue()));

      Journal en = journals.journal(customer, Lang.EN);
      String enStory = text(en);
      assertThat(en.story().get(0).text()).as(customer)
          .startsWith("They first came to us on " + EN_DATE.format(Instant.ofEpochMilli(firstTs)));
      assertThat(en.story().get(0).eventIds()).containsExactly((String) first.get("1"));
      assertThat(enStory).as(customer).contains(count + " orders in all, ₩" + won + " in total")
          .contains("“" + worst + "”");

      Journal ko = journals.journal(customer, Lang.KO);
      String koStory = text(ko);
      assertThat(ko.story().get(0).text()).as(customer)
          .startsWith(KO_DATE.format(Instant.ofEpochMilli(firstTs)) + "에 ");
      assertThat(koStory).as(customer).contains(count + "번 주문해 총 " + won + "원")
          .contains("“" + worst + "”");
      assertThat(ko.story().stream().map(StorySentence::eventIds).toList())
          .isEqualTo(en.story().stream().map(StorySentence::eventIds).toList());

      for (Journal j : List.of(en, ko)) {
        quotesAreVerbatimAndEveryIdIsTheirs(j, customer);
      }
    }
  }

  private void quotesAreVerbatimAndEveryIdIsTheirs(Journal j, String customer) throws Exception {
    Set<String> theirs = new HashSet<>(strings("SELECT event_id FROM events WHERE"
        + " customer_id = ?", customer));
    for (StorySentence s : j.story()) {
      assertThat(s.eventIds()).isNotEmpty();
      assertThat(theirs).containsAll(s.eventIds());
      Matcher m = QUOTE.matcher(s.text());
      while (m.find()) {
        List<String> texts = strings("SELECT text FROM events WHERE list_contains(string_split(?,"
            + " chr(31)), event_id)", String.join("\u001f", s.eventIds()));
        assertThat(texts).as(s.text()).contains(m.group(1));
      }
    }
  }

  @Test
  void find_droppedAtAFunnelStepMatchesAWalkOfEveryCustomersEvents() throws Exception {
    List<String> steps = List.of("Product Viewed", "Checkout Started", "Order Completed");
    Map<String, List<String>> names = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, coalesce(name, type)"
        + " FROM events ORDER BY customer_id, ts, seq"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        names.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    try (SequenceIndex index = SequenceIndex.build(store.newConnection())) {
      CustomerFinder finder = new CustomerFinder(c, index, MODEL);
      for (int k = 2; k <= steps.size(); k++) {
        Set<String> expected = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : names.entrySet()) {
          if (depth(e.getValue(), steps) == k - 1) {
            expected.add(e.getKey());
          }
        }
        assertThat(expected).as("step " + k).isNotEmpty();
        CustomerQuery q = new CustomerQuery(Map.of(), null, null, null, null, null,
            new DropOff(steps, k, null), 10_000, 0);
        assertThat(ids(finder.find(q))).as("step " + k).isEqualTo(expected);
        assertThat(finder.search(null, withLimit(q, 200)).total()).isEqualTo(expected.size());
      }
      // Combined with a stage: both must hold.
      CustomerQuery both = new CustomerQuery(Map.of(), null, null, null, null, "consideration",
          DropOff.parse(String.join(",", steps) + ":2", null), 10_000, 0);
      Set<String> found = ids(finder.find(both));
      for (String id : found) {
        assertThat(depth(names.get(id), steps)).isEqualTo(1);
        assertThat(currentStage(id)).isEqualTo("consideration");
      }
    }
  }

  @Test
  void find_byStageAgreesWithTheJournalsProfileCard() throws Exception {
    Map<String, String> stageOf = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + EventRows.COLUMNS
        + " FROM events ORDER BY customer_id, ts, seq"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Event e = EventRows.read(rs);
        String s = referenceStage(e);
        stageOf.putIfAbsent(e.customerId(), null);
        if (s != null) {
          stageOf.put(e.customerId(), s);
        }
      }
    }
    try (SequenceIndex index = SequenceIndex.build(store.newConnection())) {
      CustomerFinder finder = new CustomerFinder(c, index, MODEL);
      int nonEmpty = 0;
      for (var stage : MODEL.stages()) {
        Set<String> expected = stageOf.entrySet().stream()
            .filter(e -> stage.id().equals(e.getValue())).map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));
        Set<String> found = ids(finder.find(new CustomerQuery(Map.of(), null, null, null, null,
            stage.id(), null, 10_000, 0)));
        assertThat(found).as(stage.id()).isEqualTo(expected);
        nonEmpty += expected.isEmpty() ? 0 : 1;
        for (String id : found.stream().limit(3).toList()) {
          assertThat(journals.journal(id, Lang.EN).profile().currentStage()).isEqualTo(stage.id());
        }
      }
      assertThat(nonEmpty).as("customers sit in several stages").isGreaterThan(2);
    }
  }

  // --- references ------------------------------------------------------------------------

  private static final String PURCHASE = "(type = 'purchase' OR lower(name) = 'order completed'"
      + " OR (revenue > 0 AND lower(name) NOT LIKE '%refund%'))";

  /** How many steps a customer completed, in order, anywhere in their history. */
  static int depth(List<String> names, List<String> steps) {
    int k = 0;
    for (String n : names) {
      if (k < steps.size() && steps.get(k).equals(n)) {
        k++;
      }
    }
    return k;
  }

  /** The stage of the customer's last event that a rule maps to a stage, by a plain scan. */
  private String currentStage(String customer) throws SQLException {
    String stage = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT " + EventRows.COLUMNS
        + " FROM events WHERE customer_id = ? ORDER BY ts, seq")) {
      ps.setString(1, customer);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String s = referenceStage(EventRows.read(rs));
          stage = s == null ? stage : s;
        }
      }
    }
    return stage;
  }

  /** The first rule of the model whose every condition holds for the event. */
  static String referenceStage(Event e) {
    String name = e.name() != null ? e.name() : e.type();
    String channel = e.channel() != null ? e.channel() : "(none)";
    for (StageRule r : MODEL.rules()) {
      EventPredicate w = r.when();
      boolean ok = (w.names().isEmpty() || w.names().contains(name))
          && (w.types().isEmpty() || w.types().contains(e.type()))
          && (w.channels().isEmpty() || w.channels().contains(channel));
      for (PropertyPredicate p : w.properties()) {
        ok = ok && p.test(e.propertiesJson());
      }
      if (ok) {
        return r.stage();
      }
    }
    return null;
  }

  // --- helpers ---------------------------------------------------------------------------

  private static CustomerQuery withLimit(CustomerQuery q, int limit) {
    return new CustomerQuery(q.traits(), q.topic(), q.text(), q.channel(), q.ids(), q.stage(),
        q.droppedAt(), limit, 0);
  }

  private static List<String> ids(Map<String, String> truthRow) {
    String v = truthRow.get("anonymous_ids");
    return v == null || v.isEmpty() ? List.of() : List.of(v.split("\\|"));
  }

  private static Set<String> ids(List<CustomerSummary> found) {
    return found.stream().map(CustomerSummary::customerId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> eventIds(Journal j) {
    return j.timeline().stream().flatMap(ep -> ep.entries().stream()).map(Entry::eventId)
        .toList();
  }

  private static String text(Journal j) {
    return j.story().stream().map(StorySentence::text).collect(Collectors.joining(" "));
  }

  private List<String> strings(String sql, Object... params) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** The single row of {@code sql}, columns keyed "1", "2", ... */
  private Map<String, Object> row(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.put(Integer.toString(i), rs.getObject(i));
        }
        return out;
      }
    }
  }
}
