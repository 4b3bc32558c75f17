package org.itinera.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.importer.FileReport;
import org.itinera.importer.ImportListener;
import org.itinera.importer.Importer;
import org.itinera.importer.Mapping;
import org.itinera.ingest.IngestResult;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.SegmentMessages;
import org.itinera.source.Source;
import org.itinera.store.Store;

/**
 * Loads the demo company into a store through the paths a real user's data takes: the generated
 * Segment batches are parsed exactly as the collection API parses a request body and handed to
 * the ingestor, and the generated CSV files are imported with the shipped mappings. Loading the
 * same options again stores nothing new (event ids are deterministic by seed).
 *
 * <p>Batches are parsed and ingested by a few sender threads while the generator goes on, as
 * SDKs post concurrently; the ingestor groups their batches into one commit.
 */
public final class DemoLoader {
  /** Segment messages per batch, as an SDK would flush them. */
  static final int BATCH_MESSAGES = 500;

  private final Store store;
  private final Ingestor ingestor;
  private final Source source;
  private final int senders;

  /** What one load stored. */
  public record Loaded(DemoStats stats, long accepted, long duplicates,
      Map<String, FileReport> files) {
    /** Rows imported from the CSV files. */
    public long imported() {
      return files.values().stream().mapToLong(FileReport::imported).sum();
    }

    /** CSV rows that were already stored. */
    public long importDuplicates() {
      return files.values().stream().mapToLong(FileReport::duplicates).sum();
    }
  }

  /**
   * @param source the collection source the SDK batches are attributed to
   * @param senders threads that parse and ingest batches concurrently (at least 1)
   */
  public DemoLoader(Store store, Ingestor ingestor, Source source, int senders) {
    if (senders < 1) {
      throw ItineraException.invalid("senders", "must be at least 1, got " + senders);
    }
    this.store = store;
    this.ingestor = ingestor;
    this.source = source;
    this.senders = senders;
  }

  /**
   * Generates the company for {@code options}, loads it, and writes the planted truths to
   * {@code truth.json} in the store's data directory. The CSV files and their mappings are
   * written under {@code files} first, as a user would have them.
   */
  public Loaded load(DemoOptions options, Path files) throws IOException {
    Files.createDirectories(files);
    AtomicLong accepted = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    DemoGenerator generator = new DemoGenerator(options);
    ExecutorService pool = Executors.newFixedThreadPool(senders, r -> {
      Thread t = new Thread(r, "demo-sender");
      t.setDaemon(true);
      return t;
    });
    Semaphore inFlight = new Semaphore(senders * 2);
    List<Future<?>> sent = new ArrayList<>();
    DemoStats stats;
    try {
      try (DemoBatcher batches = new DemoBatcher(BATCH_MESSAGES, new DemoBatcher.Handler() {
            @Override
            public void segmentBatch(byte[] body, int messages) {
              inFlight.acquireUninterruptibly();
              sent.add(pool.submit(() -> {
                try {
                  SegmentMessages.Parsed parsed =
                      SegmentMessages.parse("batch", body, source, System.currentTimeMillis());
                  parsed.problems().forEach(p -> problems.add(p.toString()));
                  IngestResult r = ingestor.ingest(parsed.events());
                  accepted.addAndGet(r.accepted());
                  duplicates.addAndGet(r.duplicates());
                } finally {
                  inFlight.release();
                }
              }));
              sent.removeIf(Future::isDone);
            }

            @Override
            public void rows(DemoFile file, List<DemoRow> rows) {
              throw new IllegalStateException("rows go to the CSV files, got " + file);
            }
          });
          DemoCsvWriter csv = DemoCsvWriter.open(files, batches)) {
        stats = generator.generate(csv);
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItineraException(ErrorCode.INTERNAL, null, "interrupted while loading the demo",
          e);
    } catch (ExecutionException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "cannot load the demo events: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (!problems.isEmpty()) {
      throw new ItineraException(ErrorCode.INTERNAL, "the demo generator produced invalid"
          + " messages: " + problems.subList(0, Math.min(5, problems.size())));
    }
    Map<String, FileReport> reports = new LinkedHashMap<>();
    for (Map.Entry<DemoFile, Path> m :
        DemoExport.writeMappings(files.resolve("mappings")).entrySet()) {
      String name = m.getKey().fileName();
      reports.put(name, Importer.open(store, ingestor, Mapping.load(m.getValue()))
          .importFile(files.resolve(name), ImportListener.NONE));
    }
    DemoExport.writeTruth(store.dataDir().resolve(DemoExport.TRUTH_FILE), generator.truth(),
        stats);
    return new Loaded(stats, accepted.get(), duplicates.get(), reports);
  }
}
