package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** admin/uploads/lines.xhtml: the lines behind one pattern, with what varies marked. */
public final class PatternLinesPage {

    private final Browser browser;

    PatternLinesPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("pattern-lines")));
    }

    public String template() {
        return browser.find(By.id("pattern-template")).getText();
    }

    public String total() {
        return browser.find(By.id("pattern-total")).getText();
    }

    public List<Long> lineNumbers() {
        return browser.driver().findElements(By.cssSelector("#pattern-lines tbody tr")).stream()
                .map(row -> Long.parseLong(row.getAttribute("data-line"))).toList();
    }

    /** The marked (varying) parts of the first line. */
    public List<String> markedInFirstLine() {
        return browser.driver().findElements(By.cssSelector("#pattern-lines tbody tr:first-child mark")).stream()
                .map(WebElement::getText).toList();
    }
}
