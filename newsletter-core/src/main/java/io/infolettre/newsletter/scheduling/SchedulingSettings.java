package io.infolettre.newsletter.scheduling;

import java.time.Duration;
import java.time.ZoneId;

import io.infolettre.newsletter.issue.SendTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When sends start.
 *
 * @param zone the time zone schedules are entered in by default (Quebec time)
 * @param missedGrace how late a scheduled send may still start when its time passed while the
 * application was down; later, it is marked missed and waits for the coordinator
 * @param leaseDuration how long an instance's claim on a send lasts without renewal: another instance
 * takes over a send whose instance stopped renewing (it died) after this long
 * @param syncInterval how often each instance brings its Quartz triggers in line with the issues and
 * series in MongoDB (changes made through another instance, sends whose instance died)
 * @param busyRetry how soon an instance tries again to start a send another instance still holds
 */
@ConfigurationProperties("newsletter.scheduling")
public record SchedulingSettings(ZoneId zone, Duration missedGrace, Duration leaseDuration, Duration syncInterval,
		Duration busyRetry) {

	public SchedulingSettings {
		zone = zone == null ? SendTime.QUEBEC : zone;
		missedGrace = missedGrace == null ? Duration.ofHours(1) : missedGrace;
		leaseDuration = leaseDuration == null ? Duration.ofSeconds(60) : leaseDuration;
		syncInterval = syncInterval == null ? Duration.ofSeconds(30) : syncInterval;
		busyRetry = busyRetry == null ? Duration.ofSeconds(5) : busyRetry;
		if (leaseDuration.compareTo(Duration.ofSeconds(3)) < 0) {
			throw new IllegalArgumentException("newsletter.scheduling.lease-duration must be at least 3s");
		}
	}

	public static SchedulingSettings defaults() {
		return new SchedulingSettings(null, null, null, null, null);
	}

}
