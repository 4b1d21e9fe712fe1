package app.parvandeh.document.internal;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.ContentStore;
import app.parvandeh.document.ContentStore.ContentTooLargeException;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.StagedContent;
import app.parvandeh.document.Upload;
import app.parvandeh.shared.ParvandehException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one way bytes enter a student's file, whoever sends them (the student's admission upload, a
 * clerk's office letter or new version, a batch card): staged in the store and checked from the
 * bytes (size, type, markup), then committed, then added as a document's next version with its
 * audit line. A refusal at any check discards what was staged, so nothing is half stored.
 */
@Component
class DocumentIntake {

  /**
   * An upload received into the store's staging area and checked; {@code stored} says what it is.
   */
  record Staged(Upload upload, StagedContent content, StoredContent stored) {}

  private final ContentStore store;
  private final ContentTypes contentTypes;
  private final DocumentProperties properties;
  private final AuditLog audit;

  DocumentIntake(
      ContentStore store,
      ContentTypes contentTypes,
      DocumentProperties properties,
      AuditLog audit) {
    this.store = store;
    this.contentTypes = contentTypes;
    this.properties = properties;
    this.audit = audit;
  }

  /**
   * Receives and checks every upload; the first refused one discards them all and is thrown (413,
   * 415, 400).
   */
  List<Staged> stage(List<Upload> uploads) {
    long max = properties.maxFileSize().toBytes();
    List<Staged> staged = new ArrayList<>();
    try {
      for (Upload upload : uploads) {
        StagedContent content;
        try (InputStream in = upload.content().open()) {
          content = store.stage(in, max);
        }
        staged.add(new Staged(upload, content, null));
        if (content.sizeBytes() == 0) {
          throw ParvandehException.badRequest(
              "empty-file",
              "فایل «" + upload.fileName() + "» خالی است.",
              "The file '" + upload.fileName() + "' is empty.");
        }
        String mediaType = contentTypes.check(content.tempFile(), upload.fileName());
        staged.set(
            staged.size() - 1,
            new Staged(
                upload,
                content,
                new StoredContent(content.sha256(), content.sizeBytes(), mediaType)));
      }
      return staged;
    } catch (ContentTooLargeException e) {
      discard(staged);
      throw new ParvandehException(
          413,
          "file-too-large",
          "حجم فایل بیش از حد مجاز (" + properties.maxFileSize().toMegabytes() + " مگابایت) است.",
          "The file is larger than the allowed " + properties.maxFileSize().toMegabytes() + " MB.");
    } catch (IOException e) {
      discard(staged);
      throw new UncheckedIOException("Could not receive the upload", e);
    } catch (RuntimeException e) {
      discard(staged);
      throw e;
    }
  }

  /** Staged bytes that will not be kept: nothing was committed, so nothing is left behind. */
  void discard(List<Staged> staged) {
    staged.forEach(s -> store.discard(s.content()));
  }

  /** Refuses after staging: discards and hands back the refusal to throw. */
  RuntimeException refuse(List<Staged> staged, RuntimeException refusal) {
    discard(staged);
    return refusal;
  }

  /** Makes the staged bytes durable in the store; a failure discards the rest. */
  void commit(List<Staged> staged) {
    try {
      for (Staged s : staged) {
        store.commit(s.content());
      }
    } catch (IOException e) {
      discard(staged);
      throw new UncheckedIOException("Could not store the upload", e);
    }
  }

  /**
   * Adds committed content as the document's next version and writes its audit line in the caller's
   * transaction. {@code via} (may be null) names the way it came in, e.g. {@code batch 18090};
   * {@code more} (may be null) adds what else was recorded with it, e.g. the letter's number and
   * date.
   */
  DocumentVersion addVersion(
      Document document,
      StoredContent content,
      String fileName,
      String actor,
      Instant now,
      String via,
      String more) {
    DocumentVersion version = document.addVersion(content, fileName, actor, now);
    audit.change(
        actor,
        AuditAction.DOCUMENT_UPLOADED,
        document.getStudentId(),
        document.getId(),
        document.getType().getCode()
            + " v"
            + version.getVersionNo()
            + (via == null ? "" : " (" + via + ")")
            + ": "
            + version.getFileName()
            + " ("
            + version.getMediaType()
            + ", "
            + version.getSizeBytes()
            + " bytes, sha256 "
            + version.getContentSha256()
            + ")"
            + (more == null ? "" : "; " + more));
    return version;
  }
}
