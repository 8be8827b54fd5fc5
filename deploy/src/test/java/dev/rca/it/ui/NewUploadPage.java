package dev.rca.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.List;

/** admin/uploads/new.xhtml. */
public final class NewUploadPage {

    private final Browser browser;

    NewUploadPage(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));
    }

    public static NewUploadPage open(Browser browser) {
        browser.go("admin/uploads/new.xhtml");
        return new NewUploadPage(browser);
    }

    public UploadPage upload(String tenant, Path file) {
        submit(tenant, file);
        return new UploadPage(browser);
    }

    /** An upload the ingest stage refuses: this page again, with the error next to the file field. */
    public NewUploadPage uploadRefused(String tenant, Path file) {
        submit(tenant, file);
        return new NewUploadPage(browser);
    }

    private void submit(String tenant, Path file) {
        new Select(browser.find(By.id("upload:tenant"))).selectByValue(tenant);
        browser.find(By.id("upload:file")).sendKeys(file.toAbsolutePath().toString());
        browser.clickAndAwaitPage(browser.find(By.id("upload:submit")));
    }

    public List<String> tenantChoices() {
        return new Select(browser.find(By.id("upload:tenant"))).getOptions().stream()
                .map(option -> option.getAttribute("value")).toList();
    }

    public String fileError() {
        return browser.find(By.id("upload:file-message")).getText();
    }
}
