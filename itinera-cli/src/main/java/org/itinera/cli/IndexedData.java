package org.itinera.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.itinera.index.SequenceIndex;
import org.itinera.store.Store;

/**
 * A store opened read-only with its sequence index built, for the analysis commands (funnel,
 * paths, journey-map, retention). Read-only, so it works next to other readers; a running server
 * holds the file for writing, and then the commands say so (and point at the server).
 */
final class IndexedData implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Store store;
  private final SequenceIndex index;

  private IndexedData(Store store, SequenceIndex index) {
    this.store = store;
    this.index = index;
  }

  static IndexedData open(Path dataDir) {
    Store store = Store.openReadOnly(dataDir);
    try {
      return new IndexedData(store, SequenceIndex.build(store.newConnection()));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Runs an analysis on the running server when {@code --server} is given (its answer read into
   * the same result type), else over the data directory's own index.
   */
  static <T> T analyse(ServerOption server, DataDirOption dataDir, Supplier<String> remotePath,
      Class<T> type, Function<SequenceIndex, T> local) {
    if (server.url != null) {
      return RemoteServer.of(server, dataDir).get(remotePath.get(), type);
    }
    try (IndexedData data = open(dataDir.data)) {
      return local.apply(data.index());
    }
  }

  /** Prints the result as JSON, or as the command's text. */
  static <T> void print(PrintWriter out, boolean json, T result, BiConsumer<PrintWriter, T> text)
      throws JsonProcessingException {
    if (json) {
      out.println(JSON.writeValueAsString(result));
    } else {
      text.accept(out, result);
    }
    out.flush();
  }

  SequenceIndex index() {
    return index;
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      store.close();
    }
  }
}
