package com.physiokiosk.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The arrows of DESIGN.md, checked on the compiled classes: {@code kiosk-ui -> engine -> plugin-api}, a
 * plugin sees only the API (its own build gives it nothing else), the engine never sees the web, and the
 * engine's packages (by feature) depend on each other without a cycle, the lower ones on nothing above them.
 */
@DisplayName("Architecture: module arrows and package rules")
class ArchitectureTest {

    private static JavaClasses engine;
    private static JavaClasses api;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        engine = importer.importPackages("com.physiokiosk.engine");
        api = importer.importPackages("com.physiokiosk.api");
    }

    @Test
    void theEngineNeverSeesTheWebApp() {
        ArchRule rule = noClasses().that().resideInAPackage("com.physiokiosk.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.physiokiosk.ui..", "io.javalin..",
                        "org.eclipse.jetty..", "jakarta.servlet..")
                .because("the engine has no HTTP in it (DESIGN.md, Layout)");
        rule.check(engine);
    }

    @Test
    void thePluginApiSeesOnlyItselfJavaAndPf4j() {
        ArchRule rule = noClasses().that().resideInAPackage("com.physiokiosk.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("com.physiokiosk.api..", "java..", "org.pf4j..")
                .because("a plugin compiles against the API alone: it never sees the engine, JDBC or the web");
        rule.check(api);
    }

    @Test
    void theEnginesFeaturePackagesHaveNoCycle() {
        slices().matching("com.physiokiosk.engine.(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void theLowerPackagesDependOnNothingAboveThem() {
        noClasses().that().resideInAnyPackage("com.physiokiosk.engine.storage..", "com.physiokiosk.engine.i18n..")
                .should().dependOnClassesThat().resideInAnyPackage(engineExcept("storage", "i18n"))
                .because("storage and texts are the bottom layer").check(engine);
        noClasses().that().resideInAPackage("com.physiokiosk.engine.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(engineExcept("audit", "storage", "i18n"))
                .because("the audit log is written by every feature and knows none of them").check(engine);
        noClasses().that().resideInAPackage("com.physiokiosk.engine.topic..")
                .should().dependOnClassesThat().resideInAnyPackage(engineExcept("topic", "i18n"))
                .because("a loaded topic is the model the host's sections and the plugins share; "
                        + "PF4J and the plugin host come above it").check(engine);
        noClasses().that().resideOutsideOfPackage("com.physiokiosk.engine.plugins..")
                .should().dependOnClassesThat().resideInAPackage("org.pf4j..")
                .andShould().dependOnClassesThat().resideInAPackage("com.physiokiosk.engine.plugins..")
                .because("the plugin host alone owns PF4J; the rest of the engine sees topics, not plugins")
                .check(engine);
    }

    /** Every engine feature package (as compiled) but {@code allowed}, as ArchUnit package patterns. */
    private static String[] engineExcept(String... allowed) {
        return engine.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("com.physiokiosk.engine."))
                .map(p -> p.substring("com.physiokiosk.engine.".length()).split("\\.")[0])
                .distinct().filter(p -> !java.util.List.of(allowed).contains(p))
                .map(p -> "com.physiokiosk.engine." + p + "..").toArray(String[]::new);
    }
}
