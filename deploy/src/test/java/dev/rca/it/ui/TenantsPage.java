package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** admin/tenants/index.xhtml. */
public final class TenantsPage {

    private final Browser browser;

    TenantsPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("tenant-list")));
    }

    public static TenantsPage open(Browser browser) {
        browser.go("admin/tenants/");
        return new TenantsPage(browser);
    }

    public TenantPage create(String slug, String displayName) {
        submit(slug, displayName);
        return new TenantPage(browser);
    }

    /** Creates a tenant the service refuses; this page again, with the error next to the slug field. */
    public TenantsPage createRefused(String slug, String displayName) {
        submit(slug, displayName);
        return new TenantsPage(browser);
    }

    /** Submits the form after the session ended: the sign-in page answers. */
    public SignInPage createAfterSessionEnded(String slug, String displayName) {
        submit(slug, displayName);
        return SignInPage.shown(browser);
    }

    private void submit(String slug, String displayName) {
        WebElement slugField = browser.find(By.id("create:slug"));
        slugField.clear();
        slugField.sendKeys(slug);
        browser.find(By.id("create:displayName")).clear();
        browser.find(By.id("create:displayName")).sendKeys(displayName);
        browser.clickAndAwaitPage(browser.find(By.id("create:submit")));
    }

    public String slugError() {
        return browser.find(By.id("create:slug-message")).getText();
    }

    /** The tenant's row: slug, display name, state, created, action. */
    public String row(String slug) {
        return browser.find(By.cssSelector("#tenant-list tr[data-tenant='" + slug + "']")).getText();
    }

    public TenantsPage deactivate(String slug) {
        browser.clickAndAwaitPage(browser.find(By.cssSelector(
                "#tenant-list tr[data-tenant='" + slug + "'] [data-action='deactivate']")));
        return new TenantsPage(browser);
    }

    /** The create form's ViewState, as this page rendered it for this session. */
    public String createFormViewState() {
        return browser.find(By.cssSelector("#create input[name='jakarta.faces.ViewState']")).getAttribute("value");
    }

    /** Fills the create form, replaces its ViewState as a forger would, submits it; the text of the answer. */
    public String submitWithForgedViewState(String slug, String viewState) {
        browser.find(By.id("create:slug")).sendKeys(slug);
        browser.find(By.id("create:displayName")).sendKeys("forged " + slug);
        browser.driver().executeScript("document.querySelector(\"#create input[name='jakarta.faces.ViewState']\")"
                + ".value = arguments[0];", viewState);
        browser.clickAndAwaitPage(browser.find(By.id("create:submit")));
        return browser.find(By.tagName("main")).getText();
    }
}
