package app.parvandeh.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} (BPMN, DMN) and {@code forms/} together under classpath-relative
 * names.
 *
 * <p>The starter names resources by absolute path when run from {@code target/classes} and by bare
 * file name in the fat jar, so {@code embedded:deployment:forms/…} would resolve in neither. A
 * context resource keeps the name {@code forms/check-admission-documents.html} in both; the starter
 * backs off its own deployment bean.
 */
@Component
class ProcessDeploymentConfiguration extends DefaultDeploymentConfiguration {

  static final String[] FOLDERS_AND_PATTERNS = {
    "processes", "*.bpmn", "processes", "*.dmn", "forms", "*.html"
  };

  private final PathMatchingResourcePatternResolver resolver =
      new PathMatchingResourcePatternResolver();
  private final DefaultResourceLoader relativeLoader = new DefaultResourceLoader();

  @Override
  public Set<Resource> getDeploymentResources() {
    Set<Resource> resources = new LinkedHashSet<>();
    try {
      for (int i = 0; i < FOLDERS_AND_PATTERNS.length; i += 2) {
        String folder = FOLDERS_AND_PATTERNS[i];
        for (Resource found :
            resolver.getResources("classpath*:" + folder + "/" + FOLDERS_AND_PATTERNS[i + 1])) {
          resources.add(relativeLoader.getResource(folder + "/" + found.getFilename()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the process and form resources", e);
    }
    return resources;
  }
}
