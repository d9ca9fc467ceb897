package io.infolettre.newsletter.admin;

import java.nio.file.Path;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.BrowserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first session, in a real headless Chromium against the application on its embedded
 * defaults (embedded database, development SMTP server, demo data): log in, open the demo draft,
 * preview it as a member, send it, watch it finish, read the report and the Outbox. Its context is
 * not the one the other browser tests share (AbstractBrowserTests): that one's data folder and relay
 * are registered by AbstractIntegrationTests, and a subclass cannot register others over them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsletter.demo.enabled=true", "newsletter.admin.password=mot-de-passe-demo" })
class NewcomerBrowserTests {

	private static final Path DATA_DIR = AbstractIntegrationTests.createDataDir();

	@LocalServerPort
	int port;

	@RegisterExtension
	final BrowserSession session = new BrowserSession(() -> this.port);

	private ChromeDriver browser;

	private WebDriverWait wait;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("newsletter.data-dir", DATA_DIR::toString);
	}

	@BeforeEach
	void takeTheBrowser() {
		this.browser = this.session.driver();
		this.wait = this.session.waiting();
	}

	@Test
	void logsInPreviewsSendsTheDemoDraftAndReadsTheReport() {
		this.browser.get(this.session.url("/admin/issues"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.session.logIn("admin", "mot-de-passe-demo");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Numéros");
		this.browser.findElement(By.partialLinkText("Infolettre – décembre 2026")).click();

		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-now")));
		var member = new Select(this.browser.findElement(By.id("subscriber")));
		String chosen = member.getOptions().get(1).getText();
		String firstName = chosen.substring(0, chosen.indexOf(' '));
		member.selectByIndex(1); // reloads the page with the preview as this member
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-subject"), firstName));
		this.browser.switchTo().frame("preview");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Bonjour " + firstName));
		this.browser.switchTo().defaultContent();
		this.session.screenshot("issue-preview");

		long everyone = Long.parseLong(this.browser.findElement(By.id("audience-size")).getText());
		new Select(this.browser.findElement(By.id("audience-list"))).selectByValue("infolettre");
		this.browser.findElement(By.id("change-audience")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("audience-size"), String.valueOf(everyone))));
		long audience = Long.parseLong(this.browser.findElement(By.id("audience-size")).getText());
		assertThat(audience).isGreaterThan(100).isLessThan(everyone);
		this.browser.findElement(By.id("send-now")).click();
		this.wait.until(ExpectedConditions.alertIsPresent()).accept();

		this.wait.until(ExpectedConditions.textToBe(By.id("issue-status"), "Envoyé"));
		assertThat(this.browser.findElement(By.id("report-sent")).getText()).isEqualTo(String.valueOf(audience));
		assertThat(this.browser.findElement(By.id("report-opens")).getText()).isEqualTo("0");
		this.session.screenshot("issue-sent");

		this.browser.findElement(By.linkText("Boîte d'envoi")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), String.valueOf(audience)));
		var firstMessage = this.browser.findElement(By.cssSelector("main table tbody tr td a"));
		assertThat(firstMessage.getText()).contains("votre infolettre de décembre");
		firstMessage.click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("iframe")));
		assertThat(this.browser.findElement(By.tagName("pre")).getText()).contains("Pour vous désabonner");
		this.session.screenshot("outbox-message");

		this.browser.get(this.session.url("/admin/issues?lang=en"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Issues");
	}

}
