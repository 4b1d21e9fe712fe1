package app.parvandeh.student;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface StudentRepository extends JpaRepository<Student, Long>, JpaSpecificationExecutor<Student> {

  Optional<Student> findByStudentNumber(String studentNumber);

  Optional<Student> findByUserId(String userId);

}
