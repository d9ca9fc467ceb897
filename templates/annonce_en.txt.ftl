<#--
	Layout "annonce", plain-text part, in English (annonce.txt.ftl is the French one): the title
	first, underlined, then the body. Nothing is escaped: the output is not HTML.
-->
${brand.name}

<#if issue.title?has_content>
${issue.title?upper_case}
${""?left_pad(issue.title?length, "=")}

</#if>
Hello<#if firstName??> ${firstName}</#if>,

${content.text?trim}

<#include "_pied_en.txt.ftl">
