package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/** admin/uploads/index.xhtml. */
public final class UploadsPage {

    private final Browser browser;

    UploadsPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("upload-list")));
    }

    public static UploadsPage open(Browser browser) {
        browser.go("admin/uploads/");
        return new UploadsPage(browser);
    }

    /** Filters by the form, as a user does; null leaves a filter as it is. */
    public UploadsPage filter(String tenant, String status) {
        if (tenant != null) {
            new Select(browser.find(By.id("tenant"))).selectByValue(tenant);
        }
        if (status != null) {
            new Select(browser.find(By.id("status"))).selectByValue(status);
        }
        browser.clickAndAwaitPage(browser.find(By.id("apply-filter")));
        return new UploadsPage(browser);
    }

    public List<String> uploadIds() {
        return browser.driver().findElements(By.cssSelector("#upload-list tbody tr")).stream()
                .map(row -> row.getAttribute("data-upload")).toList();
    }

    public List<String> rows() {
        return browser.driver().findElements(By.cssSelector("#upload-list tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    public String messages() {
        return browser.find(By.id("messages")).getText();
    }

    public String count() {
        return browser.find(By.id("upload-count")).getText();
    }
}
