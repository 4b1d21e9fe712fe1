package app.parvandeh.student.internal;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import app.parvandeh.shared.TypedNumbers.Reading;
import app.parvandeh.student.AdmissionDetails;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.FacultyRegistered;
import app.parvandeh.student.FileScope;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.NationalId;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentAdmitted;
import app.parvandeh.student.StudentNumber;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
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

/** The student module's {@link StudentService}, over its entities. */
@Service
class JpaStudentService implements StudentService {

  private final StudentRepository students;
  private final FacultyRepository faculties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AuditLog audit;
  private final EntityManager entityManager;

  JpaStudentService(
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

  @Override
  @Transactional
  public FacultyRef registerFaculty(String code, String nameFa, String nameEn) {
    return faculties
        .findById(code)
        .orElseGet(
            () -> {
              Faculty faculty = faculties.save(new Faculty(code, nameFa, nameEn));
              events.publishEvent(new FacultyRegistered(code, nameFa, faculty.getCandidateGroup()));
              return faculty;
            })
        .ref();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<FacultyRef> faculty(String code) {
    return faculties.findById(code).map(Faculty::ref);
  }

  @Override
  @Transactional(readOnly = true)
  public List<FacultyRef> faculties() {
    return faculties.findAll().stream().map(Faculty::ref).toList();
  }

  @Override
  @Transactional
  public StudentRef admit(NewStudent data, String admittedBy) {
    return admit(data, AdmissionDetails.NONE, admittedBy);
  }

  @Override
  @Transactional
  public StudentRef admit(NewStudent data, AdmissionDetails details, String admittedBy) {
    String number =
        StudentNumber.read(data.studentNumber()).digitsOrRefuse("invalid-student-number");
    String nationalId = NationalId.read(data.nationalId()).digitsOrRefuse("invalid-national-id");
    Reading yearProblem =
        NewStudent.entryYearProblem(data.entryYear(), JalaliDates.year(Instant.now(clock)));
    if (yearProblem != null) {
      throw yearProblem.refusal("invalid-entry-year");
    }
    if (students.findByStudentNumber(number).isPresent()) {
      throw ParvandehException.conflict(
          "student-exists",
          "دانشجویی با این شماره قبلاً ثبت شده است.",
          "A student with this number already exists.");
    }
    JpaStudentInfoEdits.checkNoOtherActiveFile(students, nationalId, data.degree(), null);
    JpaStudentInfoEdits.checkNames(data.firstName(), data.lastName(), details);
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
    StudentRef admitted = student.ref();
    events.publishEvent(new StudentAdmitted(admitted));
    return admitted;
  }

  @Override
  @Transactional(readOnly = true)
  public StudentRef get(String studentNumber) {
    return entity(studentNumber).ref();
  }

  /** The entity with this number, typed in any digits; 404 otherwise. */
  private Student entity(String studentNumber) {
    return students
        .findByStudentNumber(PersianText.digits(studentNumber))
        .orElseThrow(
            () ->
                ParvandehException.notFound(
                    "student-not-found",
                    "دانشجویی با این شماره پیدا نشد.",
                    "No student with this number."));
  }

  @Override
  @Transactional(readOnly = true)
  public StudentRef getById(Long id) {
    return students
        .findById(id)
        .orElseThrow(
            () ->
                ParvandehException.notFound(
                    "student-not-found", "دانشجو پیدا نشد.", "No such student."))
        .ref();
  }

  @Override
  @Transactional(readOnly = true)
  public List<StudentRef> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return refs(students.findWithFacultyByIdIn(ids));
  }

  private static List<StudentRef> refs(List<Student> found) {
    return found.stream().map(Student::ref).toList();
  }

  @Override
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

  @Override
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

  @Override
  @Transactional(readOnly = true)
  public List<StudentRef> byNumbers(Collection<String> studentNumbers) {
    List<String> numbers = studentNumbers.stream().distinct().toList();
    List<Student> found = new ArrayList<>();
    for (int from = 0; from < numbers.size(); from += 1000) {
      found.addAll(
          students.findByStudentNumberIn(
              numbers.subList(from, Math.min(numbers.size(), from + 1000))));
    }
    return refs(found);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StudentRef> find(String studentNumber) {
    return students.findByStudentNumber(PersianText.digits(studentNumber)).map(Student::ref);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StudentRef> findByUser(String userId) {
    return students.findByUserId(userId).map(Student::ref);
  }

  @Override
  @Transactional(readOnly = true)
  public List<StudentRef> search(String query, FileScope scope, int limit) {
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
    return refs(found.setMaxResults(limit).getResultList());
  }

  @Override
  @Transactional
  public void moveToStage(String studentNumber, FileStage stage) {
    Student student = entity(studentNumber);
    FileStage before = student.getStage();
    student.moveTo(stage);
    if (before != stage) {
      // A process step moves the file: the file's own audit trail says when, from where to where.
      audit.change(
          "system", AuditAction.FILE_STAGE_CHANGED, student.getId(), null, before + " → " + stage);
    }
  }

  @Override
  @Transactional
  public StudentRef endStudy(String studentNumber, StudentStatus status, String actor) {
    if (status == StudentStatus.ACTIVE) {
      throw ParvandehException.badRequest(
          "invalid-closure-reason",
          "وضعیت پایان تحصیل باید دانش‌آموخته، انصراف، اخراج یا بسته‌شده باشد.",
          "Study ends as graduated, withdrawn, expelled or closed, not active.");
    }
    Student student = entity(studentNumber);
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
    students.flush();
    return student.ref();
  }
}
