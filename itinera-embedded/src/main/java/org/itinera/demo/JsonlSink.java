package org.itinera.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes messages as JSON Lines (one Segment message per line); rows are not its business. */
final class JsonlSink implements DemoSink, AutoCloseable {
  private final Writer out;

  JsonlSink(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void message(DemoMessage message) {
    try {
      out.write(message.toJson());
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void row(DemoRow row) {}

  @Override
  public void close() throws IOException {
    out.close();
  }
}
