package app.parvandeh.document.internal;

import app.parvandeh.document.StoredVersion;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentVersionRepository extends JpaRepository<DocumentVersion, Long> {

  boolean existsByContentSha256(String sha256);

  String STORED =
      "select new app.parvandeh.document.StoredVersion(v.id, d.id, d.studentId, v.contentSha256,"
          + " v.sizeBytes) from DocumentVersion v join v.document d";

  @Query(STORED + " order by v.contentSha256, v.id")
  List<StoredVersion> findAllStored();

  @Query(STORED + " where d.studentId = ?1 order by v.contentSha256, v.id")
  List<StoredVersion> findStoredOfStudent(Long studentId);

  @Query(STORED + " where v.contentSha256 = ?1 order by v.id")
  List<StoredVersion> findStoredWithContent(String sha256);

  /**
   * Each row: version id, document id, student id, type name, file name; documents deleted for
   * correction left out.
   */
  @Query(
      "select v.id, d.id, d.studentId, t.nameFa, v.fileName from DocumentVersion v join v.document d join d.type t"
          + " where v.id in ?1 and d.deletedAt is null")
  List<Object[]> findSummaries(java.util.Collection<Long> versionIds);
}
