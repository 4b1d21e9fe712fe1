package app.parvandeh.preservation;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.signing.OfficeSignatures;
import app.parvandeh.student.StudentRef;
import gov.loc.repository.bagit.domain.Metadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Exports one student's whole file as a BagIt bag: every document version, file.json, notes.csv and
 * the audit trail (audit.csv), built in a working directory, verified complete and valid, its tag
 * manifest signed with the office's key (a detached CMS signature beside it, {@value
 * #TAG_MANIFEST_SIGNATURE}), and recorded in the audit trail. Who may export is the caller's
 * decision (the web layer checks it before calling).
 */
@Service
public class FileExport {

  private static final Logger log = LoggerFactory.getLogger(FileExport.class);

  /** A working directory older than this was left by a crash; the start-up sweep removes it. */
  static final Duration LEFTOVER_AGE = Duration.ofHours(6);

  /**
   * The office's signature over tagmanifest-sha256.txt, which names the payload manifest's hash, so
   * it covers every payload byte; a tag file outside the tag manifest, as BagIt allows, in a tag
   * folder of its own (bagit-java reads every file at the root named {@code tagmanifest-*} as a
   * manifest).
   */
  static final String TAG_MANIFEST_SIGNATURE = "signatures/tagmanifest-sha256.txt.p7s";

  private final BagPayloadWriter payload;
  private final OfficeSignatures signatures;
  private final AuditLog audit;
  private final Clock clock;
  private final Path workRoot;
  private final String sourceOrganization;

  FileExport(
      BagPayloadWriter payload,
      OfficeSignatures signatures,
      AuditLog audit,
      Clock clock,
      @Value("${parvandeh.data-dir}/export-work") Path workRoot,
      @Value(
              "${parvandeh.preservation.source-organization:اداره آموزش دانشگاه (پرونده الکترونیکی دانشجو)}")
          String sourceOrganization) {
    this.payload = payload;
    this.signatures = signatures;
    this.audit = audit;
    this.clock = clock;
    this.workRoot = workRoot;
    this.sourceOrganization = sourceOrganization;
  }

  /** Builds and verifies the bag and records the export; the caller sends it and closes it. */
  public ExportedBag export(StudentRef student, String actor) {
    Path work = null;
    try {
      Files.createDirectories(workRoot);
      work = Files.createTempDirectory(workRoot, "export-");
      String bagName = "parvandeh-" + ExportNames.sanitize(student.studentNumber()) + "-bag";
      Path root = Files.createDirectory(work.resolve(bagName));
      FileManifest manifest = payload.write(root, student, actor);
      Bags.bagInPlace(root, metadata(student, actor));
      Files.createDirectories(root.resolve(TAG_MANIFEST_SIGNATURE).getParent());
      Files.write(
          root.resolve(TAG_MANIFEST_SIGNATURE),
          signatures.signDetached(Files.readAllBytes(root.resolve(Bags.TAG_MANIFEST))));
      Bags.verify(root);
      String manifestSha256 = Bags.sha256Of(root.resolve(Bags.PAYLOAD_MANIFEST));
      FileManifest.Counts counts = manifest.counts();
      audit.read(
          actor,
          AuditAction.FILE_EXPORTED,
          student.id(),
          null,
          "BagIt export: "
              + counts.documents()
              + " documents ("
              + counts.deletedDocuments()
              + " deleted for correction), "
              + counts.versions()
              + " versions, "
              + counts.notes()
              + " notes, "
              + counts.auditEntries()
              + " audit entries; "
              + Bags.PAYLOAD_MANIFEST
              + " sha256 "
              + manifestSha256);
      return new ExportedBag(work, root, bagName, manifestSha256, counts);
    } catch (IOException e) {
      Bags.deleteQuietly(work);
      throw new UncheckedIOException("Could not export the file of " + student.studentNumber(), e);
    } catch (RuntimeException e) {
      Bags.deleteQuietly(work);
      throw e;
    }
  }

  /** Where working directories live while a bag is built (tests check nothing is left there). */
  Path workRoot() {
    return workRoot;
  }

  private Metadata metadata(StudentRef student, String actor) {
    Instant now = Instant.now(clock);
    Metadata metadata = new Metadata();
    metadata.add("Source-Organization", sourceOrganization);
    metadata.add("External-Identifier", student.studentNumber());
    metadata.add(
        "External-Description",
        "پرونده الکترونیکی دانشجو "
            + student.fullName()
            + "، "
            + student.faculty().nameFa()
            + " (Student file "
            + student.studentNumber()
            + ")");
    metadata.add("Internal-Sender-Identifier", "parvandeh:student/" + student.id());
    metadata.add("Bag-Software-Agent", "Parvandeh with gov.loc:bagit 5.2.0");
    metadata.add("Parvandeh-Exported-By", actor);
    metadata.add("Parvandeh-Exported-At", now.toString());
    metadata.add("Parvandeh-Exported-At-Jalali", JalaliDates.dateTime(now));
    return metadata;
  }

  /**
   * Removes working directories a crash left behind (old enough not to be another node's export in
   * progress).
   */
  @EventListener(ApplicationReadyEvent.class)
  void sweepLeftovers() {
    sweep(workRoot, Instant.now(clock).minus(LEFTOVER_AGE));
  }

  /**
   * Deletes what an export left in {@code folder} ({@code export-…}) last changed before {@code
   * before}.
   */
  static void sweep(Path folder, Instant before) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> children = Files.list(folder)) {
      children
          .filter(p -> p.getFileName().toString().startsWith("export-"))
          .filter(
              p -> {
                try {
                  return Files.getLastModifiedTime(p).toInstant().isBefore(before);
                } catch (IOException e) {
                  return false;
                }
              })
          .forEach(Bags::deleteQuietly);
    } catch (IOException e) {
      log.warn("Could not sweep export leftovers in {}: {}", folder, e.toString());
    }
  }
}
