package app.parvandeh.student.internal;

import app.parvandeh.student.Degree;
import app.parvandeh.student.StudentStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StudentRepository extends JpaRepository<Student, Long> {

  /**
   * Written out, not derived from the name: Hibernate 6 keeps the plan of a query string, but
   * builds a derived (criteria) query's again on every call, and every admission looks a student up
   * by number.
   */
  @Query("select s from Student s where s.studentNumber = ?1")
  Optional<Student> findByStudentNumber(String studentNumber);

  Optional<Student> findByUserId(String userId);

  /** The person's files at a degree in a status (the national ID has an index of its own). */
  @Query(
      "select s from Student s where s.nationalId = ?1 and s.degree = ?2 and s.status = ?3"
          + " order by s.studentNumber")
  List<Student> filesOfPerson(String nationalId, Degree degree, StudentStatus status);

  List<Student> findByStudentNumberIn(Collection<String> studentNumbers);

  /** With their faculties in the same query. */
  @Query("select s from Student s join fetch s.faculty where s.id in ?1")
  List<Student> findWithFacultyByIdIn(Collection<Long> ids);
}
