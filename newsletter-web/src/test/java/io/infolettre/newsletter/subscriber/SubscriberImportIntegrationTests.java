package io.infolettre.newsletter.subscriber;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestImports;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.infolettre.newsletter.support.TestImports.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV imports through the API against the embedded MongoDB-wire server: encodings, separators,
 * quoted fields over several lines, every kind of bad row with its line, idempotence, the three modes,
 * the refused rows and the export as CSV.
 */
class SubscriberImportIntegrationTests extends AbstractIntegrationTests {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final String list = "import-" + this.tag;

	@Autowired
	private Subscribers subscribers;

	@Autowired
	private SubscriberManagement management;

	@Autowired
	private AttributeDefinitions attributes;

	@Autowired
	private UnsubscribeLog unsubscribeLog;

	private TestImports imports() {
		return new TestImports(this.port);
	}

	private String address(String name) {
		return name + "-" + this.tag + "@membres.exemple.ca";
	}

	private Subscriber subscriber(String name) {
		return this.subscribers.findByEmail(EmailAddress.of(address(name))).orElseThrow();
	}

	private static byte[] utf8WithBom(String text) {
		byte[] content = text.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[content.length + 3];
		System.arraycopy(BOM, 0, withBom, 0, 3);
		System.arraycopy(content, 0, withBom, 3, content.length);
		return withBom;
	}

	private String goodFile() {
		return "Courriel;Prénom;Nom;Entreprise;Langue;Secteur;Notes\r\n"
				+ address("anne") + ";Anne;Côté;\"Usinage Côté; fils inc.\";fr;Génie;\r\n"
				+ address("bruno") + ";Bruno;Lévesque;Transports B.L.;anglais;transport;\"Rencontré au salon,\r\n"
				+ "rappeler en janvier\"\r\n"
				+ address("chloe") + ";Chloé;Gagnon-Bérubé;Œuvres d’Art inc.;;;\r\n";
	}

	@Test
	void aGoodFileImportsWithItsAccentsQuotedFieldsAndTheLineOfEachConsent() {
		String job = imports().run("membres é.csv", utf8WithBom(goodFile()),
				"{\"lists\":[\"" + this.list + "\"],\"tags\":[\"salon\"]}");

		assertThat(job).contains("\"status\":\"DONE\"");
		assertThat(count(job, "rows")).isEqualTo(3);
		assertThat(count(job, "added")).isEqualTo(3);
		assertThat(count(job, "rejected")).isZero();
		Subscriber anne = subscriber("anne");
		assertThat(anne.getCompany()).isEqualTo("Usinage Côté; fils inc.");
		assertThat(anne.getAttributes()).containsEntry("secteur", "Génie");
		assertThat(anne.getLists()).containsExactly(this.list);
		assertThat(anne.getTags()).containsExactly("salon");
		assertThat(anne.getConsent().type()).isEqualTo(Consent.Type.IMPLIED_MEMBERSHIP);
		assertThat(anne.getConsent().channel()).isEqualTo(Consent.Channel.IMPORT);
		assertThat(anne.getConsent().source()).isEqualTo("membres é.csv, ligne 2");
		assertThat(anne.getConsent().expiresAt()).isNotNull();
		Subscriber bruno = subscriber("bruno");
		assertThat(bruno.getLanguage()).isEqualTo("en");
		assertThat(bruno.getAttributes()).as("a choice matches whatever its case").containsEntry("secteur", "Transport");
		assertThat(bruno.getConsent().source()).isEqualTo("membres é.csv, ligne 3");
		Subscriber chloe = subscriber("chloe");
		assertThat(chloe.getFullName()).isEqualTo("Chloé Gagnon-Bérubé");
		assertThat(chloe.getCompany()).isEqualTo("Œuvres d’Art inc.");
		assertThat(chloe.getConsent().source()).as("the quoted field took two lines").isEqualTo("membres é.csv, ligne 5");
		assertThat(chloe.mayReceiveAt(Instant.now())).isTrue();
	}

