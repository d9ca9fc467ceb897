package io.infolettre.newsletter.media;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The images uploaded for the issues: upload (checked, cleaned, resized), list and search by name,
 * the uses of one, deletion of an unused one, and the public files as they are served.
 */
public interface MediaLibrary {

	/**
	 * Checks, cleans and stores an image with its variants.
	 * @param name the name the coordinator gives it (the file's name when blank)
	 * @param content the uploaded bytes; never read past the size limit plus one byte
	 * @param declaredSize the size the upload announced, or a negative number when unknown: an
	 * announced size over the limit is refused before anything is read
	 * @throws MediaRejected with a French sentence when the file is not a usable image
	 */
	MediaFile upload(String name, InputStream content, long declaredSize);

	/** The same, for bytes already in memory. */
	MediaFile upload(String name, byte[] content);

	Optional<MediaFile> find(String id);

	/**
	 * The latest images first, at most {@link #LIST_LIMIT}.
	 * @param search words the name contains, whatever their case and accents; all images when blank
	 */
	List<MediaFile> list(String search);

	/** Where the image is used (issues, saved blocks), as each referencing module says. */
	List<MediaUse> usesOf(String id);

	/**
	 * Deletes an image and all its files.
	 * @throws MediaNotFound when there is no such image
	 * @throws MediaInUse when something uses it
	 */
	void delete(String id);

	/**
	 * A public file as the recipient's mail client asks for it: its bytes and how to serve them.
	 * Empty for an unknown key or an unknown file of a known key alike.
	 */
	Optional<ServedMedia> served(String key, String fileName);

	/** The most images a list returns. */
	int LIST_LIMIT = 500;

}
