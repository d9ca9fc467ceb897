package io.infolettre.newsletter.admin;

import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.TeamSettingsStore;
import io.infolettre.newsletter.system.AuditSnapshot;
import io.infolettre.newsletter.system.AuditSnapshotSource;

import org.springframework.stereotype.Component;

/** The team and its settings, as the audit log compares them; never a password hash. */
final class AuditTeamSnapshots {

	/** The one target of the team settings' form. */
	static final String TEAM_SETTINGS = "team";

	private AuditTeamSnapshots() {
	}

	/** A person: name, email, role, status. */
	@Component
	static class PersonSnapshots implements AuditSnapshotSource {

		private final People people;

		PersonSnapshots(People people) {
			this.people = people;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.PERSON);
		}

		@Override
		public Optional<AuditSnapshot> take(String id) {
			return this.people.find(id)
				.map(person -> AuditSnapshot.of(person.displayName())
					.put("name", person.name())
					.put("email", person.email())
					.put("role", person.role())
					.put("status", person.status())
					.build());
		}

	}

	/** The team's settings (approval, second factor, password access to the API), whatever id is asked. */
	@Component
	static class SettingSnapshots implements AuditSnapshotSource {

		private final TeamSettingsStore settings;

		SettingSnapshots(TeamSettingsStore settings) {
			this.settings = settings;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.SETTING);
		}

		@Override
		public Optional<String> onlyTarget() {
			return Optional.of(TEAM_SETTINGS);
		}

		@Override
		public Optional<AuditSnapshot> take(String id) {
			var current = this.settings.current();
			return Optional.of(AuditSnapshot.of("Réglages de l’équipe")
				.put("approvalRequired", current.approvalRequired())
				.put("secondFactorRequiredForAdmins", current.secondFactorRequiredForAdmins())
				.put("passwordApiAccess", current.passwordApiAccess())
				.build());
		}

	}

}
