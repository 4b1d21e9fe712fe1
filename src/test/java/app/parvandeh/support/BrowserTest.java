package app.parvandeh.support;

import java.io.IOException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test in the shared application context: a fresh headless Chromium per test, closed
 * afterwards, and the engine services the scenarios drive. Skipped where Chromium is not installed.
 */
@ParvandehIntegrationTest
@EnabledIf("app.parvandeh.support.HeadlessBrowser#installed")
public abstract class BrowserTest {

  @LocalServerPort protected int port;
  @Autowired protected RuntimeService runtime;
  @Autowired protected ManagementService management;
  @Autowired protected TaskService tasks;

  protected HeadlessBrowser browser;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = HeadlessBrowser.open(port);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
