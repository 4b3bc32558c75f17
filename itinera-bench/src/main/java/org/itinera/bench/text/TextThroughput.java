package org.itinera.bench.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;
import org.itinera.text.topic.TextDoc;
import org.itinera.text.topic.Theme;
import org.itinera.text.topic.TopicAnalysis;
import org.itinera.text.topic.TopicOptions;

/**
 * Macro benchmark of text analytics. Usage:
 *
 * <pre>
 * java -cp itinera-bench/target/classes:$(cat cp.txt) org.itinera.bench.text.TextThroughput \
 *     [textsPerThread=500000] [threads=1] [topicDocs=1000000]
 * </pre>
 *
 * <p>Reports (1) {@code TextAnalyzer.analyze} throughput on short synthetic texts (language,
 * Nori or English analysis, both sentiment heads, emotion, key phrases), after a warm-up of
 * 300,000 texts per thread (counted, not timed, so that a busy machine still warms the JIT up);
 * and
 * (2) the wall time of a topic analysis over {@code topicDocs} texts whose phrases and sentiment
 * are already stored, as they are after ingest.
 */
public final class TextThroughput {
  private TextThroughput() {}

  public static void main(String[] args) throws Exception {
    int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int topicDocs = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    TextAnalyzer analyzer = TextAnalyzer.load();
    List<String> texts = ShortTexts.generate(100_000, 7);
    double avgChars = texts.stream().mapToInt(String::length).average().orElse(0);

    run(analyzer, texts, 300_000, threads); // warm-up: JIT and dictionaries
    double[] r = run(analyzer, texts, perThread, threads);
    System.out.printf(Locale.ROOT, "analyze: %,.0f texts/s wall with %d thread(s); %,.0f texts per"
        + " CPU-second of the benchmark threads; %d distinct short texts, %.1f chars on average%n",
        r[0], threads, r[1], texts.size(), avgChars);

    if (topicDocs > 0) {
      List<TextDoc> docs = new ArrayList<>(topicDocs);
      int distinct = 20_000;
      List<TextAnalysis> analysed = new ArrayList<>(distinct);
      for (int i = 0; i < distinct; i++) {
        analysed.add(analyzer.analyze(texts.get(i)));
      }
      for (int i = 0; i < topicDocs; i++) {
        TextAnalysis a = analysed.get(i % distinct);
        docs.add(new TextDoc("c" + (i / 3), texts.get(i % distinct), 1_700_000_000_000L
            + i * 60_000L, i % 7 == 0, a.score(), a.topics()));
      }
      long t0 = System.nanoTime();
      List<Theme> themes = TopicAnalysis.run(docs, TopicOptions.defaults());
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "topics: %,d texts (%,d customers) in %.2f s, %d themes;"
          + " top: %s%n", topicDocs, topicDocs / 3, s, themes.size(),
          themes.isEmpty() ? "-" : themes.get(0).name());
    }
  }

  /**
   * Texts per wall-clock second, and texts per CPU-second of the worker threads: the second is
   * the per-core figure, and it stays meaningful on a machine shared with other work.
   */
  private static double[] run(TextAnalyzer analyzer, List<String> texts, int perThread,
      int threads) throws Exception {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    LongAdder done = new LongAdder();
    LongAdder cpuNanos = new LongAdder();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * 9_973;
      jobs.add(pool.submit(() -> {
        int i = offset;
        long sink = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        for (int k = 0; k < perThread; k++) {
          sink += analyzer.analyze(texts.get(i++ % texts.size())).topics().size();
        }
        done.add(perThread);
        cpuNanos.add(mx.getCurrentThreadCpuTime() - cpu0);
        return sink;
      }));
    }
    for (Future<?> j : jobs) {
      j.get();
    }
    pool.shutdown();
    double wall = (System.nanoTime() - t0) / 1e9;
    return new double[] {done.sum() / wall, done.sum() / (cpuNanos.sum() / 1e9)};
  }
}
