package app.parvandeh;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The main code calls no Jackson method or constructor that Jackson has deprecated: they are the
 * ones a Jackson upgrade removes, and each has a replacement that writes the same JSON.
 */
class DeprecatedJacksonTests {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.parvandeh");

  private static final DescribedPredicate<JavaCall<?>> DEPRECATED_JACKSON =
      DescribedPredicate.describe(
          "a deprecated Jackson method or constructor",
          call ->
              call.getTargetOwner().getPackageName().startsWith("com.fasterxml.jackson")
                  && (call.getTargetOwner().isAnnotatedWith(Deprecated.class)
                      || call.getTarget()
                          .resolveMember()
                          .map(member -> member.isAnnotatedWith(Deprecated.class))
                          .orElse(false)));

  @Test
  void noMainClassCallsDeprecatedJacksonApi() {
    noClasses().should().callCodeUnitWhere(DEPRECATED_JACKSON).check(MAIN);
  }
}
