package org.itinera.bench;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.FunnelStepResult;
import org.itinera.funnel.Funnels;
import org.itinera.index.IndexStats;
import org.itinera.index.SequenceIndex;
import org.itinera.journey.JourneyModel;
import org.itinera.journeymap.JourneyMapSpec;
import org.itinera.journeymap.JourneyMaps;
import org.itinera.path.Anchor;
import org.itinera.path.PathSpec;
import org.itinera.path.Paths;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.SequenceFilter;
import org.itinera.store.Store;

/**
 * Macro benchmark of the embedded engine: synthetic journeys (see {@link SyntheticEvents}) in a
 * DuckDB store, the sequence index built from it, then a 5-step funnel, top paths and the journey
 * map timed on the index, and the same funnel as a hand-written DuckDB SQL query over the same
 * table in the same run. Reports build time, bytes per event (the index's own accounting and the
 * heap growth measured after GC), and per query the minimum, median and maximum of the timed runs
 * after warm-up.
 *
 * <pre>
 * java -Xmx6g -cp ... org.itinera.bench.EngineBenchmark [--data DIR] [--events 10000000]
 *     [--customers 1000000] [--runs 10] [--warmup 3] [--sql-runs 3] [--threads N]
 *     [--append-batches 0] [--append-events 1000] [--rebuilds 5]
 *     [--only rebuild,funnel,floor,paths,map,timeline]
 * </pre>
 *
 * The data directory is reused when it already holds exactly {@code --events} events. {@code
 * --sql-runs 0} skips the SQL comparison; {@code --only} runs only the listed measurements
 * (the first build always runs). {@code --rebuilds N} builds the index again N times in the
 * warm JVM and sums up the second half of them. {@code --append-batches N} then measures
 * freshness on a copy of the database (see {@link FreshnessRun}). Build times come with the
 * process CPU time, and every query with its CPU time per run: on a shared machine the wall
 * clock includes waiting for a core.
 */
public final class EngineBenchmark {
  private static final long DAY = 86_400_000L;

  private EngineBenchmark() {}

