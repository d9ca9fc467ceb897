package io.infolettre.newsletter.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.issue.SendWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A send time as the coordinator says it ("2026-12-01", "09:00", in a time zone, Quebec time by
 * default), and optionally the days and hours the issue may send in.
 */
record ScheduleRequest(@NotNull LocalDate date, @NotNull LocalTime time, ZoneId zone, @Valid WindowRequest window) {

	SendTime sendTime(ZoneId defaultZone) {
		return new SendTime(this.date, this.time, this.zone == null ? defaultZone : this.zone);
	}

	SendWindow sendWindow(ZoneId defaultZone) {
		return this.window == null ? null : this.window.toWindow(this.zone == null ? defaultZone : this.zone);
	}

	/** @param days MONDAY … SUNDAY */
	record WindowRequest(@NotNull Set<DayOfWeek> days, @NotNull LocalTime opens, @NotNull LocalTime closes) {

		SendWindow toWindow(ZoneId zone) {
			return new SendWindow(this.days, this.opens, this.closes, zone);
		}

	}

}
