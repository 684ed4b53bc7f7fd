package org.socialworkshop.architecture;

import org.junit.jupiter.api.Test;
import org.socialworkshop.WorkshopApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules and their allowed dependencies, as declared in each module's package-info. */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(WorkshopApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
