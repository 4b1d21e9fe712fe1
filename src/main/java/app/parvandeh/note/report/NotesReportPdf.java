package app.parvandeh.note.report;

import static app.parvandeh.note.report.PdfPages.fa;

import app.parvandeh.note.report.NotesReport.AddressLine;
import app.parvandeh.note.report.NotesReport.Filters;
import app.parvandeh.note.report.NotesReport.NoteLine;
import app.parvandeh.note.report.NotesReport.StudentInfo;
import app.parvandeh.note.report.NotesReport.StudentNotes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Report 112 as a printable PDF: Persian, right to left, Jalali dates, a header per student,
 * clickable document links and page numbers. The font is DejaVu Sans (free licence, Arabic-script
 * glyphs), from the jasperreports-fonts artifact, embedded as a subset.
 */
public final class NotesReportPdf {

  public static final String TITLE = "گزارش ۱۱۲ – توضیحات مرتبط با دانشجو";
  private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";
  private static final byte[] REGULAR = read("DejaVuSans.ttf");
  private static final byte[] BOLD = read("DejaVuSans-Bold.ttf");

  /** The glyphs both faces have (DejaVu's regular and bold cover the same characters). */
  private static final CmapLookup GLYPHS = cmap(REGULAR);

  private NotesReportPdf() {}

  /**
   * The PDF bytes; {@code documentLink} gives a version's absolute address (the web layer's), so it
   * opens from a PDF reader.
   */
  public static byte[] write(NotesReport report, Function<Long, String> documentLink) {
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(TITLE);
      info.setCreator("Parvandeh");
      try (PdfPages pages = pages(document)) {
        heading(pages, report);
        if (report.students().isEmpty()) {
          pages.paragraph("یادداشتی با این شرایط پیدا نشد.", false, 11, PdfPages.MUTED, 0, null);
        }
        for (StudentNotes studentNotes : report.students()) {
          student(pages, studentNotes.student());
          for (NoteLine note : studentNotes.notes()) {
            note(pages, note, documentLink);
          }
          pages.space(10);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A4 pages in DejaVu Sans (regular and bold, embedded as subsets) for {@code document}. */
  static PdfPages pages(PDDocument document) throws IOException {
    PDType0Font regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true);
    PDType0Font bold = PDType0Font.load(document, new ByteArrayInputStream(BOLD), true);
    return new PdfPages(
        document,
        regular,
        new RtlText(regular, c -> GLYPHS.getGlyphId(c) != 0),
        bold,
        new RtlText(bold, c -> GLYPHS.getGlyphId(c) != 0));
  }

  private static void heading(PdfPages pages, NotesReport report) throws IOException {
    pages.paragraph(TITLE, true, 16, PdfPages.BLACK, 0, null);
    Filters f = report.filters();
    List<String> filters = new ArrayList<>();
    if (f.studentNumber() != null) {
      filters.add("شماره دانشجویی: " + fa(f.studentNumber()));
    }
    if (f.faculty() != null) {
      filters.add("دانشکده: " + f.facultyName());
    }
    if (f.from() != null) {
      filters.add("از تاریخ: " + f.from());
    }
    if (f.to() != null) {
      filters.add("تا تاریخ: " + f.to());
    }
    pages.paragraph(String.join("  |  ", filters), false, 10, PdfPages.MUTED, 0, null);
    pages.paragraph(
        "تاریخ تهیه: "
            + report.generatedAtJalali()
            + "  |  تعداد دانشجویان: "
            + fa(report.students().size())
            + "  |  تعداد یادداشت‌ها: "
            + fa(report.noteCount()),
        false,
        10,
        PdfPages.MUTED,
        0,
        null);
    pages.rule();
    pages.space(6);
  }

  private static void student(PdfPages pages, StudentInfo s) throws IOException {
    pages.ensure(100);
    pages.band(44);
    pages.paragraph(
        s.fullName() + " – شماره دانشجویی " + fa(s.studentNumber()),
        true,
        12,
        PdfPages.BLACK,
        4,
        null);
    pages.paragraph(
        s.facultyName()
            + "  |  مقطع "
            + s.degreeLabel()
            + "  |  ورودی "
            + fa(s.entryYear())
            + "  |  وضعیت: "
            + s.statusLabel()
            + "  |  مرحله پرونده: "
            + s.stageLabel(),
        false,
        9.5f,
        PdfPages.BLACK,
        4,
        null);
    pages.space(8);
  }

  private static void note(PdfPages pages, NoteLine n, Function<Long, String> documentLink)
      throws IOException {
    pages.ensure(48);
    pages.paragraph(
        n.createdAtJalali()
            + "  –  "
            + n.kindLabel()
            + " (گلستان "
            + fa(n.golestanScreen())
            + ")  –  نویسنده: "
            + n.author(),
        true,
        10,
        PdfPages.BLACK,
        0,
        null);
    pages.paragraph(n.body(), false, 10, PdfPages.BLACK, 10, null);
    for (AddressLine a : n.addresses()) {
      if (a.external()) {
        pages.paragraph(
            "• مرجع بیرونی (بارگذاری نشده): " + labelled(a), false, 9.5f, PdfPages.BLACK, 18, null);
      } else if (!a.resolved()) {
        pages.paragraph(
            "• نشانی نامعتبر (مدرک حذف شده یا پیدا نشد): " + labelled(a),
            false,
            9.5f,
            PdfPages.WARNING,
            18,
            null);
      } else {
        pages.paragraph(
            "• مدرک پرونده: "
                + a.documentTypeName()
                + " – فایل "
                + a.fileName()
                + " (شناسه نسخه "
                + fa(a.documentVersionId())
                + ")",
            false,
            9.5f,
            PdfPages.LINK,
            18,
            documentLink.apply(a.documentVersionId()));
      }
    }
    pages.rule();
  }

  private static String labelled(AddressLine a) {
    return (a.label() == null || a.label().isBlank() ? "" : a.label() + " – ")
        + "نشانی: "
        + a.address();
  }

  private static byte[] read(String name) {
    try (InputStream in = NotesReportPdf.class.getResourceAsStream(FONT_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "Font " + name + " is missing: add net.sf.jasperreports:jasperreports-fonts");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CmapLookup cmap(byte[] font) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(font)).getUnicodeCmapLookup();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
