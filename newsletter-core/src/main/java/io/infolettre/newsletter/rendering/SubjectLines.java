package io.infolettre.newsletter.rendering;

/**
 * A subject line as a reader sees it, composed without the rest of the message: for the lists and
 * pages that show many issues at once, where a coordinator must read « Bonjour Marie », never the
 * template text behind it.
 */
public interface SubjectLines {

	/**
	 * The subject as the sample member reading {@code language} receives it.
	 * @throws TemplateProblem when it does not render (a syntax error, something refused)
	 */
	String forSample(String subject, String language);

}
