package app.parvandeh.note.report;

import static app.parvandeh.note.report.PdfPages.fa;

import app.parvandeh.note.report.ClearanceCertificate.DocumentLine;
import app.parvandeh.note.report.ClearanceCertificate.NoteAddresses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The clearance certificate as a printable Persian PDF, laid out like report 112 (same font,
 * right-to-left lines, Jalali dates with Persian digits). Unsigned: the caller has the office sign
 * it.
 */
public final class ClearanceCertificatePdf {

  public static final String TITLE = "گواهی تسویه پرونده";

  private ClearanceCertificatePdf() {}

  public static byte[] write(ClearanceCertificate c) {
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(TITLE + " " + c.studentNumber());
      info.setCreator("Parvandeh");
      try (PdfPages pages = NotesReportPdf.pages(document)) {
        pages.paragraph(TITLE, true, 20, PdfPages.BLACK, 0, null);
        pages.paragraph(
            "اداره آموزش دانشگاه – پرونده الکترونیکی دانشجو", false, 11, PdfPages.MUTED, 0, null);
        pages.paragraph("تاریخ صدور: " + c.issuedAtJalali(), false, 10, PdfPages.MUTED, 0, null);
        pages.rule();
        pages.space(6);
        pages.band(82);
        pages.paragraph("نام و نام خانوادگی: " + c.fullName(), true, 13, PdfPages.BLACK, 6, null);
        pages.paragraph(
            "شماره دانشجویی: " + fa(c.studentNumber()), false, 11, PdfPages.BLACK, 6, null);
        pages.paragraph(
            "دانشکده: " + c.facultyName() + "  |  مقطع: " + c.degreeLabel(),
            false,
            11,
            PdfPages.BLACK,
            6,
            null);
        pages.space(24);
        pages.paragraph(
            "گواهی می‌شود پرونده الکترونیکی این دانشجو در تاریخ "
                + c.clearedAtJalali()
                + " با تأیید نهایی "
                + c.clearedBy()
                + " کامل شناخته شد و به اداره دانش‌آموختگان اعلام گردید.",
            false,
            11,
            PdfPages.BLACK,
            0,
            null);
        pages.space(8);
        pages.paragraph(
            "مدارک پرونده (" + fa(c.documents().size()) + " مدرک)",
            true,
            12,
            PdfPages.BLACK,
            0,
            null);
        for (DocumentLine d : c.documents()) {
          pages.paragraph(
              "• "
                  + d.typeName()
                  + (d.fileName() == null
                      ? ""
                      : " – فایل "
                          + d.fileName()
                          + " (نسخه "
                          + fa(d.versionNo())
                          + "، شناسه نسخه "
                          + fa(d.versionId())
                          + ")")
                  + (d.letterNumber() == null ? "" : " – نامه " + fa(d.letterNumber()))
                  + " – "
                  + d.statusLabel(),
              false,
              10,
              PdfPages.BLACK,
              12,
              null);
        }
        pages.space(8);
        pages.paragraph("نشانی مدارک در یادداشت‌ها (گزارش ۱۱۲)", true, 12, PdfPages.BLACK, 0, null);
        if (c.notes().isEmpty()) {
          pages.paragraph(
              "یادداشتی با نشانی مدرک ثبت نشده است.", false, 10, PdfPages.MUTED, 12, null);
        }
        for (NoteAddresses n : c.notes()) {
          pages.ensure(40);
          pages.paragraph(
              "یادداشت شماره "
                  + fa(n.noteId())
                  + " – "
                  + n.createdAtJalali()
                  + " – "
                  + n.kindLabel()
                  + " (گلستان "
                  + fa(n.golestanScreen())
                  + ")",
              true,
              10,
              PdfPages.BLACK,
              12,
              null);
          for (String address : n.addresses()) {
            pages.paragraph("• نشانی: " + address, false, 9.5f, PdfPages.BLACK, 24, null);
          }
        }
        pages.space(12);
        pages.rule();
        pages.paragraph(
            "این گواهی با کلید امضای اداره آموزش امضای دیجیتال شده است؛ درستی آن را در سامانه، صفحه "
                + "«وارسی امضا»، بسنجید.",
            false,
            9,
            PdfPages.MUTED,
            0,
            null);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
