package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** admin/sign-in.xhtml. */
public final class SignInPage {

    private final Browser browser;

    SignInPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("signIn")));
    }

    public static SignInPage open(Browser browser) {
        browser.go("admin/sign-in.xhtml");
        return new SignInPage(browser);
    }

    /** The page the browser shows now, which must be the sign-in page (after a redirect to it, say). */
    public static SignInPage shown(Browser browser) {
        return new SignInPage(browser);
    }

    public OverviewPage signIn(String user, String password) {
        fill(user, password);
        browser.clickAndAwaitPage(browser.find(By.id("signIn:submit")));
        return new OverviewPage(browser);
    }

    /** Signs in with credentials that must fail; the sign-in page again, with its message. */
    public SignInPage signInRefused(String user, String password) {
        fill(user, password);
        browser.clickAndAwaitPage(browser.find(By.id("signIn:submit")));
        return new SignInPage(browser);
    }

    /** Submits the form after its session ended: the sign-in page again, with its message. */
    public SignInPage signInAfterSessionEnded(String user, String password) {
        return signInRefused(user, password);
    }

    private void fill(String user, String password) {
        browser.find(By.id("signIn:username")).clear();
        browser.find(By.id("signIn:username")).sendKeys(user);
        browser.find(By.id("signIn:password")).sendKeys(password);
    }

    public String messages() {
        return browser.find(By.id("messages")).getText();
    }
}
