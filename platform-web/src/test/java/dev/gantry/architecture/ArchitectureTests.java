package dev.gantry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;

/** The rules of docs/architecture.md, checked against the compiled code of every module. */
@AnalyzeClasses(packages = "dev.gantry", importOptions = ProductionCodeOnly.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule modules_are_free_of_cycles =
            slices().matching("dev.gantry.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_shared_kernel_depends_only_on_the_jdk_jspecify_its_yaml_parser_and_module_annotations =
            classes().that().resideInAPackage("dev.gantry.domain..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(
                            "java..", "org.jspecify..", "org.yaml.snakeyaml..", "org.springframework.modulith",
                            "dev.gantry.domain..");

    /** The feature modules: everything but the shared kernel and the application (platform-web). */
    private static final String[] FEATURE_MODULES = {"dev.gantry.access..", "dev.gantry.secrets..",
            "dev.gantry.recovery..", "dev.gantry.pipeline..", "dev.gantry.incidents.."};

    @ArchTest
    static final ArchRule feature_modules_know_nothing_of_vaadin_quartz_servlets_or_the_ui =
            noClasses().that().resideInAnyPackage(FEATURE_MODULES)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "com.vaadin..", "org.quartz..", "jakarta.servlet..", "dev.gantry.ui..",
                            "dev.gantry.api..", "dev.gantry.scheduling..", "dev.gantry.config..",
                            "dev.gantry.security..");

    @ArchTest
    static final ArchRule internal_packages_are_reached_only_from_their_own_module =
            classes().should(reachInternalPackagesOnlyOfTheirOwnModule());

    /** The only compile dependencies allowed between feature modules; everything else crosses as an event. */
    private static final java.util.Map<String, java.util.Set<String>> ALLOWED_BETWEEN_FEATURES = java.util.Map.of(
            "pipeline", java.util.Set.of("secrets"),
            "recovery", java.util.Set.of("secrets"));
    private static final java.util.Set<String> FEATURES = java.util.Set.of("access", "secrets", "recovery",
            "pipeline", "incidents");

    @ArchTest
    static final ArchRule feature_modules_depend_on_each_other_only_where_the_architecture_allows =
            classes().should(dependOnOtherFeatureModulesOnlyWhereAllowed());

    /** A revealed value lives in a dialog that drops it on close, never in a view's or component's state. */
    @ArchTest
    static final ArchRule no_ui_class_keeps_a_secret_value_in_a_field =
            noFields().that().areDeclaredInClassesThat().resideInAPackage("dev.gantry.ui..")
                    .should().haveRawType(dev.gantry.secrets.SecretValue.class)
                    .orShould().haveRawType(dev.gantry.secrets.SecretRead.class)
                    .orShould().haveRawType(dev.gantry.secrets.UnsealShares.class);

    @ArchTest
    static final ArchRule views_never_see_an_entity_or_a_repository =
            noClasses().that().resideInAnyPackage("dev.gantry.ui..", "dev.gantry.api..", "dev.gantry.scheduling..")
                    .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                    .orShould().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class);

    @ArchTest
    static final ArchRule every_route_lives_in_the_ui_and_says_who_may_see_it =
            classes().that().areAnnotatedWith(Route.class)
                    .should().resideInAPackage("dev.gantry.ui..")
                    .andShould(haveExactlyOneAccessAnnotation());

    @ArchTest
    static final ArchRule quartz_jobs_live_in_scheduling_and_end_in_job =
            classes().that().areAssignableTo(org.quartz.Job.class)
                    .should().resideInAPackage("dev.gantry.scheduling..")
                    .andShould().haveSimpleNameEndingWith("Job");

    @ArchTest
    static final ArchRule no_field_injection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    /** Console output is reserved for the one-time passwords printed at first start, which must bypass the logs. */
    @ArchTest
    static final ArchRule no_standard_streams_outside_first_start_handover =
            noClasses().that().doNotHaveSimpleName("BootstrapAdmin").and().doNotHaveSimpleName("DemoData")
                    .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    private static final java.util.regex.Pattern INTERNAL = java.util.regex.Pattern.compile(
            "dev\\.gantry\\.([a-z]+)\\.internal(\\..*)?");

    /** Generic over modules, so a new module's {@code internal} package is private without a new rule. */
    private static ArchCondition<JavaClass> reachInternalPackagesOnlyOfTheirOwnModule() {
        return new ArchCondition<>("reach internal packages only of their own module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    var internal = INTERNAL.matcher(dependency.getTargetClass().getPackageName());
                    if (internal.matches() && !origin.getPackageName().equals("dev.gantry." + internal.group(1))
                            && !origin.getPackageName().startsWith("dev.gantry." + internal.group(1) + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnOtherFeatureModulesOnlyWhereAllowed() {
        return new ArchCondition<>("depend on another feature module only where the architecture allows") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = featureOf(origin.getPackageName());
                if (from == null) {
                    return;
                }
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String to = featureOf(dependency.getTargetClass().getPackageName());
                    if (to != null && !to.equals(from)
                            && !ALLOWED_BETWEEN_FEATURES.getOrDefault(from, java.util.Set.of()).contains(to)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static String featureOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length >= 3 && parts[0].equals("dev") && parts[1].equals("gantry") && FEATURES.contains(parts[2])
                ? parts[2] : null;
    }

    private static ArchCondition<JavaClass> haveExactlyOneAccessAnnotation() {
        return new ArchCondition<>("carry exactly one of @RolesAllowed, @PermitAll, @AnonymousAllowed, @DenyAll") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                long count = java.util.stream.Stream.of(RolesAllowed.class, PermitAll.class, AnonymousAllowed.class,
                        DenyAll.class).filter(view::isAnnotatedWith).count();
                boolean anonymousOnlyOnLogin = !view.isAnnotatedWith(AnonymousAllowed.class)
                        || view.getSimpleName().equals("LoginView");
                events.add(new SimpleConditionEvent(view, count == 1 && anonymousOnlyOnLogin,
                        view.getName() + " has " + count + " access annotations"
                                + (anonymousOnlyOnLogin ? "" : " and allows anonymous access")));
            }
        };
    }
}
