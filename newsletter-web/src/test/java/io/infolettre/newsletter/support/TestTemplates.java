package io.infolettre.newsletter.support;

/** A small valid layout (both parts), for the upload tests of the admin page and the API. */
public final class TestTemplates {

	public static final String HTML = """
			<p>Bonjour ${firstName!'membre'}</p>
			${content.html}
			<p>${sender.organisation}<#list sender.mailingAddressLines as l><br>${l}</#list></p>
			<p><a href="${unsubscribeUrl}">Se désabonner</a></p>
			""";

	public static final String TEXT = """
			${content.text}
			<#list sender.mailingAddressLines as l>${l}
			</#list>
			Pour vous désabonner : ${unsubscribeUrl}
			""";

	private TestTemplates() {
	}

}
