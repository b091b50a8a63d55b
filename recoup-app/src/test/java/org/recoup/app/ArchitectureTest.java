package org.recoup.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The shape of the application: features as Spring Modulith modules, no technical junk-drawer packages. */
class ArchitectureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(RecoupApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.recoup.app");

    @Test
    void featureModulesDependOnEachOtherOnlyThroughTheirPublicApiAndWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void thereAreNoTechnicalJunkDrawerPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..impl..", "..dto..",
                        "..manager..", "..helper..")
                .because("code is organised by feature (see DESIGN.md)")
                .check(CLASSES);
    }

    @Test
    void everyFeaturePackageSaysWhatItOwns() throws IOException {
        Path root = Path.of("src/main/java/org/recoup/app");
        try (Stream<Path> features = Files.list(root)) {
            List<Path> withoutInfo = features.filter(Files::isDirectory)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertThat(withoutInfo).as("feature packages without package-info.java").isEmpty();
        }
    }

    @Test
    void theEngineIsUsedOnlyThroughItsPublicTypes() {
        noClasses().that().resideInAPackage("org.recoup.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.recoup.app..")
                .check(new ClassFileImporter().importPackages("org.recoup.engine"));
    }
}
