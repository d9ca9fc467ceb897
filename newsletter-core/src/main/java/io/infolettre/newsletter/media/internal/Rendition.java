package io.infolettre.newsletter.media.internal;

/**
 * One file made from an upload.
 * @param fileName its name in the public address: {@code image.jpg} for the full size,
 * {@code 600.jpg} for a variant
 * @param variant whether it is a narrower variant rather than the full-size file
 */
record Rendition(String fileName, String contentType, int width, int height, byte[] bytes, boolean variant) {

}
