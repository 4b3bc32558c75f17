package org.itinera.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.itinera.ItineraException;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.Measure;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.Vocabulary;

/**
 * One customer's events buffered from sorted rows into primitive columns; reused for every
 * customer of a partition. Property flags are evaluated while buffering, parsing each event's
 * properties once.
 */
final class RowSequence implements EventSequence {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vocabulary vocabulary;
  private final List<PropertyPredicate> flagPredicates;
  private final Map<Long, Integer> classIds = new HashMap<>();
  private final long names;
  private final long channels;
  private int customer;
  private long key;
  private String customerId;
  private int size;
  private long[] ts = new long[64];
  private int[] classes = new int[64];
  private double[][] measures = new double[Measure.values().length][64];
  private boolean[][] flags;

  RowSequence(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.flagPredicates = vocabulary.flags();
    this.names = vocabulary.names().size();
    this.channels = vocabulary.channels().size();
    for (int c = 0; c < vocabulary.classCount(); c++) {
      classIds.put(classKey(vocabulary.typeOfClass(c), vocabulary.nameOfClass(c),
          vocabulary.channelOfClass(c)), c);
    }
    this.flags = new boolean[flagPredicates.size()][64];
  }

  private long classKey(long type, long name, long channel) {
    return (type * names + name) * channels + channel;
  }

  void reset(int newCustomer, long newKey, String newCustomerId) {
    customer = newCustomer;
    key = newKey;
    customerId = newCustomerId;
    size = 0;
  }

  void add(Row row) {
    if (size == ts.length) {
      int n = size * 2;
      ts = Arrays.copyOf(ts, n);
      classes = Arrays.copyOf(classes, n);
      for (int m = 0; m < measures.length; m++) {
        measures[m] = Arrays.copyOf(measures[m], n);
      }
      for (int f = 0; f < flags.length; f++) {
        flags[f] = Arrays.copyOf(flags[f], n);
      }
    }
    ts[size] = epochMs(row.get(EventColumns.P_TS));
    classes[size] = classOf(row);
    for (int m = 0; m < measures.length; m++) {
      int at = EventColumns.P_SENTIMENT + m;
      measures[m][size] = row.isNullAt(at) ? Double.NaN : row.getDouble(at);
    }
    if (flags.length > 0) {
      JsonNode properties = parse(row.getString(EventColumns.P_PROPERTIES));
      for (int f = 0; f < flags.length; f++) {
        flags[f][size] = flagPredicates.get(f).test(properties);
      }
    }
    size++;
  }

  private int classOf(Row row) {
    String type = row.getString(EventColumns.P_TYPE);
    if (type == null) {
      throw ItineraException.invalid(EventColumns.TYPE, "event of customer " + customerId
          + " has no type; every event needs one (track, page, identify, ...)");
    }
    String name = row.getString(EventColumns.P_NAME);
    int t = vocabulary.typeId(type);
    int n = vocabulary.nameId(name == null ? type : name);
    int c = vocabulary.channelId(row.getString(EventColumns.P_CHANNEL));
    Integer cls = t < 0 || n < 0 || c < 0 ? null : classIds.get(classKey(t, n, c));
    if (cls == null) {
      throw new IllegalStateException("event class (" + type + ", " + name + ", "
          + row.getString(EventColumns.P_CHANNEL) + ") is not in the vocabulary; the input"
          + " changed while the query ran");
    }
    return cls;
  }

  /** Event time as UTC epoch ms; a timestamp without zone is read as UTC, as the store writes. */
  static long epochMs(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.getTime();
    }
    if (value instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (value instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw ItineraException.invalid(EventColumns.TS, "event time " + value + " is "
        + (value == null ? "missing" : "a " + value.getClass().getSimpleName())
        + "; expected a TIMESTAMP or epoch milliseconds (BIGINT)");
  }

  private static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null; // as PropertyPredicate.test(String): unreadable properties match nothing
    }
  }

  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public int customer() {
    return customer;
  }

  @Override
  public String customerId() {
    return customerId;
  }

  @Override
  public long customerKey() {
    return key;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long ts(int i) {
    return ts[i];
  }

  @Override
  public int eventClass(int i) {
    return classes[i];
  }

  @Override
  public double measure(Measure measure, int i) {
    return measures[measure.ordinal()][i];
  }

  @Override
  public boolean flag(int flag, int i) {
    return flags[flag][i];
  }
}
