package io.hookline.receiver;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.hookline.testsupport.FeatureArchitecture;

/**
 * The receiver's packages by feature, checked: no cycles, {@code system} knows no feature, no feature uses
 * another's controllers or wiring.
 */
@AnalyzeClasses(packages = "io.hookline.receiver", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final FeatureArchitecture RECEIVER = FeatureArchitecture.of("io.hookline.receiver");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = RECEIVER.noCyclesBetweenFeatures();

    @ArchTest
    static final ArchRule systemKnowsNoFeature = RECEIVER.systemKnowsNoFeature();

    @ArchTest
    static final ArchRule adaptersStayInTheirFeature = RECEIVER.adaptersStayInTheirFeature();
}
