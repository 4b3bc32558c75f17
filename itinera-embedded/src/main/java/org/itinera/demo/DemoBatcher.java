package org.itinera.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.itinera.ItineraException;
import org.itinera.ingest.SegmentMessages;

/**
 * A sink that groups the stream into batches for loading: Segment HTTP API batch bodies
 * ({@code {"batch":[...]}}, UTF-8) for the collection API, and lists of rows per source file for
 * the importers. A body never exceeds the collection API's limits
 * ({@link SegmentMessages#MAX_BATCH_BYTES}, {@link SegmentMessages#MAX_BATCH_MESSAGES}), so it
 * can be posted as is. At most one batch per destination is held, so memory stays flat. Truth
 * rows are not forwarded. Call {@link #close()} (or {@link #flush()}) at the end to send the
 * remainders.
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

  private static final byte[] OPEN = "{\"batch\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

  private final int batchSize;
  private final int messagesPerBatch;
  private final Handler handler;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
  private int messages;
  private final Map<DemoFile, List<DemoRow>> rows = new EnumMap<>(DemoFile.class);

  /**
   * @param batchSize rows per row batch, 1 to 100,000, and messages per Segment batch (at most
   *     the collection API's limit; a batch also closes before it would exceed its byte limit)
   */
  public DemoBatcher(int batchSize, Handler handler) {
    if (batchSize < 1 || batchSize > 100_000) {
      throw ItineraException.invalid("batchSize", "batchSize must be 1 to 100000, was " + batchSize);
    }
    this.batchSize = batchSize;
    this.messagesPerBatch = Math.min(batchSize, SegmentMessages.MAX_BATCH_MESSAGES);
    this.handler = java.util.Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void message(DemoMessage message) {
    byte[] json = message.toJson().getBytes(StandardCharsets.UTF_8);
    if (messages > 0 && body.size() + 1 + json.length + CLOSE.length > SegmentMessages.MAX_BATCH_BYTES) {
      flushMessages();
    }
    if (messages == 0) {
      body.writeBytes(OPEN);
    } else {
      body.write(',');
    }
    body.writeBytes(json);
    if (++messages == messagesPerBatch) {
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
    body.writeBytes(CLOSE);
    handler.segmentBatch(body.toByteArray(), messages);
    body.reset();
    messages = 0;
  }
}
