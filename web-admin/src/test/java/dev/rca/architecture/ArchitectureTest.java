package dev.rca.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.rca.pipeline.entity.Stage;
import dev.rca.web.api.RestConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package structure, on the compiled classes of both modules: components ({@code dev.rca.<component>}) and
 * stages ({@code dev.rca.pipeline.<stage>}) depend on each other without a cycle, the shared pipeline never names a
 * stage and no stage another, the EJB module never reaches a web class, and no package lives in both jars.
 */
class ArchitectureTest {

    /** The shared part of the pipeline; every other {@code dev.rca.pipeline.<name>} is a stage. */
    static final Set<String> SHARED_PIPELINE = Set.of("boundary", "control", "entity");

    static JavaClasses ejb;
    static JavaClasses web;
    static JavaClasses all;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        ejb = importer.importUrl(locationOf(Stage.class));
        web = importer.importUrl(locationOf(RestConfiguration.class));
        all = importer.importUrls(Set.of(locationOf(Stage.class), locationOf(RestConfiguration.class)));
        // A rule over no classes would pass: make sure each module's classes are there.
        assertTrue(ejb.contain(Stage.class) && !ejb.contain(RestConfiguration.class), "the EJB module's classes");
        assertTrue(web.contain(RestConfiguration.class) && !web.contain(Stage.class), "the WAR's classes");
    }

    @Test
    void noCycleBetweenComponentsAndStages() {
        slices().assignedFrom(new ComponentsAndStages()).should().beFreeOfCycles().check(all);
    }

    @Test
    void theSharedPipelineNamesNoStageAndNoStageAnother() {
        slices().assignedFrom(new Stages()).should().notDependOnEachOther().check(ejb);
        noClasses().that(inSharedPipeline()).should().dependOnClassesThat(inAStage()).check(ejb);
    }

    @Test
    void uploadsKnowNothingOfThePipeline() {
        noClasses().that().resideInAPackage("dev.rca.uploads..")
                .should().dependOnClassesThat().resideInAPackage("dev.rca.pipeline..")
                .check(ejb);
    }

    @Test
    void theEjbModuleNeverReachesAWebClass() {
        noClasses().that().resideOutsideOfPackage("dev.rca.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.rca.web..")
                .check(all);
    }

    @Test
    void noPackageIsSplitAcrossTheTwoJars() {
        Set<String> shared = new TreeSet<>(packages(ejb));
        shared.retainAll(packages(web));
        assertEquals(Set.of(), shared, "packages in both the EJB jar and the WAR");
    }

    /** {@code dev.rca.<component>}, except that each stage under {@code dev.rca.pipeline} is a slice of its own. */
    static final class ComponentsAndStages implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String[] parts = type.getPackageName().split("\\.");
            if (parts.length < 3 || !parts[0].equals("dev") || !parts[1].equals("rca")) {
                return SliceIdentifier.ignore();
            }
            if (parts[2].equals("pipeline") && parts.length > 3 && !SHARED_PIPELINE.contains(parts[3])) {
                return SliceIdentifier.of("pipeline." + parts[3]);
            }
            return SliceIdentifier.of(parts[2]);
        }

        @Override
        public String getDescription() {
            return "components dev.rca.<component> and stages dev.rca.pipeline.<stage>";
        }
    }

    /** The stages only: {@code dev.rca.pipeline.<stage>}. */
    static final class Stages implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String stage = stageOf(type);
            return stage == null ? SliceIdentifier.ignore() : SliceIdentifier.of(stage);
        }

        @Override
        public String getDescription() {
            return "stages dev.rca.pipeline.<stage>";
        }
    }

    static String stageOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("dev.rca.pipeline.")) {
            return null;
        }
        String first = name.substring("dev.rca.pipeline.".length()).split("\\.")[0];
        return SHARED_PIPELINE.contains(first) ? null : first;
    }

    static DescribedPredicate<JavaClass> inAStage() {
        return DescribedPredicate.describe("are in a stage's package", type -> stageOf(type) != null);
    }

    static DescribedPredicate<JavaClass> inSharedPipeline() {
        return DescribedPredicate.describe("are in the shared pipeline (dev.rca.pipeline.{boundary,control,entity})",
                type -> type.getPackageName().startsWith("dev.rca.pipeline.") && stageOf(type) == null);
    }

    private static Set<String> packages(JavaClasses classes) {
        return classes.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(HashSet::new));
    }

    private static URL locationOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
