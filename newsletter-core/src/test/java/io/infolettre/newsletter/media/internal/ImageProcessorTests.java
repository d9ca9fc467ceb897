package io.infolettre.newsletter.media.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

import io.infolettre.newsletter.fixtures.TestImages;
import io.infolettre.newsletter.media.MediaRejected;
import io.infolettre.newsletter.media.MediaSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an upload becomes: files with no metadata left (checked by metadata-extractor, an independent
 * parser), turned as the phone said, transparency kept, WebP made readable by every mail client,
 * animations kept; and what is refused, with its sentence.
 */
class ImageProcessorTests {

	private final ImageProcessor processor = new ImageProcessor(MediaSettings.defaults());

	@Test
	void aPhoneJpegLosesItsExifGpsXmpAndCommentInEveryFile() {
		byte[] upload = TestImages.withPhoneMetadata(TestImages.jpeg(TestImages.photo(1600, 1000), 0.9f), 1);
		assertThat(StrippedMetadata.hasGpsPosition(upload)).as("the test photo says where it was taken").isTrue();
		assertThat(StrippedMetadata.leftIn(upload)).isNotEmpty();

		List<Rendition> files = this.processor.process(upload);

		assertThat(files).extracting(Rendition::fileName).containsExactly("image.jpg", "600.jpg", "1200.jpg");
		assertThat(files).extracting(Rendition::width).containsExactly(1600, 600, 1200);
		assertThat(files).extracting(Rendition::height).containsExactly(1000, 375, 750);
		assertThat(files).allSatisfy(file -> {
			assertThat(file.contentType()).isEqualTo("image/jpeg");
			assertThat(StrippedMetadata.hasGpsPosition(file.bytes())).as(file.fileName()).isFalse();
			assertThat(StrippedMetadata.leftIn(file.bytes())).as(file.fileName()).isEmpty();
			BufferedImage decoded = decode(file.bytes());
			assertThat(decoded.getWidth()).isEqualTo(file.width());
			assertThat(decoded.getHeight()).isEqualTo(file.height());
		});
		assertThat(files.get(1).bytes().length).as("the 600 px variant is light").isLessThan(files.get(0).bytes().length / 3);
	}

	@Test
	void aPhotoTakenUprightIsTurnedAsItsExifSaysBeforeTheExifIsDropped() {
		// stored as the sensor saw it: red on the left, blue on the right; orientation 6 turns it a
		// quarter clockwise, so the left (red) comes on top
		byte[] upload = TestImages.withPhoneMetadata(TestImages.jpeg(TestImages.halves(400, 200), 0.95f), 6);

		Rendition full = this.processor.process(upload).get(0);

		assertThat(full.width()).isEqualTo(200);
		assertThat(full.height()).isEqualTo(400);
		BufferedImage shown = decode(full.bytes());
		assertThat(shown.getWidth()).isEqualTo(200);
		assertThat(isMostly(new Color(shown.getRGB(100, 60)), Color.RED)).as("top is red").isTrue();
		assertThat(isMostly(new Color(shown.getRGB(100, 340)), Color.BLUE)).as("bottom is blue").isTrue();
	}

	@Test
	void aTurnedPhoneFullSizeIsCappedOnTheWidthItIsShownAt() {
		// 4000 x 3000 as stored, 3000 x 4000 once turned: capped at 2,400 px wide once turned
		byte[] upload = TestImages.withPhoneMetadata(TestImages.jpeg(TestImages.halves(4000, 3000), 0.8f), 8);

		List<Rendition> files = this.processor.process(upload);

		assertThat(files.get(0).width()).isEqualTo(2400);
		assertThat(files.get(0).height()).isEqualTo(3200);
		assertThat(files).extracting(Rendition::width).containsExactly(2400, 600, 1200);
	}

