package io.infolettre.newsletter.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.support.AbstractBrowserTests;
import io.infolettre.newsletter.support.TestIssues;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator schedules a draft from its page in a real headless Chromium, with a send window, and
 * finds it on the calendar, the first page of the navigation.
 */
class SchedulingBrowserTests extends AbstractBrowserTests {

	private final String list = "nav-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void schedulesADraftFromItsPageAndFindsItOnTheCalendar() {
		String id = new TestIssues(http()).draftFor(this.list, List.of("a." + this.list + "@membres.exemple.ca"));
		LocalDate day = LocalDate.now(SendTime.QUEBEC).plusDays(12);
		day = day.getDayOfMonth() == 1 ? day.plusDays(1) : day;

		logInAndOpen("/admin/issues/" + id);

		this.browser.findElement(By.id("schedule-toggle")).click();
		WebElement date = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-date")));
		// date and time inputs type in the browser's locale format; the value is what the form sends
		setValue(date, day.toString());
		setValue(this.browser.findElement(By.id("schedule-time")), "14:45");
		assertThat(new Select(this.browser.findElement(By.id("schedule-zone"))).getFirstSelectedOption().getText())
			.isEqualTo("Heure du Québec");
		this.browser.findElement(By.id("window-on")).click();
		this.browser.findElement(By.id("window-SATURDAY")).click();
		this.browser.findElement(By.id("window-SUNDAY")).click();
		setValue(this.browser.findElement(By.id("window-closes")), "20:00");
		screenshot("schedule-form");
		WebElement submit = this.browser.findElement(By.id("schedule-submit"));
		scrollToCenter(submit);
		submit.click();

		String when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.CANADA_FRENCH).format(day)
				+ " à 14 h 45 (heure du Québec)";
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schedule-notice")));
		assertThat(this.browser.findElement(By.id("schedule-notice")).getText()).isEqualTo("Envoi programmé le " + when + ".");
		assertThat(this.browser.findElement(By.id("issue-status")).getText()).isEqualTo("Programmé");
		assertThat(this.browser.findElement(By.id("sends-at")).getText()).isEqualTo(when);
		assertThat(this.browser.findElement(By.id("schedule-window")).getText())
			.isEqualTo("Fenêtre d'envoi : tous les jours, de 8 h 00 à 20 h 00 (heure du Québec)");
		screenshot("issue-scheduled");

		WebElement calendarLink = this.browser.findElement(By.cssSelector("nav .navbar-nav .nav-link"));
		assertThat(calendarLink.getText()).as("the calendar comes first").isEqualTo("Calendrier");
		calendarLink.click();
		WebElement entry = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("li.timeline-entry[data-issue='" + id + "']")));
		assertThat(entry.findElement(By.className("timeline-time")).getText()).isEqualTo("14 h 45");
		assertThat(entry.findElement(By.className("badge")).getText()).isEqualTo("Programmé");
		assertThat(entry.findElement(By.xpath("ancestor::div[contains(@class,'timeline-day')]")).getAttribute("data-date"))
			.isEqualTo(day.toString());
		screenshot("calendar");

		entry.findElement(By.className("timeline-title")).click();
		this.wait.until(ExpectedConditions.urlContains("/admin/issues/" + id));
		assertThat(this.browser.findElement(By.id("sends-at")).getText()).isEqualTo(when);
	}

	private void setValue(WebElement input, String value) {
		this.browser.executeScript("arguments[0].value = arguments[1]", input, value);
	}

}
