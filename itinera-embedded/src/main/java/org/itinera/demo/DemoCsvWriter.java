package org.itinera.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * A sink that writes every row to its CSV file under a directory (the importer sources and the
 * truth files, each with its header even when empty) and hands messages on to another sink. A
 * loader tees the stream this way: rows to files for the importers, messages to a
 * {@link DemoBatcher} for the collection API.
 *
 * <pre>{@code
 * try (DemoBatcher events = new DemoBatcher(500, handler);
 *      DemoCsvWriter files = DemoCsvWriter.open(dir, events)) {
 *   stats = generator.generate(files);
 * }
 * }</pre>
 *
 * <p>Close this writer before the message sink (try-with-resources does): it only closes the
 * files, not the sink it forwards to.
 */
public final class DemoCsvWriter implements DemoSink, AutoCloseable {
  private final DemoSink messages;
  private final Map<DemoFile, Writer> files = new EnumMap<>(DemoFile.class);

  private DemoCsvWriter(DemoSink messages) {
    this.messages = messages;
  }

  /** Creates (or replaces) every {@link DemoFile} under {@code dir}, header rows written. */
  public static DemoCsvWriter open(Path dir, DemoSink messages) {
    Objects.requireNonNull(messages, "messages");
    DemoCsvWriter sink = new DemoCsvWriter(messages);
    try {
      for (DemoFile f : DemoFile.values()) {
        Path path = dir.resolve(f.fileName());
        Files.createDirectories(path.getParent());
        Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
        sink.files.put(f, w);
        writeCsv(w, f.columns());
      }
    } catch (IOException e) {
      sink.close();
      throw failure(dir, e);
    }
    return sink;
  }

  @Override
  public void message(DemoMessage message) {
    messages.message(message);
  }

  @Override
  public void row(DemoRow row) {
    try {
      writeCsv(files.get(row.file()), row.values());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void truthRow(DemoRow row) {
    row(row);
  }

  @Override
  public void endCustomer() {
    messages.endCustomer();
  }

  static void writeCsv(Writer w, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(csv(values.get(i)));
    }
    w.write('\n');
  }

  /** RFC 4180: quote a field holding a comma, quote, line break or edge space. */
  static String csv(String v) {
    if (v == null || v.isEmpty()) {
      return "";
    }
    boolean quote = v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ';
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /** Closes the files (not the message sink); throws ItineraException if one cannot be written. */
  @Override
  public void close() {
    IOException first = null;
    for (Writer w : files.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw failure(null, first);
    }
  }

  private static ItineraException failure(Path dir, IOException e) {
    return new ItineraException(ErrorCode.IO_FAILURE, "export",
        "cannot write the demo CSV files" + (dir == null ? "" : " to " + dir) + ": " + e.getMessage(), e);
  }
}
