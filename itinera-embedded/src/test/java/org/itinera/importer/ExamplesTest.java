package org.itinera.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.itinera.ingest.Ingestor;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example files of docs/import imported as docs/IMPORT.md describes: each with the rejects
 * the docs promise, and one customer's tickets, review, survey answer, order and CRM profile
 * stitched together across five sources.
 */
class ExamplesTest {
  static final Path DOCS = Path.of("../docs/import");

  @TempDir Path dir;

  @Test
  void importFile_examplesStitchOneCustomerAcrossFiveSources() {
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      assertThat(load(store, ing, "crm_profiles")).isEqualTo(counts(4, 3, 0, 1));
      assertThat(load(store, ing, "tickets")).isEqualTo(counts(6, 4, 0, 2));
      assertThat(load(store, ing, "reviews")).isEqualTo(counts(4, 2, 0, 2));
      assertThat(load(store, ing, "survey")).isEqualTo(counts(4, 4, 0, 0));
      assertThat(load(store, ing, "orders")).isEqualTo(counts(4, 3, 0, 1));
      assertThat(load(store, ing, "crm_profiles")).isEqualTo(counts(4, 0, 3, 1));

      assertThat(Db.rows(store, "SELECT type, source_id FROM events WHERE customer_id = 'C-100'"
          + " ORDER BY ts")).extracting(r -> r.get("type") + "@" + r.get("source_id"))
          .containsExactly("identify@crm", "purchase@shop-db", "ticket@helpdesk",
              "review@reviews", "survey_response@survey-tool");
      assertThat(Db.row(store, "SELECT customer_id FROM identities WHERE identity ="
          + " 'anon:anon-7f3a'")).containsEntry("customer_id", "C-100");
      assertThat(Db.row(store, "SELECT traits ->> '$.plan' AS plan, traits ->> '$.name' AS name"
          + " FROM profiles WHERE customer_id = 'C-100'"))
          .isEqualTo(Map.of("plan", "gold", "name", "김민지"));
    }
  }

  private static String load(Store store, Ingestor ing, String example) {
    String data = example.equals("reviews") ? example + ".jsonl" : example + ".csv";
    FileReport r = Importer.open(store, ing, Mapping.load(DOCS.resolve(example + ".yml")))
        .importFile(DOCS.resolve(data), ImportListener.NONE);
    return counts(r.rowsRead(), r.imported(), r.duplicates(), r.rejected());
  }

  private static String counts(long read, long imported, long duplicates, long rejected) {
    return "read=" + read + " imported=" + imported + " duplicates=" + duplicates + " rejected="
        + rejected;
  }
}
