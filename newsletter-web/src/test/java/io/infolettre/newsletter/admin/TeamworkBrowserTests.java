package io.infolettre.newsletter.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.people.TeamSettings;
import io.infolettre.newsletter.people.TeamSettingsStore;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.AbstractBrowserTests;
import io.infolettre.newsletter.support.TeamMails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team at work, in Chromium, as new people live it: the administrator turns on the approval and
 * invites a coordinator and a director who approves; the invitations arrive by SMTP and each chooses a
 * password; the coordinator drafts an issue and submits it; the director asks for a change with a
 * comment; the coordinator edits and submits again; the director sees what changed, approves and
 * schedules it at the wished time; the journal shows each step with its person.
 */
class TeamworkBrowserTests extends AbstractBrowserTests {

	private static final ZoneId QUEBEC = ZoneId.of("America/Toronto");

	@Autowired
	TeamSettingsStore teamSettings;

	@Autowired
	SubscriberManagement subscribers;

	private TeamSettings before;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String coordinator = "camille-" + this.suffix + "@equipe.exemple.ca";

	private final String director = "dominique-" + this.suffix + "@equipe.exemple.ca";

	@BeforeEach
	void rememberTheTeamsRulesAndHaveAMember() {
		this.before = this.teamSettings.current();
		// an issue to all active members is scheduled only when there is one
		this.subscribers.addAll(List.of(SubscriberFixtures.member("membre-" + this.suffix + "@entreprise.exemple.ca",
				"Marie", "Tremblay", "Entreprise", "equipe-" + this.suffix)));
	}

	@AfterEach
	void restoreTheTeamsRules() {
		this.teamSettings.save(this.before);
	}

