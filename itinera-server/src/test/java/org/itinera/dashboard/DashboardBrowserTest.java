package org.itinera.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser against the real server loaded with the demo data set
 * ({@link DemoShop}: {@value #CUSTOMERS} customers of Dalbit Market, plus a customer whose reviews
 * carry markup): login, every page at laptop and phone widths in both languages with no console
 * errors, charts drawn from API data, a journal opened from search and from a quote, a funnel
 * built by clicking, customer markup shown as text, and the language switch. Screenshots land in
 * target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  /** Demo customers loaded: enough for every chart, few enough to load in seconds. */
  static final int CUSTOMERS = 300;
  /** Pages whose endpoints run the journey engine; a server without them must say so. */
  static final Map<String, String> ENGINE_PAGES = Map.of("journey", "/api/journey-map",
      "funnels", "/api/funnels", "paths", "/api/paths", "retention", "/api/retention");
  static final List<String> PAGES = List.of("overview", "journey", "funnels", "paths",
      "retention", "heatmap", "voice", "customers", "customers/u-eve");
  /** Charts each page must draw, with data. */
  static final Map<String, List<String>> CHARTS = Map.of(
      "overview", List.of("channels", "nps", "sentiment"),
      "journey", List.of("journey-map", "stage-conversion", "emotion-curve"),
      "funnels", List.of("funnel"),
      "paths", List.of("paths"),
      "retention", List.of("retention"),
      "voice", List.of("themes", "voice-sentiment", "emotions", "voice-stages"),
      "heatmap", List.of("heatmap"));

  Path dir;
  TestServer server;
  Browser browser;
  Set<String> available;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("itinera-dashboard-test");
    server = TestServer.demo(dir, CUSTOMERS);
    browser = new Browser(Path.of("target", "screenshots"));
    available = new java.util.HashSet<>(server.server.routes());
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private boolean engineMissing(String page) {
    String endpoint = ENGINE_PAGES.get(page);
    return endpoint != null && !available.contains("GET " + endpoint);
  }

  /** SEVERE console entries, less the expected 404s of engine endpoints not yet on the server. */
  private List<String> unexpectedErrors(String page) {
    List<String> out = new ArrayList<>();
    for (String m : browser.severeLogs()) {
      boolean expected404 = engineMissing(page) && m.contains(ENGINE_PAGES.get(page))
          && m.contains("404");
      if (!expected404) {
        out.add(m);
      }
    }
    return out;
  }

  @Test
  @Order(1)
  void login_wrongTokenIsRefusedAndTheRightOneSetsAStrictHttpOnlyCookie() {
    browser.size(Browser.LAPTOP);
    browser.driver.get(server.url() + "/dashboard/#/voice");
    browser.find("#login-form");
    assertThat(browser.driver.getCurrentUrl()).contains("/dashboard/login.html");
    browser.find("#token").sendKeys("ita_wrong");
    browser.find("#login-form button[type=submit]").click();
    WebElement error = browser.find("#login-error:not([hidden])");
    assertThat(error.getText()).isNotBlank();
    browser.find("#token").clear();
    browser.find("#token").sendKeys(server.token());
    browser.find("#login-form button[type=submit]").click();
    browser.waitReady();
    assertThat(browser.driver.getCurrentUrl()).endsWith("/dashboard/#/voice");
    Cookie cookie = browser.driver.manage().getCookieNamed("itinera_token");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(browser.js("return document.cookie")).isEqualTo("");
    browser.severeLogs(); // the 401 before login is expected
  }

  @Test
  @Order(2)
  void everyPage_loadsWithoutConsoleErrorsAndDrawsItsCharts() throws Exception {
    for (String lang : List.of("en", "ko")) {
      browser.js("localStorage.setItem('itinera.lang', arguments[0])", lang);
      for (String page : PAGES) {
        browser.size(Browser.LAPTOP);
        browser.open(server.url(), page);
        String name = page.replace('/', '-');
        browser.screenshot(name + "-laptop-" + lang);
        assertThat(unexpectedErrors(page)).as("console errors on %s (%s)", page, lang).isEmpty();
        if (engineMissing(page)) {
          assertThat(browser.all("[data-state=unavailable] code")).as(page).singleElement()
              .extracting(WebElement::getText).asString().endsWith(ENGINE_PAGES.get(page));
        }
        if (!engineMissing(page)) {
          for (String chart : CHARTS.getOrDefault(page, List.of())) {
            assertChartHasData(chart);
          }
        }
        browser.size(Browser.PHONE);
        browser.open(server.url(), page);
        assertThat(unexpectedErrors(page)).as("console errors on %s at phone width", page)
            .isEmpty();
        browser.screenshot(name + "-phone-" + lang);
        Object wide = browser.js("const w = document.documentElement.clientWidth;"
            + " return [...document.querySelectorAll('body *')].filter(e => {"
            + "   const r = e.getBoundingClientRect();"
            + "   return r.width > 0 && r.right > w + 0.5 && !e.closest('.table-wrap, .nav');"
            + " }).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right);");
        assertThat((List<?>) wide).as("%s: elements wider than a phone (%s)", page, lang).isEmpty();
      }
    }
    browser.js("localStorage.setItem('itinera.lang', 'en')");
    browser.size(Browser.LAPTOP);
  }

  @SuppressWarnings("unchecked")
  private void assertChartHasData(String chart) {
    Map<String, Object> state = (Map<String, Object>) browser.js(
        "const el = document.querySelector('[data-chart=\"' + arguments[0] + '\"]');"
            + " const c = el && echarts.getInstanceByDom(el);"
            + " if (!c) return {drawn: false, points: 0};"
            + " const points = c.getOption().series.reduce((n, s) => n"
            + "   + (s.data || []).filter(d => d != null && (d.value ?? d) != null).length, 0);"
            + " return {drawn: !!el.querySelector('canvas, svg'), points};", chart);
    assertThat(state).as("chart %s", chart).containsEntry("drawn", true);
    assertThat(((Number) state.get("points")).longValue()).as("data points of %s", chart)
        .isPositive();
  }

  @Test
  @Order(3)
  void customerSearch_opensTheJournal() {
    Http http = new Http(server.url());
    // a customer who complained: the search finds them by e-mail and the journal shows their words
    JsonNode quote = http.json("/api/voice?sentiment=negative&sort=negative&limit=1",
        server.token()).path("quotes").get(0);
    String id = quote.path("customerId").asText();
    JsonNode journal = http.json("/api/customers/" + Http.encode(id) + "/journal?lang=en",
        server.token());
    JsonNode traits = journal.path("profile").path("traits");
    String email = traits.path("email").asText(id);
    long total = http.json("/api/customers?q=" + Http.encode(email), server.token())
        .path("total").asLong();
    browser.open(server.url(), "customers");
    browser.find("#customer-search").sendKeys(email);
    browser.find("[data-list=customers] [data-total='" + total + "']");
    browser.find("[data-customer='" + id + "']").click();
    browser.waitReady();
    assertThat(browser.driver.getCurrentUrl()).endsWith("#/customers/" + Http.encode(id));
    if (traits.hasNonNull("name")) {
      assertThat(browser.find("[data-section=profile] h2").getText())
          .isEqualTo(traits.path("name").asText());
    }
    List<String> flags = new ArrayList<>();
    journal.path("profile").path("flags").forEach(f -> flags.add(f.asText()));
    assertThat(browser.all("[data-flag]").stream().map(e -> e.getAttribute("data-flag")))
        .containsExactlyElementsOf(flags);
    int entries = 0;
    for (JsonNode episode : journal.path("timeline")) {
      entries += episode.path("entries").size();
    }
    assertThat(browser.all("[data-section=timeline] .entry")).hasSize(entries);
    assertThat(browser.all("[data-section=timeline] .said").stream().map(WebElement::getText))
        .contains(quote.path("text").asText().strip());
    List<WebElement> sentences = browser.all("[data-section=story] .sentence");
    assertThat(sentences).isNotEmpty();
    WebElement withEvents = sentences.stream()
        .filter(e -> !e.getAttribute("data-events").isBlank()).findFirst().orElseThrow();
    withEvents.click();
    assertThat(browser.all(".entry.highlight")).isNotEmpty();
  }

  @Test
  @Order(4)
  void markupInCustomerTextIsShownAsTextEverywhere() {
    browser.open(server.url(), "voice?q=window.__xss");
    List<String> texts = browser.all("[data-list=quotes] .quote .text").stream()
        .map(WebElement::getText).toList();
    assertThat(texts).contains(ShopData.SCRIPT_REVIEW, ShopData.IMG_REVIEW);
    assertThat(browser.all("[data-list=quotes] script, [data-list=quotes] img")).isEmpty();
    // the theme named with an <img> tag (among the themes of these texts): its tooltip must show
    // the tag as text
    Object tip = browser.js("const el = document.querySelector('[data-chart=themes]');"
        + " const c = echarts.getInstanceByDom(el);"
        + " const names = c.getOption().yAxis[0].data;"
        + " c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: names.indexOf(arguments[0])});"
        + " return new Promise(r => setTimeout(() => {"
        + "   const tips = [...el.querySelectorAll('div')].filter(d => d.textContent.includes('onerror'));"
        + "   r({text: tips.map(d => d.textContent).join('|'), imgs: el.querySelectorAll('img').length});"
        + " }, 300));", ShopData.HTML_TOPIC);
    assertThat(tip.toString()).contains("imgs=0").contains(ShopData.HTML_TOPIC);
    browser.open(server.url(), "customers/u-eve");
    assertThat(browser.all("[data-section=timeline] .said").stream().map(WebElement::getText))
        .contains(ShopData.SCRIPT_REVIEW, ShopData.IMG_REVIEW);
    assertThat(browser.all("#view script, #view img")).isEmpty();
    assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
    try {
      browser.driver.switchTo().alert();
      throw new AssertionError("a customer's review opened an alert");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  @Test
  @Order(5)
  void quote_opensItsCustomersJournal() {
    browser.open(server.url(), "voice?sentiment=negative&sort=negative");
    WebElement quote = browser.find("[data-list=quotes] .quote");
    quote.findElement(By.cssSelector("a.journal-link")).click();
    browser.waitReady();
    assertThat(browser.driver.getCurrentUrl()).contains("#/customers/");
    assertThat(browser.all("[data-section=timeline] .entry")).isNotEmpty();
  }

  @Test
  @Order(8)
  void journeyStagePainPoints_openTheVoiceOfThatStage() {
    browser.open(server.url(), "journey");
    WebElement link = browser.find("[data-stage-texts]");
    String stage = link.getAttribute("data-stage-texts");
    link.click();
    browser.waitReady();
    assertThat(browser.driver.getCurrentUrl()).contains("#/voice?stage=" + stage);
    JsonNode api = new Http(server.url()).json("/api/voice?limit=0&sentiment=negative&stage="
        + stage, server.token());
    assertThat(new Select(browser.find("select[name=stage]")).getFirstSelectedOption()
        .getAttribute("value")).isEqualTo(stage);
    assertThat(browser.find("[data-section=quotes] .sub").getText().replace(",", ""))
        .contains(String.valueOf(api.path("texts").asLong()));
    assertThat(browser.all("[data-list=quotes] .quote")).isNotEmpty();
  }

  @Test
  @Order(6)
  void languageSwitch_showsKoreanLabelsAndKeepsThePage() {
    browser.size(Browser.LAPTOP);
    browser.open(server.url(), "overview");
    assertThat(browser.find("[data-route=overview] span").getText()).isEqualTo("Overview");
    new Select(browser.find("#lang-select")).selectByValue("ko");
    // the switch loads the Korean bundle, then renders the page again
    browser.waitFor(() -> "개요".equals(browser.find("#page-title").getText()));
    browser.waitReady();
    assertThat(browser.find("[data-route=overview] span").getText()).isEqualTo("개요");
    assertThat(browser.find("[data-kpi=conversion] .label").getText()).isEqualTo("구매 전환율");
    assertThat(browser.js("return document.documentElement.lang")).isEqualTo("ko");
    new Select(browser.find("#lang-select")).selectByValue("en");
    browser.waitFor(() -> "Overview".equals(browser.find("#page-title").getText()));
    browser.waitReady();
    assertThat(browser.find("[data-kpi=conversion] .label").getText())
        .isEqualToIgnoringCase("Purchase conversion");
  }

  @Test
  @Order(7)
  void funnel_builtByClickingShowsTheApisNumbersAndOpensDroppedJournals() {
    browser.size(Browser.LAPTOP);
    browser.open(server.url(), "funnels");
    // drop the second default step, add one back and make it the purchase, break down by channel
    List<WebElement> removes = browser.all("[data-list=steps] .step-row button");
    removes.get(1).click();
    assertThat(browser.all("[data-list=steps] .step-row")).hasSize(3);
    browser.find("#add-step").click();
    List<WebElement> stepSelects = browser.all("[data-list=steps] select[name=step]");
    assertThat(stepSelects).hasSize(4);
    new Select(stepSelects.get(2)).selectByValue("Order Completed");
    new Select(stepSelects.get(3)).selectByValue("Review Submitted");
    new Select(browser.find("select[name=window]")).selectByValue("30d");
    new Select(browser.find("select[name=by]")).selectByValue("channel");
    browser.find("#run-funnel").click();
    browser.waitReady();
    String hash = browser.driver.getCurrentUrl().substring(
        browser.driver.getCurrentUrl().indexOf("#/funnels?") + "#/funnels?".length());
    assertThat(hash).isEqualTo("step=Product+Viewed&step=Checkout+Started"
        + "&step=Order+Completed&step=Review+Submitted&window=30d&by=channel");
    if (engineMissing("funnels")) {
      // until the journey engine serves /api/funnels the page must say so, and show no numbers
      assertThat(browser.all("[data-state=unavailable]")).hasSize(1);
      assertThat(browser.all("[data-table=funnel]")).isEmpty();
      return;
    }
    JsonNode api = new Http(server.url()).json("/api/funnels?" + hash + "&dropSample=100",
        server.token());
    List<WebElement> rows = browser.all("[data-table=funnel] tbody tr");
    assertThat(rows).hasSize(api.path("steps").size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).getAttribute("data-customers"))
          .isEqualTo(api.path("steps").get(i).path("customers").asText());
    }
    assertThat(browser.find("[data-kpi=conversion] .value").getText())
        .isEqualTo(browser.js("return arguments[0].toLocaleString('en-US', {style: 'percent',"
            + " minimumFractionDigits: 1, maximumFractionDigits: 1})",
            api.path("conversion").asDouble()));
    List<WebElement> groups = browser.all("[data-table=groups] tbody tr");
    assertThat(groups).hasSize(api.path("groups").size()).hasSizeGreaterThan(1);
    for (int g = 0; g < groups.size(); g++) {
      List<String> cells = groups.get(g).findElements(By.cssSelector("td.num")).stream()
          .map(WebElement::getText).toList();
      JsonNode steps = api.path("groups").get(g).path("steps");
      for (int i = 0; i < steps.size(); i++) {
        assertThat(cells.get(i).replace(",", ""))
            .isEqualTo(steps.get(i).path("customers").asText());
      }
    }
    rows.get(1).click();
    List<String> dropped = browser.all("[data-list=dropped] a").stream()
        .map(WebElement::getText).toList();
    List<String> expected = new ArrayList<>();
    api.path("steps").get(1).path("droppedCustomers").forEach(id -> expected.add(id.asText()));
    assertThat(dropped).isNotEmpty().containsExactlyElementsOf(expected);
    browser.find("[data-list=dropped] a").click();
    browser.waitReady();
    assertThat(browser.driver.getCurrentUrl())
        .endsWith("#/customers/" + Http.encode(expected.get(0)));
    assertThat(browser.all("[data-section=timeline] .entry")).isNotEmpty();
  }

  /** Step conditions: read back from the address into the builder, edited there, sent as typed. */
  @Test
  @Order(8)
  void funnel_stepConditions_roundTripThroughTheBuilder() {
    browser.size(Browser.LAPTOP);
    browser.open(server.url(), "funnels?step=Product%20Viewed&step="
        + Http.encode("Order Completed [channel=web]") + "&window=");
    List<WebElement> conditions = browser.all("[data-list=steps] input[name=conditions]");
    assertThat(conditions).hasSize(2);
    assertThat(conditions.get(0).getAttribute("value")).isEmpty();
    assertThat(conditions.get(1).getAttribute("value")).isEqualTo("channel=web");
    assertThat(new Select(browser.all("[data-list=steps] select[name=step]").get(1))
        .getFirstSelectedOption().getAttribute("value")).isEqualTo("Order Completed");
    conditions.get(0).sendKeys("channel=web|app");
    browser.find("#run-funnel").click(); // the input's change fires as it loses focus
    browser.waitReady();
    String hash = browser.driver.getCurrentUrl().substring(
        browser.driver.getCurrentUrl().indexOf("#/funnels?") + "#/funnels?".length());
    assertThat(java.net.URLDecoder.decode(hash, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("step=Product Viewed [channel=web|app]&step=Order Completed [channel=web]");
    if (engineMissing("funnels")) {
      return;
    }
    JsonNode api = new Http(server.url()).json("/api/funnels?" + hash, server.token());
    List<WebElement> rows = browser.all("[data-table=funnel] tbody tr");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).getText()).contains("Order Completed [channel=web]");
    assertThat(rows.get(1).getAttribute("data-customers"))
        .isEqualTo(api.at("/steps/1/customers").asText());
    assertThat(unexpectedErrors("funnels")).isEmpty();
  }

  /** Path anchors and retention events with conditions: from the address, shown, and edited. */
  @Test
  @Order(8)
  void pathsAndRetention_eventConditionsFromTheAddress() {
    browser.size(Browser.LAPTOP);
    browser.open(server.url(), "paths?anchor=" + Http.encode("Product Viewed [channel=web]")
        + "&depth=3");
    assertThat(new Select(browser.find("select[name=anchor]")).getFirstSelectedOption()
        .getAttribute("value")).isEqualTo("Product Viewed");
    assertThat(browser.find("input[name=anchor-conditions]").getAttribute("value"))
        .isEqualTo("channel=web");
    if (!engineMissing("paths")) {
      JsonNode api = new Http(server.url()).json("/api/paths?anchor="
          + Http.encode("Product Viewed [channel=web]") + "&depth=3", server.token());
      List<WebElement> rows = browser.all("[data-table=paths] tbody tr");
      assertThat(rows).hasSize(api.path("paths").size()).isNotEmpty();
      assertThat(rows.get(0).findElement(By.cssSelector("td.num")).getText().replace(",", ""))
          .isEqualTo(api.at("/paths/0/count").asText());
    }
    // typing conditions for a chosen event puts them in the address
    browser.find("input[name=anchor-conditions]").clear();
    browser.find("input[name=anchor-conditions]").sendKeys("channel=app\n");
    browser.waitReady();
    assertThat(java.net.URLDecoder.decode(browser.driver.getCurrentUrl(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("anchor=Product Viewed [channel=app]");

    browser.open(server.url(), "retention?start=" + Http.encode("Product Viewed [channel=web]"));
    assertThat(browser.find("input[name=start-conditions]").getAttribute("value"))
        .isEqualTo("channel=web");
    assertThat(browser.find("input[name=return-conditions]").getAttribute("disabled"))
        .isNotNull(); // no event chosen, nothing to condition
    assertThat(unexpectedErrors("retention")).isEmpty();
  }

  @Test
  @Order(9)
  void journeyMap_exportsPngAndSvg() {
    browser.size(Browser.LAPTOP);
    browser.open(server.url(), "journey");
    // catch the download links the export buttons click, instead of saving files
    browser.js("window.__downloads = []; HTMLAnchorElement.prototype.click = function () {"
        + " window.__downloads.push([this.download, this.href.slice(0, 40),"
        + " this.href.length]); };");
    browser.find("#export-png").click();
    browser.find("#export-svg").click();
    @SuppressWarnings("unchecked")
    List<List<Object>> downloads = (List<List<Object>>) browser.js("return window.__downloads");
    assertThat(downloads).hasSize(2);
    assertThat(downloads.get(0).get(0)).isEqualTo("itinera-journey-map.png");
    assertThat(downloads.get(0).get(1).toString()).startsWith("data:image/png;base64,");
    assertThat(downloads.get(1).get(0)).isEqualTo("itinera-journey-map.svg");
    assertThat(downloads.get(1).get(1).toString()).startsWith("data:image/svg+xml");
    for (List<Object> d : downloads) {
      assertThat(((Number) d.get(2)).longValue()).as("%s size", d.get(0)).isGreaterThan(5_000);
    }
    assertThat(unexpectedErrors("journey")).isEmpty();
  }

  @Test
  @Order(11)
  void heatmap_switchesLayoutForTheChosenPage() {
    browser.size(Browser.LAPTOP);
    browser.open(server.url(), "heatmap");
    String page = new Select(browser.find("select[name=page]"))
        .getFirstSelectedOption().getAttribute("value");
    browser.all(".segmented button").get(2).click(); // mobile
    browser.waitReady();
    assertThat(browser.driver.getCurrentUrl()).contains("device=mobile")
        .contains("page=" + Http.encode(page).replace("%20", "+"));
    JsonNode api = new Http(server.url()).json("/api/heatmap?cell=20&device=mobile&page="
        + Http.encode(page), server.token());
    assertThat(api.path("device").asText()).isEqualTo("mobile");
    assertThat(api.path("clicks").asLong()).isPositive();
    assertChartHasData("heatmap");
    assertThat(unexpectedErrors("heatmap")).isEmpty();
  }

  @Test
  @Order(10)
  void firstVisit_followsTheBrowsersLanguage() {
    browser.js("localStorage.removeItem('itinera.lang')");
    // what a Korean browser sends: navigator.languages follows Accept-Language
    browser.driver.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent",
        browser.js("return navigator.userAgent"), "acceptLanguage", "ko-KR,ko,en-US"));
    try {
      browser.open(server.url(), "overview");
      assertThat(browser.js("return navigator.languages[0]")).isEqualTo("ko-KR");
      assertThat(browser.find("#page-title").getText()).isEqualTo("개요");
      assertThat(browser.js("return document.documentElement.lang")).isEqualTo("ko");
    } finally {
      browser.driver.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent",
          browser.js("return navigator.userAgent"), "acceptLanguage", "en-US,en"));
      browser.js("localStorage.setItem('itinera.lang', 'en')");
    }
  }
}
