package app.parvandeh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The top-level packages are modules: no cycles between them, no module reaches into another's
 * internals, and each depends only on the modules its package-info allows. The build also writes
 * the modules' documentation.
 */
class ModularityTests {

  private static final ApplicationModules MODULES =
      ApplicationModules.of(ParvandehApplication.class);

  @Test
  void modulesDependOnEachOthersPublicApiWithoutCycles() {
    MODULES.verify();
  }

  @Test
  void theBuildWritesTheModulesDiagramsAndCanvases() {
    Path out = Path.of("target/spring-modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
        .writeDocumentation();

    assertThat(out.resolve("components.puml")).exists();
    MODULES.forEach(
        module -> {
          assertThat(out.resolve("module-" + module.getIdentifier() + ".puml")).exists();
          assertThat(out.resolve("module-" + module.getIdentifier() + ".adoc")).exists();
        });
  }
}
