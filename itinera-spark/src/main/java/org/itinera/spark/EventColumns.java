package org.itinera.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.itinera.ItineraException;

/**
 * The canonical columns the cluster engine reads (docs/EXPORT.md) and their projection into the
 * fixed layout the executors walk: {@value #CUSTOMER}, {@value #TS}, tie, {@value #TYPE},
 * {@value #NAME}, {@value #CHANNEL}, {@value #PROPERTIES}, {@value #SENTIMENT}, {@value #RATING},
 * {@value #REVENUE}. Columns are looked up by name, so extra columns and any column order are
 * fine; optional columns that are missing read as null.
 */
final class EventColumns {
  static final String CUSTOMER = "customer_id";
  static final String TS = "ts";
  static final String SEQ = "seq";
  static final String EVENT_ID = "event_id";
  static final String TYPE = "type";
  static final String NAME = "name";
  static final String CHANNEL = "channel";
  static final String PROPERTIES = "properties";
  static final String SENTIMENT = "sentiment";
  static final String RATING = "rating";
  static final String REVENUE = "revenue";

  /** Positions in the projected row. */
  static final int P_CUSTOMER = 0;
  static final int P_TS = 1;
  static final int P_TYPE = 3;
  static final int P_NAME = 4;
  static final int P_CHANNEL = 5;
  static final int P_PROPERTIES = 6;
  static final int P_SENTIMENT = 7;

  static final List<String> REQUIRED = List.of(CUSTOMER, TS, TYPE, NAME, CHANNEL);

  private EventColumns() {}

  /** Fails with the missing column names when {@code events} lacks a required column. */
  static void check(Dataset<Row> events) {
    Set<String> have = new TreeSet<>(Arrays.asList(events.columns()));
    List<String> missing = new ArrayList<>();
    for (String c : REQUIRED) {
      if (!have.contains(c)) {
        missing.add(c);
      }
    }
    if (!have.contains(SEQ) && !have.contains(EVENT_ID)) {
      missing.add(SEQ + " (or " + EVENT_ID + ")");
    }
    if (!missing.isEmpty()) {
      throw ItineraException.invalid("input", "the event data set lacks the column(s) " + missing
          + "; it has " + have + ". Write it with 'itinera export --parquet' or see"
          + " docs/SPARK.md for the schema");
    }
  }

  /**
   * The walk layout. Ties in time are broken by {@code seq} (the store's arrival order, as the
   * embedded index does) or, in data sets without it, by {@code event_id}.
   */
  static Dataset<Row> project(Dataset<Row> events) {
    check(events);
    Set<String> have = Set.of(events.columns());
    Column tie = have.contains(SEQ) ? col(SEQ).cast(DataTypes.LongType).as("tie")
        : col(EVENT_ID).cast(DataTypes.StringType).as("tie");
    return events.select(
        col(CUSTOMER).cast(DataTypes.StringType).as(CUSTOMER),
        col(TS),
        tie,
        col(TYPE).cast(DataTypes.StringType).as(TYPE),
        col(NAME).cast(DataTypes.StringType).as(NAME),
        col(CHANNEL).cast(DataTypes.StringType).as(CHANNEL),
        optional(have, PROPERTIES, DataTypes.StringType),
        optional(have, SENTIMENT, DataTypes.DoubleType),
        optional(have, RATING, DataTypes.DoubleType),
        optional(have, REVENUE, DataTypes.DoubleType));
  }

  private static Column optional(Set<String> have, String name,
      org.apache.spark.sql.types.DataType type) {
    return (have.contains(name) ? col(name) : lit(null)).cast(type).as(name);
  }
}
