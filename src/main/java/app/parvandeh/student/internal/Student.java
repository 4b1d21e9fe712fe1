package app.parvandeh.student.internal;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.AdmissionDetails;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A student and the state of their file. The student number is the file's business key in Camunda.
 */
@Entity
@Table(name = "student")
class Student {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "student_number")
  private String studentNumber;

  @Column(name = "national_id")
  private String nationalId;

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "last_name")
  private String lastName;

  /**
   * Normalized number, national ID and names, so a search with any letter or digit variant matches.
   */
  @Column(name = "search_text")
  private String searchText;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "faculty_code")
  private Faculty faculty;

  @Enumerated(EnumType.STRING)
  private Degree degree;

  @Column(name = "entry_year")
  private int entryYear;

  @Enumerated(EnumType.STRING)
  @Column(name = "admission_type")
  private AdmissionType admissionType;

  @Column(name = "brilliant_talent")
  private boolean brilliantTalent;

  @Column(name = "father_name")
  private String fatherName;

  private String program;

  /** The admission channel as Golestan exports it (سراسری، استعداد درخشان، انتقالی، پردیس...). */
  @Column(name = "admission_channel")
  private String admissionChannel;

  @Enumerated(EnumType.STRING)
  private StudentStatus status;

  @Enumerated(EnumType.STRING)
  private FileStage stage;

  /** The student's own Camunda user, who uploads in the portal. */
  @Column(name = "user_id")
  private String userId;

  @Column(name = "created_at")
  private Instant createdAt;

  @Version
  @Column(name = "row_version")
  private long rowVersion;

  protected Student() {}

  Student(
      NewStudent data,
      AdmissionDetails details,
      Faculty faculty,
      String studentNumber,
      String nationalId,
      Instant now) {
    this.studentNumber = studentNumber;
    this.nationalId = nationalId;
    this.firstName = PersianText.tidy(data.firstName());
    this.lastName = PersianText.tidy(data.lastName());
    this.faculty = faculty;
    this.degree = data.degree();
    this.entryYear = data.entryYear();
    this.admissionType = data.admissionType();
    this.brilliantTalent = data.brilliantTalent();
    this.fatherName = tidied(details.fatherName());
    this.program = tidied(details.program());
    this.admissionChannel = tidied(details.admissionChannel());
    this.status = StudentStatus.ACTIVE;
    this.stage = FileStage.ADMISSION;
    this.userId = studentNumber;
    this.createdAt = now;
    this.searchText = searchTextOf(studentNumber, nationalId, firstName, lastName);
  }

  /**
   * A name or title as every door stores it ({@link PersianText#tidy}: Persian ی/ک, ASCII digits,
   * no stray spaces or invisible marks); nothing for an absent or blank one.
   */
  private static String tidied(String text) {
    String value = PersianText.tidy(text);
    return value.isEmpty() ? null : value;
  }

  /**
   * Number, national ID and names folded and joined without spaces, so any spelling of a part
   * matches.
   */
  static String searchTextOf(String... parts) {
    return String.join("|", java.util.Arrays.stream(parts).map(PersianText::compact).toList());
  }

  /** Corrects the file's information; the caller records old and new in the audit trail. */
  void changeInfo(String firstName, String lastName, String nationalId, Degree degree) {
    this.firstName = PersianText.tidy(firstName);
    this.lastName = PersianText.tidy(lastName);
    this.nationalId = nationalId;
    this.degree = degree;
    this.searchText = searchTextOf(studentNumber, nationalId, firstName, lastName);
  }

  /**
   * Replaces the cohort list's details (names, father's name, programme, channel); the caller
   * audits the change.
   */
  void changeDetails(String firstName, String lastName, AdmissionDetails details) {
    this.firstName = PersianText.tidy(firstName);
    this.lastName = PersianText.tidy(lastName);
    this.fatherName = tidied(details.fatherName());
    this.program = tidied(details.program());
    this.admissionChannel = tidied(details.admissionChannel());
    this.searchText = searchTextOf(studentNumber, nationalId, firstName, lastName);
  }

  void moveTo(FileStage newStage) {
    this.stage = newStage;
  }

  void close(StudentStatus newStatus) {
    this.status = newStatus;
    this.stage = FileStage.GRADUATION;
  }

  public Long getId() {
    return id;
  }

  public String getStudentNumber() {
    return studentNumber;
  }

  public String getNationalId() {
    return nationalId;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getFullName() {
    return firstName + " " + lastName;
  }

  public Faculty getFaculty() {
    return faculty;
  }

  public Degree getDegree() {
    return degree;
  }

  public int getEntryYear() {
    return entryYear;
  }

  public AdmissionType getAdmissionType() {
    return admissionType;
  }

  public boolean isBrilliantTalent() {
    return brilliantTalent;
  }

  public String getFatherName() {
    return fatherName;
  }

  public String getProgram() {
    return program;
  }

  public String getAdmissionChannel() {
    return admissionChannel;
  }

  /** The cohort list's details of this student. */
  public AdmissionDetails details() {
    return new AdmissionDetails(fatherName, program, admissionChannel);
  }

  public StudentStatus getStatus() {
    return status;
  }

  public FileStage getStage() {
    return stage;
  }

  public String getUserId() {
    return userId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getRowVersion() {
    return rowVersion;
  }

  /** A copy of this row for other modules, as it stands now. */
  StudentRef ref() {
    return new StudentRef(
        id,
        studentNumber,
        nationalId,
        firstName,
        lastName,
        faculty.ref(),
        degree,
        entryYear,
        admissionType,
        brilliantTalent,
        fatherName,
        program,
        admissionChannel,
        status,
        stage,
        userId,
        createdAt,
        rowVersion);
  }
}
