package app.parvandeh.preservation;

import app.parvandeh.audit.AuditLog;
import app.parvandeh.audit.AuditLog.AuditView;
import app.parvandeh.document.ContentStore;
import app.parvandeh.document.DocumentCorrections;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.ContentView;
import app.parvandeh.document.DocumentViews.VersionView;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.monitoring.FileTimeline;
import app.parvandeh.note.NoteService;
import app.parvandeh.preservation.FileManifest.Counts;
import app.parvandeh.preservation.FileManifest.Deletion;
import app.parvandeh.preservation.FileManifest.ExportedAddress;
import app.parvandeh.preservation.FileManifest.ExportedDocument;
import app.parvandeh.preservation.FileManifest.ExportedNote;
import app.parvandeh.preservation.FileManifest.ExportedVersion;
import app.parvandeh.preservation.FileManifest.StudentInfo;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.student.StudentRef;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes what goes into a bag's {@code data/}: every version's bytes (copied as a stream from the
 * content store and checked against the SHA-256 it was stored under), {@code file.json}, {@code
 * notes.csv} and {@code audit.csv}.
 */
@Component
class BagPayloadWriter {

  private final DocumentCorrections documents;
  private final DocumentService contents;
  private final NoteService notes;
  private final FileTimeline timeline;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  BagPayloadWriter(
      DocumentCorrections documents,
      DocumentService contents,
      NoteService notes,
      FileTimeline timeline,
      AuditLog audit,
      ObjectMapper json,
      Clock clock) {
    this.documents = documents;
    this.contents = contents;
    this.notes = notes;
    this.timeline = timeline;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** Writes the payload files into {@code root} (which the bag creator then moves under data/). */
  FileManifest write(Path root, StudentRef student, String actor) throws IOException {
    Map<Long, String> pathOfVersion = new HashMap<>();
    List<ExportedDocument> exported = new ArrayList<>();
    for (FileDocumentView d : documents.documentsOf(student.id())) {
      String folder =
          "documents/"
              + ExportNames.sanitize(d.stage() == null ? "OTHER" : d.stage())
              + "/"
              + ExportNames.sanitize(
                  d.typeCode() + "-" + d.id() + (d.deleted() ? "-deleted-for-correction" : ""));
      List<ExportedVersion> versions = new ArrayList<>();
      for (VersionView v :
          d.versions().stream().sorted(Comparator.comparingInt(VersionView::versionNo)).toList()) {
        String relative =
            folder + "/" + ExportNames.sanitize("v" + v.versionNo() + "-" + v.fileName());
        ContentView content = contents.content(v.id());
        copy(content, root.resolve(relative));
        pathOfVersion.put(v.id(), "data/" + relative);
        versions.add(
            new ExportedVersion(
                v.id(),
                v.versionNo(),
                d.current() != null && d.current().id().equals(v.id()),
                d.deleted(),
                v.fileName(),
                "data/" + relative,
                v.mediaType(),
                v.sizeBytes(),
                content.sha256(),
                v.uploadedBy(),
                v.uploadedAt(),
                v.uploadedAtJalali(),
                v.facultyReview(),
                v.centralReview()));
      }
      exported.add(
          new ExportedDocument(
              d.id(),
              d.typeCode(),
              d.typeName(),
              d.stage(),
              d.status().name(),
              d.statusLabel(),
              d.source(),
              d.description(),
              d.letterNumber(),
              d.letterDate(),
              d.createdBy(),
              d.createdAt(),
              d.createdAtJalali(),
              d.deleted(),
              d.deleted()
                  ? new Deletion(d.deletedBy(), d.deletedAtJalali(), d.deletionReason())
                  : null,
              versions));
    }
    List<ExportedNote> exportedNotes =
        notes.notesOf(student.id()).stream()
            .map(
                n ->
                    ExportedNote.of(
                        n,
                        n.addresses().stream()
                            .map(
                                a ->
                                    new ExportedAddress(
                                        a.address(),
                                        a.label(),
                                        a.documentVersionId(),
                                        a.documentVersionId() == null
                                            ? null
                                            : pathOfVersion.get(a.documentVersionId())))
                            .toList()))
            .toList();
    List<AuditView> trail = audit.ofStudent(student.id());
    Instant now = Instant.now(clock);
    FileManifest manifest =
        new FileManifest(
            FileManifest.FORMAT,
            now,
            JalaliDates.dateTime(now),
            actor,
            StudentInfo.of(student),
            exported,
            exportedNotes,
            timeline.of(student.studentNumber()),
            Counts.of(exported, exportedNotes, trail));
    json.writerWithDefaultPrettyPrinter().writeValue(root.resolve("file.json").toFile(), manifest);
    ExportCsv.writeNotes(root.resolve("notes.csv"), exportedNotes);
    ExportCsv.writeAudit(root.resolve("audit.csv"), trail);
    return manifest;
  }

  /**
   * Streams one version's bytes into the bag; bytes that no longer match their address (in every
   * copy the store keeps) stop the export with a Persian refusal, never a bag with damaged content.
   */
  private void copy(ContentView content, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream stored = contents.open(content);
        DigestInputStream in = new DigestInputStream(stored, Bags.sha256())) {
      Files.copy(in, target);
      String actual = HexFormat.of().formatHex(in.getMessageDigest().digest());
      if (!actual.equalsIgnoreCase(content.sha256())) {
        // The store verified these bytes just before; changed since, they are damaged all the same:
        // a clear refusal.
        throw new ContentStore.DamagedContentException(content.sha256());
      }
    }
  }
}
