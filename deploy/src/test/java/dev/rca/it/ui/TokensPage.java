package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** admin/tokens/index.xhtml: all API tokens, new admin tokens. */
public final class TokensPage {

    private final Browser browser;

    TokensPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("token-list")));
    }

    public static TokensPage open(Browser browser) {
        browser.go("admin/tokens/");
        return new TokensPage(browser);
    }

    /** Creates an admin token; the secret this page shows once. */
    public String createAdminToken(String name) {
        browser.find(By.id("create:name")).sendKeys(name);
        browser.clickAndAwaitPage(browser.find(By.id("create:submit")));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        return browser.find(By.id("new-token")).getAttribute("value");
    }

    public void maskNewToken() {
        browser.driver().executeScript("document.getElementById('new-token').value = arguments[0];",
                "rca_adm_… (masked in this screenshot)");
    }

    /** The token's row: name, kind, tenant, prefix, created, last used, expires, revoked. */
    public WebElement row(String name) {
        return browser.find(By.cssSelector("#token-list tr[data-token='" + name + "']"));
    }

    public TokensPage revoke(String name) {
        browser.clickAndAwaitPage(row(name).findElement(By.cssSelector("[data-action='revoke']")));
        return new TokensPage(browser);
    }

    public boolean revoked(String name) {
        return Boolean.parseBoolean(row(name).findElement(By.cssSelector("[data-revoked]")).getAttribute("data-revoked"));
    }
}