	@Test
	void reimportingTheSameFileChangesNothing() {
		String options = "{\"lists\":[\"" + this.list + "\"],\"mode\":\"ADD_AND_UPDATE\"}";
		imports().run("membres.csv", utf8WithBom(goodFile()), options);
		Instant updatedBefore = subscriber("anne").getConsent().grantedAt();

		String again = imports().run("membres.csv", utf8WithBom(goodFile()), options);

		assertThat(count(again, "added")).isZero();
		assertThat(count(again, "updated")).isZero();
		assertThat(count(again, "unchanged")).isEqualTo(3);
		assertThat(subscriber("anne").getConsent().grantedAt()).isEqualTo(updatedBefore);
		assertThat(subscriber("anne").getConsent().source()).isEqualTo("membres.csv, ligne 2");
	}

	@Test
	void aWindows1252FileFromExcelIsDetectedAndItsAccentsKept() {
		String text = "Courriel;Prénom;Nom;Entreprise;Secteur\r\n" + address("helene")
				+ ";Hélène;Bélanger;Cœur de Métal ltée;Fabrication et transformation\r\n" + address("francois")
				+ ";François;Thériault;Boîtes à œufs « Québec »;Agroalimentaire\r\n";
		byte[] cp1252 = text.getBytes(Charset.forName("windows-1252"));

		String job = imports().run("excel.csv", cp1252, "{\"lists\":[\"" + this.list + "\"]}");

		assertThat(count(job, "added")).as(job).isEqualTo(2);
		assertThat(subscriber("helene").getFullName()).isEqualTo("Hélène Bélanger");
		assertThat(subscriber("helene").getCompany()).isEqualTo("Cœur de Métal ltée");
		assertThat(subscriber("francois").getCompany()).isEqualTo("Boîtes à œufs « Québec »");
		assertThat(subscriber("francois").getAttributes()).containsEntry("secteur", "Agroalimentaire");
	}

