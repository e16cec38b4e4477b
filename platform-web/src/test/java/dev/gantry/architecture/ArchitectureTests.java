package dev.gantry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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

    @ArchTest
    static final ArchRule feature_modules_know_nothing_of_vaadin_quartz_servlets_or_the_ui =
            noClasses().that().resideInAnyPackage("dev.gantry.access..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "com.vaadin..", "org.quartz..", "jakarta.servlet..", "dev.gantry.ui..",
                            "dev.gantry.api..", "dev.gantry.scheduling..");

    @ArchTest
    static final ArchRule internal_packages_are_reached_only_from_their_own_module =
            noClasses().that().resideOutsideOfPackage("dev.gantry.access..")
                    .should().dependOnClassesThat().resideInAPackage("dev.gantry.access.internal..");

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
