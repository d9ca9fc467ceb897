package io.infolettre.newsletter.shared.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Calendar values stored as the coordinator wrote them: a date ("2026-12-01"), a wall-clock time
 * ("09:00") and a time zone ("America/Toronto") are strings. Spring Data would turn the first two into
 * instants in the server's own time zone, which shifts them when that zone changes, and cannot store
 * a zone at all.
 * <p>
 * Modules add converters of their own types as beans marked {@link ReadingConverter} or
 * {@link WritingConverter} (the content blocks of an issue are stored as flat documents, say).
 */
@Configuration(proxyBeanMethods = false)
class MongoValueConversions {

	@Bean
	MongoCustomConversions mongoCustomConversions(ObjectProvider<Converter<?, ?>> converters) {
		List<Object> all = new ArrayList<>(List.of(new LocalDateToString(), new StringToLocalDate(),
				new LocalTimeToString(), new StringToLocalTime(), new ZoneIdToString(), new StringToZoneId()));
		converters.orderedStream()
			.filter(c -> c.getClass().isAnnotationPresent(ReadingConverter.class)
					|| c.getClass().isAnnotationPresent(WritingConverter.class))
			.forEach(all::add);
		return new MongoCustomConversions(all);
	}

	@WritingConverter
	static final class LocalDateToString implements Converter<LocalDate, String> {

		@Override
		public String convert(LocalDate source) {
			return source.toString();
		}

	}

	@ReadingConverter
	static final class StringToLocalDate implements Converter<String, LocalDate> {

		@Override
		public LocalDate convert(String source) {
			return LocalDate.parse(source);
		}

	}

	@WritingConverter
	static final class LocalTimeToString implements Converter<LocalTime, String> {

		@Override
		public String convert(LocalTime source) {
			return source.toString();
		}

	}

	@ReadingConverter
	static final class StringToLocalTime implements Converter<String, LocalTime> {

		@Override
		public LocalTime convert(String source) {
			return LocalTime.parse(source);
		}

	}

	@WritingConverter
	static final class ZoneIdToString implements Converter<ZoneId, String> {

		@Override
		public String convert(ZoneId source) {
			return source.getId();
		}

	}

	@ReadingConverter
	static final class StringToZoneId implements Converter<String, ZoneId> {

		@Override
		public ZoneId convert(String source) {
			return ZoneId.of(source);
		}

	}

}
