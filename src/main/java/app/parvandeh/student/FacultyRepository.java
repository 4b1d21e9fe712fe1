package app.parvandeh.student;

import org.springframework.data.jpa.repository.JpaRepository;

interface FacultyRepository extends JpaRepository<Faculty, String> {}
