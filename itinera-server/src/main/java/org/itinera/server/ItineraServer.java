package org.itinera.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.collect.CollectRoutes;
import org.itinera.ingest.Ingestor;
import org.itinera.source.Sources;
import org.itinera.store.ServerInfo;
import org.itinera.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: collection API, query API and dashboard, wired by hand in one place. Every
 * {@link ItineraException} becomes a JSON error with its code, field and message and the status of
 * its category; anything else becomes a 500 that never leaks internals, and the server stays up.
 */
public final class ItineraServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ItineraServer.class);

  private final Store store;
  private final Javalin app;
  private final AdminToken token;
  private final List<String> routes;
  private final Routes[] features;

  private ItineraServer(Store store, Javalin app, AdminToken token, List<String> routes,
      Routes[] features) {
    this.store = store;
    this.app = app;
    this.token = token;
    this.routes = routes;
    this.features = features;
  }

  /**
   * Extra routes (query API, dashboard) registered by other features; one that is also
   * {@link AutoCloseable} is closed when the server closes.
   */
  @FunctionalInterface
  public interface Routes {
    void register(Javalin app, AdminToken token);
  }

  public static ItineraServer start(Store store, Ingestor ingestor, String host, int port,
      Routes... more) {
    AdminToken token = AdminToken.loadOrCreate(store.dataDir());
    Sources sources = new Sources(store);
    List<String> routes = new CopyOnWriteArrayList<>();
    Javalin app = Javalin.create(config -> {
      config.events.handlerAdded(h -> routes.add(h.getHttpMethod() + " " + h.getPath()));
      config.showJavalinBanner = false;
      config.http.maxRequestSize = 4L * 1024 * 1024;
      config.jsonMapper(new JavalinJackson());
      config.useVirtualThreads = false;
    });
    app.exception(ItineraException.class, (e, ctx) -> error(ctx, e));
    // Javalin answers an unknown path in its own JSON when the client accepts JSON; keep one
    // error shape, with field "path", so clients can tell a missing endpoint from a missing thing.
    app.exception(EndpointNotFound.class, (e, ctx) -> error(ctx, new ItineraException(
        ErrorCode.NOT_FOUND, "path", "no such endpoint: " + ctx.method() + " " + ctx.path())));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
      error(ctx, new ItineraException(ErrorCode.INTERNAL, null,
          "internal error; the server logged the details", e));
    });
    app.error(404, ctx -> {
      String type = ctx.res().getContentType();
      if (type == null || !type.startsWith("application/json")) {
        error(ctx, new ItineraException(ErrorCode.NOT_FOUND, "path",
            "no such endpoint: " + ctx.method() + " " + ctx.path()));
      }
    });
    // Every /api route needs the admin token, whoever registers it; write keys never read.
    app.before("/api/*", token::require);
    new CollectRoutes(sources, ingestor).register(app);
    app.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
    app.get("/openapi.json", OpenApi::serve);
    for (Routes r : more) {
      r.register(app, token);
    }
    app.start(host, port);
    ItineraServer server = new ItineraServer(store, app, token, routes, more.clone());
    try {
      new ServerInfo(ProcessHandle.current().pid(), server.url()).write(store.dataDir());
    } catch (IOException e) {
      LOG.warn("cannot write {}: {}", store.dataDir().resolve("server.json"), e.getMessage());
    }
    return server;
  }

  static void error(Context ctx, ItineraException e) {
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("code", e.code().name());
    if (e.field() != null) {
      err.put("field", e.field());
    }
    err.put("message", e.getMessage());
    if (e.code() == ErrorCode.OVERLOADED) {
      ctx.header("Retry-After", "1");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("error", err);
    ctx.status(e.httpStatus()).json(body);
  }

  public int port() {
    return app.port();
  }

  public String url() {
    return "http://localhost:" + port();
  }

  public AdminToken token() {
    return token;
  }

  /** Every HTTP route registered, as {@code "GET /api/overview"} (before-handlers included). */
  public List<String> routes() {
    return List.copyOf(routes);
  }

  /** Stops serving, then closes the route sets that hold resources (e.g. an index). */
  @Override
  public void close() {
    app.stop();
    for (Routes r : features) {
      if (r instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.warn("cannot close {}: {}", r.getClass().getSimpleName(), e.getMessage());
        }
      }
    }
    ServerInfo.remove(store.dataDir());
  }
}
