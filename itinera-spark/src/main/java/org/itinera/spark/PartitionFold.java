package org.itinera.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.itinera.ItineraException;
import org.itinera.sequence.FilterView;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.Vocabulary;

/**
 * Runs on an executor: walks one partition's rows (sorted by customer, time, tie), hands each
 * customer's filtered sequence to the analysis and returns the partition's single partial.
 */
final class PartitionFold<P extends Serializable>
    implements Function2<Integer, Iterator<Row>, Iterator<P>> {
  private static final long serialVersionUID = 1L;

  private final SequenceAnalysis<P, ?> analysis;
  private final Vocabulary vocabulary;
  private final SequenceFilter filter;

  PartitionFold(SequenceAnalysis<P, ?> analysis, Vocabulary vocabulary, SequenceFilter filter) {
    this.analysis = analysis;
    this.vocabulary = vocabulary;
    this.filter = filter;
  }

  @Override
  public Iterator<P> call(Integer partition, Iterator<Row> rows) {
    P partial = analysis.newPartial();
    FilterView view = new FilterView(filter, vocabulary);
    RowSequence customer = new RowSequence(vocabulary);
    long keyBase = ((long) partition) << 32;
    int ordinal = 0;
    String current = null;
    while (rows.hasNext()) {
      Row row = rows.next();
      String id = row.getString(EventColumns.P_CUSTOMER);
      if (id == null) {
        throw ItineraException.invalid(EventColumns.CUSTOMER,
            "an event has no customer_id; resolve identities first (--resolve-identities)");
      }
      if (!id.equals(current)) {
        fold(partial, view, customer);
        current = id;
        customer.reset(ordinal, keyBase | ordinal, id);
        ordinal++;
      }
      customer.add(row);
    }
    fold(partial, view, customer);
    return List.of(partial).iterator();
  }

  private void fold(P partial, FilterView view, RowSequence customer) {
    if (customer.size() == 0) {
      return;
    }
    var events = view.apply(customer);
    if (events.size() > 0) {
      analysis.accept(partial, events);
    }
  }
}
