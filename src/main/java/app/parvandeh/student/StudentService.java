package app.parvandeh.student;

import app.parvandeh.shared.ParvandehException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Admits students, finds them by any spelling of their number, and moves their file between stages.
 * What it returns are copies ({@link StudentRef}, {@link FacultyRef}); the entities stay in {@code
 * internal}.
 */
public interface StudentService {

  /** Registers a faculty once; later calls return the existing one. */
  FacultyRef registerFaculty(String code, String nameFa, String nameEn);

  Optional<FacultyRef> faculty(String code);

  List<FacultyRef> faculties();

  /**
   * Creates the student and, through {@link StudentAdmitted}, opens their file, all in one
   * transaction.
   */
  StudentRef admit(NewStudent data, String admittedBy);

  /**
   * Admits with the cohort list's details. The same national ID under a new student number is
   * accepted for another degree (a graduate admitted again for a higher degree holds a second file)
   * or once the person's file at this degree is closed; while it is active, 409 {@code
   * person-has-active-file}.
   */
  StudentRef admit(NewStudent data, AdmissionDetails details, String admittedBy);

  /** The student with this number, typed in any digits; 404 otherwise. */
  StudentRef get(String studentNumber);

  /** The student with this id; 404 otherwise. */
  StudentRef getById(Long id);

  /** The students with these ids (those that exist), in no particular order. */
  List<StudentRef> byIds(Collection<Long> ids);

  /**
   * The next {@code limit} student numbers after {@code after} (in order) in the scope, of one
   * faculty or of all when {@code facultyCode} is null: for walking the whole archive a page at a
   * time.
   */
  List<String> studentNumbersAfter(FileScope scope, String facultyCode, String after, int limit);

  /**
   * How many students the scope holds, of one faculty or of all when {@code facultyCode} is null.
   */
  long countStudents(FileScope scope, String facultyCode);

  /**
   * The students with these numbers (those that exist), in no particular order, a thousand numbers
   * a query.
   */
  List<StudentRef> byNumbers(Collection<String> studentNumbers);

  Optional<StudentRef> find(String studentNumber);

  Optional<StudentRef> findByUser(String userId);

  /**
   * The file of the signed-in student {@code userId}; 404 {@code no-file} when none is registered.
   */
  default StudentRef getByUser(String userId) {
    return findByUser(userId)
        .orElseThrow(
            () ->
                ParvandehException.notFound(
                    "no-file",
                    "پرونده‌ای برای شما ثبت نشده است.",
                    "No file is registered for you."));
  }

  /**
   * Students whose number, national ID or names contain every word of the query, in any digits or
   * letter forms, within the scope, at most {@code limit}, by student number.
   */
  List<StudentRef> search(String query, FileScope scope, int limit);

  void moveToStage(String studentNumber, FileStage stage);

  /**
   * Study has ended (graduated, withdrawn, expelled or otherwise closed): records the status and
   * moves the file to graduation clearance. Recording the same status again changes nothing.
   */
  StudentRef endStudy(String studentNumber, StudentStatus status, String actor);
}
