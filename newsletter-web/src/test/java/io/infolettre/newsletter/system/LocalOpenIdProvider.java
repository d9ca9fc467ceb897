package io.infolettre.newsletter.system;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server in a Spring
 * context of its own, on a random port of this machine, with its own login form. It knows one client
 * (the application, redirected to on any port of 127.0.0.1, as loopback clients are) and a few people,
 * whose ID tokens carry their email address, whether it is verified, and their groups in the claim
 * {@value #GROUPS}. Its session cookie has a name of its own: cookies ignore ports, and the application
 * is on the same host.
 */
final class LocalOpenIdProvider implements AutoCloseable {

	static final String CLIENT_ID = "infolettre";

	static final String CLIENT_SECRET = "secret-du-client-" + UUID.randomUUID();

	static final String GROUPS = "groups";

	static final String PASSWORD = "mot-de-passe-du-fournisseur";

	/** The people the provider knows: user name → the claims of their ID token. */
	static final Map<String, Map<String, Object>> PEOPLE = Map.of(
			"claire", Map.of("email", "claire.sso-" + UUID.randomUUID() + "@exemple.ca", "email_verified", true,
					"name", "Claire Tremblay", GROUPS, List.of("personnel", "infolettre-admins")),
			"marc", Map.of("email", "marc.sso-" + UUID.randomUUID() + "@exemple.ca", "email_verified", true, "name",
					"Marc Gagnon", GROUPS, List.of("personnel")),
			"denise", Map.of("email", "denise.sso-" + UUID.randomUUID() + "@exemple.ca", "email_verified", true,
					"name", "Denise Côté", GROUPS, List.of("infolettre-lecture")),
			"paul", Map.of("email", "paul.sso-" + UUID.randomUUID() + "@exemple.ca", "email_verified", false, "name",
					"Paul Roy", GROUPS, List.of("infolettre-admins")));

	private final ConfigurableApplicationContext context;

	private LocalOpenIdProvider(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static LocalOpenIdProvider start() {
		// its own configuration name: the application's application.yml is on this classpath too
		return new LocalOpenIdProvider(new SpringApplicationBuilder(Provider.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.config.name=local-openid-provider",
				"--server.servlet.session.cookie.name=PROVIDER_SESSION", "--spring.main.banner-mode=off"));
	}

	String issuer() {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	static String email(String user) {
		return (String) PEOPLE.get(user).get("email");
	}

	@Override
	public void close() {
		this.context.close();
	}

	// a test configuration: the application's component scan, which reaches the test classes, leaves it out
	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebSecurity
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class })
	static class Provider {

		@Bean
		SecurityFilterChain provider(HttpSecurity http) throws Exception {
			return http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		RegisteredClientRepository clients() {
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				// any port of the loopback address (RFC 8252): the application's is chosen when it starts
				.redirectUri("http://127.0.0.1/login/oauth2/code/sso")
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.scope(OidcScopes.EMAIL)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build());
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(PEOPLE.keySet()
				.stream()
				.map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
				.toList());
		}

		/** The person's email, its verification and their groups, in their ID token. */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
			return context -> {
				if ("id_token".equals(context.getTokenType().getValue())) {
					PEOPLE.get(context.getPrincipal().getName()).forEach(context.getClaims()::claim);
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
