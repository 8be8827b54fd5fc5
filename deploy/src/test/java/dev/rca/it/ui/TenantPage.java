package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** admin/tenants/tenant.xhtml: flags, upload tokens, audit trail. */
public final class TenantPage {

    private final Browser browser;

    TenantPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("audit")));
    }

    public static TenantPage open(Browser browser, String slug) {
        browser.go("admin/tenants/tenant.xhtml?slug=" + slug);
        return new TenantPage(browser);
    }

    private WebElement flag(String key) {
        return browser.find(By.cssSelector("fieldset[data-flag='" + key + "']"));
    }

    public boolean effective(String key) {
        return Boolean.parseBoolean(flag(key).findElement(By.cssSelector("[data-effective]"))
                .getAttribute("data-effective"));
    }

    /** Sets the flag's toggle, gives the reason (may be empty) and applies it. */
    public TenantPage changeFlag(String key, boolean on, String reason) {
        WebElement toggle = flag(key).findElement(By.cssSelector("[data-flag-toggle]"));
        if (toggle.isSelected() != on) {
            toggle.click();
        }
        WebElement reasonField = flag(key).findElement(By.cssSelector("[data-flag-reason]"));
        reasonField.clear();
        reasonField.sendKeys(reason);
        browser.clickAndAwaitPage(flag(key).findElement(By.cssSelector("[data-flag-apply]")));
        return new TenantPage(browser);
    }

    /** The error next to the flag's reason field, empty when there is none. */
    public String reasonError(String key) {
        return flag(key).findElements(By.cssSelector(".field-error")).stream().map(WebElement::getText)
                .findFirst().orElse("");
    }

    public String messages() {
        return browser.find(By.id("messages")).getText();
    }

    /** Audit rows, newest first: when, by, scope, flag, old, new, reason. */
    public List<List<String>> auditRows() {
        return browser.driver().findElements(By.cssSelector("#audit tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** Creates an upload token; the secret this page shows once. */
    public String createToken(String name) {
        browser.find(By.id("tokens:name")).sendKeys(name);
        browser.clickAndAwaitPage(browser.find(By.id("tokens:create")));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        return browser.find(By.id("new-token")).getAttribute("value");
    }

    public boolean showsNewToken() {
        return !browser.driver().findElements(By.id("new-token")).isEmpty();
    }

    public String copyButtonLabel() {
        return browser.find(By.cssSelector("[data-copy='new-token']")).getText();
    }

    /** Replaces the shown secret by a placeholder, for a screenshot. */
    public void maskNewToken() {
        browser.driver().executeScript("document.getElementById('new-token').value = arguments[0];",
                "rca_up_… (masked in this screenshot)");
    }

    public void copyNewToken() {
        browser.find(By.cssSelector("[data-copy='new-token']")).click();
    }

    /** The token's row: name, prefix, created, last used, expires, revoked. */
    public WebElement tokenRow(String name) {
        return browser.find(By.cssSelector("#token-list tr[data-token='" + name + "']"));
    }

    public boolean revoked(String name) {
        return Boolean.parseBoolean(tokenRow(name).findElement(By.cssSelector("[data-revoked]"))
                .getAttribute("data-revoked"));
    }

    public TenantPage revoke(String name) {
        browser.clickAndAwaitPage(tokenRow(name).findElement(By.cssSelector("[data-action='revoke']")));
        return new TenantPage(browser);
    }
}
