package org.itinera.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.itinera.ItineraException;

/**
 * The profiles data set the cluster engine reads next to the events ({@code itinera export}
 * writes it; docs/SPARK.md): {@value EventColumns#CUSTOMER} and {@value EventColumns#TRAITS}, a
 * JSON object as text. Other columns ({@code first_seen}, {@code last_seen}, {@code events}) are
 * ignored; profiles without a customer id are dropped.
 */
final class ProfileColumns {
  private ProfileColumns() {}

  static Dataset<Row> project(Dataset<Row> profiles) {
    for (String c : new String[] {EventColumns.CUSTOMER, EventColumns.TRAITS}) {
      if (!Arrays.asList(profiles.columns()).contains(c)) {
        throw ItineraException.invalid("profiles", "the profiles data set lacks the column " + c
            + "; it has " + Arrays.toString(profiles.columns()) + ". Write it with 'itinera"
            + " export' or see docs/SPARK.md for the schema");
      }
    }
    return profiles.select(
            col(EventColumns.CUSTOMER).cast(DataTypes.StringType).as(EventColumns.CUSTOMER),
            col(EventColumns.TRAITS).cast(DataTypes.StringType).as(EventColumns.TRAITS))
        .where(col(EventColumns.CUSTOMER).isNotNull());
  }
}
