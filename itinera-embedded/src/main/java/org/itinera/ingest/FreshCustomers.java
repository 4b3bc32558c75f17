package org.itinera.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For customers created since the writer started, the lowest {@code seq} any of their events can
 * have, so that moving a renamed customer's past events scans only the newest rows.
 *
 * <p>Design notes. When two customers merge (an anonymous visitor signs in), the events of the
 * one renamed are rewritten with an UPDATE that, unbounded, reads the {@code customer_id} of
 * every stored event: one full scan per group, growing with the store. Most renamed customers are
 * young, though: a visitor who signs in during the visit. {@code seq} grows with arrival, so
 * {@code seq >= bound} lets DuckDB skip every row group older than the youngest bound.
 *
 * <p>The invariant: when a customer has an entry, every stored event of that customer has
 * {@code seq >=} the entry. It is created only for a customer born in the current group from
 * identities never seen before (all its events are in this group or later, and this group's
 * {@code seq} starts at the bound); a merge keeps the smallest bound of the merged customers, and
 * loses it when any of them had none. Customers from before the start have none and cost a full
 * scan, as before. Anything that could break the invariant behind the writer's back (a failed
 * write, a bulk load) calls {@link #forget()}. The map is bounded by clearing it, which only
 * costs speed.
 */
final class FreshCustomers {
  private static final int MAX_ENTRIES = 1_000_000;
  private final Map<String, Long> firstSeq = new HashMap<>();
  private long groupSeq;
  private long renameBound;

  /** Starts a group whose events get {@code seq >= firstSeqOfGroup}. */
  void startGroup(long firstSeqOfGroup) {
    groupSeq = firstSeqOfGroup;
    renameBound = Long.MAX_VALUE;
  }

  /**
   * Records one link: {@code before} are the customers the linked identities belonged to (empty
   * when all were new), {@code after} the customer they all belong to now.
   */
  void linked(List<String> before, String after) {
    if (before.isEmpty()) {
      if (firstSeq.size() >= MAX_ENTRIES) {
        firstSeq.clear();
      }
      firstSeq.put(after, groupSeq);
      return;
    }
    long bound = Long.MAX_VALUE;
    boolean known = true;
    for (String customer : before) {
      Long b = firstSeq.get(customer);
      if (b == null) {
        known = false;
      } else {
        bound = Math.min(bound, b);
      }
      if (!customer.equals(after)) {
        renameBound = Math.min(renameBound, b == null ? 0 : b);
        firstSeq.remove(customer);
      }
    }
    if (known) {
      firstSeq.put(after, bound);
    } else {
      firstSeq.remove(after);
    }
  }

  /** The lowest {@code seq} an event of a customer renamed in this group can have. */
  long renameBound() {
    return renameBound == Long.MAX_VALUE ? 0 : renameBound;
  }

  void forget() {
    firstSeq.clear();
  }
}
