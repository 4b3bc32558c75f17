package org.itinera.query;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.analysis.StageSql;
import org.itinera.casestudy.CaseStudy;
import org.itinera.catalog.Catalog;
import org.itinera.customer.CustomerFinder;
import org.itinera.customer.CustomerMatch;
import org.itinera.customer.CustomerPage;
import org.itinera.customer.CustomerQuery;
import org.itinera.customer.DropOff;
import org.itinera.heatmap.ClickHeatmap;
import org.itinera.journal.Journal;
import org.itinera.journal.Lang;
import org.itinera.journal.StoredJournals;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.ModelStages;
import org.itinera.overview.Granularity;
import org.itinera.overview.Overview;
import org.itinera.sequence.DurationText;
import org.itinera.sequence.SequenceSource;
import org.itinera.server.AdminToken;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.itinera.voice.StageColumn;
import org.itinera.voice.VoiceOfCustomer;
import org.itinera.voice.VoiceQuery;

/**
 * Registers the query API. The server guards every {@code /api} route with the admin token.
 * Each request reads on a connection of its own, so slow reports do not hold up ingestion, and
 * the same request over unchanged events is answered from a {@link ReportCache}.
 */
public final class QueryRoutes implements ItineraServer.Routes {
  static final int DEFAULT_PAGE = 25;
  static final int CACHED_REPORTS = 64;
  /** Parameters of a case study that shape the document rather than select customers. */
  private static final Set<String> CASE_STUDY_FORM = Set.of("format", "lang", "stories", "title");

  private final Store store;
  private final Supplier<? extends SequenceSource> sequences;
  private final JourneyModel model;
  private final StageColumn stages;
  private final ReportCache cache = new ReportCache(CACHED_REPORTS);

  /**
   * With the shipped journey model's stages; the customer search refuses stage and funnel
   * criteria (they need the sequence index).
   */
  public QueryRoutes(Store store) {
    this(store, null, JourneyModel.defaultModel());
  }

  /** The voice of the customer counts and filters texts by {@code model}'s stages. */
  public QueryRoutes(Store store, JourneyModel model) {
    this(store, null, model);
  }

  /**
   * @param sequences the server's sequence index (built on first use), for finding customers by
   *     stage or funnel drop-off; null to refuse those criteria
   * @param model the journey model that defines the stages
   */
  public QueryRoutes(Store store, Supplier<? extends SequenceSource> sequences,
      JourneyModel model) {
    this.store = store;
    this.sequences = sequences;
    this.model = model;
    this.stages = StageSql.of(model);
  }

  @Override
  public void register(Javalin app, AdminToken token) {
    app.get("/api/overview", ctx -> report(ctx, c -> new Overview(c).report(
        Params.period(ctx), Granularity.parse(ctx.queryParam("granularity")))));
    app.get("/api/customers", ctx -> report(ctx, c -> {
      CustomerQuery q = customers(ctx);
      return new CustomerFinder(c, q.needsSequences() && sequences != null ? sequences.get()
          : null, model).search(ctx.queryParam("q"), q);
    }));
    app.get("/api/casestudy", this::caseStudy);
    app.get("/api/catalog", ctx -> report(ctx, c -> new Catalog(c).read()));
    app.get("/api/voice", ctx -> report(ctx,
        c -> new VoiceOfCustomer(c, stages).report(voice(ctx))));
    app.get("/api/heatmap/pages", ctx -> report(ctx, c -> Map.of("pages",
        new ClickHeatmap(c).pages(Params.period(ctx)))));
    app.get("/api/heatmap", ctx -> report(ctx, c -> new ClickHeatmap(c).heatmap(
        ctx.queryParam("page"), Params.period(ctx), ctx.queryParam("device"),
        Params.integer(ctx, "cell", 20))));
  }

  /**
   * A case study of the customers a search selects (the same criteria as {@code /api/customers};
   * {@code limit} customers are summarised, {@code stories} of them told), as Markdown or HTML.
   */
  private void caseStudy(Context ctx) throws SQLException {
    String format = ctx.queryParamAsClass("format", String.class).getOrDefault("md").strip()
        .toLowerCase(Locale.ROOT);
    if (!format.equals("md") && !format.equals("html")) {
      throw ItineraException.invalid("format", "'" + format + "' is not md or html");
    }
    Lang lang = Lang.parse(ctx.queryParamAsClass("lang", String.class).getOrDefault("en"));
    int stories = Params.integer(ctx, "stories", 3);
    if (stories < 1) {
      throw ItineraException.invalid("stories", "stories was " + stories + "; expected 1 or more");
    }
    CustomerQuery q = customers(ctx);
    List<Journal> journals = new ArrayList<>();
    try (Connection c = store.newConnection()) {
      CustomerPage page = new CustomerFinder(c, q.needsSequences() && sequences != null
          ? sequences.get() : null, model).search(ctx.queryParam("q"), q);
      StoredJournals stored = new StoredJournals(c, new ModelStages(model));
      for (CustomerMatch m : page.customers()) {
        journals.add(stored.journal(m.customerId(), lang));
      }
    }
    StringBuilder selection = new StringBuilder();
    ctx.queryParamMap().forEach((name, values) -> {
      if (!CASE_STUDY_FORM.contains(name)) {
        values.forEach(v -> selection.append(selection.length() == 0 ? "" : ", ")
            .append(name).append('=').append(v));
      }
    });
    String criteria = selection.length() == 0 ? "all customers" : selection.toString();
    if (journals.isEmpty()) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "selection",
          "no customer matches " + criteria);
    }
    String title = ctx.queryParamAsClass("title", String.class).getOrDefault(
        (lang == Lang.KO ? "사례 연구: " : "Case study: ") + criteria);
    CaseStudy study = new CaseStudy(title, criteria, journals, lang, stories);
    if (format.equals("html")) {
      ctx.contentType("text/html; charset=utf-8").result(study.html());
    } else {
      ctx.contentType("text/markdown; charset=utf-8").result(study.markdown());
    }
  }

  /** The structured criteria of a customer search (trait, topic, text, channel, stage, ...). */
  private static CustomerQuery customers(Context ctx) {
    Map<String, String> traits = new LinkedHashMap<>();
    for (String t : ctx.queryParams("trait")) {
      int eq = t.indexOf('=');
      if (eq < 1) {
        throw ItineraException.invalid("trait", "'" + t + "' is not NAME=VALUE, e.g."
            + " trait=region%3DSeoul");
      }
      traits.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
    }
    String dropped = ctx.queryParam("droppedAt");
    String window = ctx.queryParam("window");
    if (dropped == null && window != null) {
      throw ItineraException.invalid("window", "a window applies to a funnel: give droppedAt"
          + " too");
    }
    DropOff drop = dropped == null ? null : DropOff.parse(dropped,
        window == null || window.isBlank() ? null : DurationText.parse("window", window));
    return new CustomerQuery(traits, ctx.queryParam("topic"), ctx.queryParam("text"),
        ctx.queryParam("channel"), null, ctx.queryParam("stage"), drop,
        Params.integer(ctx, "limit", DEFAULT_PAGE), Params.integer(ctx, "offset", 0));
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
