<#--
	Layout "infolettre", plain-text part, in French (infolettre_en.txt.ftl is the English one).
	Nothing is escaped: the output is not HTML. The body is the Markdown source, which reads well
	as text; its blocks become titled sections. Lines written here stay under 78 characters.
-->
${brand.name}
<#if issue.title?has_content>
${issue.title}
</#if>

Bonjour<#if firstName??> ${firstName}</#if>,

${content.text?trim}

<#include "_pied.txt.ftl">
