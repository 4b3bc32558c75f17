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
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.itinera.ItineraException;

/**
 * The canonical columns the cluster engine reads (docs/SPARK.md) and their projection into the
 * layout the load works on: {@value #CUSTOMER}, {@value #TS}, tie, {@value #TYPE}, {@value
 * #NAME}, {@value #CHANNEL}, json (the event's {@value #PROPERTIES}, or null when properties are
 * not kept), {@value #SENTIMENT}, {@value #RATING}, {@value #REVENUE}. Columns are looked up by
 * name, so extra columns and any column order are fine; optional columns that are missing read as
 * null. Only the projected columns are read from Parquet.
 */
final class EventColumns {
  static final String CUSTOMER = "customer_id";
  static final String TS = "ts";
  static final String TIE = "tie";
  static final String SEQ = "seq";
  static final String EVENT_ID = "event_id";
  static final String TYPE = "type";
  static final String NAME = "name";
  static final String CHANNEL = "channel";
  static final String PROPERTIES = "properties";
  static final String JSON = "json";
  static final String SENTIMENT = "sentiment";
  static final String RATING = "rating";
  static final String REVENUE = "revenue";
  static final String TRAITS = "traits";

  static final List<String> REQUIRED = List.of(CUSTOMER, TS, TYPE, NAME, CHANNEL);
  static final List<String> MEASURES = List.of(SENTIMENT, RATING, REVENUE);

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
   * The load layout. Ties in time are broken by {@code seq} (the store's arrival order, as the
   * embedded index does) or, in data sets without it, by {@code event_id}. {@code ts} stays a
   * TIMESTAMP (held as microseconds) or becomes a BIGINT of epoch milliseconds.
   */
  static Dataset<Row> project(Dataset<Row> events, boolean properties) {
    check(events);
    Set<String> have = Set.of(events.columns());
    Column tie = have.contains(SEQ) ? col(SEQ).cast(DataTypes.LongType).as(TIE)
        : col(EVENT_ID).cast(DataTypes.StringType).as(TIE);
    DataType tsType = events.schema().apply(TS).dataType();
    Column ts;
    if (isMicros(tsType)) {
      ts = col(TS);
    } else if (tsType instanceof IntegralType) {
      ts = col(TS).cast(DataTypes.LongType).as(TS);
    } else {
      throw ItineraException.invalid(TS, "the event time column is " + tsType.simpleString()
          + "; expected TIMESTAMP, TIMESTAMP_NTZ (read as UTC) or BIGINT epoch milliseconds");
    }
    return events.select(
        col(CUSTOMER).cast(DataTypes.StringType).as(CUSTOMER),
        ts,
        tie,
        col(TYPE).cast(DataTypes.StringType).as(TYPE),
        col(NAME).cast(DataTypes.StringType).as(NAME),
        col(CHANNEL).cast(DataTypes.StringType).as(CHANNEL),
        (properties && have.contains(PROPERTIES) ? col(PROPERTIES) : lit(null))
            .cast(DataTypes.StringType).as(JSON),
        optional(have, SENTIMENT),
        optional(have, RATING),
        optional(have, REVENUE));
  }

  /**
   * True when Spark holds this time type as microseconds since the epoch: TIMESTAMP, and
   * TIMESTAMP_NTZ, whose wall-clock time is thereby read as UTC, as the store writes it.
   */
  static boolean isMicros(DataType type) {
    return type instanceof TimestampType || type instanceof TimestampNTZType;
  }

  private static Column optional(Set<String> have, String name) {
    return (have.contains(name) ? col(name) : lit(null)).cast(DataTypes.DoubleType).as(name);
  }
}
