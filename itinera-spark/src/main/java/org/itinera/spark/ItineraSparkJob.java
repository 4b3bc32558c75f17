package org.itinera.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.Funnels;
import org.itinera.journey.JourneyModel;
import org.itinera.journeymap.JourneyMapSpec;
import org.itinera.journeymap.JourneyMaps;
import org.itinera.path.Anchor;
import org.itinera.path.PathSpec;
import org.itinera.path.Paths;
import org.itinera.retention.Period;
import org.itinera.retention.Retention;
import org.itinera.retention.RetentionSpec;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.DurationText;
import org.itinera.sequence.EventExpression;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;

/**
 * The {@code spark-submit} entry point: reads a Parquet event data set, optionally resolves
 * identities, runs the requested analyses with {@link SparkSource} and writes each result as
 * {@code OUTPUT/<analysis>.json}, the JSON the embedded engine's {@code --json} output and HTTP
 * API return. Paths may be on any file system Spark is configured for (HDFS, S3, local).
 */
public final class ItineraSparkJob {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ItineraSparkJob() {}

  public static void main(String[] args) {
    JobOptions options;
    try {
      options = JobOptions.parse(args);
    } catch (ItineraException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("itinera").getOrCreate();
    try {
      for (String file : run(spark, options)) {
        System.out.println("wrote " + file);
      }
    } finally {
      spark.stop();
    }
  }

  /** Runs the job in an existing session; returns the files written. */
  public static List<String> run(SparkSession spark, String... args) {
    return run(spark, JobOptions.parse(args));
  }

  static List<String> run(SparkSession spark, JobOptions o) {
    // every option is checked before the cluster reads anything
    SequenceFilter filter = JobFilters.filter(o);
    FunnelSpec funnel = o.has("--funnel") ? funnel(o).withFilter(filter) : null;
    PathSpec paths = o.has("--paths") ? paths(o).withFilter(filter) : null;
    RetentionSpec retention = o.has("--retention") ? retention(o).withFilter(filter) : null;
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    JourneyModel model = !o.has("--journey-map") ? null : o.has("--model")
        ? JourneyModel.parse(read(hadoop, o.get("--model")), o.get("--model"))
        : JourneyModel.defaultModel();
    boolean needsTraits = !filter.traits().isEmpty() || (funnel != null
        && funnel.breakdowns().stream().anyMatch(b -> b.kind() != Breakdown.Kind.CHANNEL));
    if (needsTraits && !o.has("--profiles")) {
      throw ItineraException.invalid("profiles", "--trait and --by trait:/segment need the"
          + " profiles data set: --profiles PATH (written by 'itinera export' next to the"
          + " events)");
    }
    int partitions = o.integer("--partitions", 4 * spark.sparkContext().defaultParallelism());
    if (partitions < 1) {
      throw ItineraException.invalid("partitions", "must be at least 1, was " + partitions);
    }
    IdentityResolution identities = !o.has("--resolve-identities") ? null
        : new IdentityResolution(o.list("--identity-traits", IdentityResolution.DEFAULT_TRAITS));
    List<PropertyPredicate> flags = new ArrayList<>();
    if (funnel != null) {
      flags.addAll(Funnels.flags(funnel));
    }
    if (paths != null && paths.anchor().event() != null) {
      flags.addAll(EventPredicate.flagsOf(Stream.of(paths.anchor().event())));
    }
    if (retention != null) {
      flags.addAll(EventPredicate.flagsOf(Stream.of(retention.cohortEvent(),
          retention.returnEvent()).filter(Objects::nonNull)));
    }
    if (model != null) {
      flags.addAll(model.flags());
    }
    Dataset<Row> events = spark.read().parquet(o.required("--input"));
    if (identities != null) {
      events = identities.resolve(events);
    }
    // properties are read only when some analysis tests them
    SparkSource.Builder load = SparkSource.builder(events).partitions(partitions)
        .properties(!flags.isEmpty());
    if (o.has("--profiles")) {
      load.profiles(spark.read().parquet(o.get("--profiles")));
    }
    Map<String, Object> results = new LinkedHashMap<>();
    try (SparkSource source = load.build()) {
      if (funnel != null) {
        results.put("funnel", Funnels.run(source, funnel));
      }
      if (paths != null) {
        results.put("paths", Paths.run(source, paths));
      }
      if (retention != null) {
        results.put("retention", Retention.run(source, retention));
      }
      if (model != null) {
        results.put("journey-map", JourneyMaps.run(source, new JourneyMapSpec(model, filter)));
      }
    }
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, Object> r : results.entrySet()) {
      Path file = new Path(o.required("--output"), r.getKey() + ".json");
      write(hadoop, file, r.getValue());
      written.add(file.toString());
    }
    return written;
  }

  private static FunnelSpec funnel(JobOptions o) {
    List<FunnelStep> steps = EventExpression.split("funnel", o.get("--funnel")).stream()
        .map(s -> FunnelStep.parse("funnel", s)).toList();
    FunnelSpec spec = FunnelSpec.of(steps, o.has("--window")
        ? DurationText.parse("window", o.get("--window")) : null).withStrict(o.has("--strict"));
    if (o.has("--by")) {
      spec = spec.withBreakdowns(JobFilters.breakdowns(o));
    }
    return spec.withDropSample(o.integer("--dropped", 20));
  }

  private static PathSpec paths(JobOptions o) {
    Anchor anchor = o.has("--paths-from") ? Anchor.from(
        EventExpression.parse("paths-from", o.get("--paths-from")))
        : o.has("--paths-to") ? Anchor.to(EventExpression.parse("paths-to", o.get("--paths-to")))
        : Anchor.start();
    return PathSpec.of(anchor, o.integer("--paths", 4)).withTop(o.integer("--paths-top", 10));
  }

  private static RetentionSpec retention(JobOptions o) {
    String[] r = o.retention();
    int periods;
    try {
      periods = Integer.parseInt(r[1]);
    } catch (NumberFormatException e) {
      throw ItineraException.invalid("retention", "'" + r[1] + "' is not a number of periods");
    }
    return RetentionSpec.of(Period.valueOf(r[0].toUpperCase(java.util.Locale.ROOT)), periods);
  }

  private static String read(Configuration hadoop, String file) {
    Path path = new Path(file);
    try (InputStream in = path.getFileSystem(hadoop).open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "model", "cannot read " + file + ": "
          + e.getMessage(), e);
    }
  }

  private static void write(Configuration hadoop, Path file, Object result) {
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      try (OutputStream out = fs.create(file, true)) {
        out.write(JSON.writeValueAsBytes(result));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "output", "cannot write " + file + ": "
          + e.getMessage(), e);
    }
  }
}
