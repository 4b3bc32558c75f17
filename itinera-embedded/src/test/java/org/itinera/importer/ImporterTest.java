package org.itinera.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.TextEnricher;
import org.itinera.source.Source;
import org.itinera.source.Sources;
import org.itinera.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
  static final String TICKETS_MAPPING = """
      source: helpdesk
      event_id: ticket_id
      user_id: customer
      identity:
        email: email
      timestamp:
        column: created
        format: '%Y-%m-%d %H:%M:%S'
        timezone: Asia/Seoul
      type: {value: ticket}
      name: {value: Ticket Opened}
      channel: via
      text: body
      rating: csat
      properties: [subject]
      """;

  @TempDir Path dir;
  Store store;
  Ingestor ingestor;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("data"));
    ingestor = Ingestor.open(store);
  }

  @AfterEach
  void close() {
    ingestor.close();
    store.close();
  }

  Importer importer(String mappingYaml) throws IOException {
    Path mapping = Files.writeString(dir.resolve("mapping-" + System.nanoTime() + ".yml"),
        mappingYaml);
    return Importer.open(store, ingestor, Mapping.load(mapping));
  }

  Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void importFile_csvRowsBecomeEventsWithEveryMappedField() throws IOException {
    Path csv = file("tickets.csv", """
        ticket_id,customer,email,created,via,subject,body,csat
        T1,C-1,ann@example.com,2024-05-02 09:00:00,chat,Late,"Where is
        my parcel?",2
        """);
    FileReport r = importer(TICKETS_MAPPING).importFile(csv, ImportListener.NONE);

    assertThat(r.rowsRead()).isEqualTo(1);
    assertThat(r.imported()).isEqualTo(1);
    Map<String, Object> e = Db.row(store, "SELECT * FROM events");
    assertThat(e).containsEntry("event_id", "T1").containsEntry("customer_id", "C-1")
        .containsEntry("user_id", "C-1").containsEntry("type", "ticket")
        .containsEntry("name", "Ticket Opened").containsEntry("channel", "chat")
        .containsEntry("source_id", "helpdesk").containsEntry("text", "Where is\nmy parcel?")
        .containsEntry("rating", "2.0").containsEntry("properties", "{\"subject\":\"Late\"}")
        .containsEntry("traits", "{\"email\":\"ann@example.com\"}");
    // 09:00 in Seoul is midnight UTC
    assertThat(String.valueOf(e.get("ts"))).startsWith("2024-05-02 00:00:00");
  }

  @Test
  void importFile_badRowsGoToTheRejectsFileWithTheirLineAndReason() throws IOException {
    Path csv = file("tickets.csv", """
        ticket_id,customer,email,created,via,subject,body,csat
        T1,C-1,,2024-05-02 09:00:00,chat,a,"two
        lines",4
        T2,,,2024-05-02 09:00:00,chat,b,no customer,4

        T3,C-3,,02/05/2024,chat,c,bad time,4
        T4,C-4,,2024-05-02 09:00:00,chat,d,too,many,columns
        T5,C-5,,2024-05-02 09:00:00,Call Center,e,bad channel,4
        T6,C-6,,2024-05-02 09:00:00,chat,f,bad rating,five
        T7,C-7,,2024-05-02 09:00:00,chat,g,fine,5
        """);
    FileReport r = importer(TICKETS_MAPPING).importFile(csv, ImportListener.NONE);

    assertThat(r.rowsRead()).isEqualTo(7);
    assertThat(r.imported()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(5);
    assertThat(r.rejectsFile()).startsWith(store.dataDir().resolve("rejects"));
    List<String> lines = Files.readAllLines(r.rejectsFile());
    assertThat(lines.get(0)).isEqualTo(
        "line,reason,ticket_id,customer,email,created,via,subject,body,csat");
    assertThat(lines.subList(1, lines.size())).satisfiesExactly(
        l -> assertThat(l).startsWith("4,\"no customer id: user_id (column 'customer'), email"
            + " (column 'email') are all empty\",T2,"),
        l -> assertThat(l).startsWith("6,timestamp '02/05/2024' is not the format"),
        l -> assertThat(l).startsWith("7,cannot read the line: too many columns").endsWith(
            ",\"T4,C-4,,2024-05-02 09:00:00,chat,d,too,many,columns\""),
        l -> assertThat(l).startsWith("8,\"channel 'Call Center' is not a channel name"),
        l -> assertThat(l).startsWith("9,rating (column 'csat') 'five' is not a number"));
    assertThat(Db.count(store, "SELECT count(*) FROM events")).isEqualTo(2);
  }

  @Test
  void importFile_sameFileAgainStoresNothingNew() throws IOException {
    Path csv = file("tickets.csv", """
        ticket_id,customer,email,created,via,subject,body,csat
        T1,C-1,,2024-05-02 09:00:00,chat,a,x,4
        T2,C-2,,2024-05-02 10:00:00,chat,b,y,5
        """);
    Importer importer = importer(TICKETS_MAPPING);
    FileReport first = importer.importFile(csv, ImportListener.NONE);
    FileReport again = importer.importFile(csv, ImportListener.NONE);

    assertThat(first.imported()).isEqualTo(2);
    assertThat(again.imported()).isZero();
    assertThat(again.duplicates()).isEqualTo(2);
    assertThat(Db.count(store, "SELECT count(*) FROM events")).isEqualTo(2);
    assertThat(Db.count(store, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(2);
  }

  @Test
  void importFile_eventIdRepeatedInTheFileKeepsTheFirstRow() throws IOException {
    Path csv = file("tickets.csv", """
        ticket_id,customer,email,created,via,subject,body,csat
        T1,C-1,,2024-05-02 09:00:00,chat,a,first,4
        T2,C-2,,2024-05-02 10:00:00,chat,b,other,5
        T1,C-1,,2024-05-02 11:00:00,chat,a,second,1
        """);
    FileReport r = importer(TICKETS_MAPPING).importFile(csv, ImportListener.NONE);

    assertThat(r.imported()).isEqualTo(2);
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(Db.row(store, "SELECT text FROM events WHERE event_id = 'T1'"))
        .containsEntry("text", "first");
  }

  @Test
  void importFile_moreRowsThanCommitEveryAreStoredInChunksWithTheSameResult() throws IOException {
    ingestor.ingest(List.of(apiEvent("w1", "anon-3", null, "page", null)));
    StringBuilder csv = new StringBuilder("id,who,visitor,at\n");
    for (int i = 1; i <= 7; i++) {
      csv.append("e").append(i).append(",C-").append(i).append(",anon-").append(i)
          .append(",2024-05-02T10:00:00Z\n");
    }
    csv.append("e2,C-9,,2024-05-02T11:00:00Z\n");
    Path file = file("events.csv", csv.toString());
    Path mapping = Files.writeString(dir.resolve("chunked.yml"),
        "source: s\nevent_id: id\nuser_id: who\nanonymous_id: visitor\ntimestamp: at\n");
    Importer chunked = Importer.open(store, ingestor, Mapping.load(mapping),
        ImportOptions.DEFAULT.withCommitEvery(3));

    FileReport first = chunked.importFile(file, ImportListener.NONE);
    FileReport again = chunked.importFile(file, ImportListener.NONE);

    assertThat(first.imported()).isEqualTo(7);
    assertThat(first.duplicates()).isEqualTo(1);
    assertThat(again.imported()).isZero();
    assertThat(Db.count(store, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(8);
    assertThat(Db.row(store, "SELECT customer_id FROM events WHERE event_id = 'e2'"))
        .containsEntry("customer_id", "C-2");
    assertThat(Db.row(store, "SELECT customer_id FROM events WHERE event_id = 'w1'"))
        .containsEntry("customer_id", "C-3");
  }

  @Test
  void importFile_withoutEventIdIdenticalRowsAreDuplicates() throws IOException {
    Path csv = file("answers.csv", """
        email,at,score
        a@example.com,2024-05-02T10:00:00Z,9
        a@example.com,2024-05-02T10:00:00Z,9
        b@example.com,2024-05-02T10:00:00Z,9
        """);
    Importer importer = importer("""
        source: survey
        identity: {email: email}
        timestamp: at
        type: {value: survey_response}
        rating: score
        """);
    FileReport first = importer.importFile(csv, ImportListener.NONE);
    FileReport again = importer.importFile(csv, ImportListener.NONE);

    assertThat(first.imported()).isEqualTo(2);
    assertThat(first.duplicates()).isEqualTo(1);
    assertThat(again.imported()).isZero();
    assertThat(Db.rows(store, "SELECT event_id FROM events"))
        .allSatisfy(row -> assertThat((String) row.get("event_id")).matches("h:[0-9a-f]{32}"));
  }

  @Test
  void importFile_ticketEmailJoinsTheCustomerIdentifiedThroughTheApi() throws IOException {
    ingestor.ingest(List.of(
        apiEvent("w1", "anon-web", null, "page", null),
        apiEvent("i1", "anon-web", "u42", "identify", "{\"email\":\"Ann@Example.com\"}")));
    Path csv = file("tickets.csv", """
        ticket_id,customer,email,created,via,subject,body,csat
        T1,,ann@example.com ,2024-05-02 09:00:00,email,a,help,3
        """);
    importer(TICKETS_MAPPING).importFile(csv, ImportListener.NONE);

    assertThat(Db.rows(store, "SELECT DISTINCT customer_id FROM events"))
        .containsExactly(Map.of("customer_id", "u42"));
  }

  @Test
  void importFile_rowLinkingAnonymousAndUserIdMovesEarlierEventsToTheUser() throws IOException {
    ingestor.ingest(List.of(apiEvent("w1", "anon-7", null, "page", null),
        apiEvent("w2", "anon-7", null, "track", null)));
    Path csv = file("orders.csv", "order,customer,visitor,at,total\n"
        + "O1,C-9,anon-7,2024-05-02T10:00:00Z,12.5\n");
    importer("""
        source: shop
        event_id: order
        user_id: customer
        anonymous_id: visitor
        timestamp: at
        type: {value: purchase}
        revenue: total
        """).importFile(csv, ImportListener.NONE);
    ingestor.ingest(List.of(apiEvent("w3", "anon-7", null, "page", null)));

    assertThat(Db.rows(store, "SELECT customer_id, count(*) AS n FROM events GROUP BY 1"))
        .containsExactly(Map.of("customer_id", "C-9", "n", "4"));
    assertThat(Db.row(store, "SELECT customer_id FROM identities WHERE identity = 'anon:anon-7'"))
        .containsEntry("customer_id", "C-9");
  }

  @Test
  void importFile_identifyRowsMergeTheirTraitsIntoProfiles() throws IOException {
    ingestor.ingest(List.of(apiEvent("i1", null, "C-1", "identify", "{\"plan\":\"trial\","
        + "\"city\":\"Seoul\"}")));
    Path csv = file("crm.csv", "id,email,plan,city\nC-1,ann@example.com,gold,\n");
    importer("""
        source: crm
        user_id: id
        identity: {email: email}
        type: {value: identify}
        traits: [plan, city]
        """).importFile(csv, ImportListener.NONE);

    String traits = (String) Db.row(store, "SELECT traits FROM profiles WHERE customer_id = 'C-1'")
        .get("traits");
    assertThat(new ObjectMapper().readTree(traits)).isEqualTo(new ObjectMapper().readTree(
        "{\"plan\":\"gold\",\"city\":\"Seoul\",\"email\":\"ann@example.com\"}"));
  }

  @Test
  void importFile_jsonLinesKeepNestedValuesAndRejectMalformedLines() throws IOException {
    Path jsonl = file("reviews.jsonl", """
        {"id":"r1","user":"u1","at":1714723200,"stars":4,"product":{"sku":"MUG"},"body":"ok"}

        {"id":"r2","user":"u2","at":
        ["not", "an", "object"]
        {"id":"r3","user":"u3","at":1714723300,"stars":"many","body":"hm"}
        """);
    FileReport r = importer("""
        source: reviews
        event_id: id
        user_id: user
        timestamp: {column: at, format: epoch_s}
        type: {value: review}
        text: body
        rating: stars
        properties: [product]
        """).importFile(jsonl, ImportListener.NONE);

    assertThat(r.format()).isEqualTo(FileFormat.JSONL);
    assertThat(r.imported()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(3);
    assertThat(Db.row(store, "SELECT properties, ts FROM events"))
        .containsEntry("properties", "{\"product\":{\"sku\":\"MUG\"}}")
        .hasEntrySatisfying("ts", ts -> assertThat(ts.toString()).startsWith("2024-05-03 08:00"));
    List<String> lines = Files.readAllLines(r.rejectsFile());
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("3,malformed JSON");
    assertThat(lines.get(2)).startsWith("4,\"expected a JSON object, got array\"");
    assertThat(lines.get(3)).startsWith("5,rating (column 'stars') 'many' is not a number");
  }

  @Test
  void importFile_parquetColumnsKeepTheirTypes() throws Exception {
    Path parquet = dir.resolve("orders.parquet");
    try (var st = store.newConnection().createStatement()) {
      st.execute("COPY (SELECT 'O' || i AS id, 'C-' || i AS customer,"
          + " TIMESTAMP '2024-05-01 12:00:00' + INTERVAL (i) HOUR AS at, i * 10.5 AS total,"
          + " i AS items FROM range(3) t(i)) TO '" + parquet + "' (FORMAT parquet)");
    }
    FileReport r = importer("""
        source: shop
        event_id: id
        user_id: customer
        timestamp: {column: at, timezone: Asia/Seoul}
        type: {value: purchase}
        revenue: total
        properties: [items]
        """).importFile(parquet, ImportListener.NONE);

    assertThat(r.format()).isEqualTo(FileFormat.PARQUET);
    assertThat(r.imported()).isEqualTo(3);
    assertThat(Db.row(store, "SELECT ts, revenue, properties FROM events WHERE event_id = 'O2'"))
        .hasEntrySatisfying("ts", ts -> assertThat(ts.toString()).startsWith("2024-05-01 05:00"))
        .containsEntry("revenue", "21.0").containsEntry("properties", "{\"items\":2}");
  }

  @Test
  void importFile_timeFormatsAndZonesAllGiveUtc() throws Exception {
    Path csv = file("times.csv", """
        id,who,iso,ms,local
        a,u,2024-05-02T09:00:00+09:00,1714608000000,2024-05-02 09:00
        b,u,2024-05-02T00:00:00Z,1714608000000,2024-05-02 09:00
        c,u,2024-05-02T09:00:00,1714608000000,2024-05-02 09:00
        """);
    for (String spec : List.of("{column: iso, timezone: Asia/Seoul}",
        "{column: ms, format: epoch_ms}",
        "{column: local, format: '%Y-%m-%d %H:%M', timezone: Asia/Seoul}")) {
      store.connection().createStatement().execute("DELETE FROM events");
      importer("source: s\nevent_id: id\nuser_id: who\ntimestamp: " + spec + "\n")
          .importFile(csv, ImportListener.NONE);
      assertThat(Db.rows(store, "SELECT DISTINCT ts::VARCHAR AS ts FROM events"))
          .as(spec).containsExactly(Map.of("ts", "2024-05-02 00:00:00"));
    }
  }

  @Test
  void importFile_textEnricherSeesOnlyRowsWithText() throws IOException {
    ingestor.close();
    TextEnricher marksLength = e -> e.withTextAnalysis("en", 0.5, null,
        List.of("len" + e.text().length()));
    ingestor = Ingestor.open(store, marksLength);
    Path csv = file("tickets.csv", """
        ticket_id,customer,email,created,via,subject,body,csat
        T1,C-1,,2024-05-02 09:00:00,chat,a,hello,4
        T2,C-2,,2024-05-02 09:00:00,chat,b,,4
        """);
    importer(TICKETS_MAPPING).importFile(csv, ImportListener.NONE);

    assertThat(Db.rows(store, "SELECT event_id, lang, sentiment, topics::VARCHAR AS topics"
        + " FROM events ORDER BY event_id")).containsExactly(
            Map.of("event_id", "T1", "lang", "en", "sentiment", "0.5", "topics", "[len5]"),
            nullAnalysis("T2"));
  }

  @Test
  void importFile_eachDistinctTextIsAnalysedOnceAndEveryRowWithItGetsTheResult()
      throws IOException {
    ingestor.close();
    AtomicInteger calls = new AtomicInteger();
    TextEnricher counting = e -> {
      calls.incrementAndGet();
      return e.withTextAnalysis("en", -0.25, "anger", List.of("len" + e.text().length()));
    };
    ingestor = Ingestor.open(store, counting);
    Path csv = file("tickets.csv", """
        ticket_id,customer,email,created,via,subject,body,csat
        T1,C-1,,2024-05-02 09:00:00,chat,a,same words,4
        T2,C-2,,2024-05-02 09:00:00,chat,b,same words,4
        T3,C-3,,2024-05-02 09:00:00,chat,c,other,4
        """);
    importer(TICKETS_MAPPING).importFile(csv, ImportListener.NONE);

    assertThat(calls.get()).isEqualTo(2);
    assertThat(Db.rows(store, "SELECT event_id, sentiment, emotion, topics::VARCHAR AS topics"
        + " FROM events ORDER BY event_id")).containsExactly(
            Map.of("event_id", "T1", "sentiment", "-0.25", "emotion", "anger",
                "topics", "[len10]"),
            Map.of("event_id", "T2", "sentiment", "-0.25", "emotion", "anger",
                "topics", "[len10]"),
            Map.of("event_id", "T3", "sentiment", "-0.25", "emotion", "anger",
                "topics", "[len5]"));
  }

  @Test
  void importFile_mappedColumnMissingFromTheFileNamesTheMappingLine() throws IOException {
    Path csv = file("tickets.csv", "ticket_id,customer\nT1,C-1\n");
    Importer importer = importer(TICKETS_MAPPING);

    assertThatThrownBy(() -> importer.importFile(csv, ImportListener.NONE))
        .isInstanceOfSatisfying(ItineraException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
          assertThat(e.getMessage())
              .contains("line 5, field 'identity.email': 'email' is not a column of")
              .contains("line 7, field 'timestamp.column': 'created' is not a column")
              .contains("its columns are: ticket_id, customer");
        });
    assertThat(Db.count(store, "SELECT count(*) FROM events")).isZero();
  }

  @Test
  void importFile_registeredSourceGivesItsIdAndDefaultChannel() throws IOException {
    Source source = new Sources(store).create("Help desk", "call_center").source();
    Path csv = file("calls.csv", "id,who\nc1,u1\n");
    importer("source: Help desk\nevent_id: id\nuser_id: who\n")
        .importFile(csv, ImportListener.NONE);

    assertThat(Db.row(store, "SELECT source_id, channel FROM events"))
        .containsEntry("source_id", source.sourceId()).containsEntry("channel", "call_center");
  }

  @Test
  void importFile_headerOnlyFileStoresNothing() throws IOException {
    Path csv = file("empty.csv", "ticket_id,customer,email,created,via,subject,body,csat\n");
    FileReport r = importer(TICKETS_MAPPING).importFile(csv, ImportListener.NONE);

    assertThat(r.rowsRead()).isZero();
    assertThat(r.rejectsFile()).isNull();
  }

  @Test
  void importFile_gzippedCsvIsReadAndItsRejectsKeepTheirLines() throws IOException {
    Path gz = dir.resolve("tickets.csv.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(("ticket_id,customer,email,created,via,subject,body,csat\n"
          + "T1,C-1,,2024-05-02 09:00:00,chat,a,\"multi\nline\",4\n"
          + "T2,C-2,,not a time,chat,b,x,4\n").getBytes(StandardCharsets.UTF_8));
    }
    FileReport r = importer(TICKETS_MAPPING).importFile(gz, ImportListener.NONE);

    assertThat(r.imported()).isEqualTo(1);
    assertThat(Files.readAllLines(r.rejectsFile()).get(1)).startsWith("4,timestamp 'not a time'");
  }

  @Test
  void importFile_missingFileIsNotFound() throws IOException {
    Importer importer = importer(TICKETS_MAPPING);

    assertThatThrownBy(() -> importer.importFile(dir.resolve("nope.csv"), ImportListener.NONE))
        .isInstanceOfSatisfying(ItineraException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void importFile_progressRisesToOne() throws IOException {
    Path csv = file("tickets.csv", "ticket_id,customer,email,created,via,subject,body,csat\n"
        + "T1,C-1,,2024-05-02 09:00:00,chat,a,x,4\n");
    List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    importer(TICKETS_MAPPING).importFile(csv, new ImportListener() {
      @Override
      public void progress(Path file, double fraction) {
        seen.add(fraction);
      }
    });

    assertThat(seen).isSorted().last().isEqualTo(1.0);
  }

  private static Map<String, Object> nullAnalysis(String id) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("event_id", id);
    m.put("lang", null);
    m.put("sentiment", null);
    m.put("topics", null);
    return m;
  }

  static Event apiEvent(String id, String anon, String user, String type, String traits) {
    return new Event(id, null, anon, user, 1_714_608_000_000L, 1_714_608_000_000L, type, null,
        "web", "web-src", null, null, traits, null, null, null, null, null, null, null, null);
  }
}