	@Test
	void everyKindOfBadRowIsReportedWithItsLineAndReasonWhileTheGoodRowsImport() {
		this.attributes.save(AttributeDefinition.of("effectifImp", "Employés", AttributeType.NUMBER));
		this.attributes.save(AttributeDefinition.of("actifImp", "Actif", AttributeType.BOOLEAN));
		Instant now = Instant.now();
		this.management.addAll(List.of(
				new Subscriber(EmailAddress.of(address("parti")), "Paul", "Parti", null, "fr",
						Consent.express(Consent.Channel.ADMIN, "test", "test", null, now), now),
				new Subscriber(EmailAddress.of(address("plainte")), "Pia", "Plainte", null, "fr",
						Consent.express(Consent.Channel.ADMIN, "test", "test", null, now), now)));
		this.management.unsubscribe(subscriber("parti").getId(), UnsubscribeChannel.ADMIN, null);
		this.management.recordComplaint(subscriber("plainte").getId(), null);
		String good = ",Génie,12,oui,2020-01-15,membre,2025-06-01";
		List<String> lines = new ArrayList<>();
		lines.add("courriel,prénom,nom,entreprise,langue,secteur,employés,actif,membre depuis,consentement,date");
		lines.add(address("bon1") + ",Anne,Côté,Usinage,fr" + good); // 2
		lines.add(""); // 3
		lines.add(address("x3") + ",A,B,C,fr" + good + ",en trop"); // 4
		lines.add(address("x4") + ",A,B,C,fr"); // 5
		lines.add(",Jean,Sans,Adresse,fr" + good); // 6
		lines.add("pas-une-adresse,A,B,C,fr" + good); // 7
		lines.add(address("BON1") + ",Anne,Côté,Usinage,fr" + good); // 8
		lines.add(address("x8") + ",A,B,C,de" + good); // 9
		lines.add(address("x9") + ",A,B,C,fr,Pêche,12,oui,2020-01-15,membre,2025-06-01"); // 10
		lines.add(address("x10") + ",A,B,C,fr,Génie,douze,oui,2020-01-15,membre,2025-06-01"); // 11
		lines.add(address("x11") + ",A,B,C,fr,Génie,12,oui,32/13/2020,membre,2025-06-01"); // 12
		lines.add(address("x12") + ",A,B,C,fr,Génie,12,peut-être,2020-01-15,membre,2025-06-01"); // 13
		lines.add(address("x13") + ",A,B,C,fr,Génie,12,oui,2020-01-15,,2025-06-01"); // 14
		lines.add(address("x14") + ",A,B,C,fr,Génie,12,oui,2020-01-15,verbal,2025-06-01"); // 15
		lines.add(address("x15") + ",A,B,C,fr,Génie,12,oui,2020-01-15,membre,hier"); // 16
		lines.add(address("x16") + ",A,B,C,fr,Génie,12,oui,2020-01-15,membre,2099-01-01"); // 17
		lines.add(address("x17") + ",A,B,C,fr,Génie,12,oui,2020-01-15,membre,2019-01-01"); // 18
		lines.add(address("x18") + ",A,B," + "C".repeat(600) + ",fr" + good); // 19
		// a control character in a name is a space (as everywhere names are typed), not elsewhere
		lines.add(address("x19") + ",A,B,C,fr,Génie\u0007,12,oui,2020-01-15,membre,2025-06-01"); // 20
		lines.add(address("x20") + ",Ren\uFFFD,B,C,fr" + good); // 21
		lines.add(address("parti") + ",Paul,Parti,C,fr" + good); // 22
		lines.add(address("plainte") + ",Pia,Plainte,C,fr" + good); // 23
		lines.add(address("bon2") + ",Bruno,Lévesque,\"Fonderie\nDu Lac\",en" + good); // 24-25
		lines.add("encore pas une adresse,A,B,C,fr" + good); // 26
		lines.add(",,,,,,,,,,"); // 27
		lines.add(address("bon3") + ",Chloé,Bérubé,Œuvres,fr,,,,,exprès,"); // 28
		String mapping = "[\"email\",\"firstName\",\"lastName\",\"company\",\"language\",\"attr:secteur\","
				+ "\"attr:effectifImp\",\"attr:actifImp\",\"attr:membreDepuis\",\"consentType\",\"consentDate\"]";

		String job = imports().run("mauvais.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
				"{\"mapping\":" + mapping + ",\"consentRequired\":true,\"lists\":[\"" + this.list
						+ "\"],\"leaveOutUnknownChoices\":[\"secteur\"]}");

		assertThat(job).contains("\"status\":\"DONE\"");
		assertThat(count(job, "rows")).isEqualTo(26);
		assertThat(count(job, "added")).as("the row of an unknown sector is taken without it").isEqualTo(4);
		assertThat(count(job, "warned")).isEqualTo(1);
		assertThat(count(job, "rejected")).isEqualTo(22);
		Map<Long, String> reasons = imports().csv("/api/v1/imports/" + jobId(job) + "/rejected.csv", ';')
			.stream()
			.collect(Collectors.toMap(row -> Long.parseLong(row.get("ligne")), row -> row.get("raison")));
		assertThat(reasons).hasSize(22);
		assertThat(reasons.get(3L)).isEqualTo("ligne vide");
		assertThat(reasons.get(4L)).startsWith("trop de colonnes : 12 au lieu de 11");
		assertThat(reasons.get(5L)).isEqualTo("trop peu de colonnes : 5 au lieu de 11");
		assertThat(reasons.get(6L)).isEqualTo("adresse courriel manquante");
		assertThat(reasons.get(7L)).isEqualTo("adresse courriel invalide : « pas-une-adresse »");
		assertThat(reasons.get(8L)).isEqualTo("adresse en double dans le fichier (déjà à la ligne 2)");
		assertThat(reasons.get(9L)).isEqualTo("langue inconnue : « de » (fr ou en)");
		assertThat(reasons).doesNotContainKey(10L);
		assertThat(subscriber("x9").getAttributes()).doesNotContainKey("secteur");
		assertThat(this.attributes.find("secteur").orElseThrow().choices()).doesNotContain("Pêche");
		assertThat(reasons.get(11L)).isEqualTo("Employés : nombre attendu : « douze »");
		assertThat(reasons.get(12L)).isEqualTo("Membre depuis : date attendue (AAAA-MM-JJ) : « 32/13/2020 »");
		assertThat(reasons.get(13L)).isEqualTo("Actif : oui ou non attendu : « peut-être »");
		assertThat(reasons.get(14L)).startsWith("consentement manquant");
		assertThat(reasons.get(15L)).startsWith("type de consentement inconnu : « verbal »");
		assertThat(reasons.get(16L)).isEqualTo("date de consentement invalide : « hier » (AAAA-MM-JJ)");
		assertThat(reasons.get(17L)).isEqualTo("date de consentement dans le futur : « 2099-01-01 »");
		assertThat(reasons.get(18L)).startsWith("consentement implicite échu : accordé le 2019-01-01");
		assertThat(reasons.get(19L)).startsWith("valeur trop longue dans « entreprise »");
		assertThat(reasons.get(20L)).isEqualTo("caractère de contrôle invisible dans « secteur »");
		assertThat(reasons.get(21L)).startsWith("caractères illisibles dans « prénom »");
		assertThat(reasons.get(22L)).startsWith("désabonné le ").contains("un import ne réabonne personne");
		assertThat(reasons.get(23L)).startsWith("adresse bloquée");
		assertThat(reasons.get(26L)).isEqualTo("adresse courriel invalide : « encore pas une adresse »");
		assertThat(reasons.get(27L)).isEqualTo("ligne vide");
		assertThat(reasons.values().stream().distinct().map(r -> r.replaceAll(" :.*| \\(.*", "")).distinct().count())
			.as("kinds of bad rows").isGreaterThanOrEqualTo(20);

		assertThat(subscriber("bon1").getAttributes()).containsEntry("effectifImp", 12L)
			.containsEntry("actifImp", true)
			.containsEntry("membreDepuis", "2020-01-15");
		assertThat(subscriber("bon1").getConsent().grantedAt()).isBefore(Instant.now().minus(30, ChronoUnit.DAYS));
		assertThat(subscriber("bon2").getCompany()).isEqualTo("Fonderie Du Lac");
		assertThat(subscriber("bon2").getConsent().source()).isEqualTo("mauvais.csv, ligne 24");
		assertThat(subscriber("bon3").getConsent().type()).isEqualTo(Consent.Type.EXPRESS);
		assertThat(subscriber("bon3").getConsent().source()).isEqualTo("mauvais.csv, ligne 28");
		assertThat(subscriber("parti").getStatus()).as("never resubscribed by an import")
			.isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(this.subscribers.findByEmail(EmailAddress.of(address("x3")))).isEmpty();

		List<CSVRecord> rows = imports().csv("/api/v1/imports/" + jobId(job) + "/rejected.csv", ';');
		assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("ligne", "raison", "ligne d’origine");
		assertThat(rows.stream().filter(r -> r.get("ligne").equals("9")).findFirst().orElseThrow().get("ligne d’origine"))
			.isEqualTo(address("x8") + ",A,B,C,de" + good);
	}

