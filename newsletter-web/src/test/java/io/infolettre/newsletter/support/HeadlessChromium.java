package io.infolettre.newsletter.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
		var service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		var driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		return driver;
	}

	/** Keeps a picture of the page under target/screenshots, for a person to look at. */
	public static void screenshot(ChromeDriver driver, String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (Exception ex) {
			// a missing screenshot must not fail the test
		}
	}

}
