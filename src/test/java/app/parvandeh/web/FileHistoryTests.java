package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog.AuditView;
import app.parvandeh.document.FileDocumentView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each stored audit line reads as a Persian sentence naming the document, with Persian digits and
 * people's names.
 */
class FileHistoryTests {

  private static final Instant AT = Instant.parse("2026-12-01T07:14:22Z");

  @Test
  void reviewsUploadsAndNotesBecomePersianSentencesThatNameTheDocument() {
    FileDocumentView birth = mock(FileDocumentView.class);
    when(birth.id()).thenReturn(7L);
    when(birth.typeCode()).thenReturn("BIRTH_CERTIFICATE");
    when(birth.typeName()).thenReturn("شناسنامه");
    PeopleNames names = mock(PeopleNames.class);
    when(names.of(org.mockito.ArgumentMatchers.<java.util.Collection<String>>any()))
        .thenReturn(Map.of("clerk.eng", "زهرا احمدی"));

    List<FileHistory.Line> lines =
        FileHistory.of(
            List.of(
                entry(AuditAction.DOCUMENT_REVIEWED, 7L, "CENTRAL ACCEPTED v1"),
                entry(AuditAction.DOCUMENT_REVIEWED, 7L, "FACULTY REJECTED v2: ناخوانا"),
                entry(
                    AuditAction.DOCUMENT_UPLOADED,
                    7L,
                    "BIRTH_CERTIFICATE v2: scan.pdf (application/pdf, 1200 bytes, sha256 ab12cd)"),
                entry(
                    AuditAction.NOTE_RECORDED, null, "REGISTRATION_COMPLETE (10730), 0 addresses"),
                entry(
                    AuditAction.FILE_EDITED, null, "status ACTIVE -> WITHDRAWN, stage GRADUATION")),
            List.of(birth),
            names);

    assertThat(lines)
        .extracting(FileHistory.Line::sentence)
        .containsExactly(
            "«شناسنامه»، نسخه ۱، در بررسی ستاد پذیرفته شد.",
            "«شناسنامه»، نسخه ۲، در بررسی دانشکده رد شد؛ دلیل: «ناخوانا».",
            "«شناسنامه»، نسخه ۲، بارگذاری شد (فایل scan.pdf).",
            "یادداشت «تکمیل مدارک ثبت‌نامی» (گلستان ۱۰۷۳۰) ثبت شد.",
            "پایان تحصیل ثبت شد (انصراف) و پرونده وارد تسویه شد.");
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(line.sentence())
                    .doesNotContainPattern("[0-9]")
                    .doesNotContain("sha256", "CENTRAL", "ACCEPTED", "REGISTRATION_COMPLETE"));
    assertThat(lines.get(0).actorName()).isEqualTo("زهرا احمدی");
    assertThat(lines.get(0).occurredAtJalali()).isEqualTo("۱۴۰۵/۰۹/۱۰ ۱۰:۴۴");
    assertThat(lines.get(2).details())
        .as("the stored wording stays for the record")
        .contains("sha256 ab12cd");
  }

  private static AuditView entry(AuditAction action, Long documentId, String details) {
    return new AuditView(
        1L, AT, "1405/09/10 10:44", "clerk.eng", action, 42L, documentId, details, null);
  }
}
