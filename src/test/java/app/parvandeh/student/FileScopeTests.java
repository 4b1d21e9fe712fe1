package app.parvandeh.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A file is in scope when any of the scope's grants holds; the clearance is asked only when nothing
 * else decides.
 */
class FileScopeTests {

  private final StudentRef eng = student("engineering", "4011100001");
  private final StudentRef sci = student("science", "4011100002");

  @Test
  void nothingGrantedCoversNoFileAndEveryFileCoversAll() {
    assertThat(FileScope.NONE.isEmpty()).isTrue();
    assertThat(FileScope.NONE.covers(eng, s -> true)).isFalse();
    assertThat(FileScope.of(Set.of(), false)).isEqualTo(FileScope.NONE);
    assertThat(FileScope.EVERY_FILE.covers(eng, s -> false)).isTrue();
    assertThat(FileScope.EVERY_FILE.reachesFaculty("science")).isTrue();
  }

  @Test
  void facultiesCoverTheirFilesOnly() {
    FileScope scope = FileScope.of(Set.of("engineering"), false);
    assertThat(scope.covers(eng, s -> false)).isTrue();
    assertThat(scope.covers(sci, s -> true)).isFalse();
    assertThat(scope.reachesFaculty("engineering")).isTrue();
    assertThat(scope.reachesFaculty("science")).isFalse();
  }

  @Test
  void clearedFilesCoverClearedFilesOfEveryFacultyAndAFacultysToo() {
    FileScope cleared = FileScope.of(Set.of(), true);
    assertThat(cleared.isEmpty()).isFalse();
    assertThat(cleared.covers(sci, s -> true)).isTrue();
    assertThat(cleared.covers(sci, s -> false)).isFalse();
    assertThat(cleared.reachesFaculty("science")).isTrue();
    FileScope withFaculty = FileScope.of(Set.of("engineering"), true);
    assertThat(
            withFaculty.covers(
                eng,
                s -> {
                  throw new AssertionError("the faculty decides, the clearance is not asked");
                }))
        .isTrue();
    assertThat(withFaculty.covers(sci, s -> s == sci)).isTrue();
  }

  @Test
  void aStudentsScopeIsTheirOwnFileOnly() {
    FileScope own = FileScope.ownFile(eng.userId());
    assertThat(own.covers(eng, s -> false)).isTrue();
    assertThat(own.covers(sci, s -> true)).isFalse();
    assertThat(own.reachesFaculty("engineering")).isFalse();
  }

  private static StudentRef student(String faculty, String number) {
    return new StudentRef(
        1L,
        number,
        "0012345679",
        "سارا",
        "رضایی",
        new FacultyRef(faculty, faculty, faculty),
        Degree.BACHELOR,
        1401,
        AdmissionType.REMOTE,
        false,
        null,
        null,
        null,
        StudentStatus.ACTIVE,
        FileStage.ADMISSION,
        number,
        Instant.EPOCH,
        0);
  }
}
