package org.itinera.path;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.itinera.event.Event;
import org.itinera.sequence.TestEvents;

/** Reads the committed process-mining subsets (see src/test/resources/process-mining/SOURCE.md). */
final class ProcessMiningLogs {
  private ProcessMiningLogs() {}

  /** The log's events in file order (= arrival order); case = customer, activity = event name. */
  static List<Event> events(String log) {
    String resource = "/process-mining/" + log + ".tsv.gz";
    try (InputStream in = ProcessMiningLogs.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
            StandardCharsets.UTF_8))) {
      List<Event> events = new ArrayList<>();
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        events.add(TestEvents.event(events.size(), f[0], Long.parseLong(f[2]), "track", f[1], null,
            null, null));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  static InputStream expected(String file) {
    return ProcessMiningLogs.class.getResourceAsStream("/process-mining/" + file);
  }
}
