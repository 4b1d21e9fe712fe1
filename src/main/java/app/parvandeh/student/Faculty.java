package app.parvandeh.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A faculty (دانشکده); its clerks form one Camunda group, the candidate group of its students'
 * checks.
 */
@Entity
@Table(name = "faculty")
public class Faculty {

  /** Faculty clerks' groups are named {@code faculty-<code>}. */
  public static final String GROUP_PREFIX = "faculty-";

  @Id private String code;

  @Column(name = "name_fa")
  private String nameFa;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "candidate_group")
  private String candidateGroup;

  protected Faculty() {}

  public Faculty(String code, String nameFa, String nameEn) {
    this.code = code;
    this.nameFa = nameFa;
    this.nameEn = nameEn;
    this.candidateGroup = groupOf(code);
  }

  /** The Camunda group of a faculty's clerks. */
  public static String groupOf(String facultyCode) {
    return GROUP_PREFIX + facultyCode;
  }

  public String getCode() {
    return code;
  }

  public String getNameFa() {
    return nameFa;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String getCandidateGroup() {
    return candidateGroup;
  }
}
