package org.itinera.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The CSV of rows an import refused: {@code line,reason} and then the row's own columns as read,
 * so the file can be fixed and imported again. It lives in {@code DATA_DIR/rejects/} and is named
 * after the input and the time ({@code tickets-20240501-093000.csv}); it is only created when a
 * row was rejected.
 */
final class RejectsFile implements AutoCloseable {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  final Path path;
  private final BufferedWriter out;

  private RejectsFile(Path path, BufferedWriter out) {
    this.path = path;
    this.out = out;
  }

  static RejectsFile create(Path dir, Path input, List<String> columns) throws IOException {
    Files.createDirectories(dir);
    String stem = input.getFileName().toString().replaceAll("[^\\p{L}\\p{N}._-]", "_");
    int dot = stem.indexOf('.');
    stem = dot > 0 ? stem.substring(0, dot) : stem;
    String base = stem + "-" + LocalDateTime.now().format(STAMP);
    Path path = dir.resolve(base + ".csv");
    for (int i = 2; Files.exists(path); i++) {
      path = dir.resolve(base + "-" + i + ".csv");
    }
    RejectsFile file = new RejectsFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
    file.out.write("line,reason");
    for (String c : columns) {
      file.out.write(',');
      file.out.write(quote(c));
    }
    file.out.write('\n');
    return file;
  }

  void write(long line, String reason, List<String> values) throws IOException {
    out.write(Long.toString(line));
    out.write(',');
    out.write(quote(reason));
    for (String v : values) {
      out.write(',');
      out.write(v == null ? "" : quote(v));
    }
    out.write('\n');
  }

  static String quote(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0
        && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
