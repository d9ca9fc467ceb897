package io.infolettre.newsletter.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.AbstractBrowserTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator builds a segment in a real headless Chromium: two rules, AND then OR, and the live
 * count follows each change; saved, it is listed with its count.
 */
class SegmentBrowserTests extends AbstractBrowserTests {

	private final String u = UUID.randomUUID().toString().substring(0, 8);

	private final String tag = "vip-" + this.u;

	private final String list = "conseil-" + this.u;

	@Autowired
	SubscriberManagement management;

	/** Tagged: Amélie (also in the list), Benoît, Chloé; in the list only: Denis. */
	@BeforeEach
	void addMembers() {
		this.management.addAll(List.of(member("amelie", "Amélie").withTag(this.tag).addToList(this.list),
				member("benoit", "Benoît").withTag(this.tag), member("chloe", "Chloé").withTag(this.tag),
				member("denis", "Denis").addToList(this.list)));
		// htmx redraws the rules: an element found a moment ago may be replaced before it is read
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@Test
	void buildsASegmentWithTwoRulesAndTheCountFollowsAndThenOr() {
		logInAndOpen("/admin/segments/new");
		assertThat(this.browser.findElement(By.linkText("Segments")).getAttribute("href")).endsWith("/admin/segments");

		// first rule: carries the tag
		this.browser.findElement(By.id("add-rule-r")).click();
		rule("r-1", "TAG", this.tag);
		this.wait.until(ExpectedConditions.textToBe(By.id("segment-count"), "3"));

		// second rule: in the list; both (AND) is Amélie alone
		this.browser.findElement(By.id("add-rule-r")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subject-r-2")));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-r-2"), "valeur manquante"));
		rule("r-2", "LIST", this.list);
		this.wait.until(ExpectedConditions.textToBe(By.id("segment-count"), "1"));
		assertThat(this.browser.findElement(By.id("segment-sample")).getText()).contains("Amélie Tremblay");
		screenshot("segment-and");

		// either (OR): all four
		this.browser.findElement(By.id("junction-r")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("segment-count"), "4"));
		assertThat(this.browser.findElement(By.id("junction-label-r")).getText())
			.isEqualTo("Au moins une de ces conditions (OU)");
		screenshot("segment-or");

		this.browser.findElement(By.id("segment-name")).sendKeys("Conseil ou VIP " + this.u);
		this.browser.findElement(By.id("save-segment")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		assertThat(this.browser.findElement(By.id("notice")).getText()).isEqualTo("Segment enregistré.");
		assertThat(this.browser.findElement(By.id("segment-count")).getText()).isEqualTo("4");
		assertThat(new Select(this.browser.findElement(By.id("subject-r-2"))).getFirstSelectedOption().getText())
			.isEqualTo("Liste");

		this.browser.findElement(By.linkText("Segments")).click();
		var row = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//tr[td/a[text()='Conseil ou VIP " + this.u + "']]")));
		this.wait.until(ExpectedConditions.textToBePresentInElement(row.findElement(By.cssSelector("td.text-end")), "4"));
	}

	// What the rule looks at redraws the rules; the value then refreshes the count when it changes.
	private void rule(String path, String subject, String value) {
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subject-" + path)));
		new Select(this.browser.findElement(By.id("subject-" + path))).selectByValue(subject);
		this.wait.until(ExpectedConditions.attributeToBe(By.id("values-" + path), "placeholder",
				"valeur (plusieurs : séparées par des virgules)"));
		this.wait.until(driver -> new Select(driver.findElement(By.id("subject-" + path))).getFirstSelectedOption()
			.getAttribute("value")
			.equals(subject) && driver.findElements(By.id("attribute-" + path)).isEmpty());
		this.browser.findElement(By.id("values-" + path)).sendKeys(value, Keys.TAB);
	}

	private Subscriber member(String who, String firstName) {
		Instant now = Instant.now();
		return new Subscriber(EmailAddress.of(who + "." + this.u + "@navigateur.exemple.ca"), firstName, "Tremblay",
				"Entreprise " + who, "fr",
				Consent.express(Consent.Channel.ADMIN, "test", "Oui", null, now), now);
	}

}
