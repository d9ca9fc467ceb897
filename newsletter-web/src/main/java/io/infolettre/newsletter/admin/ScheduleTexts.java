package io.infolettre.newsletter.admin;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.issue.SendWindow;
import io.infolettre.newsletter.scheduling.SchedulingSettings;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sentences of the scheduling pages: a send time in words in its zone (« dimanche 14 mars 2027
 * à 3 h 30, heure du Québec »), what daylight saving did to it, a send window, and the zones to
 * choose from. Zone names and sentences come from the message files; dates and times from
 * {@link TimeWords}.
 */
@Component
class ScheduleTexts {

	/** The default zone (Quebec time unless configured), then Canada's others from east to west, then UTC. */
	private static final List<ZoneId> OFFERED_ZONES = List.of(SendTime.QUEBEC, ZoneId.of("America/St_Johns"),
			ZoneId.of("America/Halifax"), ZoneId.of("America/Winnipeg"), ZoneId.of("America/Regina"),
			ZoneId.of("America/Edmonton"), ZoneId.of("America/Vancouver"), ZoneId.of("UTC"));

	private final MessageSource messages;

	private final ZoneId defaultZone;

	ScheduleTexts(MessageSource messages, SchedulingSettings settings) {
		this.messages = messages;
		this.defaultZone = settings.zone();
	}

	ZoneId defaultZone() {
		return this.defaultZone;
	}

	/** « heure du Québec »; the zone's id when the message files do not name it. */
	String zone(ZoneId zone, Locale locale) {
		return this.messages.getMessage("zone." + zone.getId(), null, zone.getId(), locale);
	}

	List<Choice> zoneChoices(Locale locale) {
		List<ZoneId> zones = new ArrayList<>();
		zones.add(this.defaultZone);
		OFFERED_ZONES.stream().filter(zone -> !zone.equals(this.defaultZone)).forEach(zones::add);
		return zones.stream().map(zone -> new Choice(zone.getId(), capitalized(zone(zone, locale)))).toList();
	}

	List<Choice> dayChoices(Locale locale) {
		TimeWords words = TimeWords.of(locale);
		return Arrays.stream(DayOfWeek.values()).map(day -> new Choice(day.name(), words.dayName(day))).toList();
	}

	/** « dimanche 14 mars 2027 à 3 h 30 (heure du Québec) »: the moment as the clocks of the zone show it. */
	String at(Instant at, ZoneId zone, Locale locale) {
		return TimeWords.of(locale).dateTime(LocalDateTime.ofInstant(at, zone)) + " (" + zone(zone, locale) + ")";
	}

	/** When a send time goes out, daylight saving applied. */
	String at(SendTime time, Locale locale) {
		return at(time.instant(), time.zone(), locale);
	}

	/** What daylight saving did to a send time, in a sentence; {@code null} when nothing. */
	String adjustment(SendTime time, Locale locale) {
		TimeWords words = TimeWords.of(locale);
		ZonedDateTime resolved = ZonedDateTime.of(time.local(), time.zone());
		boolean daylight = time.zone().getRules().isDaylightSavings(resolved.toInstant());
		return switch (time.adjustment()) {
			case NONE -> null;
			case MOVED_FORWARD -> this.messages.getMessage(daylight ? "schedule.adjusted.gap" : "schedule.adjusted.gap.other",
					new Object[] { words.time(time.time()), words.date(time.date()), words.time(resolved.toLocalTime()) },
					locale);
			case FIRST_OF_TWO -> this.messages.getMessage(
					daylight ? "schedule.adjusted.overlap" : "schedule.adjusted.overlap.other",
					new Object[] { words.time(time.time()), words.date(time.date()) }, locale);
		};
	}

	/** « du lundi au vendredi, de 8 h 00 à 17 h 00 (heure du Québec) ». */
	String window(SendWindow window, Locale locale) {
		return TimeWords.of(locale).window(window) + " (" + zone(window.zone(), locale) + ")";
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** One option of a select or one checkbox: its value and what it shows. */
	record Choice(String value, String label) {
	}

}
