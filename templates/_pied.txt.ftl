<#--
	Shared footer of the plain-text parts, in French (the English one is _pied_en.txt.ftl).
	Lines written here stay under 78 characters; values may lengthen them.
-->
----------------------------------------------------------------------
${sender.organisation}
<#list sender.mailingAddressLines as ligne>
${ligne}
</#list>
<#if sender.website?has_content>
${sender.website}
</#if>

<#if company??>
Vous recevez cette infolettre parce que votre entreprise,
${company}, est membre de notre organisation,
${sender.organisation}.
<#else>
Vous recevez cette infolettre parce que vous êtes membre de notre
organisation, ${sender.organisation},
ou que vous avez demandé à la recevoir.
</#if>

Pour vous désabonner : ${unsubscribeUrl}
<#if preferencesUrl??>
Pour gérer vos préférences : ${preferencesUrl}
</#if>
<#if viewInBrowserUrl??>
Voir dans le navigateur : ${viewInBrowserUrl}
</#if>
<#if tracking.any>
<#if tracking.anonymous>
Nous comptons les ouvertures et les clics de cette infolettre sans les relier
à votre adresse. Vous pouvez refuser ce suivi dans vos préférences.
<#else>
Les liens de cette infolettre<#if tracking.opens> et une image de suivi</#if> nous indiquent
si vous l’avez ouverte et quels liens vous avez consultés. Vous pouvez refuser
ce suivi dans vos préférences.
</#if>
</#if>
