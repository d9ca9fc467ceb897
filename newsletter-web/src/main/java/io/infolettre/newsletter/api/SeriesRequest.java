package io.infolettre.newsletter.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import io.infolettre.newsletter.series.Recurrence;
import io.infolettre.newsletter.series.SeriesMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A new series: its issues are made from the model issue on each occurrence of the rule.
 *
 * @param frequency WEEKLY (with {@code days}), MONTHLY_ON_DAY (with {@code dayOfMonth}) or
 * MONTHLY_ON_WEEKDAY (with {@code weekOfMonth} 1 to 4 or -1 for the last, and {@code dayOfWeek})
 * @param interval every how many weeks or months (1 by default)
 * @param startsOn the first day an occurrence may fall on (today by default)
 * @param mode DRAFT_FOR_REVIEW (default) or SCHEDULE_AUTOMATICALLY
 * @param leadDays how many days before each send its issue is made (7 by default)
 */
record SeriesRequest(@NotBlank String name, @NotBlank String modelIssueId, @NotNull Recurrence.Frequency frequency,
		Integer interval, Set<DayOfWeek> days, Integer dayOfMonth, Integer weekOfMonth, DayOfWeek dayOfWeek,
		@NotNull LocalTime time, ZoneId zone, LocalDate startsOn, SeriesMode mode, Integer leadDays,
		@Valid ScheduleRequest.WindowRequest window) {

	Recurrence recurrence(ZoneId defaultZone, LocalDate today) {
		return new Recurrence(this.frequency, this.interval == null ? 1 : this.interval, this.days,
				this.dayOfMonth == null ? 0 : this.dayOfMonth, this.weekOfMonth == null ? 0 : this.weekOfMonth,
				this.dayOfWeek, this.time, zone(defaultZone), this.startsOn == null ? today : this.startsOn);
	}

	ZoneId zone(ZoneId defaultZone) {
		return this.zone == null ? defaultZone : this.zone;
	}

}
