package org.itinera.query;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.analysis.StageSql;
import org.itinera.catalog.Catalog;
import org.itinera.customer.CustomerSearch;
import org.itinera.heatmap.ClickHeatmap;
import org.itinera.journey.JourneyModel;
import org.itinera.overview.Granularity;
import org.itinera.overview.Overview;
import org.itinera.server.AdminToken;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.itinera.voice.VoiceOfCustomer;
import org.itinera.voice.StageColumn;
import org.itinera.voice.VoiceQuery;

/**
 * Registers the query API. The server guards every {@code /api} route with the admin token.
 * Each request reads on a connection of its own, so slow reports do not hold up ingestion, and
 * the same request over unchanged events is answered from a {@link ReportCache}.
 */
public final class QueryRoutes implements ItineraServer.Routes {
  static final int DEFAULT_PAGE = 25;
  static final int CACHED_REPORTS = 64;

  private final Store store;
  private final StageColumn stages;
  private final ReportCache cache = new ReportCache(CACHED_REPORTS);

  /** With the shipped journey model's stages. */
  public QueryRoutes(Store store) {
    this(store, JourneyModel.defaultModel());
  }

  /** The voice of the customer counts and filters texts by {@code model}'s stages. */
  public QueryRoutes(Store store, JourneyModel model) {
    this.store = store;
    this.stages = StageSql.of(model);
  }

  @Override
  public void register(Javalin app, AdminToken token) {
    app.get("/api/overview", ctx -> report(ctx, c -> new Overview(c).report(
        Params.period(ctx), Granularity.parse(ctx.queryParam("granularity")))));
    app.get("/api/customers", ctx -> report(ctx, c -> new CustomerSearch(c).search(
        ctx.queryParam("q"), Params.integer(ctx, "offset", 0),
        Params.integer(ctx, "limit", DEFAULT_PAGE))));
    app.get("/api/catalog", ctx -> report(ctx, c -> new Catalog(c).read()));
    app.get("/api/voice", ctx -> report(ctx,
        c -> new VoiceOfCustomer(c, stages).report(voice(ctx))));
    app.get("/api/heatmap/pages", ctx -> report(ctx, c -> Map.of("pages",
        new ClickHeatmap(c).pages(Params.period(ctx)))));
    app.get("/api/heatmap", ctx -> report(ctx, c -> new ClickHeatmap(c).heatmap(
        ctx.queryParam("page"), Params.period(ctx), ctx.queryParam("device"),
        Params.integer(ctx, "cell", 20))));
  }

  private static VoiceQuery voice(Context ctx) {
    return new VoiceQuery(Params.period(ctx), ctx.queryParam("channel"), ctx.queryParam("topic"),
        ctx.queryParam("emotion"), ctx.queryParam("sentiment"), ctx.queryParam("lang"),
        ctx.queryParam("q"), ctx.queryParam("sort"), Params.integer(ctx, "offset", 0),
        Params.integer(ctx, "limit", DEFAULT_PAGE), ctx.queryParam("stage"));
  }

  /** Answers with the report for this request, computed or (same events, same request) kept. */
  private void report(Context ctx, Function<Connection, Object> query) {
    try (Connection c = store.newConnection()) {
      String key = ReportCache.key(c, ctx);
      Object report = cache.get(key);
      if (report == null) {
        report = query.apply(c);
        cache.put(key, report);
      }
      ctx.json(report);
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null, "cannot read the store: "
          + e.getMessage(), e);
    }
  }
}
