package app.parvandeh;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Parvandeh: the electronic student file on Camunda 7. */
@SpringBootApplication
public class ParvandehApplication {

  public static void main(String[] args) {
    SpringApplication.run(ParvandehApplication.class, args);
  }
}
