package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline of the start-up benchmark (bench/startup.sh): a bare Camunda 7.24 Spring Boot webapp
 * (engine, REST API, Cockpit/Tasklist/Admin, a JDBC data source), nothing of ours. Our dependencies
 * are on its classpath, so the auto-configurations a bare Camunda project would not have (JPA,
 * Flyway, Spring Security, sessions in the database, OpenAPI) are switched off by
 * bench/startup.sh's arguments; it is run without our classes or application.yml.
 */
@SpringBootApplication
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }
}
