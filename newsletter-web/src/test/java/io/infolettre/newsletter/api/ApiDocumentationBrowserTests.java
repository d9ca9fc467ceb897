package io.infolettre.newsletter.api;

import java.time.Duration;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator opens the API's documentation (Swagger UI) in a real headless Chromium: the page
 * draws the operations from the document under the admin's Content-Security-Policy, nothing blocked.
 */
class ApiDocumentationBrowserTests extends AbstractIntegrationTests {

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void anAdministratorReadsTheApiDocumentation() {
		this.browser.get(url("/swagger-ui.html"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		this.browser.findElement(By.id("username")).sendKeys(ADMIN);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("/admin/issues"));
		this.browser.get(url("/swagger-ui.html"));

		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".information-container .title"),
				"Infolettre — API REST"));
		this.wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() > 40);
		assertThat(this.browser.findElement(By.cssSelector(".opblock-summary-path[data-path='/api/v1/issues/{id}/send']"))
			.isDisplayed()).isTrue();
		HeadlessChromium.screenshot(this.browser, "api-documentation");
		assertThat(HeadlessChromium.contentSecurityPolicyViolations(this.browser)).as("blocked by the CSP").isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
