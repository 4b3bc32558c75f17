package org.itinera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itinera.ItineraException;
import org.itinera.importer.FileReport;

/** The end-of-import summary: per file and in total, as text or JSON. */
record ImportSummary(List<FileReport> reports, List<Failure> failures, long millis) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  ImportSummary {
    reports = List.copyOf(reports);
    failures = List.copyOf(failures);
  }

  /** A file that could not be imported at all. */
  record Failure(Path file, String code, String field, String message, int exitCode) {
    Failure(Path file, ItineraException e) {
      this(file, e.code().name(), e.field(), e.getMessage(), e.exitCode());
    }
  }

  String text() {
    StringBuilder out = new StringBuilder();
    for (FileReport r : reports) {
      out.append(String.format(Locale.ROOT,
          "%s: %,d rows read, %,d imported, %,d duplicates, %,d rejected in %.1f s"
              + " (%,.0f rows/s)%n",
          r.file().getFileName(), r.rowsRead(), r.imported(), r.duplicates(), r.rejected(),
          r.millis() / 1000.0, r.rowsPerSecond()));
      if (r.rejectsFile() != null) {
        out.append("  rejected rows with line and reason: ").append(r.rejectsFile()).append('\n');
      }
    }
    for (Failure f : failures) {
      out.append(f.file().getFileName()).append(": not imported (").append(f.code()).append(")\n");
    }
    if (reports.size() + failures.size() > 1) {
      long read = reports.stream().mapToLong(FileReport::rowsRead).sum();
      out.append(String.format(Locale.ROOT,
          "total: %,d files, %,d rows read, %,d imported, %,d duplicates, %,d rejected,"
              + " %d failed, in %.1f s (%,.0f rows/s)%n",
          reports.size(), read, reports.stream().mapToLong(FileReport::imported).sum(),
          reports.stream().mapToLong(FileReport::duplicates).sum(),
          reports.stream().mapToLong(FileReport::rejected).sum(), failures.size(),
          millis / 1000.0, millis == 0 ? 0 : read * 1000.0 / millis));
    }
    return out.toString();
  }

  String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("files", reports.stream().map(ImportSummary::fileJson).toList());
    root.put("failed", failures.stream().map(f -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", f.file().toString());
      m.put("code", f.code());
      m.put("field", f.field());
      m.put("message", f.message());
      return m;
    }).toList());
    long read = reports.stream().mapToLong(FileReport::rowsRead).sum();
    Map<String, Object> total = new LinkedHashMap<>();
    total.put("rowsRead", read);
    total.put("imported", reports.stream().mapToLong(FileReport::imported).sum());
    total.put("duplicates", reports.stream().mapToLong(FileReport::duplicates).sum());
    total.put("rejected", reports.stream().mapToLong(FileReport::rejected).sum());
    total.put("seconds", millis / 1000.0);
    total.put("rowsPerSecond", millis == 0 ? 0 : Math.round(read * 1000.0 / millis));
    root.put("total", total);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> fileJson(FileReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", r.file().toString());
    m.put("format", r.format().name().toLowerCase(Locale.ROOT));
    m.put("rowsRead", r.rowsRead());
    m.put("imported", r.imported());
    m.put("duplicates", r.duplicates());
    m.put("rejected", r.rejected());
    m.put("rejectsFile", r.rejectsFile() == null ? null : r.rejectsFile().toString());
    m.put("seconds", r.millis() / 1000.0);
    m.put("rowsPerSecond", Math.round(r.rowsPerSecond()));
    return m;
  }
}
