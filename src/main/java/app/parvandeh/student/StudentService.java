package app.parvandeh.student;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admits students, finds them by any spelling of their number, and moves their file between stages.
 */
@Service
public class StudentService {

  private final StudentRepository students;
  private final FacultyRepository faculties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AuditLog audit;
  private final EntityManager entityManager;

  StudentService(
      StudentRepository students,
      FacultyRepository faculties,
      ApplicationEventPublisher events,
      Clock clock,
      AuditLog audit,
      EntityManager entityManager) {
    this.students = students;
    this.faculties = faculties;
    this.events = events;
    this.clock = clock;
    this.audit = audit;
    this.entityManager = entityManager;
  }

  /** Registers a faculty once; later calls return the existing one. */
  @Transactional
  public Faculty registerFaculty(String code, String nameFa, String nameEn) {
    return faculties
        .findById(code)
        .orElseGet(
            () -> {
              Faculty faculty = faculties.save(new Faculty(code, nameFa, nameEn));
              events.publishEvent(new FacultyRegistered(code, nameFa, faculty.getCandidateGroup()));
              return faculty;
            });
  }

  @Transactional(readOnly = true)
  public Optional<Faculty> faculty(String code) {
    return faculties.findById(code);
  }

  @Transactional(readOnly = true)
  public List<Faculty> faculties() {
    return faculties.findAll();
  }

  /**
   * Creates the student and, through {@link StudentAdmitted}, opens their file, all in one
   * transaction.
   */
  @Transactional
  public Student admit(NewStudent data, String admittedBy) {
    return admit(data, AdmissionDetails.NONE, admittedBy);
  }

  /**
   * Admits with the cohort list's details. The same national ID under a new student number is
   * accepted: a graduate admitted again for a higher degree holds a second file.
   */
  @Transactional
  public Student admit(NewStudent data, AdmissionDetails details, String admittedBy) {
    String number = PersianText.digits(data.studentNumber());
    if (number.length() < 5 || number.length() > 20) {
      throw ParvandehException.badRequest(
          "invalid-student-number",
          "شماره دانشجویی نامعتبر است.",
          "The student number is not valid.");
    }
    String nationalId = NationalId.parse(data.nationalId());
    if (nationalId == null) {
      throw ParvandehException.badRequest(
          "invalid-national-id",
          "کد ملی نامعتبر است (رقم کنترل نادرست).",
          "The national ID is not valid (check digit mismatch).");
    }
    if (students.findByStudentNumber(number).isPresent()) {
      throw ParvandehException.conflict(
          "student-exists",
          "دانشجویی با این شماره قبلاً ثبت شده است.",
          "A student with this number already exists.");
    }
    StudentInfoEdits.name(data.firstName(), StudentInfoEdits.FIRST_NAME);
    StudentInfoEdits.name(data.lastName(), StudentInfoEdits.LAST_NAME);
    Faculty faculty =
        faculties
            .findById(data.facultyCode())
            .orElseThrow(
                () ->
                    ParvandehException.badRequest(
                        "unknown-faculty", "دانشکده ناشناخته است.", "Unknown faculty."));
    Student student =
        students.save(new Student(data, details, faculty, number, nationalId, Instant.now(clock)));
    audit.change(
        admittedBy,
        AuditAction.FILE_CREATED,
        student.getId(),
        null,
        student.getStudentNumber()
            + " "
            + student.getFullName()
            + ", "
            + faculty.getCode()
            + ", "
            + student.getDegree()
            + ", "
            + student.getEntryYear());
    events.publishEvent(new StudentAdmitted(student.getStudentNumber()));
    return student;
  }

  /** The student with this number, typed in any digits; 404 otherwise. */
  @Transactional(readOnly = true)
  public Student get(String studentNumber) {
    return find(studentNumber)
        .orElseThrow(
            () ->
                ParvandehException.notFound(
                    "student-not-found",
                    "دانشجویی با این شماره پیدا نشد.",
                    "No student with this number."));
  }

  @Transactional(readOnly = true)
  public Student getById(Long id) {
    return students
        .findById(id)
        .orElseThrow(
            () ->
                ParvandehException.notFound(
                    "student-not-found", "دانشجو پیدا نشد.", "No such student."));
  }

  /** The students with these ids (those that exist), in no particular order. */
  @Transactional(readOnly = true)
  public List<Student> byIds(Collection<Long> ids) {
    return students.findAllById(ids);
  }

