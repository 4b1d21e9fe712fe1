package app.parvandeh.support;

import app.parvandeh.ParvandehApplication;
import java.io.File;
import java.io.IOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerPortFileWriter;

/**
 * The child JVM's entry point: {@link ParvandehApplication#main} as {@code java -jar} runs it, plus
 * a watch on the pipe from the test JVM. When the test JVM ends in any way (even killed itself,
 * when no shutdown hook runs), the pipe closes and the child halts at once: a test never leaves an
 * application running behind it.
 */
public final class ChildMain {

  private ChildMain() {}

  /** Where the child writes the port its server bound (it starts on port 0). */
  static final String PORT_FILE = "parvandeh.test.port-file";

  public static void main(String[] args) {
    dieWithParent();
    String portFile = System.getProperty(PORT_FILE);
    if (portFile == null) {
      ParvandehApplication.main(args);
      return;
    }
    SpringApplication.withHook(
        application -> {
          application.addListeners(new WebServerPortFileWriter(new File(portFile)));
          return null;
        },
        () -> ParvandehApplication.main(args));
  }

  /**
   * Halts this JVM as soon as the pipe from its parent closes (the parent ended, however it ended).
   */
  public static void dieWithParent() {
    Thread watch =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // the parent writes nothing; only the end of the pipe matters
                }
              } catch (IOException e) {
                // the pipe broke: the parent is gone as well
              }
              Runtime.getRuntime().halt(137);
            },
            "parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
