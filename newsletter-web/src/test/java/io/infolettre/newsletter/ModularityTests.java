package io.infolettre.newsletter;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of core and web together, and the module documentation. */
class ModularityTests {

	// Core's test jar (its tests, the shared fixtures, the index contract) is not under test-classes
	// in a reactor build, so DO_NOT_INCLUDE_TESTS keeps it: this option leaves it out.
	private static final ImportOption NOT_FIXTURES = location -> !location.contains("-tests.jar")
			&& !location.contains("/io/infolettre/newsletter/fixtures/")
			&& !location.contains("/io/infolettre/newsletter/indexcontract/");

	// Core's shared test support reaches this classpath as a test jar; it is not a module.
	private final ApplicationModules modules = ApplicationModules.of(NewsletterApplication.class,
			JavaClass.Predicates.resideInAnyPackage("io.infolettre.newsletter.fixtures..",
					"io.infolettre.newsletter.indexcontract.."));

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		this.modules.verify();
	}

	@Test
	void infrastructureLibrariesStayInsideInternalPackages() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(NOT_FIXTURES)
			.importPackages("io.infolettre.newsletter");
		ArchRule rule = noClasses().that()
			.resideInAPackage("io.infolettre.newsletter..")
			.and()
			.resideOutsideOfPackages("..internal..", "io.infolettre.newsletter.system..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.mail..", "freemarker..", "org.quartz..", "org.springframework.batch..");
		rule.check(classes);
	}

	/**
	 * MongoDB is reached only from {@code internal} packages: a module's API speaks in domain types.
	 * Mapping annotations on the aggregates and Spring Data repository interfaces are allowed.
	 */
	@Test
	void mongoTypesStayInsideInternalPackages() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(NOT_FIXTURES)
			.importPackages("io.infolettre.newsletter");
		noClasses().that()
			.resideInAPackage("io.infolettre.newsletter..")
			.and()
			.resideOutsideOfPackage("..internal..")
			.should()
			.dependOnClassesThat(resideInAnyPackage("com.mongodb..", "org.bson..", "org.springframework.data.mongodb..")
				.and(not(resideInAnyPackage("org.springframework.data.mongodb.core.mapping..",
						"org.springframework.data.mongodb.core.index..", "org.springframework.data.mongodb.repository.."))))
			.check(classes);
	}

	/**
	 * The embedded MongoDB-wire server is a component of its own: only its Spring wiring knows it, or
	 * the libraries it is made of, and it knows nothing of newsletters.
	 */
	@Test
	void onlyTheWiringKnowsTheEmbeddedServerAndItKnowsNothingOfTheApplication() {
		var application = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(NOT_FIXTURES)
			.importPackages("io.infolettre.newsletter");
		noClasses().that()
			.resideInAPackage("io.infolettre.newsletter..")
			.and()
			.resideOutsideOfPackage("io.infolettre.newsletter.system.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.infolettre.embeddedmongo..", "de.bwaldvogel..", "org.h2..")
			.check(application);
		var embedded = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.infolettre.embeddedmongo");
		noClasses().that()
			.resideInAPackage("io.infolettre.embeddedmongo..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.infolettre.newsletter..")
			.check(embedded);
	}

	/** Template authors are untrusted: a configuration made anywhere else would escape the sandbox. */
	@Test
	void everyFreeMarkerConfigurationComesFromTheSandbox() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(NOT_FIXTURES)
			.importPackages("io.infolettre.newsletter");
		noClasses().that()
			.doNotHaveFullyQualifiedName("io.infolettre.newsletter.rendering.internal.TemplateSandbox")
			.should()
			.callConstructor(freemarker.template.Configuration.class, freemarker.template.Version.class)
			.orShould()
			.callMethod(freemarker.template.Configuration.class, "clone")
			.orShould()
			.callMethod(freemarker.template.Configuration.class, "setNewBuiltinClassResolver",
					freemarker.core.TemplateClassResolver.class)
			.orShould()
			.callMethod(freemarker.template.Configuration.class, "setObjectWrapper",
					freemarker.template.ObjectWrapper.class)
			.check(classes);
	}

	@Test
	void coreKnowsNothingOfTheWeb() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(NOT_FIXTURES)
			.importPackages("io.infolettre.newsletter");
		noClasses().that()
			.resideInAnyPackage("io.infolettre.newsletter.subscriber..", "io.infolettre.newsletter.segment..",
					"io.infolettre.newsletter.issue..", "io.infolettre.newsletter.rendering..",
					"io.infolettre.newsletter.delivery..", "io.infolettre.newsletter.tracking..",
					"io.infolettre.newsletter.report..", "io.infolettre.newsletter.series..",
					"io.infolettre.newsletter.scheduling..", "io.infolettre.newsletter.engagement..",
					"io.infolettre.newsletter.composition..", "io.infolettre.newsletter.shared..",
					"io.infolettre.newsletter.media..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
			.check(classes);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
