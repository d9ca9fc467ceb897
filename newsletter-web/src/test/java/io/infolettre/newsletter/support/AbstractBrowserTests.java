package io.infolettre.newsletter.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A coordinator in a real headless Chromium against the application the integration tests share: a
 * browser per test (see {@link BrowserSession}), the login of the test account, screenshots named
 * after the test class, and waits on the page's conditions.
 */
public abstract class AbstractBrowserTests extends AbstractIntegrationTests {

	@RegisterExtension
	final BrowserSession session = new BrowserSession(() -> this.port);

	protected ChromeDriver browser;

	protected WebDriverWait wait;

	@BeforeEach
	void takeTheBrowser() {
		this.browser = this.session.driver();
		this.wait = this.session.waiting();
	}

	/** Opens an admin page, logging in as the test coordinator first. */
	protected void logInAndOpen(String path) {
		this.session.logInAndOpen(path, ADMIN, PASSWORD);
	}

	/** Fills in the login form the browser shows as the test coordinator, who lands on the issues. */
	protected void logIn() {
		this.session.logIn(ADMIN, PASSWORD);
	}

	protected String url(String path) {
		return this.session.url(path);
	}

	/** Brings an element to the middle of the window, as a person scrolls to a button on a long page. */
	protected void scrollToCenter(WebElement element) {
		this.session.scrollToCenter(element);
	}

	/** Keeps a picture of the page as {@code target/screenshots/<test class>/<step>.png}. */
	protected void screenshot(String step) {
		this.session.screenshot(step);
	}

	/**
	 * The text of the editor's live preview. htmx replaces the frame after each pause in the typing:
	 * a frame gone meanwhile reads as empty.
	 */
	protected String livePreviewText() {
		try {
			this.browser.switchTo().frame("live-preview");
			return this.browser.findElement(By.tagName("body")).getText();
		}
		catch (WebDriverException ex) {
			return "";
		}
		finally {
			this.browser.switchTo().defaultContent();
		}
	}

}
