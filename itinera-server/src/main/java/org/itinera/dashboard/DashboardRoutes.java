package org.itinera.dashboard;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.server.AdminToken;
import org.itinera.server.ItineraServer;

/**
 * Serves the dashboard under {@code /dashboard/}, ECharts at {@code /dashboard/vendor/}, and the
 * login ({@code POST /auth/login}) and logout. Pages carry a strict Content-Security-Policy:
 * scripts only from this server and no inline script, so even text that slipped past escaping
 * could not run.
 */
public final class DashboardRoutes implements ItineraServer.Routes {
  static final String COOKIE = "itinera_token";
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
      + " 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self';"
      + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private final Assets assets = new Assets();
  private final String echarts = "/META-INF/resources/webjars/echarts/" + echartsVersion()
      + "/dist/echarts.min.js";

  @Override
  public void register(Javalin app, AdminToken token) {
    app.get("/", ctx -> ctx.redirect("/dashboard/"));
    // trailing slashes are ignored: this serves both /dashboard and /dashboard/
    app.get("/dashboard/", ctx -> send(ctx, assets.file("index.html")));
    app.get("/dashboard/vendor/echarts.min.js", ctx -> send(ctx, assets.resource(echarts)));
    app.get("/dashboard/<path>", ctx -> send(ctx, assets.file(ctx.pathParam("path"))));
    app.post("/auth/login", ctx -> login(ctx, token));
    app.post("/auth/logout", ctx -> {
      ctx.cookie(cookie(ctx, "", 0));
      ctx.status(204);
    });
  }

  private static void send(Context ctx, java.util.Optional<Assets.Asset> found) {
    Assets.Asset asset = found.orElseThrow(() -> new ItineraException(ErrorCode.NOT_FOUND,
        "path", "no such dashboard file: " + ctx.path()));
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-cache");
    ctx.header("ETag", asset.etag());
    if (asset.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  /**
   * Checks the token (JSON {@code {"token": ...}} or a form field) with the same rules as every
   * API call, then sets it as the session cookie. A form post is redirected to the dashboard.
   */
  private static void login(Context ctx, AdminToken token) {
    boolean form = String.valueOf(ctx.contentType()).startsWith("application/x-www-form");
    String given = form ? ctx.formParam("token") : jsonToken(ctx);
    if (given == null || given.isBlank()) {
      throw ItineraException.invalid("token", "enter the admin token (the data directory's"
          + " admin-token file)");
    }
    if (!token.matches(given.strip())) {
      throw new ItineraException(ErrorCode.FORBIDDEN, "token", "this is not the admin token");
    }
    ctx.cookie(cookie(ctx, given.strip(), -1));
    if (form) {
      ctx.redirect("/dashboard/", io.javalin.http.HttpStatus.SEE_OTHER);
    } else {
      ctx.status(204);
    }
  }

  private static String jsonToken(Context ctx) {
    if (ctx.body().isBlank()) {
      return null;
    }
    Map<?, ?> body;
    try {
      body = ctx.bodyAsClass(Map.class);
    } catch (RuntimeException e) {
      throw ItineraException.invalid("body", "expected a JSON object such as {\"token\": \"...\"}");
    }
    return body.get("token") instanceof String s ? s : null;
  }

  /** The session cookie: HttpOnly, SameSite=Strict, Secure when the request came over HTTPS. */
  private static Cookie cookie(Context ctx, String value, int maxAge) {
    boolean https = "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return new Cookie(COOKIE, value, "/", maxAge, https, 0, true, null, null, SameSite.STRICT);
  }

  private static String echartsVersion() {
    String props = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";
    try (InputStream in = DashboardRoutes.class.getResourceAsStream(props)) {
      if (in == null) {
        throw new IllegalStateException("the ECharts WebJar (org.webjars.npm:echarts) is not on"
            + " the class path; the dashboard cannot draw charts without it");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + props, e);
    }
  }
}
