/**
 * Media library: the images of the issues, uploaded by the coordinators. Each upload is checked from
 * its bytes (PNG, JPEG, GIF or WebP only, bounded in size and pixels), stripped of every metadata
 * (EXIF, GPS, XMP, comments) by being encoded again, and kept with its email variants (600 and 1,200
 * px wide) in MongoDB GridFS, served publicly at unguessable addresses under the platform's public
 * address ({@code tracking}'s {@code publicUrl}). Who uses an image is asked of the modules that
 * reference images ({@link io.infolettre.newsletter.media.MediaReferences}): a used image cannot be
 * deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media library", allowedDependencies = { "tracking" })
package io.infolettre.newsletter.media;
