package net.switchboard.gateway;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) driven by Playwright, with the flags that
 * work as root with no network and let two pages (or a page and a Java node) on one machine reach
 * each other over WebRTC (docs/platform-notes.md). Shared by the browser tests of this module
 * and of {@code overlay} (test-jar). Each {@link #page} is a fresh profile: its own IndexedDB, so
 * its own identity.
 */
public final class HeadlessChromium implements AutoCloseable {
  /** Where browser tests save screenshots ({@code screenshots.dir}, set by surefire). */
  public static final Path SHOTS = Paths.get(System.getProperty("screenshots.dir", "target/screenshots"));

  public static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
      "--disable-features=WebRtcHideLocalIpsWithMdns", "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream", "--allow-loopback-in-peer-connection");

  private final Playwright playwright;
  private final Browser browser;
  private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Launches {@code /usr/bin/chromium} headless (never downloads a browser). */
  public static HeadlessChromium launch() {
    Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser b = pw.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true).setArgs(ARGS));
      return new HeadlessChromium(pw, b);
    } catch (RuntimeException e) {
      pw.close();
      throw e;
    }
  }

  public Browser browser() {
    return browser;
  }

  /**
   * A fresh profile at a phone-sized viewport on the web app at {@code url}, once the page has its
   * identity, is logged in to the gateway and has published its contact record. Page errors are
   * printed to stdout.
   */
  public Page page(String url) {
    BrowserContext ctx = browser.newContext(new Browser.NewContextOptions()
        .setPermissions(List.of("camera", "microphone")).setViewportSize(390, 844));
    contexts.add(ctx);
    Page p = ctx.newPage();
    p.onConsoleMessage(m -> {
      if ("error".equals(m.type())) {
        System.out.println("[page] " + m.text());
      }
    });
    p.navigate(url);
    waitFor(p, "() => window.sb && window.sb.ready && window.sb.published", 20_000);
    return p;
  }

  // ---- what the tests do on a page ---------------------------------------------------------------

  /** The page's printed id. */
  public static String id(Page p) {
    return (String) p.evaluate("() => sb.id");
  }

  public static void addContact(Page p, String id, String name) {
    p.click("button[data-tab=contacts]");
    p.fill("#add-id", id);
    p.fill("#add-name", name);
    p.click("#add");
    p.waitForSelector("li.contact[data-pk] >> text=" + name);
  }

  /** Presses the contact's {@code chat}, {@code audio} or {@code video} button. */
  public static void callFromContacts(Page p, String name, String kind) {
    p.click("button[data-tab=contacts]");
    p.locator("li.contact", new Page.LocatorOptions().setHasText(name)).locator("button[data-a=" + kind + "]").click();
  }

  public static void waitFor(Page p, String js, int ms) {
    p.waitForFunction(js, null, new Page.WaitForFunctionOptions().setTimeout(ms));
  }

  /** A full-page screenshot {@code SHOTS/name.png} (directory created). */
  public static void shot(Page p, String name) {
    p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  public static void hangup(Page p) {
    p.evaluate("() => { if (sb.call) document.getElementById('hangup').click(); }");
  }

  /** Closes every profile, the browser and Playwright. */
  @Override
  public void close() {
    for (BrowserContext c : contexts) {
      try {
        c.close();
      } catch (RuntimeException e) {
        // closing anyway
      }
    }
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
