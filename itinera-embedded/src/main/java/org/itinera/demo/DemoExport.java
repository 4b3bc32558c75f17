package org.itinera.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * Writes the demo data set as raw source files, the way a company would hand them over:
 * {@code events.jsonl} (one Segment message per line), the importer CSVs of {@link DemoFile}
 * (UTF-8, RFC 4180 quoting, header row), the importer mappings for them under
 * {@code mappings/}, {@code truth.json} (planted truths plus what this run observed) and the
 * evaluation CSVs under {@code truth/}. Existing files of these names are replaced; nothing else
 * in the directory is touched.
 */
public final class DemoExport {
  /** File name of the Segment messages, one JSON object per line. */
  public static final String EVENTS_FILE = "events.jsonl";
  /** File name of the truth file. */
  public static final String TRUTH_FILE = "truth.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private DemoExport() {}

  /** Generates and writes the whole data set into {@code dir}; returns what was written. */
  public static DemoStats export(Path dir, DemoOptions options) {
    DemoGenerator generator = new DemoGenerator(options);
    DemoStats stats;
    try (JsonlSink events = new JsonlSink(dir.resolve(EVENTS_FILE));
        DemoCsvWriter files = DemoCsvWriter.open(dir, events)) {
      stats = generator.generate(files);
    } catch (IOException | UncheckedIOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "export",
          "cannot write the demo data set to " + dir + ": " + e.getMessage(), e);
    }
    writeTruth(dir.resolve(TRUTH_FILE), generator.truth(), stats);
    writeMappings(dir.resolve("mappings"));
    return stats;
  }

  /**
   * Writes the importer mapping of each source file ({@code customers.yml}, {@code orders.yml},
   * ...) into {@code dir}; returns where each went. The mappings read the files as exported here.
   */
  public static Map<DemoFile, Path> writeMappings(Path dir) {
    Map<DemoFile, Path> out = new EnumMap<>(DemoFile.class);
    try {
      Files.createDirectories(dir);
      for (DemoFile f : DemoFile.values()) {
        if (f.isTruth()) {
          continue;
        }
        String name = f.fileName().replace(".csv", ".yml");
        try (InputStream in = DemoExport.class.getResourceAsStream("mappings/" + name)) {
          if (in == null) {
            throw new IllegalStateException("missing resource mappings/" + name + " beside " + DemoExport.class);
          }
          Path target = dir.resolve(name);
          Files.write(target, in.readAllBytes());
          out.put(f, target);
        }
      }
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "mappings",
          "cannot write the importer mappings to " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** The truth file: every planted truth, plus {@code observed}: this run's measured values. */
  public static String truthJson(Truth truth, DemoStats observed) {
    ObjectNode node = JSON.valueToTree(truth);
    if (observed != null) {
      node.set("observed", JSON.valueToTree(observed));
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot encode the truth file: " + e.getMessage());
    }
  }

  /** Writes {@link #truthJson} to a file (a loader calls this beside the data it loaded). */
  public static void writeTruth(Path file, Truth truth, DemoStats observed) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, truthJson(truth, observed));
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "truth",
          "cannot write the truth file " + file + ": " + e.getMessage(), e);
    }
  }
}
