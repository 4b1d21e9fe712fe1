package app.parvandeh;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * A module's tables are its own: the entities and repositories live in the module's internal
 * package and are not public, so another module can only reach the data through the module's API
 * (its facade and records), never by loading an entity or calling a repository.
 */
class ModuleInsidesTests {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.parvandeh");

  @Test
  void entitiesLiveInTheirModulesInternalPackageAndAreNotPublic() {
    classes()
        .that()
        .areAnnotatedWith(Entity.class)
        .should()
        .resideInAPackage("app.parvandeh.*.internal..")
        .andShould()
        .notBePublic()
        .check(MAIN);
  }

  @Test
  void repositoriesLiveInTheirModulesInternalPackageAndAreNotPublic() {
    classes()
        .that()
        .areAssignableTo(Repository.class)
        .and()
        .resideInAPackage("app.parvandeh..")
        .should()
        .resideInAPackage("app.parvandeh.*.internal..")
        .andShould()
        .notBePublic()
        .check(MAIN);
  }
}
