package io.hookline.support.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The parts of service-support (web, problem, topics, ...) depend on each other without cycles. */
@AnalyzeClasses(packages = "io.hookline.support", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noCyclesBetweenParts = slices().matching("io.hookline.support.(*)..")
            .should().beFreeOfCycles();
}
