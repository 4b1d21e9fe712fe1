package app.parvandeh.intake.internal;

import app.parvandeh.shared.TypedNumbers;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/**
 * A data row of a cohort list, its cells tidied as read; {@link #outcome} is null until it is done.
 */
@Entity
@Table(name = "cohort_row")
class CohortRow {

  /**
   * Cells longer than this are cut (and then refused by their length rule), so one row cannot bloat
   * the table.
   */
  private static final int MAX_CELL = 400;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "import_id")
  private Long importId;

  @Column(name = "row_no")
  private int rowNo;

  @Column(name = "student_number")
  private String studentNumber;

  @Column(name = "national_id")
  private String nationalId;

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "last_name")
  private String lastName;

  @Column(name = "father_name")
  private String fatherName;

  @Column(name = "faculty_code")
  private String facultyCode;

  @Column(name = "degree_level")
  private String degreeLevel;

  private String program;

  @Column(name = "entry_year")
  private String entryYear;

  @Column(name = "admission_type")
  private String admissionType;

  @Column(name = "brilliant_talent")
  private String brilliantTalent;

  @Enumerated(EnumType.STRING)
  private RowOutcome outcome;

  private String field;

  @Column(name = "reason_fa")
  private String reasonFa;

  @Column(name = "reason_en")
  private String reasonEn;

  @Column(name = "done_at")
  private Instant doneAt;

  protected CohortRow() {}

  /**
   * The row as read. Text cells are kept raw (but cut) so the formula rule still sees a tab or a
   * leading sign; the student number is tidied now (and unwrapped as {@link
   * CohortRowRules#numberCell} reads it), so a number repeated in another digit script or kept as
   * text by a spreadsheet is found as a repeat.
   */
  public CohortRow(Long importId, int rowNo, Map<String, String> cells) {
    this.importId = importId;
    this.rowNo = rowNo;
    this.studentNumber = cut(TypedNumbers.unwrap(cells.get("student_number")).replace(" ", ""));
    this.nationalId = cut(cells.get("national_id"));
    this.firstName = cut(cells.get("first_name"));
    this.lastName = cut(cells.get("last_name"));
    this.fatherName = cut(cells.get("father_name"));
    this.facultyCode = cut(cells.get("faculty_code"));
    this.degreeLevel = cut(cells.get("degree_level"));
    this.program = cut(cells.get("program"));
    this.entryYear = cut(cells.get("entry_year"));
    this.admissionType = cut(cells.get("admission_type"));
    this.brilliantTalent = cut(cells.get("brilliant_talent"));
  }

  private static String cut(String cell) {
    String value = cell == null ? "" : cell;
    return value.length() > MAX_CELL ? value.substring(0, MAX_CELL) : value;
  }

  void finish(RowOutcome outcome, String field, String reasonFa, String reasonEn, Instant now) {
    this.outcome = outcome;
    this.field = field;
    this.reasonFa = limit(reasonFa);
    this.reasonEn = limit(reasonEn);
    this.doneAt = now;
  }

  private static String limit(String reason) {
    return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
  }

  public boolean isDone() {
    return outcome != null;
  }

  public Long getId() {
    return id;
  }

  public Long getImportId() {
    return importId;
  }

  public int getRowNo() {
    return rowNo;
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

  public String getFatherName() {
    return fatherName;
  }

  public String getFacultyCode() {
    return facultyCode;
  }

  public String getDegreeLevel() {
    return degreeLevel;
  }

  public String getProgram() {
    return program;
  }

  public String getEntryYear() {
    return entryYear;
  }

  public String getAdmissionType() {
    return admissionType;
  }

  public String getBrilliantTalent() {
    return brilliantTalent;
  }

  public RowOutcome getOutcome() {
    return outcome;
  }

  public String getField() {
    return field;
  }

  public String getReasonFa() {
    return reasonFa;
  }

  public String getReasonEn() {
    return reasonEn;
  }
}
