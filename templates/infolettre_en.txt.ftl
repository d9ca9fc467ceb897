<#--
	Layout "infolettre", plain-text part, in English (infolettre.txt.ftl is the French one).
	Nothing is escaped: the output is not HTML. The body is the Markdown source, which reads well
	as text; its blocks become titled sections. Lines written here stay under 78 characters.
-->
${brand.name}
<#if issue.title?has_content>
${issue.title}
</#if>

Hello<#if firstName??> ${firstName}</#if>,

${content.text?trim}

<#include "_pied_en.txt.ftl">
