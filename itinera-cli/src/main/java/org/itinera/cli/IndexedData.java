package org.itinera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
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
