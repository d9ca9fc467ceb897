package io.infolettre.newsletter.api;

import io.infolettre.newsletter.support.AbstractBrowserTests;
import io.infolettre.newsletter.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator opens the API's documentation (Swagger UI) in a real headless Chromium: the page
 * draws the operations from the document under the admin's Content-Security-Policy, nothing blocked.
 */
class ApiDocumentationBrowserTests extends AbstractBrowserTests {

	@Test
	void anAdministratorReadsTheApiDocumentation() {
		logInAndOpen("/swagger-ui.html");

		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".information-container .title"),
				"Infolettre — API REST"));
		this.wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() > 40);
		assertThat(this.browser.findElement(By.cssSelector(".opblock-summary-path[data-path='/api/v1/issues/{id}/send']"))
			.isDisplayed()).isTrue();
		screenshot("api-documentation");
		assertThat(HeadlessChromium.contentSecurityPolicyViolations(this.browser)).as("blocked by the CSP").isEmpty();
	}

}
