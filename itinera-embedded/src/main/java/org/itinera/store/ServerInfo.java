package org.itinera.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The note a running server leaves in its data directory ({@code server.json}: pid and URL), so
 * that a CLI command pointed at a held directory can say where the server is.
 */
public record ServerInfo(long pid, String url) {
  static final String FILE_NAME = "server.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Optional<ServerInfo> read(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      long pid = node.path("pid").asLong();
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return Optional.of(new ServerInfo(pid, node.path("url").asText()));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void write(Path dataDir) throws IOException {
    Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
    JSON.writeValue(tmp.toFile(), Map.of("pid", pid, "url", url));
    Files.move(tmp, dataDir.resolve(FILE_NAME),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public static void remove(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(FILE_NAME));
    } catch (IOException ignored) {
      // a stale note is harmless: read() checks the pid is alive
    }
  }
}
