/**
 * People: the team that uses the platform (not the subscribers), their roles and what each role may
 * do, their accounts (password, second factor, API tokens) and the team's own settings. The web
 * module turns a login into a person's permissions; core modules only ever see an
 * {@link io.infolettre.newsletter.shared.Actor}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People", allowedDependencies = { "shared" })
package io.infolettre.newsletter.people;
