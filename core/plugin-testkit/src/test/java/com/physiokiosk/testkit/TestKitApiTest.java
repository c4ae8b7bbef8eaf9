package com.physiokiosk.testkit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a plugin author's tests see of the test kit: its own types and the plugin API's, never the engine's. */
@DisplayName("The test kit's public face")
class TestKitApiTest {

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.physiokiosk.testkit");

    @Test
    void noPublicMethodTakesOrGivesAnEngineType() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should().notHaveRawReturnType(resideInAPackage("com.physiokiosk.engine.."))
                .andShould().notHaveRawParameterTypes(
                        com.tngtech.archunit.base.DescribedPredicate.anyElementThat(resideInAPackage("com.physiokiosk.engine..")))
                .because("a plugin's tests are written against the test kit and the plugin API only")
                .check(KIT);
    }
}
