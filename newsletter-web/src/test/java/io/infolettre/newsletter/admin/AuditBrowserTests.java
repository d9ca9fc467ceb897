package io.infolettre.newsletter.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.infolettre.newsletter.support.AbstractBrowserTests;
import io.infolettre.newsletter.support.TestIssues;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator corrects a member's company, then finds the change in « Journal » by filtering on the
 * kind and the day: who, what, the company before and after; the same page in English.
 */
class AuditBrowserTests extends AbstractBrowserTests {

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aChangeMadeInTheAdminIsFoundInTheJournalWithItsValuesBeforeAndAfter() {
		String email = "journal." + this.tag + "@membres.exemple.ca";
		assertThat(http().api("POST", "/api/v1/subscribers", """
				[{"email":"%s","firstName":"Lucie","company":"Usinage %s","lists":["%s"]}]"""
			.formatted(email, this.tag, this.tag)).statusCode()).isEqualTo(200);
		String id = new TestIssues(http())
			.read(http().api("GET", "/api/v1/subscribers?list=" + this.tag).body())
			.get("subscribers")
			.get(0)
			.get("id")
			.asString();

		logInAndOpen("/admin/subscribers/" + id);
		WebElement company = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-company")));
		company.clear();
		company.sendKeys("Usinage " + this.tag + " inc.");
		click(this.browser.findElement(By.id("save-details")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));

		this.browser.get(url("/admin/audit"));
		new Select(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kind"))))
			.selectByVisibleText("Abonné");
		String today = LocalDate.now(ZoneId.of("America/Toronto")).toString();
		setDate("from", today);
		setDate("to", today);
		this.browser.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("kind=SUBSCRIBER"));

		WebElement row = this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//tr[contains(@class,'audit-entry')][.//div[@class='audit-target' and text()='" + email + "']]")));
		assertThat(row.findElement(By.className("audit-action")).getText()).isEqualTo("Modification d’un abonné");
		assertThat(row.findElement(By.className("audit-person")).getText()).isEqualTo(ADMIN);
		assertThat(row.findElement(By.className("audit-field")).getText()).isEqualTo("Entreprise");
		assertThat(row.findElement(By.className("audit-field")).getAttribute("data-field")).isEqualTo("company");
		assertThat(row.findElement(By.className("audit-before")).getText()).isEqualTo("Usinage " + this.tag);
		assertThat(row.findElement(By.className("audit-after")).getText()).isEqualTo("Usinage " + this.tag + " inc.");
		assertThat(this.browser.findElements(By.cssSelector("tr.audit-entry"))).allSatisfy(
				entry -> assertThat(entry.getAttribute("data-kind")).isIn("SUBSCRIBER", "CONSENT"));
		scrollToCenter(row);
		screenshot("journal-filtered");

		this.browser.get(this.browser.getCurrentUrl() + "&lang=en");
		WebElement english = this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//tr[contains(@class,'audit-entry')][.//div[@class='audit-target' and text()='" + email + "']]")));
		assertThat(english.findElement(By.className("audit-action")).getText()).isEqualTo("Subscriber changed");
		assertThat(english.findElement(By.className("audit-field")).getText()).isEqualTo("Company");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit log");
		screenshot("journal-english");
		this.browser.get(url("/admin/audit?lang=fr"));
	}

	// a date input takes the date as the browser's locale shows it: set its value as a script would
	private void setDate(String field, String isoDate) {
		((JavascriptExecutor) this.browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
				field, isoDate);
	}

	private void click(WebElement button) {
		scrollToCenter(button);
		button.click();
	}

}
