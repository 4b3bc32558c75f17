package org.itinera.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.itinera.journey.ModelStages;
import org.itinera.dashboard.ShopData;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.journey.JourneyModel;
import org.itinera.store.EventRows;
import org.itinera.store.Store;
import org.itinera.voice.StageColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage as SQL agrees with {@link ModelStages} on every event, property rules included. */
class StageSqlTest {
  @TempDir Path dir;

  /** Every kind of property condition, on nested paths too, before broad rules. */
  static final String MODEL = """
      version: 1
      stages:
        - id: awareness
        - id: consideration
        - id: purchase
        - id: retention
        - id: advocacy
      rules:
        - stage: advocacy
          when:
            name: [NPS Answered, Review Submitted]
            properties:
              score: {gte: 9}
        - stage: advocacy
          when:
            properties:
              cart.total: {gt: 100000}
              plan: {in: [gold, vip]}
        - stage: purchase
          when:
            properties:
              order_id: {exists: true}
        - stage: awareness
          when:
            channel: [email]
            properties:
              campaign: {ne: spring}
        - stage: retention
          when:
            type: [ticket, survey_response]
        - stage: awareness
          when:
            properties:
              x: {lt: 100}
              page: Home
        - stage: consideration
          when:
            channel: [web, app]
        - stage: retention
          when:
            channel: ["(none)"]
      """;

  private static List<Event> events() {
    List<Event> out = new ArrayList<>(ShopData.events());
    String[] props = {"{\"score\":9}", "{\"score\":\"10\"}", "{\"score\":8.5}", "{\"score\":null}",
        "{\"cart\":{\"total\":150000},\"plan\":\"gold\"}", "{\"cart\":{\"total\":150000}}",
        "{\"cart\":{\"total\":\"lots\"},\"plan\":\"vip\"}", "{\"plan\":\"vip\",\"cart\":5}",
        "{\"campaign\":\"spring\"}", "{\"campaign\":\"fall\"}", "{\"campaign\":7}", "{}",
        "{\"order_id\":null}", "{\"order_id\":0}", "{\"x\":99.5,\"page\":\"Home\"}",
        "{\"x\":\"100\",\"page\":\"Home\"}", null};
    String[][] kinds = {{"NPS Answered", "survey_response", "survey"},
        {"Review Submitted", "review", "review"}, {"Email Opened", "track", "email"},
        {"Element Clicked", "track", "web"}, {"Odd", "track", null}, {null, "page", "app"}};
    int n = 0;
    for (String p : props) {
      for (String[] k : kinds) {
        long ts = 1_772_000_000_000L + n * 60_000L;
        out.add(new Event("sql-" + (++n), null, null, "u-prop", ts, ts, k[1], k[0], k[2],
            "src-test", p, null, null, null, null, null, null, null, null, null, null));
      }
    }
    return out;
  }

  @Test
  void stageColumn_agreesWithModelStagesOnEveryEvent() throws Exception {
    for (JourneyModel model : List.of(JourneyModel.parse(MODEL, "test.yml"),
        JourneyModel.defaultModel())) {
      Path data = dir.resolve("m" + model.rules().size());
      try (Store store = Store.open(data); Ingestor ingestor = Ingestor.open(store)) {
        ingestor.ingest(events());
        StageColumn column = StageSql.of(model);
        ModelStages reference = new ModelStages(model);
        int checked = 0;
        int staged = 0;
        try (Connection c = store.newConnection(); PreparedStatement ps = c.prepareStatement(
            "SELECT " + EventRows.COLUMNS + ", " + column.sql() + " AS sql_stage FROM events")) {
          for (int i = 0; i < column.values().size(); i++) {
            ps.setObject(i + 1, column.values().get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Event e = EventRows.read(rs);
              String expected = reference.stageOf(e);
              assertThat(rs.getString("sql_stage")).as("%s %s %s %s", e.name(), e.type(),
                  e.channel(), e.propertiesJson()).isEqualTo(expected);
              checked++;
              staged += expected == null ? 0 : 1;
            }
          }
        }
        assertThat(checked).isGreaterThan(600);
        assertThat(staged).isPositive().isLessThan(checked);
      }
    }
  }
}
