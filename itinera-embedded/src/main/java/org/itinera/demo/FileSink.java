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

/** A sink that appends to the export files; every file gets its header even when empty. */
final class FileSink implements DemoSink, AutoCloseable {
  private final Writer events;
  private final Map<DemoFile, Writer> files = new EnumMap<>(DemoFile.class);

  private FileSink(Writer events) {
    this.events = events;
  }

  static FileSink open(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileSink sink = new FileSink(writer(dir.resolve(DemoExport.EVENTS_FILE)));
    try {
      for (DemoFile f : DemoFile.values()) {
        Path path = dir.resolve(f.fileName());
        Files.createDirectories(path.getParent());
        Writer w = writer(path);
        sink.files.put(f, w);
        writeCsv(w, f.columns());
      }
    } catch (IOException e) {
      sink.close();
      throw e;
    }
    return sink;
  }

  private static Writer writer(Path path) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void message(DemoMessage message) {
    try {
      events.write(message.toJson());
      events.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Writer w : files.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    events.close();
    if (first != null) {
      throw first;
    }
  }
}
