package app.parvandeh.support;

import app.parvandeh.ParvandehApplication;
import java.io.IOException;

/**
 * The child JVM's entry point: {@link ParvandehApplication#main} as {@code java -jar} runs it, plus
 * a watch on the pipe from the test JVM. When the test JVM ends in any way (even killed itself,
 * when no shutdown hook runs), the pipe closes and the child halts at once: a test never leaves an
 * application running behind it.
 */
public final class ChildMain {

  private ChildMain() {}

  public static void main(String[] args) {
    dieWithParent();
    ParvandehApplication.main(args);
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