	@Test
	void aFileOfSeveralBatchesImportsEachRowOnceAndReportsEachRefusalAtItsLine() {
		Instant now = Instant.now();
		var leavers = new ArrayList<Subscriber>();
		for (int i = 0; i < 4500; i += 450) {
			leavers.add(new Subscriber(EmailAddress.of(address("m" + i)), "Paul", "Parti", null, "fr",
					Consent.express(Consent.Channel.ADMIN, "test", "test", null, now), now));
		}
		this.management.addAll(leavers);
		leavers.forEach(leaver -> this.management.unsubscribe(
				this.subscribers.findByEmail(leaver.getEmail()).orElseThrow().getId(), UnsubscribeChannel.ADMIN, null));
		var file = new StringBuilder("courriel;prénom;nom\n");
		var expected = new java.util.TreeMap<Long, String>();
		for (int i = 0; i < 4500; i++) {
			long line = i + 2;
			if (i % 700 == 699) {
				file.append("pas-une-adresse-").append(i).append(";Anne;Côté\n");
				expected.put(line, "adresse courriel invalide");
			}
			else if (i % 1100 == 1099) {
				file.append(address("m" + (i - 1000))).append(";Anne;Côté\n");
				expected.put(line, "adresse en double dans le fichier (déjà à la ligne " + (line - 1000) + ")");
			}
			else {
				file.append(address("m" + i)).append(";Zoé;Bérubé\n");
				if (i % 450 == 0) {
					expected.put(line, "désabonné");
				}
			}
		}

		String job = imports().run("gros.csv", file.toString().getBytes(StandardCharsets.UTF_8),
				"{\"lists\":[\"" + this.list + "\"]}");

		assertThat(count(job, "rows")).isEqualTo(4500);
		assertThat(count(job, "rejected")).as(job).isEqualTo(expected.size());
		assertThat(count(job, "added")).isEqualTo(4500 - expected.size());
		List<CSVRecord> rejected = imports().csv("/api/v1/imports/" + jobId(job) + "/rejected.csv", ';');
		assertThat(rejected).extracting(row -> Long.parseLong(row.get("ligne")))
			.as("every refusal once, in line order")
			.containsExactlyElementsOf(expected.keySet());
		for (CSVRecord row : rejected) {
			assertThat(row.get("raison")).startsWith(expected.get(Long.parseLong(row.get("ligne"))));
		}
		CSVRecord leaver = rejected.stream().filter(row -> row.get("raison").startsWith("désabonné"))
			.reduce((first, second) -> second).orElseThrow();
		assertThat(leaver.get("ligne d’origine")).as("the writer's refusal quotes its row")
			.isEqualTo(address("m" + (Long.parseLong(leaver.get("ligne")) - 2)) + ";Zoé;Bérubé");
		assertThat(this.subscribers.findByEmail(EmailAddress.of(address("m4499"))).orElseThrow().getLists())
			.containsExactly(this.list);
		assertThat(subscriber("m0").getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
	}

	@Test
	void addNewOnlyLeavesKnownAddressesAloneAndUpdateChangesOnlyWhatDiffers() {
		String v1 = "courriel,prénom,nom\n" + address("a") + ",Anne,Côté\n" + address("b") + ",Bruno,Roy\n";
		String v2 = "courriel,prénom,nom\n" + address("a") + ",Annie,Côté\n" + address("b") + ",Bruno,Roy\n";
		String lists = "\"lists\":[\"" + this.list + "\"]";
		imports().run("v1.csv", v1.getBytes(StandardCharsets.UTF_8), "{" + lists + "}");

		String addOnly = imports().run("v2.csv", v2.getBytes(StandardCharsets.UTF_8),
				"{\"mode\":\"ADD_NEW\"," + lists + "}");
		assertThat(count(addOnly, "unchanged")).isEqualTo(2);
		assertThat(subscriber("a").getFirstName()).isEqualTo("Anne");

		String update = imports().run("v2.csv", v2.getBytes(StandardCharsets.UTF_8),
				"{\"mode\":\"ADD_AND_UPDATE\"," + lists + ",\"tags\":[\"v2\"]}");
		assertThat(count(update, "updated")).isEqualTo(2);
		update = imports().run("v2.csv", v2.getBytes(StandardCharsets.UTF_8),
				"{\"mode\":\"ADD_AND_UPDATE\"," + lists + ",\"tags\":[\"v2\"]}");
		assertThat(count(update, "updated")).isZero();
		assertThat(count(update, "unchanged")).isEqualTo(2);
		assertThat(subscriber("a").getFirstName()).isEqualTo("Annie");
		assertThat(subscriber("a").getTags()).containsExactly("v2");
		assertThat(subscriber("a").getConsent().source()).as("the consent of the first import stays")
			.isEqualTo("v1.csv, ligne 2");
		// the search finds a member by the name an import gave them, no longer by the one before
		assertThat(http().api("GET", "/api/v1/subscribers?q=annie&list=" + this.list).body())
			.contains(address("a"));
		assertThat(http().api("GET", "/api/v1/subscribers?q=anne&list=" + this.list).body())
			.doesNotContain(address("a"));
	}

	@Test
	void theUnsubscribeModeUnsubscribesKnownAddressesBlocksUnknownOnesAndLogsEach() {
		Instant start = Instant.now().minusSeconds(1);
		imports().run("membres.csv", ("courriel\n" + address("reste") + "\n" + address("part") + "\n")
			.getBytes(StandardCharsets.UTF_8), "{\"lists\":[\"" + this.list + "\"]}");
		byte[] leaving = ("Courriel\n" + address("part") + "\n" + address("inconnu") + "\n")
			.getBytes(StandardCharsets.UTF_8);

		String job = imports().run("desabonnements.csv", leaving, "{\"mode\":\"UNSUBSCRIBE\"}");

		assertThat(count(job, "unsubscribed")).isEqualTo(2);
		assertThat(subscriber("part").getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(subscriber("part").mayReceiveAt(Instant.now())).isFalse();
		assertThat(subscriber("inconnu").getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(subscriber("reste").getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		List<UnsubscribeEntry> logged = new ArrayList<>();
		this.unsubscribeLog.forEach(start, Instant.now().plusSeconds(1), entry -> {
			if (entry.email().endsWith(this.tag + "@membres.exemple.ca")) {
				logged.add(entry);
			}
		});
		assertThat(logged).extracting(UnsubscribeEntry::email)
			.containsExactlyInAnyOrder(address("part"), address("inconnu"));
		assertThat(logged).extracting(UnsubscribeEntry::channel).containsOnly(UnsubscribeChannel.ADMIN_IMPORT);

		String again = imports().run("desabonnements.csv", leaving, "{\"mode\":\"UNSUBSCRIBE\"}");
		assertThat(count(again, "unsubscribed")).isZero();
		assertThat(count(again, "unchanged")).isEqualTo(2);

		String blocked = imports().run("membres.csv", ("courriel\n" + address("inconnu") + "\n")
			.getBytes(StandardCharsets.UTF_8), "{\"mode\":\"ADD_AND_UPDATE\"}");
		assertThat(count(blocked, "rejected")).as("a blocked address is not added back").isEqualTo(1);
	}

	@Test
	void aListExportsAsCsvThatOpensWithItsAccentsAndImportsBackUnchanged() {
		String plusOne = "+1-" + this.tag + "@membres.exemple.ca";
		String text = "Courriel;Prénom;Nom;Entreprise;Secteur;Membre depuis\n" + address("eloise")
				+ ";Éloïse;Gagné;=HYPERLINK(\"x\");Génie;2019-03-01\n" + address("noe")
				+ ";Noé;Œuvray;Scierie « Lac-Saint-Jean »;;\n" + plusOne + ";=1+1;-Moins;@Arobase;;\n";
		imports().run("membres.csv", text.getBytes(StandardCharsets.UTF_8),
				"{\"lists\":[\"" + this.list + "\"],\"tags\":[\"export\"]}");

		List<CSVRecord> rows = imports().csv("/api/v1/subscribers.csv?list=" + this.list, ';');

		assertThat(rows).hasSize(3);
		CSVRecord eloise = rows.stream().filter(r -> r.get("courriel").equals(address("eloise"))).findFirst().orElseThrow();
		assertThat(eloise.get("prénom")).isEqualTo("Éloïse");
		assertThat(eloise.get("entreprise")).as("a formula is never run by the spreadsheet")
			.isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(eloise.get("Secteur")).isEqualTo("Génie");
		assertThat(eloise.get("Membre depuis")).isEqualTo("2019-03-01");
		assertThat(eloise.get("statut")).isEqualTo("actif");
		assertThat(eloise.get("listes")).isEqualTo(this.list);
		assertThat(eloise.get("étiquettes")).isEqualTo("export");
		assertThat(eloise.get("consentement")).isEqualTo("membre");
		assertThat(eloise.get("source du consentement")).isEqualTo("membres.csv, ligne 2");
		CSVRecord noe = rows.stream().filter(r -> r.get("courriel").equals(address("noe"))).findFirst().orElseThrow();
		assertThat(noe.get("nom")).isEqualTo("Œuvray");
		assertThat(noe.get("entreprise")).isEqualTo("Scierie « Lac-Saint-Jean »");
		CSVRecord guarded = rows.stream().filter(r -> r.get("courriel").equals("'" + plusOne)).findFirst().orElseThrow();
		assertThat(guarded.get("prénom")).isEqualTo("'=1+1");

		byte[] export = exportBytes();
		String back = imports().run("export.csv", export, "{\"mode\":\"ADD_AND_UPDATE\"}");
		assertThat(count(back, "rejected")).as(back).isZero();
		assertThat(count(back, "added")).as("the guarded address is the same subscriber, not a new one").isZero();
		assertThat(count(back, "updated")).as("the guard is not part of the values").isZero();
		assertThat(count(back, "unchanged")).isEqualTo(3);
		Subscriber one = this.subscribers.findByEmail(EmailAddress.of(plusOne)).orElseThrow();
		assertThat(one.getFirstName()).isEqualTo("=1+1");
		assertThat(one.getLastName()).isEqualTo("-Moins");
		assertThat(one.getCompany()).isEqualTo("@Arobase");
		assertThat(this.subscribers.findByEmail(EmailAddress.of("'" + plusOne))).isEmpty();
		assertThat(subscriber("eloise").getCompany()).isEqualTo("=HYPERLINK(\"x\")");
	}

	/**
	 * A real member file had sectors of its own (« Manufacturier et transformation », « Ingénierie »,
	 * « Hautes technologies ») and lost half its rows: the mapping step lists them, and by default they
	 * join the list of choices and every row imports.
	 */
	@Test
	void aCoordinatorsOwnSectorsAreListedAtTheMappingStepAndAddedToTheChoicesSoEveryRowImports() {
		String[] sectors = { "Manufacturier et transformation", "Ingénierie", "Hautes technologies", "Génie" };
		var file = new StringBuilder("Courriel;Prénom;Entreprise;Secteur\n");
		for (int i = 0; i < 40; i++) {
			file.append(address("s" + i)).append(";Anne;Usinage;")
				.append(i == 39 ? "ingénierie" : sectors[i % sectors.length]).append('\n');
		}
		AdminSession admin = AdminSession.login(this.port);
		var uploaded = admin.upload("/admin/imports", "/admin/imports", List.of(),
				List.of("file", "secteurs.csv", file.toString()));
		String mappingPath = uploaded.headers().firstValue("Location").map(location -> location.replaceAll("^https?://[^/]+", ""))
			.orElseThrow();
		String uploadId = mappingPath.replaceAll(".*/upload/([^?]+).*", "$1");

		var unknown = admin.page(mappingPath).getElementById("unknown-secteur");
		assertThat(unknown).as("the unknown sectors are listed").isNotNull();
		assertThat(unknown.text()).contains("« Manufacturier et transformation » (10 lignes)")
			.contains("« Ingénierie » (11 lignes)")
			.contains("« Hautes technologies » (10 lignes)")
			.doesNotContain("Génie");
		assertThat(unknown.select("select[name=leaveOut] option[selected]")).as("adding them is the default").isEmpty();

		var started = admin.submit(mappingPath, "/admin/imports/upload/" + uploadId, "name", "secteurs.csv", "encoding",
				"UTF-8", "separator", ";", "column", "email", "column", "firstName", "column", "company", "column",
				"attr:secteur", "mode", "ADD_NEW", "lists", this.list, "leaveOut", "");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String jobId = started.headers().firstValue("Location").orElseThrow().replaceAll(".*/admin/imports/", "");
		String job = imports().awaitFinished(jobId);

		assertThat(count(job, "added")).as(job).isEqualTo(40);
		assertThat(count(job, "rejected")).isZero();
		assertThat(count(job, "warned")).isZero();
		assertThat(subscriber("s0").getAttributes()).containsEntry("secteur", "Manufacturier et transformation");
		assertThat(subscriber("s1").getAttributes()).containsEntry("secteur", "Ingénierie");
		assertThat(subscriber("s39").getAttributes()).as("a later row in another case reads the added choice")
			.containsEntry("secteur", "Ingénierie");
		assertThat(subscriber("s3").getAttributes()).containsEntry("secteur", "Génie");
		assertThat(this.attributes.find("secteur").orElseThrow().choices()).contains("Fabrication et transformation",
				"Génie", "Manufacturier et transformation", "Ingénierie", "Hautes technologies")
			.doesNotContain("ingénierie");
	}

	@Test
	void aRowWithThreeProblemsReportsAllThreeAndTheReasonsAreCounted() {
		String file = "courriel,langue,membre depuis,prénom\n" + address("ok") + ",fr,2020-01-15,Anne\n"
				+ "pas-une-adresse,xx,hier,Bruno\n" + address("deux") + ",de,2020-01-15,Chloé\n";

		String job = imports().run("trois.csv", file.getBytes(StandardCharsets.UTF_8),
				"{\"lists\":[\"" + this.list + "\"]}");

		assertThat(count(job, "added")).isEqualTo(1);
		assertThat(count(job, "rejected")).isEqualTo(2);
		List<CSVRecord> rows = imports().csv("/api/v1/imports/" + jobId(job) + "/rejected.csv", ';');
		assertThat(rows).extracting(row -> row.get("ligne")).containsExactly("3", "4");
		assertThat(rows.get(0).get("raison")).isEqualTo("adresse courriel invalide : « pas-une-adresse » ; "
				+ "langue inconnue : « xx » (fr ou en) ; Membre depuis : date attendue (AAAA-MM-JJ) : « hier »");
		assertThat(rows.get(1).get("raison")).isEqualTo("langue inconnue : « de » (fr ou en)");
		assertThat(count(job, "EMAIL_INVALID")).isEqualTo(1);
		assertThat(count(job, "LANGUAGE_UNKNOWN")).isEqualTo(2);
		assertThat(count(job, "ATTRIBUTE_INVALID")).isEqualTo(1);
	}

	@Test
	void theCompaniesOfAnImportExistAsSoonAsItIsDoneForTheirPageAndTheirSegments() {
		String company = "Fonderie du Fjord " + this.tag;
		String file = "courriel;prénom;entreprise\n" + address("f1") + ";Anne;" + company + "\n" + address("f2")
				+ ";Bruno;" + company + "\n";

		imports().run("fonderie.csv", file.getBytes(StandardCharsets.UTF_8), "{\"lists\":[\"" + this.list + "\"]}");

		String id = Company.idOf(company);
		String encoded = java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
		assertThat(AdminSession.login(this.port).get("/admin/companies/company?id=" + encoded).statusCode())
			.as("the company's page").isEqualTo(200);
		var changed = http().api("PUT", "/api/v1/companies/" + encoded.replace("+", "%20"),
				"{\"attributes\":{\"secteur\":\"Transport\"}}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		var counted = http().api("POST", "/api/v1/segments/count", """
				{"rules": {"type": "group", "rules": [
				  {"type": "rule", "subject": "LIST", "operator": "IN", "values": ["%s"]},
				  {"type": "rule", "subject": "COMPANY_ATTRIBUTE", "attribute": "secteur", "operator": "EQUALS", "values": ["Transport"]}]}}
				""".formatted(this.list));
		assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
		assertThat(counted.body()).contains("\"count\":2");
	}

	private byte[] exportBytes() {
		var rows = new StringBuilder();
		imports().csv("/api/v1/subscribers.csv?list=" + this.list, ';').forEach(row -> {
			if (rows.isEmpty()) {
				rows.append(String.join(";", row.getParser().getHeaderNames())).append('\n');
			}
			List<String> cells = new ArrayList<>();
			row.forEach(cell -> cells.add("\"" + cell.replace("\"", "\"\"") + "\""));
			rows.append(String.join(";", cells)).append('\n');
		});
		return utf8WithBom(rows.toString());
	}

	private static String jobId(String json) {
		return json.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
	}

}
