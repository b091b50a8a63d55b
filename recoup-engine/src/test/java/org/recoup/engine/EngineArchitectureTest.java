package org.recoup.engine;

import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is pure Java (DESIGN.md): no framework, database, JSON or servlet types, no cycles between its feature
 * packages, and no reading of the system clock — the business date and instants are always passed in.
 */
@AnalyzeClasses(packages = "org.recoup.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule engineDependsOnNoFrameworkOrInfrastructure = noClasses()
            .that().resideInAPackage("org.recoup.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml..", "tools.jackson..",
                    "jakarta..")
            .because("the engine is pure Java; storage, JSON and web belong in recoup-app (DESIGN.md)");

    @ArchTest
    static final ArchRule enginePackagesAreFreeOfCycles = slices()
            .matching("org.recoup.engine.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule engineNeverReadsTheSystemClock = noClasses()
            .that().resideInAPackage("org.recoup.engine..")
            .should(readTheSystemClock())
            .because("the business date and 'now' are inputs: a rule must give the same answer when replayed");

    /** Calls that read the wall clock: {@code now()} and {@code now(ZoneId)} (but not {@code now(Clock)}), the system clocks. */
    private static ArchCondition<JavaClass> readTheSystemClock() {
        ArchCondition<JavaClass> condition = callMethod(System.class, "currentTimeMillis")
                .or(callMethod(System.class, "nanoTime"))
                .or(callMethod(Clock.class, "systemDefaultZone"))
                .or(callMethod(Clock.class, "systemUTC"))
                .or(callMethod(Clock.class, "system", ZoneId.class))
                .or(callMethod(Instant.class, "now"));
        for (Class<?> type : new Class<?>[] {LocalDate.class, LocalDateTime.class, LocalTime.class, ZonedDateTime.class,
                OffsetDateTime.class, Year.class, YearMonth.class}) {
            condition = condition.or(callMethod(type, "now")).or(callMethod(type, "now", ZoneId.class));
        }
        return condition.as("read the system clock");
    }
}
