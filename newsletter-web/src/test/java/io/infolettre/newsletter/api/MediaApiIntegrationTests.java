package io.infolettre.newsletter.api;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.file.FileTypeDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import io.infolettre.newsletter.fixtures.TestImages;
import io.infolettre.newsletter.media.MediaUse;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.Multipart;
import io.infolettre.newsletter.support.TestMediaUses;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library over HTTP: an upload through the API (201, its variants), its public files as a
 * mail client loads them (the bytes, long caching, ETag and 304, nosniff, no GPS left), 404 for any
 * wrong address, the uploads refused (too large, not an image) with nothing stored, the list and the
 * search, deletion of an unused image and refusal for a used one.
 */
class MediaApiIntegrationTests extends AbstractIntegrationTests {

	private static final int MB = 1024 * 1024;

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestMediaUses uses;

	@Test
	void aPhotoUploadedThroughTheApiComesBackWithItsVariantsAndIsServedWithoutItsGpsPosition() throws Exception {
		byte[] photo = TestImages.resource("media/photo-gps.jpg");
		assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo))
			.getFirstDirectoryOfType(GpsDirectory.class)
			.getGeoLocation()).as("the test photo says where it was taken").isNotNull();

		var response = upload("quai-alma.jpg", "Quai d’Alma", "image/jpeg", photo);

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode image = this.json.readTree(response.body());
		assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/media/" + image.get("id").asString());
		assertThat(image.get("name").asString()).isEqualTo("Quai d’Alma");
		assertThat(image.get("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(image.get("width").asInt()).isEqualTo(1600);
		assertThat(image.get("height").asInt()).isEqualTo(1000);
		assertThat(image.get("url").asString()).matches("http://localhost:\\d+/media/[A-Za-z0-9_-]{22}/image\\.jpg");
		JsonNode variants = image.get("variants");
		assertThat(variants).hasSize(2);
		assertThat(variants.get(0).get("width").asInt()).isEqualTo(600);
		assertThat(variants.get(0).get("height").asInt()).isEqualTo(375);
		assertThat(variants.get(0).get("url").asString()).endsWith("/600.jpg");
		assertThat(variants.get(1).get("width").asInt()).isEqualTo(1200);

		for (String url : List.of(image.get("url").asString(), variants.get(0).get("url").asString(),
				variants.get(1).get("url").asString())) {
			HttpResponse<byte[]> file = http().getBytes(url);
			assertThat(file.statusCode()).as(url).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			assertThat(file.headers().firstValue("Cache-Control")).hasValueSatisfying(
					cache -> assertThat(cache).contains("public").contains("max-age=31536000").contains("immutable"));
			assertThat(file.headers().firstValue("ETag")).hasValue("\"" + sha256(file.body()) + "\"");
			assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(file.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'");
			assertThat(file.headers().firstValue("Set-Cookie")).as("no session for a public file").isEmpty();
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file.body()));
			assertThat(metadata.getFirstDirectoryOfType(FileTypeDirectory.class).getString(FileTypeDirectory.TAG_DETECTED_FILE_MIME_TYPE))
				.isEqualTo("image/jpeg");
			assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).as(url).isNull();
			assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).as(url).isNull();
			assertThat(metadata.getFirstDirectoryOfType(XmpDirectory.class)).as(url).isNull();
		}
		HttpResponse<byte[]> email = http().getBytes(variants.get(0).get("url").asString());
		assertThat((long) email.body().length).isEqualTo(variants.get(0).get("bytes").asLong());
	}

	@Test
	void aCacheThatAsksAgainWithTheEtagGetsA304() {
		String url = this.json.readTree(upload("logo.png", null, "image/png",
				TestImages.png(TestImages.transparentLogo(120, 120))).body()).get("url").asString();
		String etag = http().getBytes(url).headers().firstValue("ETag").orElseThrow();

		var again = http().send(HttpRequest.newBuilder(http().local(url)).header("If-None-Match", etag).GET());

		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		var changed = http().send(HttpRequest.newBuilder(http().local(url)).header("If-None-Match", "\"other\"").GET());
		assertThat(changed.statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongKeyAndAWrongFileOfARightKeyGetTheSameEmpty404() {
		String url = this.json.readTree(upload("logo.png", null, "image/png",
				TestImages.png(TestImages.transparentLogo(120, 120))).body()).get("url").asString();
		String key = url.split("/")[4];

		var wrongKey = http().getBytes("/media/AAAAAAAAAAAAAAAAAAAAAA/image.png");
		var wrongFile = http().getBytes("/media/" + key + "/600.png");
		var notAKey = http().getBytes("/media/not-a-key/image.png");

		for (HttpResponse<byte[]> response : List.of(wrongKey, wrongFile, notAKey)) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).isEmpty();
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
		assertThat(wrongKey.headers().map().keySet()).isEqualTo(wrongFile.headers().map().keySet());
		assertThat(http().getBytes("/media/" + key + "/..%2F..%2Fimage.png").statusCode()).as("refused by the firewall")
			.isEqualTo(400);
	}

	@Test
	void a30MegabyteUploadIsRefusedWithTheLimitAndNothingIsStored() {
		long filesBefore = count("media.files");
		long imagesBefore = count("media");
		byte[] huge = new byte[30 * MB];
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		huge[2] = (byte) 0xFF;

		var response = upload("enorme.jpg", null, "image/jpeg", huge);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.startsWith("L’image dépasse la taille maximale de 10 Mo");
		assertThat(count("media.files")).isEqualTo(filesBefore);
		assertThat(count("media")).isEqualTo(imagesBefore);
	}

	@Test
	void anUploadJustOverTheLimitIsRefusedByTheLibraryWhichReadsNoFurther() {
		long filesBefore = count("media.files");
		byte[] justOver = Arrays.copyOf(TestImages.resource("media/photo-gps.jpg"), 10 * MB + 1);

		var response = upload("juste-trop.jpg", null, "image/jpeg", justOver);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(this.json.readTree(response.body()).get("detail").asString()).contains("10 Mo");
		assertThat(count("media.files")).isEqualTo(filesBefore);
	}

	@Test
	void filesThatAreNotImagesOrAreDamagedAreRefusedWithTheirReasonAndNothingIsStored() {
		long filesBefore = count("media.files");
		byte[] jpeg = TestImages.resource("media/photo-gps.jpg");
		record Bad(String fileName, byte[] content, String reason) {
		}
		for (Bad bad : List.of(new Bad("shell.png", "<?php system($_GET['c']); ?>".getBytes(), "texte"),
				new Bad("page.png", "<html><script>alert(1)</script></html>".getBytes(), "texte"),
				new Bad("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(), "SVG"),
				new Bad("vide.png", new byte[0], "vide"),
				new Bad("coupee.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), "tronquée ou endommagée"))) {
			var response = upload(bad.fileName(), null, "image/png", bad.content());

			assertThat(response.statusCode()).as(bad.fileName()).isEqualTo(400);
			JsonNode problem = this.json.readTree(response.body());
			assertThat(problem.get("title").asString()).isEqualTo("Image refusée");
			assertThat(problem.get("detail").asString()).as(bad.fileName()).contains(bad.reason());
		}
		assertThat(count("media.files")).isEqualTo(filesBefore);
	}

	@Test
	void theLibraryIsListedAndSearchedByName() {
		byte[] png = TestImages.png(TestImages.transparentLogo(60, 60));
		String word = "recherche" + System.nanoTime();
		String found = this.json.readTree(upload("a.png", "Été " + word, "image/png", png).body()).get("id").asString();
		upload("b.png", "Autre image", "image/png", png);

		JsonNode all = this.json.readTree(http().get("/api/v1/media").body());
		JsonNode searched = this.json.readTree(http().api("GET", "/api/v1/media?q=ETE%20" + word).body());

		assertThat(all.size()).isGreaterThanOrEqualTo(2);
		assertThat(searched).hasSize(1);
		assertThat(searched.get(0).get("id").asString()).isEqualTo(found);
		JsonNode one = this.json.readTree(http().api("GET", "/api/v1/media/" + found).body());
		assertThat(one.get("name").asString()).isEqualTo("Été " + word);
		assertThat(one.get("uses")).isEmpty();
	}

	@Test
	void anUnusedImageIsDeletedAndItsFilesStopBeingServed() {
		JsonNode image = this.json.readTree(upload("photo.jpg", null, "image/jpeg",
				TestImages.resource("media/photo-gps.jpg")).body());
		String id = image.get("id").asString();
		long filesBefore = count("media.files");

		var deleted = http().api("DELETE", "/api/v1/media/" + id);

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(http().api("GET", "/api/v1/media/" + id).statusCode()).isEqualTo(404);
		assertThat(http().getBytes(image.get("url").asString()).statusCode()).isEqualTo(404);
		assertThat(count("media.files")).isEqualTo(filesBefore - 3);
		assertThat(http().api("DELETE", "/api/v1/media/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void aUsedImageIsNotDeletedAndTheRefusalSaysWhereItIsUsed() {
		String id = this.json.readTree(upload("logo.png", null, "image/png",
				TestImages.png(TestImages.transparentLogo(80, 80))).body()).get("id").asString();
		this.uses.use(id, new MediaUse(MediaUse.ISSUE, "6b0825c8616373ee2861297e", "Infolettre de décembre"));
		try {
			var refused = http().api("DELETE", "/api/v1/media/" + id);

			assertThat(refused.statusCode()).isEqualTo(409);
			JsonNode problem = this.json.readTree(refused.body());
			assertThat(problem.get("title").asString()).isEqualTo("Image utilisée");
			assertThat(problem.get("detail").asString()).contains("« Infolettre de décembre »");
			assertThat(problem.get("uses").get(0).get("kind").asString()).isEqualTo("issue");
			assertThat(problem.get("uses").get(0).get("id").asString()).isEqualTo("6b0825c8616373ee2861297e");
			assertThat(http().api("GET", "/api/v1/media/" + id).statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(http().api("GET", "/api/v1/media/" + id).body()).get("uses")).hasSize(1);
		}
		finally {
			this.uses.forget(id);
		}
	}

	@Test
	void theApiWantsItsCredentials() {
		var multipart = new Multipart().file("file", "logo.png", "image/png",
				TestImages.png(TestImages.transparentLogo(20, 20)));

		var anonymous = http().anonymous("POST", "/api/v1/media", multipart.contentType(), multipart.body());

		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> upload(String fileName, String name, String contentType, byte[] content) {
		var multipart = new Multipart();
		if (name != null) {
			multipart.field("name", name);
		}
		multipart.file("file", fileName, contentType, content);
		return http().api("POST", "/api/v1/media", multipart.contentType(), multipart.body());
	}

	private long count(String collection) {
		return this.mongo.getCollection(collection).countDocuments(new Document());
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