	@Test
	void aPngKeepsItsTransparencyInEveryFile() {
		byte[] upload = TestImages.png(TestImages.transparentLogo(1000, 800));

		List<Rendition> files = this.processor.process(upload);

		assertThat(files).extracting(Rendition::fileName).containsExactly("image.png", "600.png");
		assertThat(files).allSatisfy(file -> {
			assertThat(file.contentType()).isEqualTo("image/png");
			BufferedImage decoded = decode(file.bytes());
			assertThat(decoded.getColorModel().hasAlpha()).isTrue();
			assertThat(decoded.getRGB(0, 0) >>> 24).as("a corner stays transparent").isZero();
			assertThat(decoded.getRGB(decoded.getWidth() / 2, decoded.getHeight() / 2) >>> 24).as("the disc stays opaque")
				.isEqualTo(255);
			assertThat(StrippedMetadata.leftIn(file.bytes())).isEmpty();
		});
	}

	@Test
	void aSmallImageHasNoVariants() {
		List<Rendition> files = this.processor.process(TestImages.png(TestImages.transparentLogo(160, 160)));

		assertThat(files).singleElement().satisfies(file -> {
			assertThat(file.fileName()).isEqualTo("image.png");
			assertThat(file.width()).isEqualTo(160);
		});
	}

	@Test
	void aWebpPhotoBecomesAJpegAndAWebpWithTransparencyAPng() {
		Rendition photo = this.processor.process(TestImages.resource("media/photo.webp")).get(0);
		Rendition logo = this.processor.process(TestImages.resource("media/transparent.webp")).get(0);

		assertThat(photo.fileName()).isEqualTo("image.jpg");
		assertThat(photo.contentType()).isEqualTo("image/jpeg");
		assertThat(decode(photo.bytes()).getWidth()).isEqualTo(320);
		assertThat(logo.fileName()).isEqualTo("image.png");
		BufferedImage decodedLogo = decode(logo.bytes());
		assertThat(decodedLogo.getRGB(0, 0) >>> 24).isZero();
		assertThat(decodedLogo.getRGB(80, 80) >>> 24).isEqualTo(255);
	}

	@Test
	void anAnimatedGifKeepsItsFramesAndLoopButNotItsCommentOrXmp() throws IOException {
		byte[] upload = TestImages.animatedGif(5, 800, 200);
		String raw = new String(upload, StandardCharsets.ISO_8859_1);
		assertThat(raw.contains("XMP Data") && raw.contains(TestImages.COMMENT)).as("the upload has XMP and a comment")
			.isTrue();
		assertThat(frames(upload)).isEqualTo(5);

		List<Rendition> files = this.processor.process(upload);

		assertThat(files).singleElement().satisfies(file -> {
			assertThat(file.fileName()).isEqualTo("image.gif");
			assertThat(file.contentType()).isEqualTo("image/gif");
			assertThat(file.width()).isEqualTo(800);
			assertThat(frames(file.bytes())).isEqualTo(5);
			String kept = new String(file.bytes(), StandardCharsets.ISO_8859_1);
			assertThat(kept.contains("NETSCAPE2.0")).as("loop count kept").isTrue();
			assertThat(kept.contains("XMP Data")).as("XMP kept").isFalse();
			assertThat(kept.contains(TestImages.COMMENT)).as("comment kept").isFalse();
			assertThat(StrippedMetadata.leftIn(file.bytes())).isEmpty();
		});
	}

	@Test
	void aStillGifBecomesAPng() {
		List<Rendition> files = this.processor.process(TestImages.animatedGif(1, 120, 40));

		assertThat(files).singleElement().satisfies(file -> assertThat(file.fileName()).isEqualTo("image.png"));
	}

	@Test
	void aTruncatedJpegIsRefusedAsDamaged() {
		byte[] whole = TestImages.jpeg(TestImages.photo(800, 500), 0.9f);
		byte[] truncated = Arrays.copyOf(whole, whole.length * 2 / 3);

		assertThatThrownBy(() -> this.processor.process(truncated)).isInstanceOf(MediaRejected.class)
			.hasMessageContaining("tronquée ou endommagée");
	}

