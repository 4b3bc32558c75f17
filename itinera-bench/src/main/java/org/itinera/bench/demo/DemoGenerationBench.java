package org.itinera.bench.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.itinera.demo.DemoExport;
import org.itinera.demo.DemoGenerator;
import org.itinera.demo.DemoMessage;
import org.itinera.demo.DemoOptions;
import org.itinera.demo.DemoRow;
import org.itinera.demo.DemoSink;
import org.itinera.demo.DemoStats;

/**
 * Measures the demo generator. Usage: {@code DemoGenerationBench CUSTOMERS [generate|json|export DIR]}.
 * <ul>
 *   <li>{@code generate}: records only (what a loader handed records directly pays);</li>
 *   <li>{@code json}: plus each message serialised as Segment JSON (what the collection API path pays);</li>
 *   <li>{@code export DIR}: writes the files as {@code --export} does.</li>
 * </ul>
 * A 2,000-customer warm-up run precedes the measurement. Prints wall and CPU time of the
 * generating thread, so results on a shared machine can be read either way.
 */
public final class DemoGenerationBench {
  private DemoGenerationBench() {}

  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String mode = args.length > 1 ? args[1] : "generate";
    run(2_000, mode, args, true);
    run(customers, mode, args, false);
  }

  private static void run(int customers, String mode, String[] args, boolean warmUp) {
    DemoOptions options = DemoOptions.defaults().withCustomers(customers);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wall = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    long[] bytes = {0};
    DemoStats stats;
    switch (mode) {
      case "export" -> stats = DemoExport.export(Path.of(args[2]), options);
      case "json" -> stats = new DemoGenerator(options).generate(new DemoSink() {
        @Override
        public void message(DemoMessage m) {
          bytes[0] += m.toJson().length();
        }

        @Override
        public void row(DemoRow r) {}
      });
      case "generate" -> stats = new DemoGenerator(options).generate(new DemoSink() {
        @Override
        public void message(DemoMessage m) {}

        @Override
        public void row(DemoRow r) {}
      });
      default -> throw new IllegalArgumentException("mode must be generate, json or export DIR: " + mode);
    }
    double wallS = (System.nanoTime() - wall) / 1e9;
    double cpuS = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    if (warmUp) {
      return;
    }
    long rows = stats.rows().values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("mode=%s customers=%d messages=%d rows=%d wall=%.2fs cpu=%.2fs "
            + "messages/s(wall)=%.0f messages/s(cpu)=%.0f messages/customer=%.1f%s%n",
        mode, customers, stats.messages(), rows, wallS, cpuS, stats.messages() / wallS,
        stats.messages() / cpuS, (double) stats.messages() / customers,
        mode.equals("json") ? String.format(" json_chars/message=%.0f", (double) bytes[0] / stats.messages()) : "");
  }
}
