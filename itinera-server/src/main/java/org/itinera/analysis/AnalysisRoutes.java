package org.itinera.analysis;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.Funnels;
import org.itinera.index.SequenceIndex;
import org.itinera.journey.JourneyModel;
import org.itinera.journeymap.JourneyMapSpec;
import org.itinera.journeymap.JourneyMaps;
import org.itinera.path.Anchor;
import org.itinera.path.PathSpec;
import org.itinera.path.Paths;
import org.itinera.query.ReportCache;
import org.itinera.retention.Period;
import org.itinera.retention.Retention;
import org.itinera.retention.RetentionSpec;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.EventExpression;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.SequenceSource;
import org.itinera.server.AdminToken;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.itinera.text.TextAnalyzer;
import org.itinera.text.topic.TopicOptions;
import org.itinera.voice.SegmentTopics;
import org.itinera.voice.StageColumn;
import org.itinera.voice.TopicQuery;

/**
 * {@code GET /api/funnels}, {@code /api/paths}, {@code /api/journey-map},
 * {@code /api/retention} and {@code /api/text/topics} (themes and pain points of a segment's
 * texts, {@link SegmentTopics}). The sequence index is built on the first request (so a server that
 * never runs an analysis never pays for it) and then refreshes itself before every query, so
 * answers include every event committed before the request; a repeated request over unchanged
 * events is answered from a {@link ReportCache}. Close it with the server.
 */
public final class AnalysisRoutes implements ItineraServer.Routes, AutoCloseable {
  static final int DEFAULT_DROP_SAMPLE = 20;
  static final int CACHED_ANSWERS = 64;

  private final Store store;
  private final JourneyModel model;
  private final StageColumn stages;
  private final ReportCache cache = new ReportCache(CACHED_ANSWERS);
  private SequenceIndex index;
  private TextAnalyzer analyzer;

  public AnalysisRoutes(Store store, JourneyModel model) {
    this.store = store;
    this.model = model;
    this.stages = StageSql.of(model);
  }

  @Override
  public void register(Javalin app, AdminToken token) {
    app.get("/api/funnels", ctx -> answer(ctx, c -> Funnels.run(index(), funnel(ctx))));
    app.get("/api/paths", ctx -> answer(ctx, c -> Paths.run(index(), paths(ctx))));
    app.get("/api/journey-map", ctx -> answer(ctx, c -> {
      SequenceFilter filter = AnalysisParams.filter(ctx);
      return new JourneyMapAnswer(JourneyMaps.run(index(), new JourneyMapSpec(model, filter)),
          StagePainPoints.of(c, stages, filter));
    }));
    app.get("/api/retention", ctx -> answer(ctx, c -> Retention.run(index(), retention(ctx))));
    app.get("/api/text/topics", ctx -> answer(ctx,
        c -> new SegmentTopics(c, model, analyzer()).report(topics(ctx))));
  }

  /** What an analysis needs of the request's own connection. */
  private interface Analysis {
    Object run(Connection c) throws SQLException;
  }

