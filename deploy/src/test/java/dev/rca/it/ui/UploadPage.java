package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** admin/uploads/upload.xhtml: the report, stages, updated live by the page itself, and the chunk preview. */
public final class UploadPage {

    private final Browser browser;

    UploadPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("stages")));
    }

    /** Waits, without reloading, until the page's own polling shows the upload final. */
    public UploadPage awaitFinal() {
        browser.await(ExpectedConditions.attributeToBe(By.id("live"), "data-final", "true"));
        return this;
    }

    /** Opens the page of an upload directly (against a baseline, or none). */
    public static UploadPage open(Browser browser, String tenant, String id, String baseline) {
        browser.go("admin/uploads/upload.xhtml?tenant=" + tenant + "&id=" + id
                + (baseline == null ? "" : "&baseline=" + baseline));
        return new UploadPage(browser);
    }

    /** Waits until the report is on the page (it comes with the last stage's outcome). */
    public UploadPage awaitReport() {
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("analysis-status")));
        return this;
    }

    public String analysisStatus() {
        return browser.find(By.id("analysis-status")).getText();
    }

    public List<String> suspects() {
        return texts("#suspects tbody tr pre.template");
    }

    public String suspectReasons(int rank) {
        return browser.find(By.cssSelector("#suspects tr[data-rank='" + rank + "'] td:nth-child(3)")).getText();
    }

    /** Waits until the chart library has drawn the timeline into a canvas. */
    public boolean timelineDrawn() {
        browser.await(ExpectedConditions.attributeToBe(By.id("timeline"), "data-drawn", "true"));
        return !browser.driver().findElements(By.cssSelector("#timeline canvas")).isEmpty();
    }

    public List<String> bursts() {
        return texts("#bursts tbody tr td:last-child");
    }

    public List<String> exceptionTypes() {
        return texts("#exceptions tbody tr td:nth-child(2)");
    }

    public List<String> patterns() {
        return texts("#pattern-table tbody tr pre.template");
    }

    /** Filters the pattern table (in place, without reloading the page). */
    public UploadPage filterPatterns(String level, String text) {
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("patterns:level"))).selectByValue(level);
        WebElement query = browser.find(By.id("patterns:q"));
        query.clear();
        query.sendKeys(text);
        String before = browser.find(By.id("pattern-count")).getText();
        browser.find(By.id("patterns:filter")).click();
        browser.await(driver -> {
            try {
                return !driver.findElement(By.id("pattern-count")).getText().equals(before);
            } catch (StaleElementReferenceException replaced) {
                return false;
            }
        });
        return this;
    }

    public String patternCount() {
        return browser.find(By.id("pattern-count")).getText();
    }

    /** Opens the lines of the first pattern in the table whose template starts with {@code template}. */
    public PatternLinesPage openLines(String template) {
        for (WebElement link : browser.driver().findElements(By.cssSelector("#pattern-table a.lines-link"))) {
            if (link.getText().startsWith(template)) {
                browser.clickAndAwaitPage(link);
                return new PatternLinesPage(browser);
            }
        }
        throw new AssertionError("no pattern starting with '" + template + "' in " + patterns());
    }

    /** Chooses a baseline upload in the "compare with…" picker. */
    public UploadPage compareWith(String uploadId) {
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("compare:baseline"))).selectByValue(uploadId);
        browser.clickAndAwaitPage(browser.find(By.id("compare:submit")));
        return new UploadPage(browser).awaitReport();
    }

    /** The templates of one list of the comparison: {@code new}, {@code gone} or {@code changed}. */
    public List<String> comparison(String kind) {
        return texts("#comparison-" + kind + " tbody tr pre.template");
    }

    private List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    public String status() {
        return browser.find(By.id("upload-status")).getText();
    }

    public String stageStatus(String stage) {
        return browser.find(By.cssSelector("#stages tr[data-stage='" + stage + "']")).getAttribute("data-status");
    }

    /** The stage's row: stage, status, duration, recorded, details. */
    public String stageRow(String stage) {
        return browser.find(By.cssSelector("#stages tr[data-stage='" + stage + "']")).getText();
    }

    public String uploadId() {
        return browser.find(By.cssSelector("#live .mono")).getText();
    }

    public List<String> chunkTexts() {
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("chunk-count")));
        return browser.driver().findElements(By.cssSelector("pre.chunk")).stream().map(WebElement::getText).toList();
    }

    /** Sends the upload's chunk request again (the runbook's redrive). */
    public UploadPage redrive() {
        browser.clickAndAwaitPage(browser.find(By.id("redrive:submit")));
        return new UploadPage(browser);
    }

    /** Presses Delete and dismisses the browser's confirmation: nothing may happen. */
    public UploadPage deleteDismissed() {
        browser.find(By.id("delete:submit")).click();
        browser.await(ExpectedConditions.alertIsPresent()).dismiss();
        return new UploadPage(browser);
    }

    /** Presses Delete and confirms; the list of uploads follows. */
    public UploadsPage deleteConfirmed() {
        WebElement html = browser.find(By.tagName("html"));
        browser.find(By.id("delete:submit")).click();
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.stalenessOf(html));
        return new UploadsPage(browser);
    }

    /** The stored files' names, in order. */
    public List<String> files() {
        return readLive(() -> browser.driver().findElements(By.cssSelector("#file-list tbody tr td.mono")).stream()
                .map(WebElement::getText).toList());
    }

    /** Skipped archive entries: name → reason. */
    public Map<String, String> skipped() {
        return readLive(() -> {
            Map<String, String> skipped = new TreeMap<>();
            for (WebElement row : browser.driver().findElements(By.cssSelector("#skipped tbody tr"))) {
                skipped.put(row.findElement(By.cssSelector("td.mono")).getText(), row.getAttribute("data-reason"));
            }
            return skipped;
        });
    }

    /** Reads from the live region, again if the page's last poll replaced it meanwhile. */
    private <T> T readLive(Supplier<T> read) {
        return browser.await(driver -> {
            try {
                return read.get();
            } catch (StaleElementReferenceException replaced) {
                return null;
            }
        });
    }

    public String messages() {
        return browser.find(By.id("messages")).getText();
    }
}