  /**
   * The next {@code limit} student numbers after {@code after} (in order) in the scope, of one
   * faculty or of all when {@code facultyCode} is null: for walking the whole archive a page at a
   * time.
   */
  @Transactional(readOnly = true)
  public List<String> studentNumbersAfter(
      FileScope scope, String facultyCode, String after, int limit) {
    return inScope(
            "select s.studentNumber from Student s",
            scope,
            facultyCode,
            " and s.studentNumber > :after" + " order by s.studentNumber",
            String.class)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * How many students the scope holds, of one faculty or of all when {@code facultyCode} is null.
   */
  @Transactional(readOnly = true)
  public long countStudents(FileScope scope, String facultyCode) {
    return inScope("select count(s) from Student s", scope, facultyCode, "", Long.class)
        .getSingleResult();
  }

  /**
   * {@code select} of Student {@code s} within the scope (and one faculty unless null), then {@code
   * rest}.
   */
  private <T> TypedQuery<T> inScope(
      String select, FileScope scope, String facultyCode, String rest, Class<T> type) {
    TypedQuery<T> query =
        entityManager.createQuery(
            select
                + " where "
                + scope.jpql("s")
                + (facultyCode == null ? "" : " and s.faculty.code = :faculty")
                + rest,
            type);
    scope.parameters().forEach(query::setParameter);
    if (facultyCode != null) {
      query.setParameter("faculty", facultyCode);
    }
    return query;
  }

  /**
   * The students with these numbers (those that exist), in no particular order, a thousand numbers
   * a query.
   */
  @Transactional(readOnly = true)
  public List<Student> byNumbers(Collection<String> studentNumbers) {
    List<String> numbers = studentNumbers.stream().distinct().toList();
    List<Student> found = new ArrayList<>();
    for (int from = 0; from < numbers.size(); from += 1000) {
      found.addAll(
          students.findByStudentNumberIn(
              numbers.subList(from, Math.min(numbers.size(), from + 1000))));
    }
    return found;
  }

  @Transactional(readOnly = true)
  public Optional<Student> find(String studentNumber) {
    return students.findByStudentNumber(PersianText.digits(studentNumber));
  }

  @Transactional(readOnly = true)
  public Optional<Student> findByUser(String userId) {
    return students.findByUserId(userId);
  }

  /**
   * Students whose number, national ID or names contain every word of the query, in any digits or
   * letter forms, within the scope, at most {@code limit}, by student number.
   */
  @Transactional(readOnly = true)
  public List<Student> search(String query, FileScope scope, int limit) {
    List<String> words =
        Arrays.stream(PersianText.normalize(query).split(" "))
            .map(PersianText::compact)
            .filter(w -> !w.isEmpty())
            .toList();
    if (words.isEmpty() || scope.isEmpty()) {
      return List.of();
    }
    StringBuilder matches = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      matches.append(" and s.searchText like :w").append(i);
    }
    TypedQuery<Student> found =
        inScope(
            "select s from Student s",
            scope,
            null,
            matches.append(" order by s.studentNumber").toString(),
            Student.class);
    for (int i = 0; i < words.size(); i++) {
      found.setParameter("w" + i, "%" + words.get(i).replace("%", "").replace("_", "") + "%");
    }
    return found.setMaxResults(limit).getResultList();
  }

  @Transactional
  public void moveToStage(String studentNumber, FileStage stage) {
    get(studentNumber).moveTo(stage);
  }

  /**
   * Study has ended (graduated, withdrawn, expelled or otherwise closed): records the status and
   * moves the file to graduation clearance. Recording the same status again changes nothing.
   */
  @Transactional
  public Student endStudy(String studentNumber, StudentStatus status, String actor) {
    if (status == StudentStatus.ACTIVE) {
      throw ParvandehException.badRequest(
          "invalid-closure-reason",
          "وضعیت پایان تحصیل باید دانش‌آموخته، انصراف، اخراج یا بسته‌شده باشد.",
          "Study ends as graduated, withdrawn, expelled or closed, not active.");
    }
    Student student = get(studentNumber);
    if (student.getStatus() != status || student.getStage() != FileStage.GRADUATION) {
      StudentStatus before = student.getStatus();
      student.close(status);
      audit.change(
          actor,
          AuditAction.FILE_EDITED,
          student.getId(),
          null,
          "status " + before + " -> " + status + ", stage " + FileStage.GRADUATION);
    }
    return student;
  }
}