	@Test
	void aCoordinatorAndADirectorInvitedByEmailTakeAnIssueThroughReviewToItsScheduleAndTheJournalShowsEachStep() {
		logInAndOpen("/admin/people");
		WebElement approval = this.browser.findElement(By.id("approvalRequired"));
		if (!approval.isSelected()) {
			approval.click();
		}
		this.browser.findElement(By.cssSelector("#team-settings button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		assertThat(this.browser.findElement(By.id("approvalRequired")).isSelected()).isTrue();
		invite(this.coordinator, "Camille Tremblay", "COORDINATOR");
		invite(this.director, "Dominique Gagnon", "APPROVER");
		screenshot("1-team");
		logOut();

		choosePassword(this.coordinator, "Des bleuets pour tout le monde");
		choosePassword(this.director, "Le fjord en hiver, au matin");

		// the coordinator drafts and submits, wishing a send in a week at 9:00
		logInAs(this.coordinator, "Des bleuets pour tout le monde");
		this.browser.get(url("/admin/issues/new"));
		this.browser.findElement(By.id("new-title")).sendKeys("Infolettre de décembre " + this.suffix);
		this.browser.findElement(By.id("create-issue")).click();
		this.wait.until(ExpectedConditions.urlMatches(".*/admin/issues/[0-9a-f]{24}/edit.*"));
		String issuePath = this.browser.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("/edit.*$", "");
		this.browser.get(url(issuePath));
		LocalDate wished = LocalDate.now(QUEBEC).plusDays(7);
		this.browser.executeScript("document.getElementById('wished-date').value = arguments[0]", wished.toString());
		this.browser.findElement(By.id("review-note-input")).sendKeys("Le mot de la présidence est à jour.");
		this.browser.findElement(By.id("submit-for-approval")).click();
		awaitState("Soumis pour approbation");
		screenshot("2-submitted");
		logOut();

		// the director was told by email, asks for a change
		assertThat(TeamMails.part(TeamMails.awaitMessage(this.director, "À approuver : « Infolettre de décembre"),
				"text/plain")).contains("Camille Tremblay");
		logInAs(this.director, "Le fjord en hiver, au matin");
		this.browser.get(url(issuePath));
		assertThat(this.browser.findElement(By.id("review-note")).getText()).contains("Le mot de la présidence est à jour.");
		this.browser.findElement(By.id("review-comment")).sendKeys("Il manque l’objet : annoncez la date limite d’inscription.");
		this.browser.findElement(By.id("request-changes-button")).click();
		awaitState("Modifications demandées");
		screenshot("3-changes-requested");
		logOut();

		// the coordinator is told by email, reads the comment, edits the draft and submits it again
		TeamMails.awaitMessage(this.coordinator, "Modifications demandées : « Infolettre de décembre");
		logInAs(this.coordinator, "Des bleuets pour tout le monde");
		this.browser.get(url(issuePath));
		assertThat(this.browser.findElement(By.id("review-history")).getText())
			.contains("Modifications demandées par Dominique Gagnon", "Il manque l’objet : annoncez la date limite d’inscription.");
		this.browser.get(url(issuePath + "/edit"));
		WebElement title = this.browser.findElement(By.id("title"));
		title.clear();
		title.sendKeys("Infolettre de décembre " + this.suffix + " — inscriptions avant le 15");
		WebElement subject = this.browser.findElement(By.cssSelector("#frSubject-line .ql-editor"));
		subject.click();
		subject.sendKeys("Formations de janvier : inscriptions avant le 15");
		this.wait.until(d -> String.valueOf(this.browser.executeScript("return document.getElementById('frSubject').value"))
			.equals("Formations de janvier : inscriptions avant le 15"));
		this.browser.findElement(By.id("save")).click();
		this.wait.until(ExpectedConditions.attributeContains(By.id("title"), "value", "inscriptions avant le 15"));
		this.browser.get(url(issuePath));
		this.browser.executeScript("document.getElementById('wished-date').value = arguments[0]", wished.toString());
		this.browser.findElement(By.id("submit-for-approval")).click();
		awaitState("Soumis pour approbation");
		logOut();

		// the director sees what changed since the last review, approves and schedules at the wished time
		logInAs(this.director, "Le fjord en hiver, au matin");
		this.browser.get(url(issuePath));
		assertThat(this.browser.findElement(By.id("review-diff")).getText())
			.contains("Formations de janvier : inscriptions avant le 15");
		screenshot("4-diff-for-the-director");
		this.browser.findElement(By.id("approve-and-schedule")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Programmé"));
		screenshot("5-approved-and-scheduled");
		logOut();

		// the journal, read by the administrator, shows each step with its person
		logInAs(ADMIN, PASSWORD);
		this.browser.get(url("/admin/audit"));
		List<String> rows = this.browser.findElements(By.cssSelector("#audit-entries tbody tr"))
			.stream()
			.map(WebElement::getText)
			.filter(row -> row.contains(this.suffix) || row.contains(this.coordinator) || row.contains(this.director)
					|| row.contains("Camille Tremblay") || row.contains("Dominique Gagnon"))
			.toList();
		screenshot("6-journal");
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("Invitation d’une personne", this.coordinator));
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("Invitation d’une personne", this.director));
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("Camille Tremblay", "Création d’un numéro"));
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("Camille Tremblay", "Soumission pour approbation"));
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("Dominique Gagnon", "Demande de modifications"));
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("Camille Tremblay", "Modification d’un numéro",
				"inscriptions avant le 15"));
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("Dominique Gagnon", "Approbation et programmation",
				LocalDate.now(QUEBEC).plusDays(7) + " 09:00 (America/Toronto)"));
	}

	private void invite(String email, String name, String role) {
		this.browser.findElement(By.id("invite-email")).sendKeys(email);
		this.browser.findElement(By.id("invite-name")).sendKeys(name);
		new Select(this.browser.findElement(By.id("invite-role"))).selectByValue(role);
		this.browser.findElement(By.cssSelector("#invite button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), email));
	}

	private void choosePassword(String email, String password) {
		this.browser.get(url(TeamMails.linkPath(TeamMails.awaitMessage(email, "Invitation à rejoindre l’équipe"))));
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.id("confirmation")).sendKeys(password);
		this.browser.findElement(By.cssSelector("#choose-password button")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-set")));
	}

	private void logInAs(String login, String password) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys(login);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("/admin/"));
	}

	private void logOut() {
		this.browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
		this.wait.until(ExpectedConditions.urlContains("/login"));
	}

	private void awaitState(String state) {
		this.wait.until(ExpectedConditions.textToBe(By.id("review-state"), state));
	}

}
