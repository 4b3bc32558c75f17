package org.itinera.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardRoutesTest {
  @TempDir static Path dir;
  TestServer server;
  Http http;

  @BeforeAll
  void start() {
    server = new TestServer(dir);
    http = new Http(server.url());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void dashboard_isServedWithAStrictContentSecurityPolicyAndETags() {
    HttpResponse<String> index = http.send(http.get("/dashboard/"));
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
        .isEqualTo("text/html;charset=utf-8");
    String csp = index.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'self';").doesNotContain("unsafe-eval");
    assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    String etag = index.headers().firstValue("ETag").orElseThrow();
    assertThat(http.send(http.get("/dashboard/").header("If-None-Match", etag)).statusCode())
        .isEqualTo(304);
    HttpResponse<String> echarts = http.send(http.get("/dashboard/vendor/echarts.min.js"));
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.body()).contains("echarts");
    assertThat(http.send(http.get("/")).headers().firstValue("Location")).hasValue("/dashboard/");
  }

  @Test
  void dashboard_neverServesFilesOutsideItsFolder() {
    for (String path : List.of("/dashboard/..%2Fserver%2Fopenapi.json",
        "/dashboard/js/..%2F..%2F..%2Fserver%2Fopenapi.json", "/dashboard/%2e%2e/server/openapi.json",
        "/dashboard/app.css%00.js", "/dashboard/nothing-here.js")) {
      int status = http.send(http.get(path)).statusCode();
      assertThat(status).as(path).isIn(400, 404);
    }
  }

  @Test
  void login_setsAStrictHttpOnlyCookieThatOpensTheApi() {
    HttpResponse<String> wrong = http.send(http.post("/auth/login", "application/json",
        "{\"token\":\"ita_nope\"}"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<String> ok = http.send(http.post("/auth/login", "application/json",
        "{\"token\":\"" + server.token() + "\"}"));
    assertThat(ok.statusCode()).isEqualTo(204);
    String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("itinera_token=" + server.token()).contains("HttpOnly")
        .contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");
    HttpResponse<String> api = http.send(http.get("/api/catalog")
        .header("Cookie", "itinera_token=" + server.token()));
    assertThat(api.statusCode()).isEqualTo(200);
    HttpResponse<String> form = http.send(http.post("/auth/login",
        "application/x-www-form-urlencoded", "token=" + server.token()));
    assertThat(form.statusCode()).isEqualTo(303);
    assertThat(form.headers().firstValue("Location")).hasValue("/dashboard/");
    HttpResponse<String> viaProxy = http.send(http.post("/auth/login", "application/json",
        "{\"token\":\"" + server.token() + "\"}").header("X-Forwarded-Proto", "https"));
    assertThat(viaProxy.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
    HttpResponse<String> out = http.send(http.post("/auth/logout", "application/json", ""));
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
  }

  @Test
  void login_withoutATokenNamesTheField() {
    HttpResponse<String> r = http.send(http.post("/auth/login", "application/json", "{}"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.parse(r.body()).path("error").path("field").asText()).isEqualTo("token");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DashboardRoutesTest.class.getResourceAsStream(
        "/org/itinera/dashboard/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> keys(JsonNode bundle) {
    Set<String> out = new TreeSet<>();
    bundle.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void messageBundles_haveTheSameKeysAndEveryKeyTheCodeUses() throws IOException {
    Set<String> en = keys(Http.parse(resource("i18n/en.json")));
    Set<String> ko = keys(Http.parse(resource("i18n/ko.json")));
    Set<String> koPlusEnglishPlurals = new TreeSet<>(ko);
    en.stream().filter(k -> k.endsWith(".one")).forEach(koPlusEnglishPlurals::add);
    assertThat(koPlusEnglishPlurals).isEqualTo(en);
    List<String> sources = new ArrayList<>(List.of("index.html", "login.html", "js/main.js",
        "js/login.js", "js/period.js", "js/charts.js", "js/expr.js"));
    for (String page : List.of("overview", "journey", "funnels", "paths", "retention",
        "heatmap", "voice", "customers", "journal")) {
      sources.add("js/pages/" + page + ".js");
    }
    Pattern used = Pattern.compile("\\btn?\\('([a-zA-Z.]+)'\\)|\\btn?\\('([a-zA-Z.]+)',"
        + "|data-i18n=\"([a-zA-Z.]+)\"");
    Set<String> missing = new TreeSet<>();
    for (String s : sources) {
      Matcher m = used.matcher(resource(s));
      while (m.find()) {
        String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
            : m.group(3);
        if (!en.contains(key) || !ko.contains(key)) {
          missing.add(s + ": " + key);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void scripts_neverParseDataAsHtml() throws IOException {
    Pattern unsafe = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write"
        + "|\\beval\\(|new Function");
    List<String> found = new ArrayList<>();
    for (String s : List.of("js/dom.js", "js/main.js", "js/api.js", "js/i18n.js", "js/login.js",
        "js/period.js", "js/charts.js", "js/expr.js", "js/pages/overview.js",
        "js/pages/journey.js",
        "js/pages/funnels.js", "js/pages/paths.js", "js/pages/retention.js",
        "js/pages/heatmap.js", "js/pages/voice.js", "js/pages/customers.js",
        "js/pages/journal.js")) {
      Matcher m = unsafe.matcher(resource(s));
      while (m.find()) {
        found.add(s + ": " + m.group());
      }
    }
    assertThat(found).isEmpty();
  }
}
