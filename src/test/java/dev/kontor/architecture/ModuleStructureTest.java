package dev.kontor.architecture;

import dev.kontor.KontorApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module layout of docs/ARCHITECTURE.md, checked: no cycles between modules, and no module reaching
 * into another's internals (anything below its top-level package).
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(KontorApplication.class);

    @Test
    void modulesDependOnEachOthersPublicFacesOnlyAndWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void everyCapabilityIsItsOwnModule() {
        assertThat(MODULES.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .contains(
                        "dev.kontor.orders",
                        "dev.kontor.customers",
                        "dev.kontor.payments",
                        "dev.kontor.fulfillment",
                        "dev.kontor.timeline",
                        "dev.kontor.access",
                        "dev.kontor.integration",
                        "dev.kontor.web",
                        "dev.kontor.database",
                        "dev.kontor.shared");
    }

    @Test
    void theOrderModuleKnowsNothingOfPaymentsOrFulfilment() {
        ApplicationModule orders = MODULES.getModuleByName("orders").orElseThrow();
        var dependencies = orders.getAllDependencies(MODULES);
        assertThat(dependencies.containsModuleNamed("payments")).isFalse();
        assertThat(dependencies.containsModuleNamed("fulfillment")).isFalse();
        assertThat(dependencies.containsModuleNamed("timeline")).isTrue();
    }
}
