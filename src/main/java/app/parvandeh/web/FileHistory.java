package app.parvandeh.web;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog.AuditView;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.note.NoteKind;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.StudentStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file's history as a clerk reads it: each audit line a Persian sentence that names the
 * document («شناسنامه، نسخه ۲، بارگذاری شد»), by the person's name, in Persian digits. The stored
 * audit trail keeps its exact technical wording (it is evidence and is never rewritten); the
 * sentence is made from it when the page is shown.
 */
final class FileHistory {

  /**
   * One line of the page's history; {@code details} is the stored wording, for whoever needs the
   * checksum.
   */
  record Line(
      Long id,
      Instant occurredAt,
      String occurredAtJalali,
      String actor,
      String actorName,
      AuditAction action,
      String sentence,
      String details,
      String remoteAddress) {}

  private static final Pattern UPLOADED =
      Pattern.compile(
          "^(\\w+) v(\\d+)( \\(batch 18090\\))?: (.+?) \\(.*?\\)"
              + "(?:; letter (\\S*) (\\S*))?.*$",
          Pattern.DOTALL);
  private static final Pattern REVIEWED =
      Pattern.compile("^(FACULTY|CENTRAL) (ACCEPTED|REJECTED) v(\\d+)(?:: (.*))?$", Pattern.DOTALL);
  private static final Pattern NOTE = Pattern.compile("^(\\w+) \\((\\d+)\\), (\\d+) addresses$");
  private static final Pattern STATUS = Pattern.compile("^status (\\w+) -> (\\w+).*$");
  private static final Pattern REASON = Pattern.compile("«(.*)»");

  private FileHistory() {}

  static List<Line> of(List<AuditView> trail, List<FileDocumentView> documents, PeopleNames names) {
    Map<Long, String> typeById = new HashMap<>();
    Map<String, String> typeByCode = new HashMap<>();
    documents.forEach(
        d -> {
          typeById.put(d.id(), d.typeName());
          typeByCode.put(d.typeCode(), d.typeName());
        });
    Map<String, String> people = names.of(trail.stream().map(AuditView::actor).toList());
    return trail.stream()
        .map(
            e ->
                new Line(
                    e.id(),
                    e.occurredAt(),
                    PersianText.toPersianDigits(e.occurredAtJalali()),
                    e.actor(),
                    people.getOrDefault(e.actor(), PersianText.toPersianDigits(e.actor())),
                    e.action(),
                    PersianText.toPersianDigits(
                        sentence(e, typeById.get(e.documentId()), typeByCode)),
                    e.details(),
                    e.remoteAddress()))
        .toList();
  }

  static String sentence(AuditView e, String documentType, Map<String, String> typeByCode) {
    String details = e.details() == null ? "" : e.details();
    String document =
        "«" + (documentType == null ? firstWord(details, typeByCode) : documentType) + "»";
    return switch (e.action()) {
      case FILE_CREATED -> "پرونده دانشجو ایجاد شد.";
      case FILE_VIEWED -> "پرونده را دید.";
      case FILE_EDITED -> edited(details);
      case DOCUMENT_UPLOADED -> uploaded(details, document);
      case DOCUMENT_VIEWED -> document + " را دید.";
      case DOCUMENT_DOWNLOADED -> document + " را دریافت کرد.";
      case DOCUMENT_EDITED -> "اطلاعات " + document + " اصلاح شد.";
      case DOCUMENT_REVIEWED -> reviewed(details, document);
      case DOCUMENT_DELETED_FOR_CORRECTION ->
          document + " برای اصلاح حذف شد" + reason(details) + ".";
      case DOCUMENT_RESTORED -> document + " بازگردانده شد.";
      case NOTE_RECORDED -> noted(details);
      case FILE_STAGE_CHANGED -> staged(details);
      case REPORT_EXPORTED -> "گزارش پرونده را گرفت.";
      case FILE_EXPORTED -> "نسخه بایگانی پرونده (BagIt) را گرفت.";
      case CLEARANCE_CERTIFICATE_ISSUED -> "گواهی تسویه پرونده را گرفت.";
    };
  }

  /** "ADMISSION → DURING_STUDY", as the stage change records it, in the stages' Persian names. */
  private static String staged(String details) {
    String[] stages = details.split(" → ");
    try {
      return "پرونده از مرحله «"
          + FileStage.valueOf(stages[0]).labelFa()
          + "» به مرحله «"
          + FileStage.valueOf(stages[1]).labelFa()
          + "» رفت.";
    } catch (RuntimeException notAsRecorded) {
      return "مرحله پرونده تغییر کرد.";
    }
  }

  private static String uploaded(String details, String document) {
    Matcher m = UPLOADED.matcher(details);
    if (!m.matches()) {
      return document + " بارگذاری شد.";
    }
    StringBuilder out =
        new StringBuilder(document).append("، نسخه ").append(m.group(2)).append("، ");
    out.append(
        m.group(3) != null ? "با بارگذاری گروهی (۱۸۰۹۰) به پرونده افزوده شد" : "بارگذاری شد");
    if (m.group(5) != null && !m.group(5).isBlank()) {
      out.append("؛ نامه شماره ").append(m.group(5)).append(" به تاریخ ").append(m.group(6));
    }
    return out.append(" (فایل ").append(m.group(4)).append(").").toString();
  }

  private static String reviewed(String details, String document) {
    Matcher m = REVIEWED.matcher(details);
    if (!m.matches()) {
      return document + " بررسی شد.";
    }
    String where = m.group(1).equals("FACULTY") ? "در بررسی دانشکده" : "در بررسی ستاد";
    String decision = ReviewDecision.valueOf(m.group(2)).labelFa();
    return document
        + "، نسخه "
        + m.group(3)
        + "، "
        + where
        + " "
        + decision
        + (m.group(4) == null || m.group(4).isBlank() ? "." : "؛ دلیل: «" + m.group(4) + "».");
  }

  private static String noted(String details) {
    Matcher m = NOTE.matcher(details);
    if (!m.matches()) {
      return "یادداشتی ثبت شد.";
    }
    String kind =
        Arrays.stream(NoteKind.values())
            .filter(k -> k.name().equals(m.group(1)))
            .findFirst()
            .map(NoteKind::labelFa)
            .orElse(m.group(1));
    int addresses = Integer.parseInt(m.group(3));
    return "یادداشت «"
        + kind
        + "» (گلستان "
        + m.group(2)
        + ") ثبت شد"
        + (addresses == 0 ? "." : " با " + addresses + " نشانی مدرک.");
  }

  private static String edited(String details) {
    Matcher m = STATUS.matcher(details);
    if (m.matches()) {
      String status =
          Arrays.stream(StudentStatus.values())
              .filter(s -> s.name().equals(m.group(2)))
              .findFirst()
              .map(StudentStatus::labelFa)
              .orElse(m.group(2));
      return "پایان تحصیل ثبت شد (" + status + ") و پرونده وارد تسویه شد.";
    }
    return "اطلاعات پرونده اصلاح شد.";
  }

  private static String reason(String details) {
    Matcher m = REASON.matcher(details);
    return m.find() ? "؛ دلیل: «" + m.group(1) + "»" : "";
  }

  private static String firstWord(String details, Map<String, String> typeByCode) {
    int end = details.indexOf(' ');
    String code = (end < 0 ? details : details.substring(0, end)).replace(":", "");
    return typeByCode.getOrDefault(code, "مدرک");
  }
}
