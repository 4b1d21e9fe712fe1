package app.parvandeh.student.internal;

import app.parvandeh.student.FacultyRef;
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
class Faculty {

  @Id private String code;

  @Column(name = "name_fa")
  private String nameFa;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "candidate_group")
  private String candidateGroup;

  protected Faculty() {}

  Faculty(String code, String nameFa, String nameEn) {
    this.code = code;
    this.nameFa = nameFa;
    this.nameEn = nameEn;
    this.candidateGroup = FacultyRef.groupOf(code);
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

  FacultyRef ref() {
    return new FacultyRef(code, nameFa, nameEn);
  }
}
