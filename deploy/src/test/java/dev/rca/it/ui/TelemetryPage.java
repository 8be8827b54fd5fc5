package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/** admin/telemetry/index.xhtml. */
public final class TelemetryPage {

    private final Browser browser;

    TelemetryPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("events")));
    }

    public static TelemetryPage open(Browser browser) {
        browser.go("admin/telemetry/");
        return new TelemetryPage(browser);
    }

    /** Filters by the form, as a user does; null leaves a filter as it is. */
    public TelemetryPage filter(String tenant, String stage, String status) {
        if (tenant != null) {
            new Select(browser.find(By.id("tenant"))).selectByValue(tenant);
        }
        if (stage != null) {
            new Select(browser.find(By.id("stage"))).selectByValue(stage);
        }
        if (status != null) {
            new Select(browser.find(By.id("status"))).selectByValue(status);
        }
        browser.clickAndAwaitPage(browser.find(By.id("apply-filter")));
        return new TelemetryPage(browser);
    }

    /** Each row as "tenant stage status". */
    public List<String> events() {
        return browser.driver().findElements(By.cssSelector("#events tbody tr")).stream()
                .map(row -> row.getAttribute("data-tenant") + " " + row.getAttribute("data-stage") + " "
                        + row.getAttribute("data-status"))
                .toList();
    }

    public String count() {
        return browser.find(By.id("event-count")).getText();
    }
}
