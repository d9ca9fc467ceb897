package io.infolettre.newsletter.media.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.infolettre.newsletter.media.MediaRejected;

/**
 * A GIF walked block by block (GIF89a specification): its size, its frames, and its bytes again
 * without what is not picture. Kept: the header, the colour tables, each frame with its graphic
 * control (delay, transparency, disposal) and the NETSCAPE2.0 loop count. Dropped: comments, plain
 * text, every other application block (XMP, ICC profiles, editors' data) and anything after the
 * trailer. An animated GIF is served this way, frames untouched, rather than decoded and encoded
 * again: GIF frames are palette images drawn over one another, which a resize would redither and
 * enlarge. A GIF that ends before its trailer is refused as damaged.
 */
final class GifStream {

	private static final int EXTENSION = 0x21;

	private static final int IMAGE = 0x2C;

	private static final int TRAILER = 0x3B;

	private static final int GRAPHIC_CONTROL = 0xF9;

	private static final int APPLICATION = 0xFF;

	private final byte[] bytes;

	private int position;

	private final ByteArrayOutputStream kept;

	private final int width;

	private final int height;

	private int frames;

	private long largestFramePixels;

	private GifStream(byte[] bytes) {
		this.bytes = bytes;
		this.kept = new ByteArrayOutputStream(bytes.length);
		this.width = unsignedShort(6);
		this.height = unsignedShort(8);
		int packed = byteAt(10);
		int globalColourTable = (packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;
		keep(13 + globalColourTable);
		while (true) {
			int introducer = byteAt(this.position);
			if (introducer == TRAILER) {
				keep(1);
				return;
			}
			if (introducer == IMAGE) {
				frame();
			}
			else if (introducer == EXTENSION) {
				extension();
			}
			else {
				throw damaged();
			}
		}
	}

	/**
	 * @throws MediaRejected when the GIF is cut short or is not made of GIF blocks
	 */
	static GifStream read(byte[] bytes) {
		return new GifStream(bytes);
	}

	int width() {
		return this.width;
	}

	int height() {
		return this.height;
	}

	int frames() {
		return this.frames;
	}

	/** The largest frame, in pixels: a frame may be declared larger than the picture. */
	long largestFramePixels() {
		return this.largestFramePixels;
	}

	/** The GIF without its comments, application blocks other than the loop count, and trailing bytes. */
	byte[] cleaned() {
		return this.kept.toByteArray();
	}

	private void frame() {
		int frameWidth = unsignedShort(this.position + 5);
		int frameHeight = unsignedShort(this.position + 7);
		int packed = byteAt(this.position + 9);
		int localColourTable = (packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;
		// descriptor, colour table, LZW minimum code size, then the data sub-blocks
		int end = subBlocksEnd(this.position + 10 + localColourTable + 1);
		keep(end - this.position);
		this.frames++;
		this.largestFramePixels = Math.max(this.largestFramePixels, (long) frameWidth * frameHeight);
	}

	private void extension() {
		int label = byteAt(this.position + 1);
		int end = subBlocksEnd(this.position + 2);
		if (label == GRAPHIC_CONTROL || label == APPLICATION && isLoopCount(this.position + 2)) {
			keep(end - this.position);
		}
		else {
			this.position = end;
		}
	}

	// NETSCAPE2.0 (or its twin ANIMEXTS1.0): the application block that says how often the animation loops
	private boolean isLoopCount(int firstSubBlock) {
		if (byteAt(firstSubBlock) != 11) {
			return false;
		}
		String identifier = new String(this.bytes, firstSubBlock + 1, 11, StandardCharsets.US_ASCII);
		return identifier.equals("NETSCAPE2.0") || identifier.equals("ANIMEXTS1.0");
	}

	// the position after the terminator of the sub-blocks starting here
	private int subBlocksEnd(int from) {
		int at = from;
		while (true) {
			int size = byteAt(at);
			at += 1 + size;
			if (size == 0) {
				return at;
			}
		}
	}

	private void keep(int length) {
		if (this.position + length > this.bytes.length) {
			throw damaged();
		}
		this.kept.write(this.bytes, this.position, length);
		this.position += length;
	}

	private int byteAt(int at) {
		if (at >= this.bytes.length) {
			throw damaged();
		}
		return this.bytes[at] & 0xFF;
	}

	private int unsignedShort(int at) {
		return byteAt(at) | byteAt(at + 1) << 8;
	}

	private static MediaRejected damaged() {
		return new MediaRejected(ImageDecoding.DAMAGED);
	}

}
