package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** admin/index.xhtml, and the navigation every signed-in page shares. */
public final class OverviewPage {

    private final Browser browser;

    OverviewPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("stage-health")));
    }

    public static OverviewPage open(Browser browser) {
        browser.go("admin/");
        return new OverviewPage(browser);
    }

    public String signedInUser() {
        return browser.find(By.id("signed-in-user")).getText();
    }

    /** The stage's row: stage, success, partial, failed, total, p95. */
    public List<String> stage(String stage) {
        return browser.find(By.cssSelector("#stage-health tr[data-stage='" + stage + "']"))
                .findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    public List<String> enhancedMetricsTenants() {
        return browser.driver().findElements(By.cssSelector("#enhanced-tenants li")).stream()
                .map(WebElement::getText).toList();
    }

    public String queueDepths() {
        return browser.find(By.id("queue-depths")).getText();
    }

    /** Presses the DLQ's re-drive and returns the overview again, with the outcome in its messages. */
    public OverviewPage redriveDeadLetters() {
        browser.clickAndAwaitPage(browser.find(By.id("dead-letters:redrive")));
        return new OverviewPage(browser);
    }

    public String messages() {
        return browser.find(By.id("messages")).getText();
    }

    public SignInPage signOut() {
        browser.clickAndAwaitPage(browser.find(By.linkText("Sign out")));
        return SignInPage.shown(browser);
    }
}
