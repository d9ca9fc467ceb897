package io.infolettre.newsletter.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMembersTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final List<Subscriber> members = DemoMembers.generate(NOW);

	@Test
	void about300CompaniesWithOneToThreeContactsEach() {
		Map<String, Long> contactsPerCompany = this.members.stream()
			.collect(Collectors.groupingBy(Subscriber::getCompany, Collectors.counting()));

		assertThat(contactsPerCompany).hasSizeBetween(280, 320);
		assertThat(contactsPerCompany.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 3L));
	}

	@Test
	void emailsAreValidAsciiUniqueAndUnderTheFictionalDomain() {
		List<String> emails = emails(this.members);

		assertThat(emails).doesNotHaveDuplicates()
			.allSatisfy(email -> assertThat(EmailAddress.parse(email)).contains(new EmailAddress(email)))
			.allSatisfy(email -> assertThat(email).endsWith(DemoMembers.DOMAIN_SUFFIX).matches("[a-z0-9.@-]+"));
	}

	@Test
	void companyNamesExerciseTheCharactersThatBreakNaiveEscaping() {
		Set<String> companies = values(Subscriber::getCompany);

		assertThat(companies).anyMatch(name -> name.contains("&"))
			.anyMatch(name -> name.contains("'"))
			.anyMatch(name -> name.contains("–"))
			.anyMatch(name -> name.matches(".*[àâçéèêëîïôùûüÉÈÊÀÇÔ].*"));
	}

	@Test
	void everySectorAndSeveralTerritoriesAppear() {
		assertThat(values(s -> (String) s.getAttributes().get("secteur"))).containsExactlyInAnyOrder(
				"Fabrication et transformation", "Génie", "Transport", "Services professionnels", "Haute technologie",
				"Agroalimentaire");
		assertThat(values(s -> (String) s.getAttributes().get("territoire"))).hasSizeGreaterThan(8)
			.contains("Alma", "Saint-Félicien", "Dolbeau-Mistassini", "Roberval");
	}

	@Test
	void listsAndLanguagesHaveTheIntendedProportions() {
		double contacts = this.members.size();
		long direction = this.members.stream().filter(s -> s.getLists().contains("direction")).count();
		long newsletter = this.members.stream().filter(s -> s.getLists().contains("infolettre")).count();
		long english = this.members.stream().filter(s -> "en".equals(s.getLanguage())).count();

		assertThat(direction / contacts).isBetween(0.02, 0.09);
		assertThat(newsletter / contacts).isBetween(0.33, 0.47);
		assertThat(english).isPositive();
		assertThat(english / contacts).isLessThan(0.1);
		assertThat(values(Subscriber::getLanguage)).containsExactlyInAnyOrder("fr", "en");
	}

	@Test
	void everyMemberHasImpliedMembershipConsentAndANameFromTheirAddress() {
		assertThat(this.members).allSatisfy(member -> {
			assertThat(member.getConsent().grantedAt()).isEqualTo(NOW);
			assertThat(member.getConsent().type()).isEqualTo(Consent.Type.IMPLIED_MEMBERSHIP);
			assertThat(member.getFirstName()).isNotBlank();
			assertThat(member.getEmail().value()).startsWith(DemoMembers.slug(member.getFirstName()) + ".");
		});
	}

	@Test
	void twoRunsGiveTheSameMembers() {
		List<Subscriber> again = DemoMembers.generate(NOW.plusSeconds(3600));

		assertThat(emails(again)).isEqualTo(emails(this.members));
		assertThat(again).map(Subscriber::getCompany).isEqualTo(this.members.stream().map(Subscriber::getCompany).toList());
		assertThat(again).map(Subscriber::getLists).isEqualTo(this.members.stream().map(Subscriber::getLists).toList());
	}

	@Test
	void slugStripsAccentsApostrophesAndLegalForms() {
		assertThat(DemoMembers.slug("Usinage Côté & Fils inc.")).isEqualTo("usinage-cote-et-fils");
		assertThat(DemoMembers.slug("Transport L'Étang–Ouellet ltée")).isEqualTo("transport-letang-ouellet");
		assertThat(DemoMembers.slug("Marie-Ève")).isEqualTo("marie-eve");
	}

	private static List<String> emails(List<Subscriber> subscribers) {
		return subscribers.stream().map(s -> s.getEmail().value()).toList();
	}

	private Set<String> values(Function<Subscriber, String> property) {
		return this.members.stream().map(property).collect(Collectors.toSet());
	}

}
