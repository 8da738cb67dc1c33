package io.hookline.orders;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.hookline.testsupport.FeatureArchitecture;

/** The orders API's packages by feature, checked: no cycles, {@code system} knows no feature (docs/errors.md). */
@AnalyzeClasses(packages = "io.hookline.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final FeatureArchitecture ORDERS = FeatureArchitecture.of("io.hookline.orders");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = ORDERS.noCyclesBetweenFeatures();

    @ArchTest
    static final ArchRule systemKnowsNoFeature = ORDERS.systemKnowsNoFeature();

    @ArchTest
    static final ArchRule adaptersStayInTheirFeature = ORDERS.adaptersStayInTheirFeature();
}
