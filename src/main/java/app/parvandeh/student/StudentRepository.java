package app.parvandeh.student;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StudentRepository extends JpaRepository<Student, Long>, JpaSpecificationExecutor<Student> {

  Optional<Student> findByStudentNumber(String studentNumber);

  Optional<Student> findByUserId(String userId);

  List<Student> findByStudentNumberIn(Collection<String> studentNumbers);

  @Query("select s.studentNumber from Student s where (:faculty is null or s.faculty.code = :faculty)"
      + " and s.studentNumber > :after order by s.studentNumber")
  List<String> numbersAfter(@Param("faculty") String faculty, @Param("after") String after, Pageable page);

  @Query("select count(s) from Student s where (:faculty is null or s.faculty.code = :faculty)")
  long countInFaculty(@Param("faculty") String faculty);
}
