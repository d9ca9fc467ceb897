package io.infolettre.newsletter.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium and ChromeDriver, driven by Selenium. Paths are given explicitly so Selenium
 * never tries to download a browser; the flags keep Chromium off the (closed) network.
 */
public final class HeadlessChromium {

	private HeadlessChromium() {
	}

	public static ChromeDriver start() {
		var options = new ChromeOptions();
		options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--lang=fr-CA",
				// Bootstrap scrolls smoothly unless motion is reduced: a click would land mid-scroll
				"--force-prefers-reduced-motion", "--disable-smooth-scrolling");
		// the console, to read what a Content-Security-Policy blocked (it breaks a page silently)
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		var service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		var driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		return driver;
	}

	/** What the console said about a Content-Security-Policy since the last call (empty: nothing blocked). */
	public static List<String> contentSecurityPolicyViolations(ChromeDriver driver) {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
			.toList();
	}

	/** Keeps a picture of the page in this file, for a person to look at. */
	public static void screenshot(ChromeDriver driver, Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (Exception ex) {
			// a missing screenshot must not fail the test
		}
	}

}
