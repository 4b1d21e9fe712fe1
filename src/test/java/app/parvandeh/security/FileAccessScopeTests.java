package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.student.FileScope;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scope each group's users see files in, as every list and every single-file check applies it.
 */
class FileAccessScopeTests {

  private final FileAccessPolicy policy =
      new FileAccessPolicy(
          studentId -> {
            throw new AssertionError("deriving a scope asks no file's clearance");
          });

  @Test
  void aStudentSeesTheirOwnFileOnly() {
    assertThat(scopeOf("4011100001", Groups.STUDENTS)).isEqualTo(FileScope.ownFile("4011100001"));
  }

  @Test
  void aFacultyClerkSeesTheirFacultiesFiles() {
    assertThat(scopeOf("clerk", "faculty-engineering"))
        .isEqualTo(FileScope.of(Set.of("engineering"), false));
    assertThat(scopeOf("clerk", "faculty-engineering", "faculty-science"))
        .isEqualTo(FileScope.of(Set.of("engineering", "science"), false));
  }

  @Test
  void theCentralGroupsAndManagersSeeEveryFile() {
    for (String group : Groups.ALL_FILES) {
      assertThat(scopeOf("staff", group)).as(group).isEqualTo(FileScope.EVERY_FILE);
      assertThat(scopeOf("staff", group, Groups.GRADUATES_OFFICE))
          .as(group)
          .isEqualTo(FileScope.EVERY_FILE);
    }
  }

  @Test
  void theGraduatesOfficeSeesClearedFilesOnlyAndAClerkAmongThemTheirFacultyToo() {
    assertThat(scopeOf("office", Groups.GRADUATES_OFFICE)).isEqualTo(FileScope.of(Set.of(), true));
    assertThat(scopeOf("office", Groups.GRADUATES_OFFICE, "faculty-science"))
        .isEqualTo(FileScope.of(Set.of("science"), true));
  }

  @Test
  void processOwnersAndAdminsSeeNoFile() {
    assertThat(scopeOf("owner", Groups.PROCESS_OWNERS).isEmpty()).isTrue();
    assertThat(scopeOf("admin", Groups.ADMINS).isEmpty()).isTrue();
  }

  private FileScope scopeOf(String id, String... groups) {
    return policy.scope(new CurrentUser(id, Set.of(groups)));
  }
}
