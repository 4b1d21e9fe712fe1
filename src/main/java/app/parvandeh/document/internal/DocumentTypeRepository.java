package app.parvandeh.document.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentTypeRepository extends JpaRepository<DocumentType, String> {}
