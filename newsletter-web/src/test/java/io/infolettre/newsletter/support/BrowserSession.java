package io.infolettre.newsletter.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for each test of a class that registers it ({@code @RegisterExtension}):
 * started before the test, quit after it, and a picture of the page kept when the test fails.
 * Pictures go to {@code target/screenshots/<test class>/<step>.png}, for a person to look at.
 * {@link AbstractBrowserTests} registers one against the application the integration tests share;
 * a browser test with a context of its own registers its own.
 */
public final class BrowserSession implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

	// a page waits for htmx, a send or a chart: long enough on a busy machine, short of hanging the build
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final IntSupplier port;

	private ChromeDriver driver;

	private WebDriverWait wait;

	private Path screenshots;

	/** @param port the application's port, read when a page is opened (the test instance has it by then) */
	public BrowserSession(IntSupplier port) {
		this.port = port;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.screenshots = Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName());
		this.driver = HeadlessChromium.start();
		this.wait = new WebDriverWait(this.driver, PATIENCE);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent()) {
			screenshot(context.getRequiredTestMethod().getName() + "-failed");
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Waits on a condition of the page, never on the clock. */
	public WebDriverWait waiting() {
		return this.wait;
	}

	public String url(String path) {
		return "http://localhost:" + this.port.getAsInt() + path;
	}

	/**
	 * Opens an admin page as a coordinator: the application asks to log in first and then lands on
	 * the issues, so the page is opened again once logged in.
	 */
	public void logInAndOpen(String path, String username, String password) {
		this.driver.get(url(path));
		logIn(username, password);
		this.driver.get(url(path));
	}

	/** Fills in the login form the browser shows, and waits until the login lands on the issues. */
	public void logIn(String username, String password) {
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		// going on before the login lands races its redirect
		this.wait.until(ExpectedConditions.urlContains("/admin/issues"));
	}

	/** Brings an element to the middle of the window, as a person scrolls to a button on a long page. */
	public void scrollToCenter(WebElement element) {
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
	}

	/** Keeps a picture of the page as {@code target/screenshots/<test class>/<step>.png}. */
	public void screenshot(String step) {
		HeadlessChromium.screenshot(this.driver, this.screenshots.resolve(step + ".png"));
	}

}
