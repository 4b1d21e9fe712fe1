package app.parvandeh.student;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StudentRepository extends JpaRepository<Student, Long> {

  Optional<Student> findByStudentNumber(String studentNumber);

  Optional<Student> findByUserId(String userId);

  List<Student> findByStudentNumberIn(Collection<String> studentNumbers);
}
