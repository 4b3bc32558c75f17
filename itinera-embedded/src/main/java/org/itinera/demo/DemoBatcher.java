package org.itinera.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.itinera.ItineraException;

/**
 * A sink that groups the stream into batches for loading: Segment HTTP API batch bodies
 * ({@code {"batch":[...]}}, UTF-8) for the collection API, and lists of rows per source file for
 * the importers. At most one batch per destination is held, so memory stays flat. Truth rows are
 * not forwarded. Call {@link #close()} (or {@link #flush()}) at the end to send the remainders.
 *
 * <pre>{@code
 * try (DemoBatcher batches = new DemoBatcher(500, handler)) {
 *   stats = new DemoGenerator(options).generate(batches);
 * }
 * }</pre>
 */
public final class DemoBatcher implements DemoSink, AutoCloseable {
  /** Receives full batches, in generation order. */
  public interface Handler {
    /** A Segment batch body with {@code messages} messages. */
    void segmentBatch(byte[] body, int messages);

    /** Rows of one source file (never a truth file). */
    void rows(DemoFile file, List<DemoRow> rows);
  }

  private final int batchSize;
  private final Handler handler;
  private final StringBuilder body = new StringBuilder(1 << 16);
  private int messages;
  private final Map<DemoFile, List<DemoRow>> rows = new EnumMap<>(DemoFile.class);

  /** @param batchSize messages per Segment batch and rows per row batch, 1 to 100,000 */
  public DemoBatcher(int batchSize, Handler handler) {
    if (batchSize < 1 || batchSize > 100_000) {
      throw ItineraException.invalid("batchSize", "batchSize must be 1 to 100000, was " + batchSize);
    }
    this.batchSize = batchSize;
    this.handler = java.util.Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void message(DemoMessage message) {
    body.append(messages == 0 ? "{\"batch\":[" : ",").append(message.toJson());
    if (++messages == batchSize) {
      flushMessages();
    }
  }

  @Override
  public void row(DemoRow row) {
    List<DemoRow> list = rows.computeIfAbsent(row.file(), f -> new ArrayList<>(batchSize));
    list.add(row);
    if (list.size() == batchSize) {
      handler.rows(row.file(), List.copyOf(list));
      list.clear();
    }
  }

  /** Sends whatever is pending. */
  public void flush() {
    flushMessages();
    for (Map.Entry<DemoFile, List<DemoRow>> e : rows.entrySet()) {
      if (!e.getValue().isEmpty()) {
        handler.rows(e.getKey(), List.copyOf(e.getValue()));
        e.getValue().clear();
      }
    }
  }

  @Override
  public void close() {
    flush();
  }

  private void flushMessages() {
    if (messages == 0) {
      return;
    }
    body.append("]}");
    handler.segmentBatch(body.toString().getBytes(StandardCharsets.UTF_8), messages);
    body.setLength(0);
    messages = 0;
  }
}
