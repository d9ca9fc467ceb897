package io.infolettre.newsletter.report;

import io.infolettre.newsletter.delivery.ResponseLedger;
import io.infolettre.newsletter.delivery.internal.DeliveryStore;
import io.infolettre.newsletter.engagement.Bounces;
import io.infolettre.newsletter.engagement.internal.OpenRecorder;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractBrowserTests;
import io.infolettre.newsletter.tracking.TrackedLinks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator opens an issue's report in a real headless Chromium: the chart is drawn by Chart.js
 * (served by the application) from the counters, the figures are those of the hand-computed fixture,
 * the breakdowns arrive after the page, and the chart can be taken as a PNG.
 */
class ReportBrowserTests extends AbstractBrowserTests {

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private SubscriberManagement management;

	@Autowired
	private Subscribers subscribers;

	@Autowired
	private IssueManagement issues;

	@Autowired
	private DeliveryStore ledger;

	@Autowired
	private ResponseLedger responses;

	@Autowired
	private OpenRecorder recorder;

	@Autowired
	private Bounces bounces;

	@Autowired
	private TrackedLinks links;

	@Test
	void opensAnIssueReportAndSeesTheChartAndTheFigures() {
		var fixture = new ReportFixture(this.mongo, this.management, this.subscribers, this.issues, this.ledger,
				this.responses, this.recorder, this.bounces, this.links);
		String path = "/admin/issues/" + fixture.issueId + "/report";
		logInAndOpen(path);

		WebElement canvas = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opens-chart")));
		assertThat(canvas.getSize().getWidth()).isGreaterThan(100);
		assertThat(canvas.getSize().getHeight()).isGreaterThan(100);
		Object chart = this.browser.executeScript("""
				const chart = Chart.getChart(document.getElementById('opens-chart'));
				return chart ? [chart.data.labels.length, chart.data.datasets[0].data.reduce((a, b) => a + b, 0),
						chart.canvas.width] : null;""");
		assertThat(chart).as("a Chart.js chart on the canvas: 48 hours and 5 days, the 5 readers, drawn")
			.asList()
			.satisfies(values -> {
				assertThat(((Number) values.get(0)).intValue()).isEqualTo(53);
				assertThat(((Number) values.get(1)).intValue()).isEqualTo(5);
				assertThat(((Number) values.get(2)).intValue()).isGreaterThan(0);
			});
		// the canvas is not blank: some pixel differs from the white background
		Boolean drawn = (Boolean) this.browser.executeScript("""
				const canvas = document.getElementById('opens-chart');
				const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				for (let i = 0; i < pixels.length; i += 4) {
					if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) { return true; }
				}
				return false;""");
		assertThat(drawn).isTrue();
		String png = (String) this.browser
			.executeScript("return Chart.getChart(document.getElementById('opens-chart')).toBase64Image();");
		assertThat(png).startsWith("data:image/png;base64,");

		assertThat(this.browser.findElement(By.id("fig-read")).getText()).isEqualTo("5");
		assertThat(this.browser.findElement(By.id("fig-sent")).getText()).isEqualTo("9");
		assertThat(this.browser.findElement(By.id("fig-read-rate")).getText()).isEqualTo("55,6 %");
		assertThat(this.browser.findElement(By.id("fig-click-to-open")).getText()).isEqualTo("40,0 %");
		this.browser.findElement(By.cssSelector("#classification-rules summary")).click();
		assertThat(this.browser.findElement(By.id("class-SCANNER")).getText()).contains("Analyseurs de sécurité");
		WebElement companies = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("companies-non-readers")));
		assertThat(companies.getText()).contains("Bois Ébène");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("breakdown-secteur")));
		assertThat(this.browser.findElement(By.id("breakdown-secteur")).getText()).contains("Métallurgie");
		screenshot("issue-report");
	}

}
