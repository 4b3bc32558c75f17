package org.itinera.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.itinera.ItineraException;
import org.itinera.sequence.InMemorySource;
import org.itinera.sequence.Measure;

/**
 * Runs on an executor once per load: turns one partition's sorted rows (customer, ts, tie, class,
 * json, sentiment, rating, revenue; each customer's rows together, a profile row, class -1 and
 * json = traits, before its events in journey order) into {@link CustomerBlock}s of about
 * {@value #BLOCK_EVENTS} events, cut at customer boundaries, and ranks the partition's customers
 * by id. Rows are Spark's internal rows, read field by field: no row objects, no strings except
 * one per customer and the properties text when kept. A partition's blocks are built before the
 * first is returned (the ranks need every id), so a partition must fit in an executor's memory:
 * raise {@code --partitions} for bigger data.
 */
final class BlockBuilder
    implements Function2<Integer, Iterator<InternalRow>, Iterator<CustomerBlock>> {
  private static final long serialVersionUID = 1L;
  static final int BLOCK_EVENTS = 1 << 20;

  static final int P_CUSTOMER = 0;
  static final int P_TS = 1;
  static final int P_CLASS = 3;
  static final int P_JSON = 4;
  static final int P_MEASURES = 5;

  private final boolean micros;
  private final int blockEvents;

  /**
   * @param micros whether {@code ts} holds microseconds (a TIMESTAMP) rather than milliseconds
   * @param blockEvents events after which a block ends at the next customer
   */
  BlockBuilder(boolean micros, int blockEvents) {
    this.micros = micros;
    this.blockEvents = blockEvents;
  }

  @Override
  public Iterator<CustomerBlock> call(Integer partition, Iterator<InternalRow> rows) {
    Accumulator acc = new Accumulator(partition);
    List<CustomerBlock> blocks = new ArrayList<>();
    InternalRow pending = null;
    while (pending != null || rows.hasNext()) {
      acc.open();
      while (pending != null || rows.hasNext()) {
        InternalRow row = pending != null ? pending : rows.next();
        pending = null;
        if (acc.isNewCustomer(row) && acc.events >= blockEvents) {
          pending = row.copy();
          break;
        }
        acc.add(row, micros);
      }
      blocks.add(acc.close());
    }
    rank(blocks);
    return blocks.iterator();
  }

  /**
   * Ranks the partition's customers by id in code-point (UTF-8 byte) order, the order of the range
   * partitions, so that {@code (partition << 32) | rank} orders all customers by id. Customers
   * arrive grouped in hash order (the sort's first key is a hash of the id, which makes the sort's
   * comparisons cheap), so the ranks are computed here, once per load.
   */
  static void rank(List<CustomerBlock> blocks) {
    int n = 0;
    for (CustomerBlock b : blocks) {
      n += b.customers();
    }
    String[] ids = new String[n];
    int[] blockOf = new int[n];
    int at = 0;
    for (int k = 0; k < blocks.size(); k++) {
      for (String id : blocks.get(k).ids) {
        blockOf[at] = k;
        ids[at++] = id;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> InMemorySource.compareCodePoints(ids[x], ids[y]));
    int[] firstIndex = new int[blocks.size()];
    for (int k = 1; k < blocks.size(); k++) {
      firstIndex[k] = firstIndex[k - 1] + blocks.get(k - 1).customers();
    }
    for (int r = 0; r < n; r++) {
      int i = order[r];
      blocks.get(blockOf[i]).rank[i - firstIndex[blockOf[i]]] = r;
    }
  }

  /** The block being built; reused across blocks of a partition. */
  private static final class Accumulator {
    private final int partition;
    private int ordinal;
    private int firstOrdinal;
    private UTF8String current;
    private String currentTraits;
    private boolean currentListed;
    private int customers;
    private int events;
    private String[] ids;
    private String[] traits;
    private boolean anyTraits;
    private int[] start;
    private long[] ts;
    private int[] classes;
    private double[][] measures;
    private boolean[] anyMeasure;
    private String[] properties;
    private boolean anyProperties;

    Accumulator(int partition) {
      this.partition = partition;
    }

    void open() {
      firstOrdinal = ordinal;
      customers = 0;
      events = 0;
      ids = new String[256];
      traits = new String[256];
      anyTraits = false;
      start = new int[257];
      ts = new long[4096];
      classes = new int[4096];
      measures = new double[Measure.values().length][4096];
      anyMeasure = new boolean[measures.length];
      properties = new String[4096];
      anyProperties = false;
      current = null;
      currentListed = false;
    }

    boolean isNewCustomer(InternalRow row) {
      if (row.isNullAt(P_CUSTOMER)) {
        throw ItineraException.invalid(EventColumns.CUSTOMER,
            "an event has no customer_id; resolve identities first (--resolve-identities)");
      }
      return current == null || !current.equals(row.getUTF8String(P_CUSTOMER));
    }

    void add(InternalRow row, boolean micros) {
      if (isNewCustomer(row)) {
        current = row.getUTF8String(P_CUSTOMER).clone();
        currentTraits = null;
        currentListed = false;
      }
      int cls = row.getInt(P_CLASS);
      if (cls < 0) { // the customer's profile: sorted before its events
        if (!currentListed && currentTraits == null && !row.isNullAt(P_JSON)) {
          currentTraits = row.getUTF8String(P_JSON).toString();
        }
        return;
      }
      if (!currentListed) {
        listCustomer();
      }
      if (row.isNullAt(P_TS)) {
        throw ItineraException.invalid(EventColumns.TS, "an event of customer " + current
            + " has no time; every event needs one");
      }
      if (events == ts.length) {
        grow(events * 2);
      }
      long t = row.getLong(P_TS);
      ts[events] = micros ? Math.floorDiv(t, 1000L) : t;
      classes[events] = cls;
      for (int m = 0; m < measures.length; m++) {
        boolean isNull = row.isNullAt(P_MEASURES + m);
        measures[m][events] = isNull ? Double.NaN : row.getDouble(P_MEASURES + m);
        anyMeasure[m] |= !isNull;
      }
      if (!row.isNullAt(P_JSON)) {
        properties[events] = row.getUTF8String(P_JSON).toString();
        anyProperties = true;
      }
      events++;
      start[customers] = events;
    }

    private void listCustomer() {
      if (customers == ids.length) {
        ids = Arrays.copyOf(ids, customers * 2);
        traits = Arrays.copyOf(traits, customers * 2);
        start = Arrays.copyOf(start, customers * 2 + 1);
      }
      ids[customers] = current.toString();
      traits[customers] = currentTraits;
      anyTraits |= currentTraits != null;
      customers++;
      start[customers] = events;
      ordinal++;
      currentListed = true;
    }

    private void grow(int n) {
      ts = Arrays.copyOf(ts, n);
      classes = Arrays.copyOf(classes, n);
      for (int m = 0; m < measures.length; m++) {
        measures[m] = Arrays.copyOf(measures[m], n);
      }
      properties = Arrays.copyOf(properties, n);
    }

    CustomerBlock close() {
      double[][] ms = new double[measures.length][];
      for (int m = 0; m < ms.length; m++) {
        ms[m] = anyMeasure[m] ? Arrays.copyOf(measures[m], events) : null;
      }
      return new CustomerBlock(partition, firstOrdinal, Arrays.copyOf(ids, customers),
          anyTraits ? Arrays.copyOf(traits, customers) : null, Arrays.copyOf(start, customers + 1),
          Arrays.copyOf(ts, events), Arrays.copyOf(classes, events), ms,
          anyProperties ? Arrays.copyOf(properties, events) : null);
    }
  }
}
