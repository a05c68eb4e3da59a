package org.sacrum;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code: business components ({@code org.sacrum.<component>}) with boundary (HTTP), control (what
 * the component does) and entity (state and rules) inside each. Components depend on each other without a cycle;
 * reactions across components in the other direction go through CDI events (EntryPublished, EntryWithdrawn).
 */
class ArchitectureTest {
    private static JavaClasses sacrum;

    @BeforeAll
    static void importClasses() {
        sacrum = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sacrum");
    }

    @Test
    void componentsFormNoCycle() {
        slices().matching("org.sacrum.(*)..").should().beFreeOfCycles().check(sacrum);
    }

    @Test
    void everyClassLivesInAComponentLayer() {
        classes().should().resideInAnyPackage("org.sacrum.*.boundary..", "org.sacrum.*.control..", "org.sacrum.*.entity..")
                .check(sacrum);
    }

    @Test
    void onlyBoundariesUseBoundaries() {
        noClasses().that().resideInAnyPackage("..control..", "..entity..").should().dependOnClassesThat()
                .resideInAPackage("..boundary..").check(sacrum);
    }

    @Test
    void entitiesDependOnNoControl() {
        noClasses().that().resideInAPackage("..entity..").should().dependOnClassesThat().resideInAPackage("..control..")
                .check(sacrum);
    }

    @Test
    void platformKnowsNoBusinessComponent() {
        noClasses().that().resideInAPackage("org.sacrum.platform..").should().dependOnClassesThat()
                .resideOutsideOfPackages("org.sacrum.platform..", "java..", "jakarta..", "javax..", "org.eclipse.microprofile..",
                        "com.github.benmanes..", "com.fasterxml..", "org.flywaydb..", "org.glassfish..", "org.eclipse..",
                        "fish.payara..", "com.hazelcast..", "org.h2..", "org.postgresql..")
                .check(sacrum);
    }

    @Test
    void httpResourcesAreBoundaries() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class).should().resideInAPackage("..boundary..").check(sacrum);
    }

    @Test
    void contentIsTheModelOnly() {
        noClasses().that().resideInAPackage("org.sacrum.content..").should().dependOnClassesThat()
                .resideInAnyPackage("org.sacrum.entries..", "org.sacrum.delivery..", "org.sacrum.identity..", "org.sacrum.audit..")
                .check(sacrum);
    }
}
