package app.initscope;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers, each using only those before it:
 * <pre>
 *   core  ←  engine  ←  render  ←  export  ←  fx  ←  ui, cli  ←  Launcher
 * </pre>
 * and inside core: linalg and settings use nothing (settings names the enums' ids for nn, init and theory too); nn uses linalg; stats uses linalg and settings (for its strict
 * number syntax); init uses nn; theory uses init and nn; experiment uses them all. {@code core} is pure (no JavaFX, no printing, no threads of its own), only
 * {@code engine} creates threads, only {@code fx} and {@code ui} use JavaFX, only {@code cli} prints. The layer
 * rules hold for the tests too: a test sits in the package it tests, and may use what that package may use, plus
 * the engine's thread pool to run the code it tests.
 */
class ArchitectureTest {

    private static JavaClasses main;
    private static JavaClasses all;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.initscope");
        all = new ClassFileImporter().importPackages("app.initscope");
    }

    /** A test class, or a fixture that only tests use. */
    private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> TEST_CODE =
            simpleNameEndingWith("Test").or(simpleNameEndingWith("TestRunners"))
                    .or(simpleNameEndingWith("TestWindow")).as("test code");

    @Test
    void theLayersUseOnlyTheLayersBeforeThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("app.initscope.core..")
                .layer("engine").definedBy("app.initscope.engine..")
                .layer("render").definedBy("app.initscope.render..")
                .layer("export").definedBy("app.initscope.export..")
                .layer("fx").definedBy("app.initscope.fx..")
                .layer("ui").definedBy("app.initscope.ui..")
                .layer("cli").definedBy("app.initscope.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("fx").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("export").mayOnlyBeAccessedByLayers("fx", "ui", "cli")
                .whereLayer("render").mayOnlyBeAccessedByLayers("export", "fx", "ui", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("render", "export", "fx", "ui", "cli")
                .whereLayer("core").mayOnlyBeAccessedByLayers("engine", "render", "export", "fx", "ui", "cli")
                // a core test runs the code it tests on the engine's threads
                .ignoreDependency(TEST_CODE.and(resideInAPackage("app.initscope.core..")),
                        resideInAPackage("app.initscope.engine.."))
                // the window's numbers are checked against the command line's, its sibling front end
                .ignoreDependency(TEST_CODE.and(resideInAPackage("app.initscope.ui..")),
                        resideInAPackage("app.initscope.cli.."))
                .check(all);
    }

    @Test
    void coreSubPackagesFormTheirOwnLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("linalg").definedBy("app.initscope.core.linalg..")
                .layer("settings").definedBy("app.initscope.core.settings..")
                .layer("nn").definedBy("app.initscope.core.nn..")
                .layer("stats").definedBy("app.initscope.core.stats..")
                .layer("init").definedBy("app.initscope.core.init..")
                .layer("theory").definedBy("app.initscope.core.theory..")
                .layer("experiment").definedBy("app.initscope.core.experiment..")
                .layer("train").definedBy("app.initscope.core.train..")
                .whereLayer("train").mayNotBeAccessedByAnyLayer()
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("train")
                .whereLayer("theory").mayOnlyBeAccessedByLayers("experiment", "train")
                .whereLayer("init").mayOnlyBeAccessedByLayers("theory", "experiment", "train")
                .whereLayer("nn").mayOnlyBeAccessedByLayers("init", "theory", "experiment", "train")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("experiment", "train")
                .whereLayer("settings").mayOnlyBeAccessedByLayers("nn", "stats", "init", "theory", "experiment", "train")
                .whereLayer("linalg").mayOnlyBeAccessedByLayers("nn", "stats", "init", "theory", "experiment",
                        "train")
                .ignoreDependency(TEST_CODE, com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
                .check(main);
    }

    @Test
    void coreHasNoCycles() {
        slices().matching("app.initscope.core.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void coreDependsOnNoJavaFxEvenInItsTests() {
        noClasses().that().resideInAPackage("app.initscope.core..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(all);
    }

    @Test
    void onlyFxAndUiUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("app.initscope.fx..", "app.initscope.ui..")
                .and().resideOutsideOfPackage("app.initscope")        // the Launcher hands over to the App
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(main);
    }

    @Test
    void onlyCliPrints() {
        noClasses().that().resideOutsideOfPackage("app.initscope.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(main);
    }

    @Test
    void onlyTheEngineCreatesThreads() {
        noClasses().that().resideOutsideOfPackage("app.initscope.engine..")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ForkJoinPool")
                .check(main);
    }

    @Test
    void theEngineUsesNoToolkit() {
        noClasses().that().resideInAPackage("app.initscope.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..")
                .check(main);
    }

    @Test
    void renderAndExportUseNoJavaFx() {
        noClasses().that().resideInAnyPackage("app.initscope.render..", "app.initscope.export..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(main);
    }

    @Test
    void testsLiveBesideWhatTheyTest() {
        noClasses().that(TEST_CODE).and(not(resideInAPackage("app.initscope.ui..")))
                .should().dependOnClassesThat().resideInAPackage("app.initscope.ui..")
                .check(all);
    }
}
