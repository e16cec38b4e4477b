package dev.gantry.architecture;

import dev.gantry.GantryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Spring Modulith's view of the same rules, and the module diagrams in docs/modules generated from the code. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(GantryApplication.class);

    @Test
    void modulesUseEachOtherOnlyThroughTheirApiPackages() {
        modules.verify();
    }

    @Test
    void moduleDiagramsAreGeneratedFromTheCode() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        org.assertj.core.api.Assertions.assertThat(new java.io.File("../docs/modules/components.puml")).exists();
    }
}
