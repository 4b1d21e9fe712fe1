package app.parvandeh.preservation;

import app.parvandeh.audit.AuditLog.AuditView;
import app.parvandeh.document.DocumentViews.ReviewView;
import app.parvandeh.monitoring.FileTimeline.Step;
import app.parvandeh.note.NoteView;
import app.parvandeh.student.StudentRef;
import java.time.Instant;
import java.util.List;

/**
 * What {@code data/file.json} says about the exported file: the student, every document with every
 * version (where its bytes are in the bag, their SHA-256, reviews, deletion for correction), notes
 * with their addresses, the process timeline, and counts. Times are ISO-8601 (UTC) with a Solar
 * Hijri twin.
 */
record FileManifest(
    String format,
    Instant exportedAt,
    String exportedAtJalali,
    String exportedBy,
    StudentInfo student,
    List<ExportedDocument> documents,
    List<ExportedNote> notes,
    List<Step> timeline,
    Counts counts) {

  static final String FORMAT = "parvandeh-file-export/1";

  record StudentInfo(
      Long id,
      String studentNumber,
      String nationalId,
      String firstName,
      String lastName,
      String fullName,
      String fatherName,
      String program,
      String admissionChannel,
      String facultyCode,
      String facultyName,
      String degree,
      String degreeLabel,
      int entryYear,
      String admissionType,
      boolean brilliantTalent,
      String status,
      String statusLabel,
      String stage,
      String stageLabel,
      Instant createdAt) {

    static StudentInfo of(StudentRef s) {
      return new StudentInfo(
          s.id(),
          s.studentNumber(),
          s.nationalId(),
          s.firstName(),
          s.lastName(),
          s.fullName(),
          s.fatherName(),
          s.program(),
          s.admissionChannel(),
          s.faculty().code(),
          s.faculty().nameFa(),
          s.degree().name(),
          s.degree().labelFa(),
          s.entryYear(),
          s.admissionType().name(),
          s.brilliantTalent(),
          s.status().name(),
          s.status().labelFa(),
          s.stage().name(),
          s.stage().labelFa(),
          s.createdAt());
    }
  }

  /**
   * A document; {@code deletedForCorrection} and {@code deletion} say whether and why it was
   * deleted.
   */
  record ExportedDocument(
      Long id,
      String typeCode,
      String typeName,
      String stage,
      String status,
      String statusLabel,
      String source,
      String description,
      String letterNumber,
      String letterDate,
      String createdBy,
      Instant createdAt,
      String createdAtJalali,
      boolean deletedForCorrection,
      Deletion deletion,
      List<ExportedVersion> versions) {}

  record Deletion(String deletedBy, String deletedAtJalali, String reason) {}

  /** One version's bytes: {@code path} is relative to the bag's root (data/documents/…). */
  record ExportedVersion(
      Long id,
      int versionNo,
      boolean current,
      boolean deletedForCorrection,
      String fileName,
      String path,
      String mediaType,
      long sizeBytes,
      String sha256,
      String uploadedBy,
      Instant uploadedAt,
      String uploadedAtJalali,
      ReviewView facultyReview,
      ReviewView centralReview) {}

  /**
   * A note; each address that is one of this file's versions names that version's path in the bag.
   */
  record ExportedNote(
      Long id,
      String kind,
      String kindLabel,
      String golestanScreen,
      String body,
      String author,
      Instant createdAt,
      String createdAtJalali,
      List<ExportedAddress> addresses) {

    static ExportedNote of(NoteView n, List<ExportedAddress> addresses) {
      return new ExportedNote(
          n.id(),
          n.kind(),
          n.kindLabel(),
          n.golestanScreen(),
          n.body(),
          n.author(),
          n.createdAt(),
          n.createdAtJalali(),
          addresses);
    }
  }

  record ExportedAddress(String address, String label, Long documentVersionId, String path) {}

  record Counts(int documents, int versions, int deletedDocuments, int notes, int auditEntries) {

    static Counts of(
        List<ExportedDocument> documents, List<ExportedNote> notes, List<AuditView> audit) {
      return new Counts(
          documents.size(),
          documents.stream().mapToInt(d -> d.versions().size()).sum(),
          (int) documents.stream().filter(ExportedDocument::deletedForCorrection).count(),
          notes.size(),
          audit.size());
    }
  }
}
