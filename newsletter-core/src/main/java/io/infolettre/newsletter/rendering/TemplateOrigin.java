package io.infolettre.newsletter.rendering;

/** Where a layout is read from; an uploaded file hides a folder file of the same name, which hides a built-in one. */
public enum TemplateOrigin {

	UPLOADED, FOLDER, BUILT_IN

}
