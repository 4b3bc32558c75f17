package org.itinera.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;

/**
 * Consecutive customers of one partition in columnar form, the unit the cluster engine persists
 * and folds: like a slice of the embedded index, primitive arrays sorted by customer then journey
 * order, events coded by class id. Customer {@code c}'s events are {@code start[c]} to {@code
 * start[c + 1]}. A measure column, the traits or the properties are null when no value in the
 * block has one, so blocks of data sets without them cost nothing for them.
 *
 * <p>{@code firstOrdinal} is the first customer's ordinal within its partition; the source adds
 * the partition's offset to make ordinals dense and global.
 */
final class CustomerBlock implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  final int partition;
  final int firstOrdinal;
  final String[] ids;
  final String[] traits;
  final int[] start;
  final long[] ts;
  final int[] classes;
  final double[][] measures;
  final String[] properties;
  /** Each customer's rank by id among its partition's customers (set by the builder). */
  final int[] rank;

  CustomerBlock(int partition, int firstOrdinal, String[] ids, String[] traits, int[] start,
      long[] ts, int[] classes, double[][] measures, String[] properties) {
    this.partition = partition;
    this.firstOrdinal = firstOrdinal;
    this.ids = ids;
    this.traits = traits;
    this.start = start;
    this.ts = ts;
    this.classes = classes;
    this.measures = measures;
    this.properties = properties;
    this.rank = new int[ids.length];
  }

  int customers() {
    return ids.length;
  }

  /** Customer {@code c}'s profile traits, or null when it has no profile. */
  JsonNode traits(int c) {
    return traits == null ? null : parse(traits[c]);
  }

  /** Event {@code i}'s properties, or null. */
  JsonNode properties(int i) {
    return properties == null ? null : parse(properties[i]);
  }

  /** As {@code PropertyPredicate.test(String)}: blank or unreadable JSON is an empty object. */
  private static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
