package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** admin/flags/index.xhtml: the all-tenants form. */
public final class GlobalFlagsPage {

    private final Browser browser;

    GlobalFlagsPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("flags")));
    }

    public static GlobalFlagsPage open(Browser browser) {
        browser.go("admin/flags/");
        return new GlobalFlagsPage(browser);
    }

    public boolean effective(String key) {
        return Boolean.parseBoolean(browser.find(By.cssSelector("fieldset[data-flag='" + key + "'] [data-effective]"))
                .getAttribute("data-effective"));
    }
}