	@Test
	void aTruncatedAnimatedGifIsRefusedAsDamaged() {
		byte[] whole = TestImages.animatedGif(4, 200, 60);
		byte[] truncated = Arrays.copyOf(whole, whole.length - 40);

		assertThatThrownBy(() -> this.processor.process(truncated)).isInstanceOf(MediaRejected.class)
			.hasMessageContaining("tronquée ou endommagée");
	}

	@Test
	void aPageOrAScriptRenamedPngIsRefusedAsText() {
		for (String text : List.of("<?php system($_GET['c']); ?>", "<!DOCTYPE html><html><script>alert(1)</script></html>",
				"\uFEFF  <html><body>x</body></html>")) {
			assertThatThrownBy(() -> this.processor.process(text.getBytes(StandardCharsets.UTF_8)))
				.as(text)
				.isInstanceOf(MediaRejected.class)
				.hasMessageContaining("n’est pas une image")
				.hasMessageContaining("texte");
		}
	}

	@Test
	void anSvgIsRefusedForTheScriptItMayCarry() {
		String svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";

		assertThatThrownBy(() -> this.processor.process(svg.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MediaRejected.class)
			.hasMessageContaining("SVG ne sont pas acceptées");
	}

	@Test
	void anEmptyFileOrAnotherFormatIsRefused() {
		assertThatThrownBy(() -> this.processor.process(new byte[0])).isInstanceOf(MediaRejected.class)
			.hasMessageContaining("vide");
		byte[] pdf = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> this.processor.process(pdf)).isInstanceOf(MediaRejected.class)
			.hasMessageContaining("n’est pas une image PNG, JPEG, GIF ou WebP");
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeaderBeforeDecoding() {
		// 30,000 x 30,000 pixels (900 megapixels, 3.6 GB decoded) in a few hundred bytes
		byte[] bomb = pngHeaderOnly(30_000, 30_000);

		assertThatThrownBy(() -> this.processor.process(bomb)).isInstanceOf(MediaRejected.class)
			.hasMessageContaining("900,0 mégapixels")
			.hasMessageContaining("40,0 permis");
	}

	@Test
	void thePixelLimitIsASetting() {
		var strict = new ImageProcessor(new MediaSettings(null, 1_000_000L, null, null, null, null, null));

		assertThatThrownBy(() -> strict.process(TestImages.jpeg(TestImages.photo(1600, 1000), 0.8f)))
			.isInstanceOf(MediaRejected.class)
			.hasMessageContaining("1,6 mégapixels");
	}

	private static BufferedImage decode(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			assertThat(image).as("decodes").isNotNull();
			return image;
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static int frames(byte[] gif) throws IOException {
		ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
		reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(gif)));
		try {
			return reader.getNumImages(true);
		}
		finally {
			reader.dispose();
		}
	}

	private static boolean isMostly(Color actual, Color expected) {
		return Math.abs(actual.getRed() - expected.getRed()) < 60 && Math.abs(actual.getGreen() - expected.getGreen()) < 60
				&& Math.abs(actual.getBlue() - expected.getBlue()) < 60;
	}

	// a PNG whose header announces this size, with one small compressed row of data
	private static byte[] pngHeaderOnly(int width, int height) {
		var out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		var header = new ByteArrayOutputStream();
		writeInt(header, width);
		writeInt(header, height);
		header.writeBytes(new byte[] { 8, 0, 0, 0, 0 });
		chunk(out, "IHDR", header.toByteArray());
		var deflater = new Deflater();
		deflater.setInput(new byte[width + 1]);
		deflater.finish();
		byte[] compressed = new byte[width];
		int length = deflater.deflate(compressed);
		chunk(out, "IDAT", Arrays.copyOf(compressed, length));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		writeInt(out, data.length);
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		var crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		writeInt(out, (int) crc.getValue());
	}

	private static void writeInt(ByteArrayOutputStream out, int value) {
		out.write(value >>> 24);
		out.write(value >>> 16 & 0xFF);
		out.write(value >>> 8 & 0xFF);
		out.write(value & 0xFF);
	}

}
