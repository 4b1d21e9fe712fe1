package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentService;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.BrowserTest;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.TestStudents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

/**
 * A student picks files in the portal and uploads them: the picker offers the types the server
 * keeps, a file the server would refuse is refused on the page with the server's limit, and a good
 * one lands in the file.
 */
class PortalUploadBrowserTests extends BrowserTest {

  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @TempDir Path folder;

  @Value("${parvandeh.documents.max-file-size}")
  DataSize maxFileSize;

  @Test
  void aStudentUploadsAPdfAndAJpegFromThePickerAndATextFileIsRefusedOnThePage() throws IOException {
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    StudentRef student = students.admit(data, "admission-office");
    DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
    Path pdf = Files.write(folder.resolve("کارت ملی.pdf"), DemoFiles.pdf("national id"));
    Path jpeg = Files.write(folder.resolve("عکس.JPG"), DemoFiles.jpeg());
    Path text = Files.writeString(folder.resolve("notes.txt"), "not a document");

    browser.signIn(student.studentNumber(), data.nationalId());
    WebElement idCard = browser.waiting().until(d -> d.findElement(By.id("file-NATIONAL_ID_CARD")));
    assertThat(idCard.getAttribute("accept"))
        .contains(".pdf", ".jpg", ".png", "application/pdf", "image/jpeg");
    // The limit the server enforces (1 MB in the tests), not a number written into the page.
    String limit =
        PersianText.toPersianDigits(String.valueOf(maxFileSize.toMegabytes())) + " مگابایت";
    assertThat(browser.driver().findElement(By.id("help-NATIONAL_ID_CARD")).getText())
        .endsWith("حداکثر " + limit);
    assertThat(browser.driver().findElement(By.id("max-file-size")).getText()).isEqualTo(limit);

    browser.driver().findElement(By.id("file-PHOTO")).sendKeys(text.toString());
    browser
        .waiting()
        .until(d -> d.findElement(By.id("err-PHOTO")).getText().contains("پذیرفته نیست"));
    idCard.sendKeys(pdf.toString());
    browser.driver().findElement(By.id("file-PHOTO")).sendKeys(jpeg.toString());
    browser.press(
        browser
            .waiting()
            .until(
                d -> {
                  WebElement upload = d.findElement(By.id("upload-btn"));
                  return upload.isEnabled() ? upload : null;
                }));
    browser.waiting().until(d -> documents.documentsOf(student.id()).size() == 2);
    browser
        .waiting()
        .until(d -> d.findElement(By.id("flash")).getText().contains("با موفقیت بارگذاری شد"));
    browser.screenshot("portal-uploaded");

    assertThat(documents.documentsOf(student.id()))
        .extracting(d -> d.current().fileName())
        .containsExactlyInAnyOrder("کارت ملی.pdf", "عکس.JPG");
    assertThat(browser.text()).contains("در انتظار بررسی");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
