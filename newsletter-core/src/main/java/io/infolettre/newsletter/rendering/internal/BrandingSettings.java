package io.infolettre.newsletter.rendering.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the newsletter looks, given to every template as the ready-made {@code brand} model. Colours
 * are checked at startup: a typo would otherwise reach every member's mailbox.
 *
 * @param name name shown in the header; the sender's organisation when absent
 * @param logoUrl https address of the logo shown in the header instead of the name (the name
 * stays its alternative text); none by default
 * @param logoWidth width of the logo in pixels (its height follows)
 * @param primaryColor header band, headings and news sections
 * @param accentColor buttons and the event label
 * @param backgroundColor around the message card
 * @param textColor body text
 * @param linkColor links in the body and the footer
 * @param fontFamily CSS font stack; keep web-safe fonts, email clients download none
 * @param tagline short line under the name in the header, e.g. the association's motto
 */
@ConfigurationProperties("newsletter.branding")
record BrandingSettings(String name, String logoUrl, Integer logoWidth, String primaryColor, String accentColor,
		String backgroundColor, String textColor, String linkColor, String fontFamily, String tagline) {

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final Pattern HTTPS = Pattern.compile("(?i)https://[^\\s\"'<>]+");

	private static final Pattern FONTS = Pattern.compile("[\\p{L}\\p{N} ,'-]+");

	static final BrandingSettings DEFAULTS = new BrandingSettings(null, null, null, null, null, null, null, null, null,
			null);

	BrandingSettings {
		name = blankToNull(name);
		logoUrl = blankToNull(logoUrl);
		logoWidth = logoWidth == null ? 180 : logoWidth;
		primaryColor = colour("primary-color", primaryColor, "#1d4e6f");
		accentColor = colour("accent-color", accentColor, "#b4451f");
		backgroundColor = colour("background-color", backgroundColor, "#eef1f4");
		textColor = colour("text-color", textColor, "#1f2933");
		linkColor = colour("link-color", linkColor, "#1a5c96");
		fontFamily = fontFamily == null || fontFamily.isBlank() ? "Arial, Helvetica, sans-serif" : fontFamily;
		tagline = blankToNull(tagline);
		if (logoUrl != null && !HTTPS.matcher(logoUrl).matches()) {
			throw new IllegalArgumentException("newsletter.branding.logo-url must be an https address: " + logoUrl);
		}
		if (logoWidth < 16 || logoWidth > 600) {
			throw new IllegalArgumentException("newsletter.branding.logo-width must be between 16 and 600: " + logoWidth);
		}
		if (!FONTS.matcher(fontFamily).matches()) {
			throw new IllegalArgumentException("newsletter.branding.font-family: letters, spaces, commas, quotes only");
		}
	}

	/** The {@code brand} model of the templates; {@code organisation} names the sender when no name is set. */
	Map<String, Object> model(String organisation) {
		var brand = new HashMap<String, Object>();
		brand.put("name", this.name == null ? organisation : this.name);
		if (this.logoUrl != null) {
			brand.put("logoUrl", this.logoUrl);
		}
		brand.put("logoWidth", this.logoWidth);
		brand.put("primaryColor", this.primaryColor);
		brand.put("accentColor", this.accentColor);
		brand.put("backgroundColor", this.backgroundColor);
		brand.put("textColor", this.textColor);
		brand.put("linkColor", this.linkColor);
		brand.put("fontFamily", this.fontFamily);
		if (this.tagline != null) {
			brand.put("tagline", this.tagline);
		}
		return Map.copyOf(brand);
	}

	private static String colour(String property, String value, String fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		if (!COLOUR.matcher(value.strip()).matches()) {
			throw new IllegalArgumentException(
					"newsletter.branding." + property + " must be a colour like #1d4e6f: " + value);
		}
		return value.strip().toLowerCase();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
