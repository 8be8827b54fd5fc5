package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium through its own chromedriver, both named explicitly so that Selenium Manager never
 * tries to download a browser or driver; a fresh profile per browser. Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);
    static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
    static final Dimension LAPTOP = new Dimension(1280, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    private final URI base;
    private final Path profile;
    private final Path screenshots;
    private final ChromeDriver driver;

    private Browser(URI base, Path profile, Path screenshots, ChromeDriver driver) {
        this.base = base;
        this.profile = profile;
        this.screenshots = screenshots;
        this.driver = driver;
    }

    public static Browser open(URI base) throws IOException {
        Path profile = Files.createTempDirectory("rca-it-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        // The console, for the Content-Security-Policy violations Chromium reports there.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(LAPTOP);
        Path screenshots = Path.of(System.getProperty("it.work.dir", "target"), "screenshots");
        Files.createDirectories(screenshots);
        return new Browser(base, profile, screenshots, driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public URI base() {
        return base;
    }

    /** Opens {@code path}, relative to the application's root. */
    public void go(String path) {
        driver.get(base.resolve(path).toString());
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /**
     * Waits for {@code condition}; an element that the page's own polling replaced meanwhile (an Ajax render) is
     * looked up again on the next try rather than failing the wait.
     */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Clicks {@code element}, which submits a whole page, and waits for the next page to replace it. */
    public void clickAndAwaitPage(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        await(driver -> {
            try {
                html.isDisplayed();
                return false;
            } catch (StaleElementReferenceException replaced) {
                return true;
            } catch (WebDriverException e) {
                // Chromium's way of saying the same while the old document is being torn down.
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    public Path screenshot(String name) {
        Path target = screenshots.resolve(name + ".png");
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public void phoneWidth() {
        driver.manage().window().setSize(PHONE);
    }

    public void laptopWidth() {
        driver.manage().window().setSize(LAPTOP);
    }

    /**
     * What Chromium reported as refused by the pages' Content-Security-Policy since the last call (an inline script
     * or style, a foreign source): its console messages that say so.
     */
    public List<String> securityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    /** The value of the session cookie, for requests sent beside the browser as if from another site. */
    public String sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
