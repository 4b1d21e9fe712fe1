package app.parvandeh;

import app.parvandeh.preservation.SystemRestore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Parvandeh: the electronic student file on Camunda 7. With {@code --parvandeh.restore=<backup>}: a
 * restore.
 */
@SpringBootApplication
public class ParvandehApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(ParvandehApplication.class);
    if (!SystemRestore.requested(args)) {
      application.run(args);
      return;
    }
    SystemRestore.prepare(application);
    int code;
    try {
      code = SpringApplication.exit(application.run(args));
    } catch (RuntimeException e) {
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }
}
