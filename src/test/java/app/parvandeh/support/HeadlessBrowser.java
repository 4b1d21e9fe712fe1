package app.parvandeh.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven as a person would use our pages and Tasklist: signs in, clicks,
 * waits, and keeps screenshots in {@code target/browser-screenshots}. Browser tests run only where
 * Chromium is installed.
 */
public final class HeadlessBrowser implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final WebDriver driver;
  private final int port;
  private final Path screenshots;

  private HeadlessBrowser(int port) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1500,1100");
    // The page's console, for tests that a page logs no errors.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    // The driver is given, so Selenium Manager never tries to download one (this network reaches no
    // vendor).
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    this.port = port;
    this.screenshots = Files.createDirectories(Path.of("target", "browser-screenshots"));
  }

  /** For {@code @EnabledIf}: Chromium and its driver are installed (CI installs them). */
  public static boolean installed() {
    return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
  }

  public static HeadlessBrowser open(int port) throws IOException {
    return new HeadlessBrowser(port);
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * Waits up to 20 s, ignoring elements a page redraws while we look. A wait that runs out says
   * where the browser was: its address, title, the start of the page's text and its console errors,
   * and leaves a screenshot {@code timeout-<n>.png}.
   */
  public FluentWait<WebDriver> waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(20)) {
      @Override
      protected RuntimeException timeoutException(String message, Throwable lastException) {
        return super.timeoutException(message + "\n" + whereAmI(), lastException);
      }
    }.ignoring(StaleElementReferenceException.class);
  }

  private String whereAmI() {
    StringBuilder where = new StringBuilder();
    try {
      where
          .append("at ")
          .append(driver.getCurrentUrl())
          .append(" titled \"")
          .append(driver.getTitle())
          .append('"');
      String text =
          String.valueOf(
              ((JavascriptExecutor) driver)
                  .executeScript("return document.body ? document.body.innerText : '(no body)';"));
      where.append("\npage text: ").append(text, 0, Math.min(text.length(), 600));
      where.append("\nconsole errors: ").append(consoleErrors());
      String name = "timeout-" + System.currentTimeMillis();
      screenshot(name);
      where.append("\nscreenshot: target/browser-screenshots/").append(name).append(".png");
      where
          .append("\nrequests the page made: ")
          .append(
              ((JavascriptExecutor) driver)
                  .executeScript(
                      "return performance.getEntriesByType('resource').map(e => e.name.replace(location.origin, '') + ' '"
                          + " + Math.round(e.startTime) + '+' + Math.round(e.duration) + 'ms').join('\\n');"));
      Files.writeString(screenshots.resolve(name + "-threads.txt"), serverThreads());
      where
          .append("\nthis JVM's threads: target/browser-screenshots/")
          .append(name)
          .append("-threads.txt");
    } catch (RuntimeException | IOException e) {
      where.append(" (could not read the page: ").append(e).append(')');
    }
    return where.toString();
  }

  /**
   * The stacks of this JVM's threads (the application under test runs in it): what a stuck request
   * waits for.
   */
  private static String serverThreads() {
    StringBuilder out = new StringBuilder();
    Thread.getAllStackTraces()
        .forEach(
            (thread, stack) -> {
              out.append('"')
                  .append(thread.getName())
                  .append("\" ")
                  .append(thread.getState())
                  .append('\n');
              for (StackTraceElement frame : stack) {
                out.append("    at ").append(frame).append('\n');
              }
              out.append('\n');
            });
    return out.toString();
  }

  public void go(String path) {
    driver.get("http://localhost:" + port + path);
  }

  /** Signs in through our login page (the one login for portal, API and Camunda's webapps). */
  public void signIn(String user, String password) {
    go("/login");
    driver.findElement(By.name("username")).sendKeys(user);
    driver.findElement(By.name("password")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** Signs out by forgetting the session, as a new person at the same desk. */
  public void forgetSession() {
    driver.manage().deleteAllCookies();
  }

  /**
   * Clicks like a person: scrolled to the middle of the (scrolling) page first, clear of headers
   * and footers.
   */
  public void press(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /**
   * Emulates a device this wide and high (CSS pixels, a phone's viewport meta honoured when {@code
   * mobile}).
   */
  public void viewport(int width, int height) {
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 800));
  }

  /**
   * What makes the page scroll sideways: the page's own width when it exceeds the viewport, and
   * each element that reaches outside it (left or right) and is not inside a box that scrolls on
   * its own. Empty when nothing does.
   */
  @SuppressWarnings("unchecked")
  public java.util.List<String> sidewaysOverflow() {
    return (java.util.List<String>)
        ((JavascriptExecutor) driver)
            .executeScript(
                """
        var vw = document.documentElement.clientWidth, out = [];
        if (document.documentElement.scrollWidth > vw + 1) {
          out.push('page ' + document.documentElement.scrollWidth + 'px in ' + vw + 'px');
        }
        function scrollsAlone(el) {
          for (var p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            var o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden') { return true; }
          }
          return false;
        }
        document.querySelectorAll('body *').forEach(function (el) {
          var r = el.getBoundingClientRect();
          if (r.width === 0 || getComputedStyle(el).position === 'fixed') { return; }
          if ((r.right > vw + 1 || r.left < -1) && !scrollsAlone(el)) {
            var name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
            out.push(name + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' in ' + vw);
          }
        });
        return out.slice(0, 15);
        """);
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Runs the page's clock in a time zone, as a clerk's computer in Iran does (Chromium's own
   * emulation).
   */
  public void inTimeZone(String zone) {
    ((ChromeDriver) driver)
        .executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
  }

  /**
   * The window's outer size; the page's width is the window's less nothing in headless Chromium.
   */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** The console's errors (failed requests included) since the last call. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * Whether the page scrolls sideways, and the visible elements that reach past the viewport's left
   * or right edge (an element clipped by a scrolling or hidden-overflow box inside the viewport is
   * not visible there).
   */
  @SuppressWarnings("unchecked")
  public List<String> widerThanViewport() {
    return (List<String>)
        ((JavascriptExecutor) driver)
            .executeScript(
                """
        const width = document.documentElement.clientWidth;
        const out = [];
        if (document.documentElement.scrollWidth > width) {
          out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
        }
        const inside = r => r.left >= -1 && r.right <= width + 1;
        const clipped = e => {
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible' && inside(a.getBoundingClientRect())) {
              return true;
            }
          }
          return false;
        };
        for (const e of document.body.querySelectorAll('*')) {
          const r = e.getBoundingClientRect();
          const style = getComputedStyle(e);
          if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || inside(r) || clipped(e)) {
            continue;
          }
          out.push(e.tagName.toLowerCase() + '.' + String(e.className).trim().replace(/\s+/g, '.')
              + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + '] "'
              + (e.textContent || '').trim().slice(0, 40) + '"');
        }
        return out;
        """);
  }

  public void screenshot(String name) throws IOException {
    Files.write(
        screenshots.resolve(name + ".png"),
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
