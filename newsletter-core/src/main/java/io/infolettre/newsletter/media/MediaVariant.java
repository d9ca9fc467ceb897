package io.infolettre.newsletter.media;

/**
 * One file of an image: its size in pixels, its public address and its weight.
 */
public record MediaVariant(int width, int height, String url, long bytes) {

}
