package org.itinera.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through the system chromedriver. Refuses to start, with a
 * message saying what to install, when either is missing: a browser test must never pass by not
 * running.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension LAPTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(390, 844);

  final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  private final Path screenshots;
  /** Window size minus viewport size, measured once at start. */
  private final Dimension frame;

  Browser(Path screenshots) throws IOException {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(p + " is missing: the dashboard tests need Debian's"
            + " chromium and chromium-driver (apt-get install -y chromium chromium-driver;"
            + " .ci/run installs them)");
      }
    }
    this.screenshots = Files.createDirectories(screenshots);
    profile = Files.createTempDirectory("itinera-chromium");
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withLogFile(profile.resolve("chromedriver.log").toFile()).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.resolve("profile"), "--lang=en-US",
        "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      throw new IllegalStateException("chromium could not start headless (" + e.getMessage()
          + "); see " + profile.resolve("chromedriver.log"), e);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    driver.manage().window().setSize(LAPTOP);
    Dimension inner = viewport();
    frame = new Dimension(Math.max(0, LAPTOP.width - inner.width),
        Math.max(0, LAPTOP.height - inner.height));
  }

  /** Makes the viewport (not the window, whose frame may take room even headless) d. */
  void size(Dimension d) {
    driver.manage().window().setSize(new Dimension(d.width + frame.width, d.height + frame.height));
  }

  Dimension viewport() {
    @SuppressWarnings("unchecked")
    List<Number> v = (List<Number>) js("return [window.innerWidth, window.innerHeight];");
    return new Dimension(v.get(0).intValue(), v.get(1).intValue());
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private int loads;

  /**
   * Loads the dashboard afresh (a new document, so language and console start clean) at a route
   * and waits until the page says it finished rendering.
   */
  void open(String baseUrl, String route) {
    driver.get(baseUrl + "/dashboard/?load=" + (++loads) + "#/" + route);
    waitReady();
  }

  /** Waits until the page for the current address has finished rendering. */
  /** Waits until the page for the current address has finished rendering. */
  void waitReady() {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js(
        "const p = document.querySelector('#view > .page');"
            + " return !!p && p.dataset.ready === 'true' && p.dataset.hash === location.hash"
            + " && !document.querySelector('.loading');")));
  }

  void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
  }

  WebElement find(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Console messages at SEVERE since the last call (errors, failed requests). */
  List<String> severeLogs() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  /** Saves the whole page (the window grown to its height for the shot) as name.png. */
  Path screenshot(String name) throws IOException {
    Dimension before = viewport();
    long height = ((Number) js("return Math.max(document.documentElement.scrollHeight,"
        + " document.body.scrollHeight);")).longValue();
    size(new Dimension(before.width, (int) Math.min(Math.max(height, before.height), 5000)));
    js("return new Promise(r => requestAnimationFrame(() => setTimeout(r, 400)));");
    Path file = screenshots.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    size(before);
    return file;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteQuietly(profile.toFile());
    }
  }

  private static void deleteQuietly(File f) {
    File[] children = f.listFiles();
    if (children != null) {
      for (File c : children) {
        deleteQuietly(c);
      }
    }
    f.delete();
  }
}
