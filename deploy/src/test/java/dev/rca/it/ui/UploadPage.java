package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** admin/uploads/upload.xhtml: stages, updated live by the page itself, and the chunk preview. */
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
