<#--
	Shared footer of the plain-text parts, in English (the French one is _pied.txt.ftl).
	Lines written here stay under 78 characters; values may lengthen them.
-->
----------------------------------------------------------------------
${sender.organisation}
<#list sender.mailingAddressLines as line>
${line}
</#list>
<#if sender.website?has_content>
${sender.website}
</#if>

<#if company??>
You are receiving this newsletter because your company,
${company}, is a member of our organization,
${sender.organisation}.
<#else>
You are receiving this newsletter because you are a member of our
organization, ${sender.organisation},
or asked to receive it.
</#if>

To unsubscribe: ${unsubscribeUrl}
<#if preferencesUrl??>
To manage your preferences: ${preferencesUrl}
</#if>
<#if viewInBrowserUrl??>
View in browser: ${viewInBrowserUrl}
</#if>
<#if tracking.any>
<#if tracking.anonymous>
We count the opens and clicks of this newsletter without linking them to
your address. You can refuse this tracking in your preferences.
<#else>
The links of this newsletter<#if tracking.opens> and a tracking image</#if> tell us whether
you opened it and which links you followed. You can refuse this tracking
in your preferences.
</#if>
</#if>
