package app.parvandeh;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The top-level packages are modules: no cycles between them, and no module reaches into another's internals. */
class ModularityTests {

  @Test
  void modulesDependOnEachOthersPublicApiWithoutCycles() {
    ApplicationModules.of(ParvandehApplication.class).verify();
  }
}
