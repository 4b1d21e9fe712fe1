package app.parvandeh.student.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface FacultyRepository extends JpaRepository<Faculty, String> {}
