<#--
	Layout "annonce", plain-text part, in French (annonce_en.txt.ftl is the English one): the title
	first, underlined, then the body. Nothing is escaped: the output is not HTML.
-->
${brand.name}

<#if issue.title?has_content>
${issue.title?upper_case}
${""?left_pad(issue.title?length, "=")}

</#if>
Bonjour<#if firstName??> ${firstName}</#if>,

${content.text?trim}

<#include "_pied.txt.ftl">
