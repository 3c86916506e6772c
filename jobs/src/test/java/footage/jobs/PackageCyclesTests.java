package footage.jobs;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Each feature package can be read, changed and tested on its own only while no two of them depend on each other. */
class PackageCyclesTests {

    @Test
    void theFeaturePackagesOfJobsFormNoCycle() {
        // given
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("footage.jobs");

        // when / then
        slices().matching("footage.jobs.(*)..").should().beFreeOfCycles().check(classes);
    }
}
