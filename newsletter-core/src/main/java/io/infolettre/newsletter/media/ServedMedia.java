package io.infolettre.newsletter.media;

/**
 * A public file of the library, ready to serve.
 * @param contentType its exact type ({@code image/jpeg}, {@code image/png} or {@code image/gif})
 * @param sha256 the hex SHA-256 of its bytes, its strong entity tag: a file never changes
 */
public record ServedMedia(String contentType, String sha256, byte[] bytes) {

}