  /**
   * Answers with the analysis of this request, run or (same events, same request) kept: the
   * index answers over every committed event, and the cache key changes with every ingest.
   */
  private void answer(Context ctx, Analysis analysis) {
    try (Connection c = store.newConnection()) {
      String key = ReportCache.key(c, ctx);
      Object answer = cache.get(key);
      if (answer == null) {
        answer = analysis.run(c);
        cache.put(key, answer);
      }
      ctx.json(answer);
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null, "cannot run the analysis: "
          + e.getMessage(), e);
    }
  }

  /** The data directory's text model, loaded on the first topics request. */
  private synchronized TextAnalyzer analyzer() {
    if (analyzer == null) {
      analyzer = TextAnalyzer.forDataDir(store.dataDir());
    }
    return analyzer;
  }

  static TopicQuery topics(Context ctx) {
    String g = ctx.queryParamAsClass("granularity", String.class).getOrDefault("week").strip()
        .toUpperCase(Locale.ROOT);
    TopicOptions.Granularity granularity;
    try {
      granularity = TopicOptions.Granularity.valueOf(g);
    } catch (IllegalArgumentException e) {
      throw ItineraException.invalid("granularity", "'" + ctx.queryParam("granularity")
          + "' is not day, week or month");
    }
    TopicOptions defaults = TopicOptions.defaults();
    int limit = AnalysisParams.integer(ctx, "limit", defaults.maxThemes());
    if (limit < 1 || limit > 100) {
      throw ItineraException.invalid("limit", "limit was " + limit + "; expected 1 to 100 themes");
    }
    TopicOptions options = new TopicOptions(limit,
        AnalysisParams.integer(ctx, "minCustomers", defaults.minCustomers()), defaults.minZ(),
        defaults.maxTermsPerTheme(), granularity, defaults.zone());
    return new TopicQuery(AnalysisParams.name(ctx, "stage"), AnalysisParams.filter(ctx),
        TopicQuery.Outcome.parse(ctx.queryParam("outcome")),
        AnalysisParams.integer(ctx, "churnDays", TopicQuery.DEFAULT_CHURN_DAYS), options);
  }

  /** The server's sequence index, built on first use, for other routes that need sequences. */
  public SequenceSource sequences() {
    return index();
  }

  private synchronized SequenceIndex index() {
    if (index == null) {
      index = SequenceIndex.build(store.newConnection());
    }
    return index;
  }

  static FunnelSpec funnel(Context ctx) {
    List<FunnelStep> steps = new ArrayList<>();
    for (String s : ctx.queryParams("step")) {
      if (s.isBlank()) {
        throw ItineraException.invalid("step", "step " + (steps.size() + 1)
            + " is empty; give an event name such as step=Order%20Completed");
      }
      steps.add(FunnelStep.parse("step", s));
    }
    if (steps.isEmpty()) {
      throw ItineraException.invalid("step", "a funnel needs steps: repeat step=EVENT in order,"
          + " e.g. ?step=Product%20Viewed&step=Order%20Completed");
    }
    steps = FunnelStep.withWindows(steps, AnalysisParams.stepWindows(ctx, "stepWindow"),
        "stepWindow");
    List<Breakdown> by = Breakdown.parseAll(
        ctx.queryParams("by").stream().filter(b -> !b.isBlank()).map(String::strip).toList(),
        ctx.queryParams("segmentDef").stream().filter(d -> !d.isBlank()).toList(), "segmentDef");
    return new FunnelSpec(steps, AnalysisParams.duration(ctx, "window"),
        AnalysisParams.bool(ctx, "strict"), by,
        AnalysisParams.integer(ctx, "dropSample", DEFAULT_DROP_SAMPLE),
        AnalysisParams.filter(ctx));
  }

  static PathSpec paths(Context ctx) {
    String anchor = AnalysisParams.name(ctx, "anchor");
    String direction = ctx.queryParamAsClass("direction", String.class).getOrDefault("after")
        .strip().toLowerCase(Locale.ROOT);
    Anchor a = switch (direction) {
      case "after" -> anchor == null ? Anchor.start()
          : Anchor.from(EventExpression.parse("anchor", anchor));
      case "before" -> {
        if (anchor == null) {
          throw ItineraException.invalid("anchor", "paths before an event need the event:"
              + " anchor=NAME");
        }
        yield Anchor.to(EventExpression.parse("anchor", anchor));
      }
      case "every" -> Anchor.every();
      default -> throw ItineraException.invalid("direction", "'" + direction
          + "' is not after, before or every");
    };
    return new PathSpec(a, AnalysisParams.integer(ctx, "depth", 4),
        AnalysisParams.duration(ctx, "sessionGap"), AnalysisParams.duration(ctx, "window"),
        AnalysisParams.bool(ctx, "firstOnly"), AnalysisParams.integer(ctx, "top", 10),
        AnalysisParams.filter(ctx));
  }

  static RetentionSpec retention(Context ctx) {
    String p = ctx.queryParamAsClass("period", String.class).getOrDefault("week").strip()
        .toLowerCase(Locale.ROOT);
    Period period = switch (p) {
      case "week" -> Period.WEEK;
      case "month" -> Period.MONTH;
      default -> throw ItineraException.invalid("period", "'" + p + "' is not week or month");
    };
    String start = AnalysisParams.name(ctx, "start");
    String back = AnalysisParams.name(ctx, "return");
    return new RetentionSpec(period, start == null ? null : EventExpression.parse("start", start),
        back == null ? null : EventExpression.parse("return", back),
        AnalysisParams.integer(ctx, "periods", 8), AnalysisParams.filter(ctx));
  }

  @Override
  public synchronized void close() {
    if (index != null) {
      index.close();
      index = null;
    }
  }
}
