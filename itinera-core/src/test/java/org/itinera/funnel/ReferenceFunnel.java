package org.itinera.funnel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.itinera.event.Event;

/**
 * A deliberately naive funnel: for every step-1 occurrence, enumerate every valid chain of events
 * depth-first (which visits chains in lexicographic order of positions), keep the deepest, the
 * first one found; then the deepest attempt with the earliest start. Exponential, for tiny inputs.
 * Steps match by event name only.
 */
final class ReferenceFunnel {
  record Spec(List<String> steps, Long window, List<Long> stepWindows, boolean strict) {}

  record Attempt(String customer, int depth, long[] times, String next, String channel) {}

  static List<Attempt> attempts(List<Event> events, Spec spec) {
    Map<String, List<Event>> byCustomer = new TreeMap<>();
    for (Event e : events) {
      byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
    }
    List<Attempt> out = new ArrayList<>();
    byCustomer.forEach((customer, list) -> {
      list.sort(Comparator.comparingLong(Event::ts));
      int[] best = null;
      for (int s = 0; s < list.size(); s++) {
        if (!list.get(s).name().equals(spec.steps().get(0))) {
          continue;
        }
        int[][] found = {null};
        List<Integer> chain = new ArrayList<>(List.of(s));
        dfs(list, spec, chain, found);
        if (best == null || found[0].length > best.length) {
          best = found[0];
        }
      }
      if (best != null) {
        long[] times = new long[best.length];
        for (int k = 0; k < best.length; k++) {
          times[k] = list.get(best[k]).ts();
        }
        int after = best[best.length - 1] + 1;
        String next = after < list.size() ? list.get(after).name() : "(end)";
        out.add(new Attempt(customer, best.length, times, next, list.get(best[0]).channel()));
      }
    });
    return out;
  }

  private static void dfs(List<Event> list, Spec spec, List<Integer> chain, int[][] found) {
    if (found[0] == null || chain.size() > found[0].length) {
      found[0] = chain.stream().mapToInt(Integer::intValue).toArray();
    }
    int k = chain.size();
    if (k == spec.steps().size()) {
      return;
    }
    int prev = chain.get(k - 1);
    long start = list.get(chain.get(0)).ts();
    int last = spec.strict() ? Math.min(prev + 1, list.size() - 1) : list.size() - 1;
    for (int j = prev + 1; j <= last; j++) {
      Event e = list.get(j);
      boolean inWindow = spec.window() == null || e.ts() - start <= spec.window();
      Long stepWindow = spec.stepWindows().get(k);
      boolean inStepWindow = stepWindow == null || e.ts() - list.get(prev).ts() <= stepWindow;
      if (e.name().equals(spec.steps().get(k)) && inWindow && inStepWindow) {
        chain.add(j);
        dfs(list, spec, chain, found);
        chain.remove(chain.size() - 1);
      }
    }
  }

  /** Nearest-rank quantile of a list, null when empty. */
  static Long quantile(List<Long> values, double q) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
  }

  /** Per step: customers, median/p90 from previous and from first, the sorted dropped ids. */
  record StepFigures(long customers, Long medianPrev, Long p90Prev, Long medianFirst,
      Long p90First, List<String> dropped, Map<String, Long> next) {}

  static List<StepFigures> figures(List<Attempt> attempts, int steps) {
    List<StepFigures> out = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      int step = k;
      List<Long> prev = new ArrayList<>();
      List<Long> first = new ArrayList<>();
      List<String> dropped = new ArrayList<>();
      Map<String, Long> next = new HashMap<>();
      long customers = 0;
      for (Attempt a : attempts) {
        if (a.depth() > step) {
          customers++;
          if (step > 0) {
            prev.add(a.times()[step] - a.times()[step - 1]);
            first.add(a.times()[step] - a.times()[0]);
          }
        } else if (a.depth() == step) {
          dropped.add(a.customer());
          next.merge(a.next(), 1L, Long::sum);
        }
      }
      dropped.sort(null);
      out.add(new StepFigures(customers, quantile(prev, 0.5), quantile(prev, 0.9),
          quantile(first, 0.5), quantile(first, 0.9), dropped, next));
    }
    return out;
  }
}
