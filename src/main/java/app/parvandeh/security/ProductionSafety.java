package app.parvandeh.security;

import app.parvandeh.signing.OfficeKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The production profile ({@code postgres}) refuses to start with demo users or passwords anyone
 * can guess, with the end-of-life engine's risky switches on, or without the office's own signing
 * keystore (certificates and exports would otherwise go out unsigned, or signed with a demo key).
 * Runs before every other start-up step, so nothing demo-like is made.
 */
@Component
@Profile("postgres")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductionSafety implements ApplicationRunner {

  /** Passwords that must not open any account in production (the demo password among them). */
  static final Set<String> GUESSABLE =
      Set.of("parvandeh", "demo", "admin", "password", "camunda", "123456");

  private static final int PAGE = 500;

  private final Environment environment;
  private final ProcessEngine engine;
  private final OfficeKey signingKey;

  ProductionSafety(Environment environment, ProcessEngine engine, OfficeKey signingKey) {
    this.environment = environment;
    this.engine = engine;
    this.signingKey = signingKey;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Parvandeh refuses to start with the production profile 'postgres': "
              + String.join("; ", problems)
              + ". سامانه در حالت عملیاتی با کاربران یا گذرواژه‌های نمایشی راه‌اندازی "
              + "نمی‌شود؛ موارد بالا را برطرف کنید.");
    }
  }

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      problems.add("the 'demo' profile is active (demo users and students)");
    }
    if (environment.containsProperty("parvandeh.demo.password")) {
      problems.add("parvandeh.demo.password is set (the shared demo password)");
    }
    List<String> guessable = usersWithGuessablePasswords();
    if (!guessable.isEmpty()) {
      problems.add(
          "users with a default or guessable password exist: "
              + String.join(", ", guessable)
              + " (change them in Camunda Admin)");
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (configuration.isEnableExpressionsInAdhocQueries()
        || configuration.isEnableExpressionsInStoredQueries()) {
      problems.add(
          "expressions in task queries are enabled (enableExpressionsInAdhocQueries/StoredQueries)");
    }
    if (!configuration.isDeserializationTypeValidationEnabled()) {
      problems.add("deserializationTypeValidationEnabled is off");
    }
    signingKey.problem().ifPresent(problems::add);
    return problems;
  }

  /**
   * Checks stored hashes directly: a failed {@code checkPassword} would count against and lock the
   * account.
   */
  List<String> usersWithGuessablePasswords() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> found = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<User> users =
          engine.getIdentityService().createUserQuery().orderByUserId().asc().listPage(first, PAGE);
      for (User user : users) {
        if (user instanceof UserEntity entity
            && entity.getPassword() != null
            && matchesAny(configuration, entity)) {
          found.add(user.getId());
        }
      }
      if (users.size() < PAGE) {
        return found;
      }
    }
  }

  private static boolean matchesAny(ProcessEngineConfigurationImpl configuration, UserEntity user) {
    for (String candidate : GUESSABLE) {
      if (matches(configuration, user, candidate)) {
        return true;
      }
    }
    return matches(configuration, user, user.getId());
  }

  private static boolean matches(
      ProcessEngineConfigurationImpl configuration, UserEntity user, String password) {
    return configuration
        .getPasswordManager()
        .check(EncryptionUtil.saltPassword(password, user.getSalt()), user.getPassword());
  }
}
