package io.infolettre.newsletter.media.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.MutableClock;
import io.infolettre.newsletter.fixtures.TestImages;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaInUse;
import io.infolettre.newsletter.media.MediaNotFound;
import io.infolettre.newsletter.media.MediaReferences;
import io.infolettre.newsletter.media.MediaRejected;
import io.infolettre.newsletter.media.MediaSettings;
import io.infolettre.newsletter.media.MediaUse;
import io.infolettre.newsletter.media.MediaVariant;
import io.infolettre.newsletter.media.ServedMedia;
import io.infolettre.newsletter.tracking.TrackingSettings;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library over a real MongoDB-wire server: GridFS files, the media documents, public keys, uses. */
class MongoMediaLibraryIntegrationTests {

	private static final String PUBLIC_URL = "https://infolettre.exemple.ca";

	private final EmbeddedMongo mongo = new EmbeddedMongo();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC);

	private final Map<String, List<MediaUse>> uses = new ConcurrentHashMap<>();

	private final MongoMediaLibrary library = library(MediaSettings.defaults());

	@AfterEach
	void close() {
		this.mongo.close();
	}

	private MongoMediaLibrary library(MediaSettings settings) {
		var beans = new DefaultListableBeanFactory();
		beans.registerSingleton("testUses", (MediaReferences) id -> this.uses.getOrDefault(id, List.of()));
		var library = new MongoMediaLibrary(this.mongo.template(), settings,
				new TrackingSettings(PUBLIC_URL + "/", null, null, null, null, null, null, null),
				beans.getBeanProvider(MediaReferences.class), this.clock);
		library.createIndexes();
		return library;
	}

	@Test
	void anUploadIsStoredInGridFsAndServedAtItsPublicAddress() throws Exception {
		byte[] photo = TestImages.withPhoneMetadata(TestImages.jpeg(TestImages.photo(1600, 1000), 0.9f), 1);

		MediaFile image = this.library.upload("Quai d'Alma", new ByteArrayInputStream(photo), photo.length);

		assertThat(image.name()).isEqualTo("Quai d'Alma");
		assertThat(image.contentType()).isEqualTo("image/jpeg");
		assertThat(image.width()).isEqualTo(1600);
		assertThat(image.height()).isEqualTo(1000);
		assertThat(image.uploadedAt()).isEqualTo(this.clock.instant());
		assertThat(image.url()).matches("https://infolettre\\.exemple\\.ca/media/[A-Za-z0-9_-]{22}/image\\.jpg");
		assertThat(image.variants()).extracting(MediaVariant::width).containsExactly(600, 1200);
		assertThat(image.emailVariant().url()).endsWith("/600.jpg");
		assertThat(image.emailVariant().height()).isEqualTo(375);
		assertThat(image.retinaVariant().url()).endsWith("/1200.jpg");
		assertThat(count("media.files")).isEqualTo(3);
		assertThat(count("media.chunks")).as("GridFS chunks of 255 kB").isGreaterThanOrEqualTo(3);

		String key = image.url().split("/")[4];
		ServedMedia served = this.library.served(key, "600.jpg").orElseThrow();
		assertThat(served.contentType()).isEqualTo("image/jpeg");
		assertThat(served.bytes().length).isEqualTo(image.emailVariant().bytes());
		assertThat(served.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served.bytes())));
		assertThat(StrippedMetadata.hasGpsPosition(served.bytes())).isFalse();
		assertThat(this.library.served(key, "600.jpg").orElseThrow().bytes()).as("again, from memory").isEqualTo(served.bytes());
		assertThat(this.library.find(image.id())).contains(image);
	}

	@Test
	void anUnknownKeyOrFileIsNotServed() {
		MediaFile image = this.library.upload("logo", TestImages.png(TestImages.transparentLogo(100, 100)));
		String key = image.url().split("/")[4];

		assertThat(this.library.served(key, "image.png")).isPresent();
		assertThat(this.library.served(key, "600.png")).as("no such variant").isEmpty();
		assertThat(this.library.served(key, "../image.png")).isEmpty();
		assertThat(this.library.served("AAAAAAAAAAAAAAAAAAAAAA", "image.png")).as("unknown key").isEmpty();
		assertThat(this.library.served("not a key", "image.png")).isEmpty();
		assertThat(this.library.find("nope")).isEmpty();
		assertThat(this.library.find("6b0825c8616373ee2861297e")).isEmpty();
	}

	@Test
	void aRefusedUploadLeavesNothingStored() {
		assertThatThrownBy(() -> this.library.upload("page.png", "<html>x</html>".getBytes()))
			.isInstanceOf(MediaRejected.class);

		assertThat(count("media")).isZero();
		assertThat(count("media.files")).isZero();
		assertThat(count("media.chunks")).isZero();
	}

	@Test
	void anUploadOverTheLimitIsReadNoFurtherThanOneByteBeyondIt() {
		var library = library(new MediaSettings(DataSize.ofKilobytes(100), null, null, null, null, null, null));
		var endless = new CountingZeros();

		assertThatThrownBy(() -> library.upload("énorme.jpg", endless, -1)).isInstanceOf(MediaRejected.class)
			.hasMessageStartingWith("L’image dépasse la taille maximale de 0,1 Mo")
			.satisfies(ex -> assertThat(((MediaRejected) ex).isTooLarge()).isTrue());
		assertThat(endless.read).isEqualTo(100 * 1024 + 1);

		var announced = new CountingZeros();
		assertThatThrownBy(() -> library.upload("énorme.jpg", announced, 30L * 1024 * 1024))
			.isInstanceOf(MediaRejected.class);
		assertThat(announced.read).as("an announced size over the limit reads nothing").isZero();
		assertThat(count("media.files")).isZero();
	}

	@Test
	void theLibraryIsListedNewestFirstAndSearchedByNameWhateverTheCaseAndAccents() {
		byte[] png = TestImages.png(TestImages.transparentLogo(40, 40));
		MediaFile summer = this.library.upload("Été au lac", png);
		this.clock.advance(java.time.Duration.ofMinutes(1));
		MediaFile logo = this.library.upload("C:\\fakepath\\Logo de l'association.png", png);
		this.clock.advance(java.time.Duration.ofMinutes(1));
		MediaFile conference = this.library.upload("  Conférence   ", png);

		assertThat(this.library.list(null)).extracting(MediaFile::id).containsExactly(conference.id(), logo.id(), summer.id());
		assertThat(this.library.list("ÉTÉ")).extracting(MediaFile::id).containsExactly(summer.id());
		assertThat(this.library.list("ete au")).extracting(MediaFile::id).containsExactly(summer.id());
		assertThat(this.library.list("l'asso")).extracting(MediaFile::name).containsExactly("Logo de l'association.png");
		assertThat(this.library.list("conférence")).extracting(MediaFile::name).containsExactly("Conférence");
		assertThat(this.library.list("(.*")).as("searched as text, not as a pattern").isEmpty();
	}

	@Test
	void anUnusedImageIsDeletedWithAllItsFiles() {
		MediaFile image = this.library.upload("photo", TestImages.jpeg(TestImages.photo(1300, 800), 0.8f));
		String key = image.url().split("/")[4];
		assertThat(this.library.served(key, "600.jpg")).isPresent();

		this.library.delete(image.id());

		assertThat(this.library.find(image.id())).isEmpty();
		assertThat(this.library.served(key, "600.jpg")).isEmpty();
		assertThat(count("media.files")).isZero();
		assertThat(count("media.chunks")).isZero();
		assertThatThrownBy(() -> this.library.delete(image.id())).isInstanceOf(MediaNotFound.class);
	}

	@Test
	void aUsedImageIsNotDeletedAndSaysWhereItIsUsed() {
		MediaFile image = this.library.upload("photo", TestImages.png(TestImages.transparentLogo(50, 50)));
		var use = new MediaUse(MediaUse.ISSUE, "6b0825c8616373ee2861297e", "Infolettre de décembre");
		this.uses.put(image.id(), List.of(use));

		assertThatThrownBy(() -> this.library.delete(image.id())).isInstanceOf(MediaInUse.class)
			.hasMessageContaining("« Infolettre de décembre »")
			.satisfies(ex -> assertThat(((MediaInUse) ex).uses()).containsExactly(use));
		assertThat(this.library.usesOf(image.id())).containsExactly(use);
		assertThat(this.library.find(image.id())).isPresent();
		assertThat(count("media.files")).isEqualTo(1);
	}

	@Test
	void anAnimatedGifIsServedAsItCameAndShownAtTheEmailWidth() {
		MediaFile gif = this.library.upload("anim", TestImages.animatedGif(3, 900, 300));

		assertThat(gif.contentType()).isEqualTo("image/gif");
		assertThat(gif.variants()).isEmpty();
		assertThat(gif.emailVariant().url()).isEqualTo(gif.url());
		assertThat(gif.emailVariant().width()).isEqualTo(600);
		assertThat(gif.emailVariant().height()).isEqualTo(200);
	}

	private long count(String collection) {
		return this.mongo.template().getCollection(collection).countDocuments(new Document());
	}

	/** An upload that never ends, counting what was read of it. */
	private static final class CountingZeros extends InputStream {

		long read;

		@Override
		public int read() {
			this.read++;
			return 0;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			this.read += length;
			return length;
		}

	}

}
