package dev.kontor.architecture;

import java.util.Arrays;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The directions of Kontor's code, checked on its classes: no class reaches itself through others (no import
 * cycles, inside modules too), business code never reaches the web shell, the order module knows nothing of
 * payments or fulfilment, and storage ({@code internal}) never runs jobs or reacts to Kontor's events.
 */
class DependencyRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kontor");

    /** Each top-level class is a slice, its nested, local and anonymous classes with it. */
    private static final SliceAssignment TOP_LEVEL_CLASSES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            JavaClass top = javaClass;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return SliceIdentifier.of(top.getName());
        }

        @Override
        public String getDescription() {
            return "top-level classes";
        }
    };

    @Test
    void noClassDependsOnItselfThroughOtherClasses() {
        slices().assignedFrom(TOP_LEVEL_CLASSES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void businessCodeNeverReachesTheWebShell() {
        noClasses()
                .that()
                .resideInAPackage("dev.kontor..")
                .and()
                .resideOutsideOfPackages("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.kontor.web..")
                .because("business code stores message keys and arguments; the web edge translates them")
                .check(MAIN);
    }

    @Test
    void theOrderModuleKnowsNothingOfTheWebShellPaymentsOrFulfilment() {
        noClasses()
                .that()
                .resideInAPackage("dev.kontor.orders..")
                .and()
                .resideOutsideOfPackage("dev.kontor.orders.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.kontor.web..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("dev.kontor.orders..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.kontor.payments..", "dev.kontor.fulfillment..")
                .check(MAIN);
    }

    @Test
    void storageRunsNoJobsAndReactsToNoEvents() {
        classes()
                .that()
                .resideInAPackage("..internal..")
                .should(new ArchCondition<>("have no scheduled method and no listener for Kontor's events") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        for (JavaMethod method : javaClass.getMethods()) {
                            if (isJob(method) || listensToKontor(method)) {
                                events.add(SimpleConditionEvent.violated(
                                        method,
                                        method.getFullName()
                                                + " is a job or a listener: it belongs beside the module's face"));
                            }
                        }
                    }
                })
                .because("internal/ is storage; jobs and listeners live in jobs/ and call the module's face")
                .check(MAIN);
    }

    private static boolean isJob(JavaMethod method) {
        return method.isAnnotatedWith("org.springframework.scheduling.annotation.Scheduled");
    }

    private static boolean listensToKontor(JavaMethod method) {
        boolean listener = Arrays.stream(new String[] {
                    "org.springframework.context.event.EventListener",
                    "org.springframework.transaction.event.TransactionalEventListener",
                    "org.springframework.modulith.events.ApplicationModuleListener"
                })
                .anyMatch(method::isAnnotatedWith);
        return listener
                && method.getRawParameterTypes().stream()
                        .anyMatch(DescribedPredicate.describe(
                                "a Kontor type",
                                (JavaClass type) -> type.getPackageName().startsWith("dev.kontor"))::test);
    }
}
