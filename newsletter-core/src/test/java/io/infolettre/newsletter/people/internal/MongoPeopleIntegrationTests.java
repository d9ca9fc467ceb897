package io.infolettre.newsletter.people.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.MutableClock;
import io.infolettre.newsletter.people.Invitation;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.PersonStatus;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.people.TeamChangeRefusedException;
import io.infolettre.newsletter.shared.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The team's transitions against a real MongoDB-wire server, with a clock the test moves. */
class MongoPeopleIntegrationTests {

	private final EmbeddedMongo mongo = new EmbeddedMongo();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC);

	private final MongoPeople people = new MongoPeople(this.mongo.template(), this.clock);

	private Person admin;

	private Actor adminActor;

	@BeforeEach
	void firstAdministrator() {
		this.people.createIndexes();
		this.admin = this.people.createActive("admin", null, null, Role.ADMIN, "{noop}hash").orElseThrow();
		this.adminActor = new Actor(this.admin.id(), "admin", null, null);
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void anInvitationWorksOnceWithinSeventyTwoHours() {
		Invitation invitation = this.people.invite(" Marie@Exemple.CA ", "Marie", Role.COORDINATOR);
		assertThat(invitation.person().status()).isEqualTo(PersonStatus.INVITED);
		assertThat(invitation.person().login()).isEqualTo("marie@exemple.ca");
		assertThat(invitation.person().email()).isEqualTo("marie@exemple.ca");
		assertThat(invitation.expiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofHours(72)));
		assertThat(this.mongo.template().getCollection("people").find().into(new java.util.ArrayList<>()).toString())
			.as("only a hash of the secret is stored")
			.doesNotContain(invitation.grantId());

		this.clock.advance(Duration.ofHours(71));
		assertThat(this.people.invitedWith(invitation.grantId())).isPresent();
		Person accepted = this.people.acceptInvitation(invitation.grantId(), "{noop}new").orElseThrow();

		assertThat(accepted.status()).isEqualTo(PersonStatus.ACTIVE);
		assertThat(accepted.passwordHash()).isEqualTo("{noop}new");
		assertThat(this.people.acceptInvitation(invitation.grantId(), "{noop}other")).as("used").isEmpty();
		assertThat(this.people.invitedWith(invitation.grantId())).isEmpty();
	}

	@Test
	void anExpiredInvitationNoLongerWorksAndARenewedOneReplacesIt() {
		Invitation first = this.people.invite("paul@exemple.ca", null, Role.READER);
		this.clock.advance(Duration.ofHours(72));
		assertThat(this.people.acceptInvitation(first.grantId(), "{noop}x")).isEmpty();

		Invitation second = this.people.renewInvitation(first.person().id());
		assertThat(this.people.invitedWith(first.grantId())).isEmpty();
		assertThat(this.people.acceptInvitation(second.grantId(), "{noop}x")).isPresent();
		assertThatThrownBy(() -> this.people.renewInvitation(first.person().id()))
			.isInstanceOf(TeamChangeRefusedException.class);
	}

	@Test
	void anAddressCanBeInvitedOnlyOnceAndMustBeOne() {
		this.people.invite("luc@exemple.ca", null, Role.READER);
		assertThatThrownBy(() -> this.people.invite("LUC@exemple.ca", null, Role.ADMIN))
			.isInstanceOf(TeamChangeRefusedException.class)
			.hasMessageContaining("déjà invité");
		assertThatThrownBy(() -> this.people.invite("pas une adresse", null, Role.ADMIN))
			.isInstanceOf(TeamChangeRefusedException.class)
			.hasMessage("« pas une adresse » n’est pas une adresse courriel valide.");
	}

	@Test
	void aPasswordResetWorksOnceWithinTwoHoursAndANewerOneReplacesIt() {
		Person marie = active("marie@exemple.ca", Role.COORDINATOR);
		var first = this.people.requestPasswordReset("MARIE@exemple.ca").orElseThrow();
		var second = this.people.requestPasswordReset("marie@exemple.ca").orElseThrow();
		assertThat(this.people.resettingWith(first.grantId())).as("replaced").isEmpty();

		this.clock.advance(Duration.ofMinutes(119));
		assertThat(this.people.resetPassword(second.grantId(), "{noop}new").orElseThrow().passwordHash())
			.isEqualTo("{noop}new");
		assertThat(this.people.resetPassword(second.grantId(), "{noop}again")).isEmpty();

		var third = this.people.requestPasswordReset("marie@exemple.ca").orElseThrow();
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.people.resetPassword(third.grantId(), "{noop}late")).as("expired").isEmpty();
		assertThat(this.people.find(marie.id()).orElseThrow().passwordHash()).isEqualTo("{noop}new");
	}

	@Test
	void noResetForAnUnknownAddressADeactivatedPersonOrSomeoneWithoutAnAddress() {
		Person gone = active("parti@exemple.ca", Role.READER);
		this.people.deactivate(gone.id(), this.adminActor);

		assertThat(this.people.requestPasswordReset("inconnu@exemple.ca")).isEmpty();
		assertThat(this.people.requestPasswordReset("parti@exemple.ca")).isEmpty();
		assertThat(this.people.requestPasswordReset("admin")).isEmpty();
	}

	@Test
	void theLastActiveAdministratorCanBeNeitherDeactivatedNorDemoted() {
		Person other = active("autre-admin@exemple.ca", Role.ADMIN);
		Actor otherActor = new Actor(other.id(), "autre", null, null);

		assertThatThrownBy(() -> this.people.deactivate(this.admin.id(), this.adminActor))
			.as("oneself")
			.hasMessage("Vous ne pouvez pas désactiver votre propre compte.");
		this.people.changeRole(this.admin.id(), Role.APPROVER, otherActor);

		assertThatThrownBy(() -> this.people.changeRole(other.id(), Role.READER, this.adminActor))
			.isInstanceOf(TeamChangeRefusedException.class)
			.hasMessageContaining("c’est le dernier administrateur actif");
		assertThatThrownBy(() -> this.people.deactivate(other.id(), this.adminActor))
			.isInstanceOf(TeamChangeRefusedException.class)
			.hasMessageContaining("c’est le dernier administrateur actif");
		assertThat(this.people.find(other.id()).orElseThrow().isActiveAdministrator()).isTrue();
	}

	@Test
	void aDeactivatedPersonKeepsTheirPasswordAndComesBackWithItOrInvitedAgainWithoutOne() {
		Person marie = active("marie@exemple.ca", Role.COORDINATOR);
		Invitation invitation = this.people.invite("jamais@exemple.ca", null, Role.READER);

		Person deactivated = this.people.deactivate(marie.id(), this.adminActor);
		this.people.deactivate(invitation.person().id(), this.adminActor);

		assertThat(deactivated.status()).isEqualTo(PersonStatus.DEACTIVATED);
		assertThat(deactivated.deactivatedAt()).isEqualTo(this.clock.instant());
		assertThat(this.people.invitedWith(invitation.grantId())).as("the invitation stops working").isEmpty();
		assertThat(this.people.withPermission(Permission.ISSUES_EDIT, false)).extracting(Person::login)
			.containsExactly("admin");
		assertThat(this.people.reactivate(marie.id()).status()).isEqualTo(PersonStatus.ACTIVE);
		assertThat(this.people.reactivate(invitation.person().id()).status()).isEqualTo(PersonStatus.INVITED);
	}

	@Test
	void aPersonLogsInWithTheirAddressAndChangingItChangesTheirLogin() {
		Person marie = active("marie@exemple.ca", Role.COORDINATOR);
		assertThat(this.people.findByLogin("Marie@Exemple.ca")).map(Person::id).hasValue(marie.id());

		this.people.updateProfile(marie.id(), "Marie T.", "marie.t@exemple.ca");
		assertThat(this.people.findByLogin("marie.t@exemple.ca")).map(Person::name).hasValue("Marie T.");
		assertThat(this.people.findByLogin("marie@exemple.ca")).isEmpty();

		Person admin = this.people.updateProfile(this.admin.id(), null, "direction@exemple.ca");
		assertThat(admin.login()).as("the first administrator keeps their user name").isEqualTo("admin");
		assertThat(this.people.findByLogin("DIRECTION@exemple.ca")).map(Person::id).hasValue(this.admin.id());
		assertThatThrownBy(() -> this.people.updateProfile(marie.id(), null, "direction@exemple.ca"))
			.isInstanceOf(TeamChangeRefusedException.class)
			.hasMessageContaining("déjà celle d’une autre personne");
	}

	@Test
	void withPermissionFollowsTheRuleOnApproval() {
		active("coordination@exemple.ca", Role.COORDINATOR);
		active("approbation@exemple.ca", Role.APPROVER);

		assertThat(this.people.withPermission(Permission.ISSUES_SEND, false)).extracting(Person::login)
			.containsExactlyInAnyOrder("admin", "coordination@exemple.ca", "approbation@exemple.ca");
		assertThat(this.people.withPermission(Permission.ISSUES_SEND, true)).extracting(Person::login)
			.containsExactlyInAnyOrder("admin", "approbation@exemple.ca");
	}

	private Person active(String email, Role role) {
		return this.people.createActive(email, email, null, role, "{noop}secret").orElseThrow();
	}

}
