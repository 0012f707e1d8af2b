package app.initscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers: core is pure, service owns the threads, only cli prints. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.initscope");
    }

    @Test
    void coreDependsOnNoJavaFx() {
        noClasses().that().resideInAPackage("app.initscope.core..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void coreDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("app.initscope.core..")
                .should().dependOnClassesThat().resideInAnyPackage("app.initscope.service..", "app.initscope.ui..",
                        "app.initscope.cli..", "app.initscope.export..")
                .check(classes);
    }

    @Test
    void onlyCliPrints() {
        noClasses().that().resideOutsideOfPackage("app.initscope.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }

    @Test
    void onlyServiceCreatesThreads() {
        noClasses().that().resideOutsideOfPackage("app.initscope.service..")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ForkJoinPool")
                .check(classes);
    }

    @Test
    void uiDoesNotReachIntoCliOrExportInternals() {
        noClasses().that().resideInAPackage("app.initscope.ui..")
                .should().dependOnClassesThat().resideInAPackage("app.initscope.cli..")
                .check(classes);
    }
}