  record Options(Path data, long events, int customers, int runs, int warmup, int sqlRuns,
      int threads, int appendBatches, int appendEvents, int rebuilds, Set<String> only) {
    boolean runs(String measurement) {
      return only.isEmpty() || only.contains(measurement);
    }

    static Options parse(String[] args) {
      Path data = Path.of(System.getProperty("java.io.tmpdir"), "itinera-engine-bench");
      long events = 10_000_000;
      int customers = 1_000_000;
      int runs = 10;
      int warmup = 3;
      int sqlRuns = 3;
      int threads = Runtime.getRuntime().availableProcessors();
      int appendBatches = 0;
      int appendEvents = 1000;
      int rebuilds = 5;
      Set<String> only = Set.of();
      for (int i = 0; i + 1 < args.length; i += 2) {
        String v = args[i + 1];
        switch (args[i]) {
          case "--data" -> data = Path.of(v);
          case "--events" -> events = Long.parseLong(v);
          case "--customers" -> customers = Integer.parseInt(v);
          case "--runs" -> runs = Integer.parseInt(v);
          case "--warmup" -> warmup = Integer.parseInt(v);
          case "--sql-runs" -> sqlRuns = Integer.parseInt(v);
          case "--threads" -> threads = Integer.parseInt(v);
          case "--append-batches" -> appendBatches = Integer.parseInt(v);
          case "--append-events" -> appendEvents = Integer.parseInt(v);
          case "--rebuilds" -> rebuilds = Integer.parseInt(v);
          case "--only" -> only = Set.of(v.split(","));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(data, events, customers, runs, warmup, sqlRuns, threads, appendBatches,
          appendEvents, rebuilds, only);
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    System.out.printf(Locale.ROOT, "Engine benchmark: %,d events, %,d customers, %d threads, "
        + "%d cores, max heap %d MiB, data %s, load average %.1f%n", o.events(), o.customers(),
        o.threads(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, o.data(), java.lang.management.ManagementFactory
            .getOperatingSystemMXBean().getSystemLoadAverage());
    try (Store store = Store.open(o.data())) {
      long present = SyntheticEvents.count(store.connection());
      if (present != o.events()) {
        if (present != 0) {
          throw new IllegalStateException(o.data() + " holds " + present + " events, not "
              + o.events() + "; delete it or pick another --data");
        }
        long t = System.nanoTime();
        SyntheticEvents.generate(store.connection(), o.events(), o.customers());
        System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t) / 1e9);
      } else {
        SyntheticEvents.identities(store.connection(), o.customers()); // a file from before them
      }
      long heapBefore = usedHeapAfterGc();
      long t = System.nanoTime();
      long cpu = processCpuNanos();
      SequenceIndex index = SequenceIndex.build(store.newConnection(), o.threads());
      double firstBuild = (System.nanoTime() - t) / 1e9;
      double firstBuildCpu = (processCpuNanos() - cpu) / 1e9;
      long heapAfter = usedHeapAfterGc();
      IndexStats stats = index.stats();
      System.out.printf(Locale.ROOT, "index build (first, cold JVM): %.2f s (process cpu %.2f s, "
          + "DuckDB's threads included), phases (ms) %s%n", firstBuild, firstBuildCpu,
          index.stats().lastBuildMs());
      System.out.printf(Locale.ROOT, "load average now %.1f%n", java.lang.management
          .ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf(Locale.ROOT, "index: %,d events, %,d customers, %d event classes; "
          + "%.2f bytes/event by its own accounting, %.2f bytes/event measured heap growth%n",
          stats.events(), stats.customers(), stats.eventClasses(), stats.bytesPerEvent(),
          (double) (heapAfter - heapBefore) / stats.events());
      int rebuilds = o.runs("rebuild") ? o.rebuilds() : 0;
      double[] wall = new double[rebuilds];
      double[] wallCpu = new double[rebuilds];
      for (int b = 0; b < rebuilds; b++) {
        t = System.nanoTime();
        cpu = processCpuNanos();
        index.rebuild();
        wall[b] = (System.nanoTime() - t) / 1e9;
        wallCpu[b] = (processCpuNanos() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "index build (warm JVM, %d of %d): %.2f s (process cpu "
            + "%.2f s), phases (ms) %s%n", b + 1, rebuilds, wall[b], wallCpu[b],
            index.stats().lastBuildMs());
      }
      if (rebuilds > 0) {
        // the JIT keeps compiling the build's loops over the first few builds: later ones are
        // faster, so the summary is over the second half
        int from = rebuilds / 2;
        double[] w = Arrays.copyOfRange(wall, from, rebuilds);
        double[] c = Arrays.copyOfRange(wallCpu, from, rebuilds);
        Arrays.sort(w);
        Arrays.sort(c);
        System.out.printf(Locale.ROOT, "index build, warm JVM, builds %d-%d of %d: min %.2f s, "
            + "median %.2f s, max %.2f s; process cpu median %.2f s%n", from + 1, rebuilds,
            rebuilds, w[0], w[w.length / 2], w[w.length - 1], c[c.length / 2]);
      }

      FunnelSpec funnel = funnel();
      FunnelResult fr = Funnels.run(index, funnel);
      System.out.println("funnel customers per step: " + fr.steps().stream()
          .map(FunnelStepResult::customers).toList());
      PreparedQuery q = index.prepare(SequenceFilter.NONE, List.of(), List.of());
      if (o.runs("funnel")) {
        time("5-step funnel (Funnels.run, incl. freshness check)", o,
            () -> Funnels.run(index, funnel));
        time("5-step funnel (analysis only, prepared)", o,
            () -> finish(q, Funnels.analysis(funnel, q)));
      }
      if (o.runs("floor")) {
        time("floor: read every event's class and time (prepared)", o,
            () -> finish(q, new ScanFloor()));
      }
      if (o.runs("paths")) {
        PathSpec fromStart = PathSpec.of(Anchor.start(), 4);
        time("top paths from journey start, length 4", o, () -> Paths.run(index, fromStart));
        PathSpec fromEvent = PathSpec.of(Anchor.from(EventPredicate.named("Product Viewed")), 3)
            .withSessionGap(DAY);
        time("top paths from 'Product Viewed', length 3, 1d sessions", o,
            () -> Paths.run(index, fromEvent));
      }
      if (o.runs("timeline")) {
        timelines(index, o);
      }
      if (o.runs("map")) {
        JourneyMapSpec map = JourneyMapSpec.of(JourneyModel.defaultModel());
        time("journey map (default model)", o, () -> JourneyMaps.run(index, map));
      }

      if (o.sqlRuns() > 0) {
        sqlComparison(store, o, fr);
      }
      index.close();
    }
    if (o.appendBatches() > 0) {
      FreshnessRun.run(o.data(), o.appendBatches(), o.appendEvents(), o.customers(), o.threads(),
          funnel());
    }
  }

  /**
   * One customer's timeline from the index, for random customers: each call timed alone, so the
   * figures are per customer (microseconds), with and without the freshness check.
   */
  private static void timelines(SequenceIndex index, Options o) {
    java.util.Random random = new java.util.Random(42);
    int calls = 20_000;
    for (boolean refresh : new boolean[] {false, true}) {
      long[] micros = new long[calls];
      long events = 0;
      for (int k = -calls; k < calls; k++) { // the first half warms up
        String id = String.format(Locale.ROOT, "cust_%08d", random.nextInt(o.customers()));
        long t = System.nanoTime();
        events += (refresh ? index.timeline(id) : index.timelineAsOfLastRefresh(id)).size();
        if (k >= 0) {
          micros[k] = (System.nanoTime() - t) / 1000;
        }
      }
      Arrays.sort(micros);
      System.out.printf(Locale.ROOT, "one customer's timeline%-32s median %6d us  p99 %6d us  "
          + "max %6d us  (%,d calls, %.1f events each)%n", refresh ? " (incl. freshness check)"
          : " (index only)", micros[calls / 2], micros[calls * 99 / 100], micros[calls - 1],
          calls, events / (2.0 * calls));
    }
  }

  private static FunnelSpec funnel() {
    return FunnelSpec.of(Arrays.stream(SyntheticEvents.FUNNEL).map(FunnelStep::named).toList(),
        7 * DAY);
  }

  /** The same funnel as hand-written SQL, with a check that it counts the same customers. */
  private static void sqlComparison(Store store, Options o, FunnelResult fr) throws Exception {
    List<Double> sql = new ArrayList<>();
    List<Long> sqlCustomers = null;
    long sqlCpu = processCpuNanos();
    for (int r = 0; r < o.sqlRuns(); r++) {
      long t = System.nanoTime();
      sqlCustomers = HandWrittenSqlFunnel.run(store.connection(), SyntheticEvents.FUNNEL,
          7 * DAY);
      sql.add((System.nanoTime() - t) / 1e6);
    }
    report("same funnel, hand-written DuckDB SQL", sql,
        (processCpuNanos() - sqlCpu) / 1e6 / o.sqlRuns());
    System.out.println("SQL funnel customers per step: " + sqlCustomers + (sqlCustomers.equals(
        fr.steps().stream().map(FunnelStepResult::customers).toList()) ? " (equal)"
            : " (DIFFERENT)"));
  }

  /**
   * The least any analysis pays: every customer's events visited through the engine, each event's
   * class and time read. Compare the analyses with this, not with zero.
   */
  private static final class ScanFloor implements SequenceAnalysis<long[], Long> {
    @Override
    public long[] newPartial() {
      return new long[1];
    }

    @Override
    public void accept(long[] partial, EventSequence events) {
      long sum = 0;
      for (int i = 0, n = events.size(); i < n; i++) {
        sum += events.eventClass(i) + events.ts(i);
      }
      partial[0] += sum;
    }

    @Override
    public long[] merge(long[] left, long[] right) {
      left[0] += right[0];
      return left;
    }

    @Override
    public Long finish(long[] partial) {
      return partial[0];
    }
  }

  private static <P extends Serializable, R> R finish(PreparedQuery q,
      SequenceAnalysis<P, R> analysis) {
    return analysis.finish(q.run(analysis));
  }

  private static void time(String label, Options o, Supplier<?> query) {
    for (int i = 0; i < o.warmup(); i++) {
      query.get();
    }
    List<Double> ms = new ArrayList<>();
    long cpu = processCpuNanos();
    for (int i = 0; i < o.runs(); i++) {
      long t = System.nanoTime();
      query.get();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    report(label, ms, (processCpuNanos() - cpu) / 1e6 / o.runs());
  }

  /**
   * Wall-clock figures, plus the process CPU time per run: on a machine shared with other work the
   * wall clock includes time spent waiting for a core, the CPU time does not.
   */
  private static void report(String label, List<Double> ms, double cpuMsPerRun) {
    List<Double> sorted = new ArrayList<>(ms);
    sorted.sort(null);
    System.out.printf(Locale.ROOT, "%-56s min %8.1f ms  median %8.1f ms  max %8.1f ms  "
        + "cpu %8.1f ms/run  (%d runs)%n", label, sorted.get(0),
        sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1), cpuMsPerRun,
        sorted.size());
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
