package app.parvandeh.document;

import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentVersionRepository extends JpaRepository<DocumentVersion, Long> {

  boolean existsByContentSha256(String sha256);
}
