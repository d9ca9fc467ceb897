package io.infolettre.newsletter.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description, which springdoc completes from the controllers: its title, what a
 * script must know in French and in English, its ways in (a personal token; HTTP Basic for the first
 * administrator), and the calls grouped by what they act on, named as the admin names it. The
 * document ({@code /v3/api-docs}) and its page ({@code /swagger-ui.html}) are for any signed-in
 * person, as each call checks its own permission (system.SecurityConfiguration);
 * {@code springdoc.paths-to-match} keeps the admin's pages out.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String TITLE = "Infolettre — API REST";

	private static final String DESCRIPTION = """
			Numéros, envois, calendrier, abonnés, entreprises, segments, importations et rapports de \
			l’infolettre. Chaque appel porte un jeton d’API personnel (`Authorization: Bearer …`, créé dans « Mon \
			compte » ou par `POST /api/v1/tokens`) et demande la permission de son rôle ; HTTP Basic ne sert qu’au \
			premier administrateur, tant que l’équipe le permet. Un POST, PUT, PATCH ou DELETE sans corps \
			JSON porte l’en-tête `X-Requested-With`. Les erreurs sont des *problem details* (RFC 9457) dont la \
			raison est en français.

			Issues, sends, calendar, subscribers, companies, segments, imports and reports of the newsletter. \
			Each call carries a personal API token (`Authorization: Bearer …`, created in « Mon compte » or with \
			`POST /api/v1/tokens`) and needs its role's permission; HTTP Basic is only for the first administrator, \
			while the team allows it. A POST, PUT, PATCH or DELETE without a JSON body carries \
			the `X-Requested-With` header. Errors are RFC 9457 problem details with a reason in French.""";

	/** Each controller's group, by its class (springdoc would name it "issue-api-controller"). */
	static final Map<Class<?>, String> GROUPS = Map.ofEntries(
			Map.entry(IssueApiController.class, "Numéros / Issues"),
			Map.entry(IssueReviewApiController.class, "Numéros / Issues"),
			Map.entry(DeliveryApiController.class, "Registre d’envoi / Delivery ledger"),
			Map.entry(ReportApiController.class, "Rapports / Reports"),
			Map.entry(CalendarApiController.class, "Calendrier / Calendar"),
			Map.entry(SeriesApiController.class, "Séries / Series"),
			Map.entry(SubscriberApiController.class, "Abonnés / Subscribers"),
			Map.entry(SubscriberExportApiController.class, "Abonnés / Subscribers"),
			Map.entry(CompanyApiController.class, "Entreprises / Companies"),
			Map.entry(AttributeApiController.class, "Attributs / Attributes"),
			Map.entry(SegmentApiController.class, "Segments"),
			Map.entry(ImportApiController.class, "Importations / Imports"),
			Map.entry(TemplateApiController.class, "Modèles / Templates"),
			Map.entry(SavedBlockApiController.class, "Blocs enregistrés / Saved blocks"),
			Map.entry(UnsubscribeApiController.class, "Désabonnements / Unsubscribes"),
			Map.entry(UnsubscribeRequestApiController.class, "Désabonnements / Unsubscribes"),
			Map.entry(BounceApiController.class, "Rebonds et plaintes / Bounces and complaints"),
			Map.entry(MediaApiController.class, "Médiathèque / Media library"),
			Map.entry(TokenApiController.class, "Jetons d’API / API tokens"),
			Map.entry(MeApiController.class, "Équipe / Team"),
			Map.entry(PeopleApiController.class, "Équipe / Team"),
			Map.entry(AuditApiController.class, "Journal / Audit log"));

	@Bean
	OpenAPI apiDescription() {
		return new OpenAPI().info(new Info().title(TITLE).version("v1").description(DESCRIPTION))
			.components(new Components()
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("Jeton d’API personnel / personal API token"))
				.addSecuritySchemes("basic",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("Premier administrateur seulement / first administrator only")))
			.addSecurityItem(new SecurityRequirement().addList("token"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

	@Bean
	OperationCustomizer apiGroups() {
		return (operation, handler) -> {
			String group = GROUPS.get(handler.getBeanType());
			return group == null ? operation : operation.tags(List.of(group));
		};
	}

}
