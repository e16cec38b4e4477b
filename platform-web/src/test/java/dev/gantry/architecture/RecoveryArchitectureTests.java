package dev.gantry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of docs/architecture.md for the recovery module, beside those in {@link ArchitectureTests}. */
@AnalyzeClasses(packages = "dev.gantry", importOptions = ProductionCodeOnly.class)
class RecoveryArchitectureTests {

    @ArchTest
    static final ArchRule recovery_knows_nothing_of_vaadin_quartz_servlets_or_the_web_layer =
            noClasses().that().resideInAnyPackage("dev.gantry.recovery..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "com.vaadin..", "org.quartz..", "jakarta.servlet..", "dev.gantry.ui..",
                            "dev.gantry.api..", "dev.gantry.scheduling..", "dev.gantry.config..",
                            "dev.gantry.security..");

    @ArchTest
    static final ArchRule recovery_internals_are_reached_only_from_recovery =
            noClasses().that().resideOutsideOfPackage("dev.gantry.recovery..")
                    .should().dependOnClassesThat().resideInAPackage("dev.gantry.recovery.internal..");

    @ArchTest
    static final ArchRule recovery_uses_other_modules_only_through_the_shared_kernel =
            noClasses().that().resideInAnyPackage("dev.gantry.recovery..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.gantry.access..", "dev.gantry.secrets..");

    /** Gantry's own access to the vault opens reserved paths; no view or endpoint may hand that to a person. */
    @ArchTest
    static final ArchRule only_the_application_wiring_uses_the_vault_as_gantry_itself =
            noClasses().that().resideInAnyPackage("dev.gantry.ui..", "dev.gantry.api..", "dev.gantry.security..")
                    .should().dependOnClassesThat().haveFullyQualifiedName("dev.gantry.secrets.SystemSecrets");
}
