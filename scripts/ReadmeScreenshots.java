import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.infolettre.newsletter.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * scripts/readme-screenshots.sh's browser: logs in to the running application in the browser tests'
 * headless Chromium and takes the README's two pictures, 1280 pixels wide. Fails, with nothing
 * written, when a page is not finished: a message key shown instead of its French text, a script
 * the Content-Security-Policy blocked, a chart not drawn.
 *
 *   java -cp 'newsletter-web/target/test-classes:TEST_CLASSPATH' scripts/ReadmeScreenshots.java \
 *     BASE_URL USER PASSWORD DRAFT_ID SENT_ID OUT_DIR
 */
public class ReadmeScreenshots {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		Path out = Path.of(args[5]);
		ChromeDriver browser = HeadlessChromium.start();
		try {
			var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
			browser.get(base + "/login");
			browser.findElement(By.id("username")).sendKeys(args[1]);
			browser.findElement(By.id("password")).sendKeys(args[2]);
			browser.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.urlContains("/admin/issues"));

			viewport(browser, 1280, 800);
			browser.get(base + "/admin/issues/" + args[3] + "/edit");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-subject")));
			wait.until(d -> previewText(browser).length() > 200);
			byte[] editor = finished(browser, "the editor");

			// tall enough for the title, the figures and the chart of the week
			viewport(browser, 1280, 1060);
			browser.get(base + "/admin/issues/" + args[4] + "/report");
			wait.until(d -> Boolean.TRUE.equals(browser.executeScript("""
					const chart = window.Chart && Chart.getChart(document.getElementById('opens-chart'));
					return !!chart && chart.data.datasets[0].data.some(v => v > 0);""")));
			byte[] report = finished(browser, "the report");

			Files.createDirectories(out);
			Files.write(out.resolve("editor.png"), editor);
			Files.write(out.resolve("report.png"), report);
		}
		finally {
			browser.quit();
		}
	}

	/** The window made as large as it takes for the page's viewport to be WIDTH x HEIGHT. */
	private static void viewport(ChromeDriver browser, int width, int height) {
		browser.manage().window().setSize(new Dimension(width, height));
		var inner = (java.util.List<?>) browser.executeScript("return [window.innerWidth, window.innerHeight]");
		int innerWidth = ((Number) inner.get(0)).intValue();
		int innerHeight = ((Number) inner.get(1)).intValue();
		browser.manage().window().setSize(new Dimension(2 * width - innerWidth, 2 * height - innerHeight));
	}

	private static byte[] finished(ChromeDriver browser, String page) {
		String text = browser.findElement(By.tagName("body")).getText();
		if (text.contains("??")) {
			throw new IllegalStateException(page + " shows a message key instead of its text: " + text);
		}
		var blocked = HeadlessChromium.contentSecurityPolicyViolations(browser);
		if (!blocked.isEmpty()) {
			throw new IllegalStateException(page + ": blocked by the Content-Security-Policy: " + blocked);
		}
		return browser.getScreenshotAs(OutputType.BYTES);
	}

	// htmx replaces the preview's frame as it refreshes: a frame gone meanwhile reads as empty
	private static String previewText(WebDriver browser) {
		try {
			browser.switchTo().frame("live-preview");
			return browser.findElement(By.tagName("body")).getText();
		}
		catch (RuntimeException ex) {
			return "";
		}
		finally {
			browser.switchTo().defaultContent();
		}
	}

}
