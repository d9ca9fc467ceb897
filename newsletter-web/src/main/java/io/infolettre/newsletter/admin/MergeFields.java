package io.infolettre.newsletter.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the editor's « Champ personnalisé » picker offers: the member's first name, last name and
 * company, then every subscriber attribute defined on the attributes page. Each is inserted as a chip
 * and stored as the interpolation the templates read ({@code ${firstName!'Membre'}},
 * {@code ${attributes.secteur!''}}), with the fallback the coordinator chooses for a member who has
 * no value.
 */
@Component
class MergeFields {

	// an attribute name FreeMarker reads after a dot; others (a dash, say) go between brackets
	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final AttributeDefinitions attributes;

	private final MessageSource messages;

	MergeFields(AttributeDefinitions attributes, MessageSource messages) {
		this.attributes = attributes;
		this.messages = messages;
	}

	/**
	 * One choice of the picker.
	 * @param expression what stands before the fallback in the interpolation: {@code firstName},
	 * {@code attributes.secteur}
	 * @param label the chip's text in the coordinator's language
	 * @param fallbackFr the fallback offered in the French variant
	 * @param fallbackEn the fallback offered in the English variant
	 */
	record MergeField(String expression, String label, String fallbackFr, String fallbackEn) {
	}

	List<MergeField> all(Locale locale) {
		var fields = new ArrayList<MergeField>();
		fields.add(member("firstName", locale));
		fields.add(member("lastName", locale));
		fields.add(member("company", locale));
		for (AttributeDefinition definition : this.attributes.all()) {
			fields.add(new MergeField(attribute(definition.name()), definition.label(), "", ""));
		}
		return fields;
	}

	private MergeField member(String name, Locale locale) {
		return new MergeField(name, text("editor.field." + name, locale),
				text("editor.field." + name + ".fallback", Locale.CANADA_FRENCH),
				text("editor.field." + name + ".fallback", Locale.ENGLISH));
	}

	static String attribute(String name) {
		return PLAIN_NAME.matcher(name).matches() ? "attributes." + name : "attributes['" + name + "']";
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
