package io.infolettre.newsletter.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.tracking.OpenClass;

/**
 * The report's tables for export, the same for the admin pages and the API: French headers (as the
 * ledger's export), rates as fractions with four decimals, times in Quebec time (ISO 8601).
 */
public final class ReportTables {

	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private ReportTables() {
	}

	public static ReportTable figures(String title, IssueFigures f) {
		var s = f.stats();
		var d = f.delivery();
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.<Object>of("destinataires", d.recipients()));
		rows.add(List.<Object>of("envoyés", d.sent()));
		rows.add(List.<Object>of("échecs_temporaires", d.failedTemporary()));
		rows.add(List.<Object>of("échecs_permanents", d.failedPermanent()));
		rows.add(List.<Object>of("ouvertures_uniques_personnes", s.read()));
		rows.add(List.<Object>of("dont_par_un_clic_sans_pixel", s.readByClick()));
		rows.add(List.<Object>of("ouvertures_uniques_machines_seulement", s.machineOnly()));
		rows.add(List.<Object>of("ouvertures_uniques_total", s.seen()));
		rows.add(List.<Object>of("taux_ouverture_personnes", rate(f.humanOpenRate())));
		rows.add(List.<Object>of("taux_ouverture_machines", rate(f.machineOpenRate())));
		rows.add(List.<Object>of("taux_ouverture_total", rate(f.totalOpenRate())));
		for (OpenClass type : OpenClass.values()) {
			rows.add(List.<Object>of("ouvertures_" + type.name().toLowerCase(), s.opens(type)));
		}
		rows.add(List.<Object>of("cliqueurs_uniques", s.clicked()));
		rows.add(List.<Object>of("clics_total", s.clickEvents()));
		rows.add(List.<Object>of("taux_clic", rate(f.clickRate())));
		rows.add(List.<Object>of("taux_clic_ouverture", rate(f.clickToOpenRate())));
		rows.add(List.<Object>of("désabonnements", d.unsubscribes()));
		rows.add(List.<Object>of("rebonds_permanents", s.hardBounces()));
		rows.add(List.<Object>of("rebonds_temporaires", s.softBounces()));
		rows.add(List.<Object>of("plaintes", s.complaints()));
		return new ReportTable(title + " chiffres", List.of("mesure", "valeur"), rows);
	}

	public static ReportTable links(String title, List<LinkClicks> links) {
		return new ReportTable(title + " liens", List.of("lien", "clics_total", "clics_personnes", "cliqueurs_uniques"),
				links.stream().map(l -> List.<Object>of(l.url(), l.total(), l.human(), l.unique())).toList());
	}

	public static ReportTable timeline(String title, List<TimelinePoint> points) {
		return new ReportTable(title + " ouvertures 7 jours", List.of("début", "fin", "pas", "ouvertures", "cumul"),
				points.stream()
					.map(p -> List.<Object>of(time(p.from()), time(p.to()), p.hourly() ? "heure" : "jour", p.reads(),
							p.cumulative()))
					.toList());
	}

	public static ReportTable breakdown(String title, Breakdown by, List<BreakdownRow> rows) {
		return new ReportTable(title + " par " + by.param(),
				List.of(by.param(), "destinataires", "envoyés", "ouvertures_uniques", "taux_ouverture", "cliqueurs",
						"taux_clic"),
				rows.stream()
					.map(r -> List.<Object>of(r.value(), r.recipients(), r.sent(), r.read(), rate(r.openRate()),
							r.clicked(), rate(r.clickRate())))
					.toList());
	}

	public static ReportTable trend(Trend trend) {
		return new ReportTable("tendance des numeros",
				List.of("numéro", "envoyé_le", "envoyés", "ouvertures_uniques", "taux_ouverture", "cliqueurs",
						"taux_clic", "taux_clic_ouverture"),
				trend.issues()
					.stream()
					.map(p -> List.<Object>of(p.title(), time(p.sentAt()), p.sent(), p.read(), rate(p.openRate()),
							p.clicked(), rate(p.clickRate()), rate(p.clickToOpenRate())))
					.toList());
	}

	public static ReportTable engagement(String email, List<EngagementRow> rows) {
		return new ReportTable("engagement " + email,
				List.of("numéro", "envoyé_le", "statut", "lu_le", "cliqué_le"),
				rows.stream()
					.map(r -> List.<Object>of(r.title(), time(r.sentAt()), r.status().name(), time(r.readAt()),
							time(r.clickedAt())))
					.toList());
	}

	public static ReportTable inactive(int issues, List<InactiveSubscriber> rows) {
		return new ReportTable("inactifs depuis " + issues + " numeros",
				List.of("adresse", "nom", "entreprise", "numéros_reçus_sans_ouverture"),
				rows.stream()
					.map(r -> List.<Object>of(r.email(), r.name(), r.company() == null ? "" : r.company(), r.received()))
					.toList());
	}

	static BigDecimal rate(double rate) {
		return BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP);
	}

	static String time(Instant at) {
		return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

}
