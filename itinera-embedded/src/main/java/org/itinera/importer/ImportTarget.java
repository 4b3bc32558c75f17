package org.itinera.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where imported events go: the source id they are stored with, the channel they get when the
 * mapping gives none (the registered source's), and the directory for rejects files.
 */
record ImportTarget(String sourceId, String defaultChannel, Path rejectsDir) {
  private static final ObjectMapper JSON = new ObjectMapper();

  ImportTarget {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(rejectsDir, "rejectsDir");
  }

  /** The context stored with every event of a file: which importer and file it came from. */
  String context(Path file, Mapping mapping) {
    ObjectNode context = JSON.createObjectNode();
    context.putObject("library").put("name", "itinera-import");
    ObjectNode source = context.putObject("import");
    source.put("file", file.getFileName().toString());
    source.put("mapping", mapping.file().getFileName().toString());
    return context.toString();
  }
}
