package app.parvandeh.security;

import java.util.Optional;
import java.util.Set;

/**
 * Which process variables a user may hand the engine. The models declare them (the workflow module
 * reads them); the security module enforces them at every door in front of the engine, without
 * depending on the workflow module.
 */
public interface DeclaredOutputs {

  /**
   * The variables completing this task may carry; empty when there is no such task (the engine then
   * answers).
   */
  Optional<Set<String>> ofTask(String taskId);

  /**
   * The variables starting this process may carry, by definition id or (when {@code byKey}) its
   * latest version.
   */
  Optional<Set<String>> ofStart(String definitionIdOrKey, boolean byKey);

  /** Variables that say whose file a process works on: no user writes them, through any door. */
  Set<String> fileIdentity();
}
