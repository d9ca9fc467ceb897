<#--
	The content blocks of an issue, plain-text part: one macro per block type, used by every layout
	that has no NAME_blocs.txt.ftl of its own. Nothing is escaped: the output is not HTML. Each block
	ends with an empty line; the association's blocks become titled sections, as the :::fences of
	the Markdown body do. block.plain is the rich text as text (links written after their words).
-->
<#assign en = language == "en">
<#macro bloc block>
<#switch block.type>
<#case "heading"><@heading block/><#break>
<#case "text"><@text block/><#break>
<#case "image"><@image block/><#break>
<#case "button"><@button block.url block.label/><#break>
<#case "divider"><@divider block/><#break>
<#case "columns"><@columns block/><#break>
<#case "event"><@event block/><#break>
<#case "training"><@training block/><#break>
<#case "news"><@news block/><#break>
<#case "survey"><@survey block/><#break>
<#case "markdown"><@markdown block/><#break>
<#default>
</#switch>
</#macro>
<#-- The Markdown block is exactly what the Markdown body was before blocks: its source, fences made titles. -->
<#macro markdown block>${block.text}</#macro>
<#macro heading block>
${(block.level == 3)?then("### ", "## ")}${block.text}

</#macro>
<#macro text block>
${block.plain}

</#macro>
<#macro image block>
[${block.alt}]<#if block.link??> ${block.link}</#if>
<#if block.caption??>
${block.caption}
</#if>

</#macro>
<#macro button url label>
${label}${en?then(": ", " : ")}${url}

</#macro>
<#macro divider block>
----------------------------------------------------------------------

</#macro>
<#macro columns block>
<#list block.left as inner><@bloc inner/></#list>
<#list block.right as inner><@bloc inner/></#list>
</#macro>
<#macro section label title>
== ${label?upper_case}<#if title?has_content> : ${title}</#if> ==
<#nested>

</#macro>
<#macro detail label value>
${label} ${value}
</#macro>
<#macro event block>
<@section en?then("Event", "Événement") block.title>
${block.when}
<#if block.place??><@detail en?then("Where:", "Lieu :") block.place/></#if>
<#if block.price??><@detail en?then("Price:", "Prix :") block.price/></#if>
<#if block.plain??>${block.plain}
</#if>
<#if block.url??>${block.label}${en?then(": ", " : ")}${block.url}
</#if>
</@section>
</#macro>
<#macro training block>
<@section en?then("Training", "Formation") block.title>
<#if block.when??><@detail en?then("When:", "Quand :") block.when/></#if>
<#if block.duration??><@detail en?then("Duration:", "Durée :") block.duration/></#if>
<#if block.plain??>${block.plain}
</#if>
<#if block.url??>${block.label}${en?then(": ", " : ")}${block.url}
</#if>
</@section>
</#macro>
<#macro news block>
<@section en?then("Member news", "Nouvelles des membres") block.title!"">
${block.plain}
</@section>
</#macro>
<#macro survey block>
<@section en?then("Survey", "Sondage") block.title>
<#if block.question??>${block.question}
</#if>
${block.label}${en?then(": ", " : ")}${block.url}
</@section>
</#macro>
<#list blocks as block><@bloc block/></#list>
