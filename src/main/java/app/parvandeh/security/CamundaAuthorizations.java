package app.parvandeh.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import app.parvandeh.student.FacultyRegistered;
import app.parvandeh.student.StudentService;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and grants each the least it needs in Camunda (engine authorization is
 * on). Task rights come from candidate groups: Camunda grants a task's candidate group read/work on
 * that task only.
 */
@Component
@Order(0)
class CamundaAuthorizations implements ApplicationRunner {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";
  static final String ADMIN = "admin";
  static final String STUDY_DOCUMENT_PROCESS = "StudyDocumentProcess";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final StudentService students;

  CamundaAuthorizations(
      IdentityService identity, AuthorizationService authorizations, StudentService students) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.students = students;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String[] group : Groups.FIXED) {
      ensureGroup(group[0], group[1]);
    }
    for (String group : Groups.UNIVERSITY_WIDE) {
      grantClerk(group);
    }
    for (String group : Groups.COCKPIT_USERS) {
      if (!group.equals(Groups.ADMINS)) {
        grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
      }
    }
    grantReadEverything(Groups.MANAGERS);
    grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    // Deploy and migrate models, but read no process instance, task or history: no student data.
    grant(
        Groups.PROCESS_OWNERS,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grant(
        Groups.PROCESS_OWNERS,
        Resources.BATCH,
        ANY,
        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
    grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    for (Resources resource : Resources.values()) {
      grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
    }
    students
        .faculties()
        .forEach(
            f ->
                onFacultyRegistered(
                    new FacultyRegistered(f.code(), f.nameFa(), f.candidateGroup())));
  }

  @EventListener
  void onFacultyRegistered(FacultyRegistered faculty) {
    ensureGroup(faculty.candidateGroup(), "کارشناسان آموزش " + faculty.nameFa());
    grantClerk(faculty.candidateGroup());
    // Faculty clerks start StudyDocumentProcess from its Tasklist start form (and nothing else).
    grant(
        faculty.candidateGroup(),
        Resources.PROCESS_DEFINITION,
        STUDY_DOCUMENT_PROCESS,
        Permissions.CREATE_INSTANCE);
    grant(faculty.candidateGroup(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  /**
   * Tasklist and the process definitions whose forms it shows; each filter is granted to its own
   * groups.
   */
  private void grantClerk(String group) {
    grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
  }

  private void grantReadEverything(String group) {
    grant(
        group,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY,
        Permissions.READ_TASK);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(group, Resources.TASK, ANY, Permissions.READ);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  /** Adds permissions to the group's grant on the resource, creating it once. */
  void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .authorizationType(AUTH_TYPE_GRANT)
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
