package io.infolettre.newsletter.admin;

import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.shared.Actor;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue list and the issue page show the subject as the sample member reads it, never the
 * template text behind it; a subject that cannot be rendered is shown as typed.
 */
class IssueSubjectIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	IssueManagement issues;

	private final String list = "objet-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void listAndPageShowTheSubjectRenderedForTheSampleMember() {
		// the subject of TestIssues: ${firstName!'Membre'}, l'été arrive
		String id = new TestIssues(http()).draftFor(this.list, List.of("a." + this.list + "@membres.exemple.ca"));
		var admin = AdminSession.login(this.port);

		Document issues = admin.page("/admin/issues");
		Element row = issues.getElementsByAttributeValue("href", "/admin/issues/" + id).first().closest("tr");
		assertThat(row.selectFirst(".issue-subject").text()).isEqualTo("Marie, l'été arrive");

		Document page = admin.page("/admin/issues/" + id);
		assertThat(page.getElementById("issue-subject").text()).isEqualTo("Marie, l'été arrive");
	}

	@Test
	void aSubjectThatDoesNotRenderIsShownAsTyped() {
		String id = new TestIssues(http()).draftFor(this.list, List.of("b." + this.list + "@membres.exemple.ca"));
		String broken = "Bonjour ${firstName";
		// the editor saves a syntax error (nothing can run from it) and its preview points it out
		IssueEdit edit = this.issues.get(id).currentEdit();
		this.issues.revise(id, new IssueEdit(edit.title(), edit.template(),
				new IssueVariant(broken, "", edit.french().body()), null, null, null, true), Actor.SYSTEM);
		var admin = AdminSession.login(this.port);
		assertThat(admin.page("/admin/issues/" + id).getElementById("issue-subject").text()).isEqualTo(broken);
	}

}
