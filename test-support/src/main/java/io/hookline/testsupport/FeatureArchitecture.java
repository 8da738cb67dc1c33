package io.hookline.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture of a service packaged by feature ({@code io.hookline.<service>.<feature>..}, with
 * {@code system} for what is cross-cutting), as ArchUnit rules that every service's {@code ArchitectureTests}
 * applies to its main classes. A feature may have sub-packages: each rule treats {@code <feature>..} as one.
 */
public final class FeatureArchitecture {

    private final String root;

    private FeatureArchitecture(String root) {
        this.root = root;
    }

    /** The rules for the service whose classes live under {@code root}, e.g. {@code io.hookline.orders}. */
    public static FeatureArchitecture of(String root) {
        return new FeatureArchitecture(root);
    }

    /** No cycle between the top-level packages (features and {@code system}): each depends one way or not at all. */
    public ArchRule noCyclesBetweenFeatures() {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    /**
     * {@code system} (configuration, the wiring of the whole service) depends on no feature: features contribute
     * to it through interfaces and beans (a {@code ProductionCheck}, a problem type, a topic), never the other way.
     */
    public ArchRule systemKnowsNoFeature() {
        return noClasses().that().resideInAPackage(root + ".system..")
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(not(resideInAPackage(root + ".system..")))
                        .as("reside in a feature of " + root));
    }

    /**
     * A feature's HTTP adapters ({@code *Controller}) and its Spring wiring ({@code *Configuration}) are its own:
     * another feature uses the feature's services and types, never these.
     */
    public ArchRule adaptersStayInTheirFeature() {
        return classes().that().resideInAPackage(root + ".*..")
                .and().haveSimpleNameEndingWith("Controller").or().haveSimpleNameEndingWith("Configuration")
                .should(beUsedOnlyInsideTheirFeature());
    }

    private ArchCondition<JavaClass> beUsedOnlyInsideTheirFeature() {
        return new ArchCondition<>("be used only inside their own feature") {
            @Override
            public void check(JavaClass adapter, ConditionEvents events) {
                String feature = feature(adapter);
                for (Dependency dependency : adapter.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    if (origin.getPackageName().startsWith(root + ".") && !feature.equals(feature(origin))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The first package segment under the root: {@code deadletter} for {@code <root>.deadletter.index.Foo}. */
    private String feature(JavaClass type) {
        String rest = type.getPackageName().substring(Math.min(type.getPackageName().length(), root.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
