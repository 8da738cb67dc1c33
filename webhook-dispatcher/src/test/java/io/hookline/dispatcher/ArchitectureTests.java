package io.hookline.dispatcher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.hookline.testsupport.FeatureArchitecture;

/**
 * The dispatcher's packages by feature, checked: no cycles, {@code system} knows no feature, no feature uses
 * another's controllers or wiring. A feature's sub-packages ({@code deadletter.index}, ...) count as the feature.
 */
@AnalyzeClasses(packages = "io.hookline.dispatcher", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final FeatureArchitecture DISPATCHER = FeatureArchitecture.of("io.hookline.dispatcher");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = DISPATCHER.noCyclesBetweenFeatures();

    @ArchTest
    static final ArchRule systemKnowsNoFeature = DISPATCHER.systemKnowsNoFeature();

    @ArchTest
    static final ArchRule adaptersStayInTheirFeature = DISPATCHER.adaptersStayInTheirFeature();
}
